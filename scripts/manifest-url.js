/*
 * Rewrites the development URLs of manifest.xml (https://localhost:3000/) to the URL the add-in is
 * deployed at. Used by webpack.config.js for `--mode production` (ADDIN_URL) and by the tests.
 * Plain CommonJS so that webpack.config.js can require it; types in manifest-url.d.ts.
 */
'use strict';

const DEV_URL = 'https://localhost:3000/';
const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Checks and normalises a deployment URL: https only (Office loads add-ins over https only), no
 * query or fragment, always ending in '/'.
 * @param {string} url
 * @returns {string}
 */
function normalizeAddinUrl(url) {
  let parsed;
  try {
    parsed = new URL(String(url).trim());
  } catch {
    throw new Error(`ADDIN_URL is not a valid URL: "${url}"`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(`ADDIN_URL must be an https:// URL (Office loads add-ins over https only): "${url}"`);
  }
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(`ADDIN_URL must not carry a query, fragment or credentials: "${url}"`);
  }
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.href;
}

/** The deployment URL from the environment (ADDIN_URL), default the dev server's. */
function resolveAddinUrl(env = process.env) {
  return normalizeAddinUrl(env.ADDIN_URL && env.ADDIN_URL.trim() ? env.ADDIN_URL : DEV_URL);
}

function xmlAttr(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Replaces every https://localhost:3000/... URL of the manifest with the same path under `addinUrl`,
 * and the bare origin (AppDomain) with the origin of `addinUrl`.
 * @param {string} xml manifest text
 * @param {string} addinUrl e.g. https://okr.example.com/addin/
 * @returns {string}
 */
function rewriteManifestUrls(xml, addinUrl) {
  const base = normalizeAddinUrl(addinUrl);
  const origin = new URL(base).origin;
  const out = xml.split(DEV_URL).join(xmlAttr(base)).split(DEV_ORIGIN).join(xmlAttr(origin));
  if (new URL(base).hostname !== 'localhost' && /localhost/i.test(out)) {
    throw new Error('manifest still mentions localhost after the URL rewrite');
  }
  return out;
}

module.exports = { DEV_URL, DEV_ORIGIN, normalizeAddinUrl, resolveAddinUrl, rewriteManifestUrls };
