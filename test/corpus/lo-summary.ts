/**
 * What LibreOffice shows of a workbook, read from LibreOffice's own .xlsx export of it: per sheet, its
 * charts, pivot tables, notes, tables and images. Comparing the summary of LibreOffice's export of the
 * input with that of the output says whether LibreOffice still shows everything after the edit.
 */
import { findPart, readParts, readRels, readSheets, relType } from './opc';
import { childrenNamed, descendants, NS, parseXml } from './xml';

export type LoSummary = Record<string, { charts: number; pivots: number; notes: number; tables: number; images: number }>;

export async function loSummary(bytes: Buffer): Promise<LoSummary> {
  const parts = await readParts(bytes);
  const info = readSheets(parts);
  const out: LoSummary = {};
  if (!info) return out;
  for (const s of info.sheets) {
    const e = { charts: 0, pivots: 0, notes: 0, tables: 0, images: 0 };
    if (s.part) {
      for (const r of readRels(parts, s.part)) {
        const p = r.part ? findPart(parts, r.part) : undefined;
        if (!p) continue;
        const t = relType(r);
        if (t === 'pivotTable') e.pivots++;
        if (t === 'table') e.tables++;
        if (t === 'comments') e.notes += descendants(parseXml(parts.get(p)!).root, NS.main, 'comment').length;
        if (t === 'drawing') {
          for (const d of readRels(parts, p)) {
            if (relType(d) === 'chart') e.charts++;
            if (relType(d) === 'image') e.images++;
          }
        }
      }
    }
    if (e.charts + e.pivots + e.notes + e.tables + e.images > 0) out[s.name] = e;
  }
  void childrenNamed;
  return out;
}
