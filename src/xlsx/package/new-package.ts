/**
 * A new workbook written by the package engine: an empty package (one placeholder sheet) to which the
 * whole plan is applied as an edit that adds every sheet — the same renderer that writes update's new
 * cards, so `new` and the edits write a sheet the same way. ExcelJS built an object per cell and
 * deflated in JavaScript, and wrote one style record per conditional format (29,000 at 1,000 people);
 * the package engine writes each sheet's XML once and interns its styles.
 */
import JSZip from 'jszip';
import { emptyEdit, type SheetAdd, type WorkbookEdit } from '../../templates/edits';
import type { WorkbookPlan } from '../../templates/plan';
import { hashSheetPassword, type SheetPasswordHash } from '../password';
import { applyEditPackage, MINIMAL_STYLES } from './apply';
import { SharedStrings } from './cell-xml';
import { CT, NS, REL } from './names';
import { ZipPackage } from './zip-package';

const PLACEHOLDER = 'OKR Workbook placeholder';
const SHARED_STRINGS = 'xl/sharedStrings.xml';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The parts of an empty workbook with one sheet, the placeholder the first added sheet replaces. */
function emptyParts(): Record<string, string> {
  return {
    '[Content_Types].xml': `${XML}<Types xmlns="${NS.ct}">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>`
      + `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT.worksheet}"/>`
      + `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>`
      + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
      + '</Types>',
    '_rels/.rels': `${XML}<Relationships xmlns="${NS.rels}">`
      + `<Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/>`
      + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
      + '</Relationships>',
    'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">`
      + '<dc:creator>OKR Workbook</dc:creator></cp:coreProperties>',
    'xl/workbook.xml': `${XML}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><bookViews><workbookView/></bookViews>`
      + `<sheets><sheet name="${PLACEHOLDER}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="${NS.rels}">`
      + `<Relationship Id="rId1" Type="${REL.worksheet}" Target="worksheets/sheet1.xml"/>`
      + `<Relationship Id="rId2" Type="${REL.styles}" Target="styles.xml"/>`
      + '</Relationships>',
    'xl/worksheets/sheet1.xml': `${XML}<worksheet xmlns="${NS.main}"><sheetData/></worksheet>`,
    'xl/styles.xml': MINIMAL_STYLES,
  };
}

/** The plan as an edit of the empty package: every sheet added in order, the first replacing the placeholder. */
export function planAsEdit(plan: WorkbookPlan): WorkbookEdit {
  const sheets: SheetAdd[] = plan.sheets.map((plan, i) => ({
    plan, visibility: plan.hidden ? 'hidden' : 'visible', ...(i === 0 ? { replaces: PLACEHOLDER } : {}),
  }));
  return { ...emptyEdit(), sheets, names: plan.names, styles: plan.styles };
}

/** A new workbook's bytes from its plan; protected sheets get `password` (as a hash) when one is given. */
export async function writeNewWorkbook(plan: WorkbookPlan, password: string | undefined): Promise<Buffer> {
  return Buffer.from(await renderNewWorkbook(plan, password ? hashSheetPassword(password) : undefined));
}

/**
 * A new workbook's bytes from its plan, protected sheets with `hash` when one is given: the file
 * `new` and `next` write, rendered where Node is not (the task pane, with Node's zlib absent and
 * the hash made by web-password.ts) as where it is.
 */
export async function renderNewWorkbook(plan: WorkbookPlan, hash: SheetPasswordHash | undefined): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(emptyParts())) zip.file(name, text, { createFolders: false });
  // Loaded from deflated bytes, so that the parts the edit writes are deflated by Node's zlib where it is there (zip-package.ts).
  const pkg = await ZipPackage.load(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  const strings = new SharedStrings();
  await applyEditPackage(pkg, planAsEdit(plan), { values: new Map(), locks: [] }, undefined, { newHash: hash, strings });
  if (strings.list.length) {
    pkg.write(SHARED_STRINGS, strings.xml(NS.main));
    (await pkg.relsOf('xl/workbook.xml')).add(REL.sharedStrings, 'sharedStrings.xml');
    (await pkg.contentTypes()).addOverride(SHARED_STRINGS, CT.sharedStrings);
  }
  return pkg.saveBytes();
}
