/**
 * manifest.xml, checked offline:
 * - against Microsoft's XSD (../shared/schemas/office-addin-manifest/v1_1, via xmllint-wasm);
 * - what the XSD cannot check: every resid resolves to a resource of the right kind, every resource
 *   is used, the <FunctionName>s and COMMAND_IDS agree both ways, every string has its zh-CN
 *   override, every icon exists in assets/ with the pixel size the manifest claims;
 * - the production rewrite of the URLs (scripts/manifest-url.js, wired in webpack.config.js).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';
import { COMMAND_IDS, RIBBON_CONTROL_IDS, TASKPANE_ID } from '../../src/commands/ids';
import { DEV_URL, normalizeAddinUrl, resolveAddinUrl, rewriteManifestUrls } from '../../scripts/manifest-url';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const ASSETS_DIR = path.join(ROOT, 'assets');
// CI clones the repository next to shared/: <repo>/../shared.
const SCHEMA_DIR = path.resolve(__dirname, '../../../shared/schemas/office-addin-manifest/v1_1');
const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';

const manifestXml = fs.readFileSync(MANIFEST_PATH, 'utf8');

// ---------------------------------------------------------------------------------------------
// A small XML reader, enough for a manifest that already passed the XSD: elements, attributes,
// text, with prefixes kept as written (bt:Image). No DTDs, CDATA or processing instructions inside.

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  parent: XmlNode | null;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()] as string;
  });
}

function parseXml(xml: string): XmlNode {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '', parent: null };
  let current = root;
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(body)) !== null) {
    const [, closing, name, attrText, selfClosing, text] = m;
    if (text !== undefined) {
      current.text += decodeEntities(text);
    } else if (closing) {
      if (current.name !== name) throw new Error(`XML: </${name}> closes <${current.name}>`);
      current = current.parent as XmlNode;
    } else {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
      }
      const node: XmlNode = { name: name as string, attrs, children: [], text: '', parent: current };
      current.children.push(node);
      if (!selfClosing) current = node;
    }
  }
  if (current !== root) throw new Error(`XML: <${current.name}> is not closed`);
  return root;
}

function all(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${node.name}> has ${found.length} <${name}>`);
  return found[0] as XmlNode;
}

function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

const doc = parseXml(manifestXml);
const officeApp = child(doc, 'OfficeApp');
const versionOverrides = child(officeApp, 'VersionOverrides');
const resources = child(versionOverrides, 'Resources');

type ResourceKind = 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings';
const RESOURCE_ITEM: Record<ResourceKind, string> = {
  'bt:Images': 'bt:Image',
  'bt:Urls': 'bt:Url',
  'bt:ShortStrings': 'bt:String',
  'bt:LongStrings': 'bt:String',
};

function resourceMap(kind: ResourceKind): Map<string, XmlNode> {
  const map = new Map<string, XmlNode>();
  for (const item of childrenNamed(child(resources, kind), RESOURCE_ITEM[kind])) {
    const id = item.attrs.id as string;
    if (map.has(id)) throw new Error(`duplicate resource id ${id} in ${kind}`);
    map.set(id, item);
  }
  return map;
}

const RESOURCES: Record<ResourceKind, Map<string, XmlNode>> = {
  'bt:Images': resourceMap('bt:Images'),
  'bt:Urls': resourceMap('bt:Urls'),
  'bt:ShortStrings': resourceMap('bt:ShortStrings'),
  'bt:LongStrings': resourceMap('bt:LongStrings'),
};

/** Which kind of resource the element holding a resid must point at. */
function expectedKind(node: XmlNode): ResourceKind {
  switch (node.name) {
    case 'bt:Image':
      return 'bt:Images';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'LearnMoreUrl':
      return 'bt:Urls';
    case 'Label':
    case 'Title':
      return 'bt:ShortStrings';
    case 'Description':
      return 'bt:LongStrings';
    default:
      throw new Error(`unexpected element with a resid: <${node.name}>`);
  }
}

const residNodes: XmlNode[] = [];
(function collect(n: XmlNode): void {
  for (const c of n.children) {
    if (c.attrs.resid !== undefined) residNodes.push(c);
    collect(c);
  }
})(versionOverrides);

function resolve(node: XmlNode): XmlNode {
  const found = RESOURCES[expectedKind(node)].get(node.attrs.resid as string);
  if (!found) throw new Error(`resid ${node.attrs.resid} of <${node.name}> is not a ${expectedKind(node)} entry`);
  return found;
}

function zhOverride(node: XmlNode): string | undefined {
  const overrides = node.children.filter((c) => /(^|:)Override$/.test(c.name) && c.attrs.Locale === 'zh-CN');
  return overrides.length === 1 ? overrides[0]?.attrs.Value : undefined;
}

