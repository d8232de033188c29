/**
 * The shapes of issue #15: small files that declare huge ranges or inflate to huge parts. Each is built
 * two ways: as an import table (an org .xlsx, for `new --org` and the pane's file import) and inside an
 * OKR workbook (for check and the edit commands). No jest globals: `npm run bench` and `npm run fuzz`
 * use this module too.
 *
 * XML is never searched with regular expressions: the sheet is parsed with the package engine's located
 * parser (src/xlsx/package/xml-tree.ts) and the shape goes in at the offset where SpreadsheetML's element
 * order puts it.
 */
import JSZip from 'jszip';
import { deflateRawSync } from 'zlib';
import { parseXml, type XEl } from '../../src/xlsx/package/xml-tree';
import { escapeText } from '../../src/xlsx/package/xml-text';

export type ShapeName =
  | 'wholeSheetValidation' | 'wholeColumnValidation' | 'wholeSheetConditionalFormat' | 'wholeColumnConditionalFormat'
  | 'wholeSheetMerge' | 'farDimension' | 'wholeSheetPrintArea' | 'compressedBloat' | 'lyingSizeBloat' | 'entityExpansion' | 'externalEntity';

export const SHAPES: readonly ShapeName[] = [
  'wholeSheetValidation', 'wholeColumnValidation', 'wholeSheetConditionalFormat', 'wholeColumnConditionalFormat',
  'wholeSheetMerge', 'farDimension', 'wholeSheetPrintArea', 'compressedBloat', 'lyingSizeBloat', 'entityExpansion', 'externalEntity',
];

/** Shapes that a reader must refuse (what they hold is not a workbook one can read in bounded time or safely). */
export const REFUSED_SHAPES: readonly ShapeName[] = ['compressedBloat', 'lyingSizeBloat', 'entityExpansion', 'externalEntity'];

/** The uncompressed size of a bloated sheet: over the 200 MB part limit (src/xlsx/package/limits.ts). */
export const BLOAT_BYTES = 260 * 1024 * 1024;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** SpreadsheetML's order of a worksheet's children (ECMA-376 Part 1, 18.3.1.99). */
const ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture',
  'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** The XML fragment a range shape adds to a worksheet, with the element it belongs in. */
function fragment(shape: ShapeName): { container: string; item: string; itemLocal: string } | undefined {
  switch (shape) {
    case 'wholeSheetValidation':
      return { container: 'dataValidations', itemLocal: 'dataValidation', item: '<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="A1:XFD1048576"><formula1>"甲,乙,丙"</formula1></dataValidation>' };
    case 'wholeColumnValidation':
      return { container: 'dataValidations', itemLocal: 'dataValidation', item: '<dataValidation type="whole" allowBlank="1" showErrorMessage="1" errorTitle="整数" error="请输入0到100的整数" sqref="C1:C1048576"><formula1>0</formula1><formula2>100</formula2></dataValidation>' };
    case 'wholeSheetConditionalFormat':
      return { container: '', itemLocal: 'conditionalFormatting', item: '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="99" dxfId="0"><formula>ISNUMBER(A1)</formula></cfRule></conditionalFormatting>' };
    case 'wholeColumnConditionalFormat':
      return { container: '', itemLocal: 'conditionalFormatting', item: '<conditionalFormatting sqref="C1:C1048576"><cfRule type="expression" priority="98" dxfId="0"><formula>LEN(C1)&gt;50</formula></cfRule></conditionalFormatting>' };
    case 'wholeSheetMerge':
      return { container: 'mergeCells', itemLocal: 'mergeCell', item: '<mergeCell ref="A6:XFD1048576"/>' };
    default:
      return undefined;
  }
}

