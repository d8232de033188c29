// Types for scripts/manifest-url.js (CommonJS, required by webpack.config.js).
export declare const DEV_URL: 'https://localhost:3000/';
export declare const DEV_ORIGIN: 'https://localhost:3000';
export declare function normalizeAddinUrl(url: string): string;
export declare function resolveAddinUrl(env?: Record<string, string | undefined>): string;
export declare function rewriteManifestUrls(xml: string, addinUrl: string): string;