const controls = all(versionOverrides, 'Control');
function control(id: string): XmlNode {
  const found = controls.find((c) => c.attrs.id === id);
  if (!found) throw new Error(`no <Control id="${id}">`);
  return found;
}
function labelOf(node: XmlNode): { en: string; zh: string | undefined } {
  const res = resolve(child(node, 'Label'));
  return { en: res.attrs.DefaultValue as string, zh: zhOverride(res) };
}

// ---------------------------------------------------------------------------------------------
// XSD

function loadSchemaFiles(): { main: { fileName: string; contents: string }; preload: { fileName: string; contents: string }[] } {
  const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
  const read = (f: string): { fileName: string; contents: string } => ({
    fileName: f,
    contents: fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8'),
  });
  return { main: read(MAIN_XSD), preload: files.filter((f) => f !== MAIN_XSD).map(read) };
}

async function validateManifest(xml: string): Promise<XMLValidationResult> {
  const { main, preload } = loadSchemaFiles();
  return validateXML({ xml: [{ fileName: 'manifest.xml', contents: xml }], schema: [main], preload });
}

describe('manifest.xml against the Office add-in XSD (v1.1, offline)', () => {
  it('finds the schema folder next to the repository', () => {
    expect(fs.existsSync(path.join(SCHEMA_DIR, MAIN_XSD))).toBe(true);
    expect(fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd')).length).toBeGreaterThanOrEqual(5);
  });

  it('is valid', async () => {
    const result = await validateManifest(manifestXml);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('rejects a broken manifest (the validation can fail)', async () => {
    const broken = manifestXml
      .replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>')
      .replace('<FunctionName>okrScore</FunctionName>', '');
    const result = await validateManifest(broken);
    expect(result.valid).toBe(false);
    const messages = result.errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/Permissions/);
    expect(messages).toMatch(/FunctionName|Action/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('manifest.xml content', () => {
  it('is an Excel task-pane add-in with a fixed id, en-US default and zh-CN overrides', () => {
    expect(officeApp.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(officeApp, 'Id').text.trim()).toBe('199c31c0-6e16-4027-af51-75d2fd9372a0');
    expect(child(officeApp, 'DefaultLocale').text.trim()).toBe('en-US');
    const displayName = child(officeApp, 'DisplayName');
    expect(displayName.attrs.DefaultValue).toBe('OKR Workbook');
    expect(zhOverride(displayName)).toBe('OKR 工作簿');
    const description = child(officeApp, 'Description');
    expect(description.attrs.DefaultValue).toMatch(/OKR/);
    expect(zhOverride(description)).toMatch(/OKR/);
    expect(childrenNamed(child(officeApp, 'Hosts'), 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(child(officeApp, 'Permissions').text.trim()).toBe('ReadWriteDocument');
    expect(child(child(officeApp, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(
      'https://localhost:3000/taskpane.html',
    );
    expect(child(officeApp, 'ProviderName').text.trim()).not.toBe('');
  });

  it('requires ExcelApi 1.9', () => {
    const sets = all(child(officeApp, 'Requirements'), 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.9']]);
  });

  it('puts one OKR group with three buttons on the Home tab', () => {
    const hosts = childrenNamed(child(versionOverrides, 'Hosts'), 'Host');
    expect(hosts.map((h) => h.attrs['xsi:type'])).toEqual(['Workbook']);
    const surface = all(versionOverrides, 'ExtensionPoint');
    expect(surface.map((e) => e.attrs['xsi:type'])).toEqual(['PrimaryCommandSurface']);
    const tabs = all(versionOverrides, 'OfficeTab');
    expect(tabs.map((t) => t.attrs.id)).toEqual(['TabHome']);
    const groups = all(versionOverrides, 'Group');
    expect(groups.map((g) => g.attrs.id)).toEqual([RIBBON_CONTROL_IDS.group]);
    expect(labelOf(groups[0] as XmlNode)).toEqual({ en: 'OKR', zh: 'OKR' });
    expect(controls.map((c) => [c.attrs.id, c.attrs['xsi:type']])).toEqual([
      [RIBBON_CONTROL_IDS.pane, 'Button'],
      [RIBBON_CONTROL_IDS.validate, 'Button'],
      [RIBBON_CONTROL_IDS.score, 'Button'],
    ]);
  });

  it('opens the task pane from "打开OKR面板 / Open OKR pane"', () => {
    const pane = control(RIBBON_CONTROL_IDS.pane);
    expect(labelOf(pane)).toEqual({ en: 'Open OKR pane', zh: '打开OKR面板' });
    const action = child(pane, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(child(action, 'TaskpaneId').text.trim()).toBe(TASKPANE_ID);
    expect(resolve(child(action, 'SourceLocation')).attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html');
  });

  it('runs 校验 / Validate and 季度评分 / Quarter scoring as functions of commands.html', () => {
    expect(labelOf(control(RIBBON_CONTROL_IDS.validate))).toEqual({ en: 'Validate', zh: '校验' });
    expect(labelOf(control(RIBBON_CONTROL_IDS.score))).toEqual({ en: 'Quarter scoring', zh: '季度评分' });
    const fnOf = (id: string): string => {
      const action = child(control(id), 'Action');
      expect(action.attrs['xsi:type']).toBe('ExecuteFunction');
      return child(action, 'FunctionName').text.trim();
    };
    expect(fnOf(RIBBON_CONTROL_IDS.validate)).toBe(COMMAND_IDS.validate);
    expect(fnOf(RIBBON_CONTROL_IDS.score)).toBe(COMMAND_IDS.score);
    const functionFile = all(versionOverrides, 'FunctionFile');
    expect(functionFile).toHaveLength(1);
    expect(resolve(functionFile[0] as XmlNode).attrs.DefaultValue).toBe('https://localhost:3000/commands.html');
  });

  it('has a button for every COMMAND_IDS entry and no <FunctionName> outside COMMAND_IDS', () => {
    const functionNames = all(versionOverrides, 'FunctionName').map((f) => f.text.trim());
    const ids: string[] = Object.values(COMMAND_IDS);
    expect([...functionNames].sort()).toEqual([...ids].sort());
    expect(new Set(functionNames).size).toBe(functionNames.length);
  });

  it('resolves every resid to a resource of the right kind', () => {
    expect(residNodes.length).toBeGreaterThan(20);
    for (const node of residNodes) {
      expect(() => resolve(node)).not.toThrow();
    }
    // The check can fail: a misspelt id, or an id of the wrong kind.
    const fake = (name: string, resid: string): XmlNode => ({ name, attrs: { resid }, children: [], text: '', parent: null });
    expect(() => resolve(fake('Label', 'PaneButton.Lable'))).toThrow(/not a bt:ShortStrings entry/);
    expect(() => resolve(fake('Label', 'PaneButton.Tooltip'))).toThrow(/not a bt:ShortStrings entry/);
    expect(() => resolve(fake('SourceLocation', 'Icon.16'))).toThrow(/not a bt:Urls entry/);
  });

  it('uses every resource it defines', () => {
    const used = new Set(residNodes.map((n) => `${expectedKind(n)}:${n.attrs.resid}`));
    const defined = (Object.keys(RESOURCES) as ResourceKind[]).flatMap((kind) =>
      [...RESOURCES[kind].keys()].map((id) => `${kind}:${id}`),
    );
    expect(defined.filter((r) => !used.has(r))).toEqual([]);
  });

  it('has a zh-CN override for every string, and a supertip for every button', () => {
    for (const kind of ['bt:ShortStrings', 'bt:LongStrings'] as const) {
      for (const [id, node] of RESOURCES[kind]) {
        const zh = zhOverride(node);
        expect({ id, zh: zh !== undefined && zh.trim() !== '' }).toEqual({ id, zh: true });
        // Chinese text in the zh-CN override unless the string is a name (OKR).
        if (node.attrs.DefaultValue !== 'OKR') expect({ id, zh }).toEqual({ id, zh: expect.stringMatching(/[\u4e00-\u9fff]/) });
      }
    }
    for (const c of controls) {
      const tip = child(c, 'Supertip');
      expect(resolve(child(tip, 'Title')).attrs.DefaultValue).toBeTruthy();
      expect(resolve(child(tip, 'Description')).attrs.DefaultValue).toBeTruthy();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Icons

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetFileOf(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(ASSETS_DIR, url.slice(`${DEV_URL}assets/`.length));
}

describe('icons', () => {
  it('every <bt:Image size> of a button or group points at a PNG of that size in assets/', () => {
    const iconImages = residNodes.filter((n) => n.name === 'bt:Image');
    expect(iconImages.length).toBe(4 * 3);
    for (const ref of iconImages) {
      const file = assetFileOf(resolve(ref).attrs.DefaultValue as string);
      expect(fs.existsSync(file)).toBe(true);
      const size = Number(ref.attrs.size);
      expect({ file: path.basename(file), ...pngSize(file) }).toEqual({ file: path.basename(file), width: size, height: size });
    }
    // 16, 32 and 80 px for each button and the group.
    for (const icon of all(versionOverrides, 'Icon')) {
      expect(childrenNamed(icon, 'bt:Image').map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
    }
  });

  it('IconUrl is 32 px and HighResolutionIconUrl 64 px', () => {
    const icon = assetFileOf(child(officeApp, 'IconUrl').attrs.DefaultValue as string);
    const hi = assetFileOf(child(officeApp, 'HighResolutionIconUrl').attrs.DefaultValue as string);
    expect(pngSize(icon)).toEqual({ width: 32, height: 32 });
    expect(pngSize(hi)).toEqual({ width: 64, height: 64 });
  });

  it('assets/ holds 16, 32, 64, 80 and 128 px of the app icon and each button, as their names say', () => {
    for (const name of ['icon', 'pane', 'validate', 'score']) {
      for (const size of [16, 32, 64, 80, 128]) {
        expect(pngSize(path.join(ASSETS_DIR, `${name}-${size}.png`))).toEqual({ width: size, height: size });
      }
    }
  });

  it('the committed PNGs are exactly what scripts/make-icons.js draws', () => {
    // A child process: the drawing is plain number crunching that runs ~20x slower inside jest's VM.
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/make-icons.js'), '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Production URL rewrite

describe('production manifest (URL rewrite)', () => {
  const PROD = 'https://okr.example.com/addins/okr';

  it('leaves no localhost and keeps every path under the production URL', async () => {
    const out = rewriteManifestUrls(manifestXml, PROD);
    expect(out).not.toMatch(/localhost/i);
    // Every URL but the XML namespace names.
    const urls = [...out.matchAll(/https?:\/\/[^"<\s]+/g)]
      .map((m) => m[0])
      .filter((u) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    expect(urls.length).toBeGreaterThan(15);
    const outside = urls.filter((u) => u !== 'https://okr.example.com' && !u.startsWith(`${PROD}/`));
    expect(outside).toEqual([]);
    expect(out).toContain(`<SourceLocation DefaultValue="${PROD}/taskpane.html"/>`);
    expect(out).toContain(`DefaultValue="${PROD}/commands.html"`);
    expect(out).toContain('<AppDomain>https://okr.example.com</AppDomain>');
    // Only the URLs changed.
    expect(out.replace(/https:\/\/okr\.example\.com(\/addins\/okr\/)?/g, 'U')).toBe(
      manifestXml.replace(/https:\/\/localhost:3000\/?/g, 'U'),
    );
    const result = await validateManifest(out);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
  });

  it('is the identity for the dev URL, and normalises the deployment URL', () => {
    expect(rewriteManifestUrls(manifestXml, DEV_URL)).toBe(manifestXml);
    expect(normalizeAddinUrl('https://okr.example.com')).toBe('https://okr.example.com/');
    expect(normalizeAddinUrl(' https://okr.example.com/a/b ')).toBe('https://okr.example.com/a/b/');
    expect(resolveAddinUrl({})).toBe(DEV_URL);
    expect(resolveAddinUrl({ ADDIN_URL: 'https://x.example/okr' })).toBe('https://x.example/okr/');
    expect(rewriteManifestUrls('<a b="https://localhost:3000/x.html"/>', 'https://h.example/a&b/')).toBe(
      '<a b="https://h.example/a&amp;b/x.html"/>',
    );
  });

  it('refuses a deployment URL Office could not load', () => {
    expect(() => normalizeAddinUrl('http://okr.example.com/')).toThrow(/https/);
    expect(() => normalizeAddinUrl('okr.example.com')).toThrow(/valid URL/);
    expect(() => normalizeAddinUrl('https://okr.example.com/?v=1')).toThrow(/query/);
    expect(() => resolveAddinUrl({ ADDIN_URL: 'ftp://x' })).toThrow(/https/);
  });

  it('is what webpack.config.js applies to dist/manifest.xml in production mode', async () => {
    const saved = process.env.ADDIN_URL;
    process.env.ADDIN_URL = PROD;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const makeConfig = require('../../webpack.config.js') as (
        env: Record<string, unknown>,
        argv: Record<string, unknown>,
      ) => Promise<{ plugins: { patterns?: { from: string; transform?: { transformer(c: Buffer, p: string): Buffer | string } }[] }[] }>;
      const transformOf = async (mode: string): Promise<(c: Buffer, p: string) => Buffer | string> => {
        const config = await makeConfig({}, { mode });
        const pattern = config.plugins
          .flatMap((p) => p.patterns ?? [])
          .find((p) => p.from === 'manifest.xml');
        if (!pattern?.transform) throw new Error('webpack.config.js does not transform manifest.xml');
        return pattern.transform.transformer;
      };
      const prod = (await transformOf('production'))(Buffer.from(manifestXml), MANIFEST_PATH).toString();
      expect(prod).toBe(rewriteManifestUrls(manifestXml, PROD));
      expect(prod).not.toMatch(/localhost/i);
      const dev = (await transformOf('development'))(Buffer.from(manifestXml), MANIFEST_PATH).toString();
      expect(dev).toBe(manifestXml);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = saved;
    }
  });
});