/** Inserts `xml` as a child of the worksheet root, where the element order puts an element `local`. */
function insertChild(sheet: string, root: XEl, local: string, xml: string): string {
  const rank = ORDER.indexOf(local);
  const later = root.children.find((c) => c.uri === root.uri && ORDER.indexOf(c.local) > rank);
  const at = later ? later.start : root.closeStart;
  return sheet.slice(0, at) + xml + sheet.slice(at);
}

/** The worksheet XML with a range shape added (validations into <dataValidations>, merges into <mergeCells>). */
export function addRangeShape(sheet: string, shape: ShapeName): string {
  const doc = parseXml(sheet, 'sheet', { descend: (el, depth) => depth < 1 || el.local !== 'sheetData' });
  const root = doc.root;
  if (shape === 'farDimension') {
    // A dimension over the whole sheet, and one cell at its far corner.
    const dim = root.children.find((c) => c.local === 'dimension');
    let out = dim ? sheet.slice(0, dim.start) + '<dimension ref="A1:XFD1048576"/>' + sheet.slice(dim.end) : insertChild(sheet, root, 'dimension', '<dimension ref="A1:XFD1048576"/>');
    const d2 = parseXml(out, 'sheet', { descend: (el, depth) => depth < 1 || el.local !== 'sheetData' });
    const data = d2.root.children.find((c) => c.local === 'sheetData');
    if (!data) throw new Error('no sheetData');
    const far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远处</t></is></c></row>';
    out = data.selfClosing ? out.slice(0, data.start) + `<sheetData>${far}</sheetData>` + out.slice(data.end) : out.slice(0, data.closeStart) + far + out.slice(data.closeStart);
    return out;
  }
  const f = fragment(shape);
  if (!f) throw new Error(`${shape} is not a range shape`);
  if (!f.container) return insertChild(sheet, root, f.itemLocal, f.item);
  const box = root.children.find((c) => c.local === f.container && c.uri === root.uri);
  if (!box) return insertChild(sheet, root, f.container, `<${f.container} count="1">${f.item}</${f.container}>`);
  const count = box.children.length + 1;
  const open = box.selfClosing ? `<${box.name} count="${count}">` : `<${box.name} count="${count}">`;
  const inner = box.selfClosing ? '' : sheet.slice(box.openEnd, box.closeStart);
  return sheet.slice(0, box.start) + open + inner + f.item + `</${box.name}>` + sheet.slice(box.end);
}

/** The part of the worksheet named `name` in a package's bytes. */
export async function sheetPartNamed(bytes: Buffer, name: string): Promise<string> {
  return (await firstSheetPart(await JSZip.loadAsync(bytes), name)).part;
}

/** The first worksheet part of a package, or the one named `named` (through workbook.xml and its relationships). */
async function firstSheetPart(zip: JSZip, named?: string): Promise<{ part: string; name: string }> {
  const wb = parseXml(await zip.file('xl/workbook.xml')!.async('string'), 'xl/workbook.xml');
  const sheets = wb.root.children.find((c) => c.local === 'sheets');
  const first = named === undefined ? sheets?.children[0] : sheets?.children.find((c) => c.attrs.some((a) => a.local === 'name' && a.value === named));
  if (!first) throw new Error('no sheet');
  const rid = first.attrs.find((a) => a.local === 'id' && a.uri !== '')?.value;
  const name = first.attrs.find((a) => a.local === 'name')?.value ?? '';
  const rels = parseXml(await zip.file('xl/_rels/workbook.xml.rels')!.async('string'), 'rels');
  const rel = rels.root.children.find((r) => r.attrs.some((a) => a.local === 'Id' && a.value === rid));
  const target = rel?.attrs.find((a) => a.local === 'Target')?.value ?? '';
  return { part: target.startsWith('/') ? target.slice(1) : `xl/${target}`, name };
}

/**
 * A package with `shape` put into the worksheet `part` (the first sheet when not given). Bloat
 * shapes replace that sheet by one whose XML inflates to BLOAT_BYTES (honest sizes, or sizes in the
 * zip headers that lie); entity shapes put a DOCTYPE into it.
 */
export async function withShape(bytes: Buffer, shape: ShapeName, part?: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const target = part ?? (await firstSheetPart(zip)).part;
  const sheet = await zip.file(target)!.async('string');
  if (shape === 'compressedBloat' || shape === 'lyingSizeBloat') return bloat(zip, target, sheet, shape === 'lyingSizeBloat');
  if (shape === 'wholeSheetPrintArea') {
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    const { name } = await firstSheetPart(zip);
    const doc = parseXml(wbXml, 'xl/workbook.xml');
    const names = doc.root.children.find((c) => c.local === 'definedNames');
    const q = `'${name.replace(/'/g, "''")}'`;
    const dn = `<definedName name="_xlnm.Print_Area" localSheetId="0">${q}!$A:$XFD</definedName>`;
    let out: string;
    if (names && !names.selfClosing) out = wbXml.slice(0, names.closeStart) + dn + wbXml.slice(names.closeStart);
    else {
      const sheets = doc.root.children.find((c) => c.local === 'sheets')!;
      out = wbXml.slice(0, sheets.end) + `<definedNames>${dn}</definedNames>` + wbXml.slice(names ? names.end : sheets.end);
    }
    zip.file('xl/workbook.xml', out);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
  if (shape === 'entityExpansion' || shape === 'externalEntity') {
    const doc = parseXml(sheet, target, { descend: (el, depth) => depth < 1 });
    const dtd = shape === 'entityExpansion'
      ? '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
        + Array.from({ length: 8 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')
        + ']>'
      : '<!DOCTYPE worksheet [<!ENTITY ext SYSTEM "file:///etc/passwd">]>';
    const ref = shape === 'entityExpansion' ? '&i;' : '&ext;';
    const data = doc.root.children.find((c) => c.local === 'sheetData')!;
    const row = `<row r="3000"><c r="A3000" t="inlineStr"><is><t>${ref}</t></is></c></row>`;
    const body = data.selfClosing
      ? sheet.slice(doc.root.start, data.start) + `<sheetData>${row}</sheetData>` + sheet.slice(data.end)
      : sheet.slice(doc.root.start, data.closeStart) + row + sheet.slice(data.closeStart);
    zip.file(target, `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${dtd}\n${body}`);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
  zip.file(target, addRangeShape(sheet, shape));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The sheet replaced by its own start, BLOAT_BYTES of whitespace inside <sheetData>, and its end:
 * well-formed XML that deflates about 1000:1. With `lie`, the zip headers say the part is its real
 * size divided by 4096.
 */
async function bloat(zip: JSZip, target: string, sheet: string, lie: boolean): Promise<Buffer> {
  const doc = parseXml(sheet, target, { descend: (el, depth) => depth < 1 });
  const data = doc.root.children.find((c) => c.local === 'sheetData')!;
  const head = Buffer.from(data.selfClosing ? sheet.slice(0, data.start) + '<sheetData>' : sheet.slice(0, data.openEnd), 'utf8');
  const tail = Buffer.from(data.selfClosing ? '</sheetData>' + sheet.slice(data.end) : sheet.slice(data.closeStart), 'utf8');
  const filler = BLOAT_BYTES - head.length - tail.length;
  const raw = Buffer.concat([head, Buffer.alloc(filler, 0x20), tail]);
  const packed = deflateRawSync(raw, { level: 9 });
  zip.remove(target);
  const placeholder = 'BLOATPLACEHOLDER';
  zip.file(target, placeholder, { compression: 'STORE' });
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return spliceEntry(out, target, packed, raw.length, crc32Of(raw), lie ? Math.max(1, Math.floor(raw.length / 4096)) : raw.length);
}

function crc32Of(b: Buffer): number {
  // zlib.crc32 is Node ≥ 20.15; a table keeps this independent of the Node version.
  let c = ~0;
  for (let i = 0; i < b.length; i++) {
    c ^= b[i];
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/**
 * Replaces a STORED entry's data by deflated bytes in a zip JSZip wrote (no data descriptors, no
 * zip64), fixing the local header, the central directory and its offset.
 */
function spliceEntry(zip: Buffer, name: string, packed: Buffer, size: number, crc: number, declared: number): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const cdCount = zip.readUInt16LE(eocd + 10);
  const nameBytes = Buffer.from(name, 'utf8');
  // Find the entry in the central directory.
  let p = cdOffset;
  let localOffset = -1;
  let cdEntry = -1;
  for (let i = 0; i < cdCount; i++) {
    const n = zip.readUInt16LE(p + 28);
    const x = zip.readUInt16LE(p + 30);
    const k = zip.readUInt16LE(p + 32);
    if (zip.subarray(p + 46, p + 46 + n).equals(nameBytes)) {
      localOffset = zip.readUInt32LE(p + 42);
      cdEntry = p;
    }
    p += 46 + n + x + k;
  }
  if (localOffset < 0) throw new Error(`no entry ${name}`);
  const ln = zip.readUInt16LE(localOffset + 26);
  const lx = zip.readUInt16LE(localOffset + 28);
  const oldSize = zip.readUInt32LE(localOffset + 18);
  const dataStart = localOffset + 30 + ln + lx;
  const delta = packed.length - oldSize;
  const local = Buffer.from(zip.subarray(localOffset, dataStart));
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declared, 22);
  void size;
  const before = zip.subarray(0, localOffset);
  const after = Buffer.from(zip.subarray(dataStart + oldSize));
  // Fix the central directory (now at cdOffset + delta in the output) for entries after this one.
  const out = Buffer.concat([before, local, packed, after]);
  const newCd = cdOffset + delta;
  p = newCd;
  for (let i = 0; i < cdCount; i++) {
    const n = out.readUInt16LE(p + 28);
    const x = out.readUInt16LE(p + 30);
    const k = out.readUInt16LE(p + 32);
    const off = out.readUInt32LE(p + 42);
    if (p - newCd === cdEntry - cdOffset) {
      out.writeUInt16LE(8, p + 10);
      out.writeUInt32LE(crc, p + 16);
      out.writeUInt32LE(packed.length, p + 20);
      out.writeUInt32LE(declared, p + 24);
    } else if (off > localOffset) out.writeUInt32LE(off + delta, p + 42);
    p += 46 + n + x + k;
  }
  const e = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  out.writeUInt32LE(newCd, e + 16);
  return out;
}

/** A small org table as an .xlsx written the way Excel writes one (shared strings, styles, one sheet). */
export async function orgXlsx(rows: string[][] = DEFAULT_ORG): Promise<Buffer> {
  const zip = new JSZip();
  const strings: string[] = [];
  const idx = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const esc = escapeText;
  const col = (c: number) => String.fromCharCode(65 + c);
  const sheetRows = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => (v === '' ? '' : `<c r="${col(c)}${i + 1}" t="s"><v>${idx(v)}</v></c>`)).join('')}</row>`).join('');
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="组织架构" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`);
  const last = `${col(Math.max(...rows.map((r) => r.length)) - 1)}${rows.length}`;
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>${sheetRows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export const DEFAULT_ORG: string[][] = [
  ['部门', '姓名', '岗位', '上级', '负责人'],
  ['技术部', '张伟', '技术总监', '', '是'],
  ['技术部', '李娜', '工程师', '张伟', ''],
  ['市场部', '王芳', '市场总监', '', '是'],
  ['市场部', '刘洋', '专员', '王芳', ''],
];

/** The org table of DEFAULT_ORG as CSV (for generating the OKR workbook a shape goes into). */
export const DEFAULT_ORG_CSV = DEFAULT_ORG.map((r) => r.join(',')).join('\n') + '\n';
