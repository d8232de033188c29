import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Card, OkrBook } from '../../src/domain/model';
import { readXlsxBook } from '../../src/xlsx/read';
import { loadExample, tempDir, writeExample } from './build-fixture';

/** The parts of a card a person wrote, without where they live in the workbook. */
function content(c: Card) {
  return {
    level: c.level, department: c.department ?? '', owner: c.owner ?? '',
    objectives: c.objectives.map((o) => ({
      // The target map has no source column: company objectives are top-down by nature.
      no: o.no, text: o.text, source: c.level === 'company' ? undefined : o.source, alignedTo: o.alignedTo, weight: o.weight, category: o.category,
      krs: o.krs.map((k) => ({
        no: k.no, text: k.text, deliverable: k.deliverable, target: k.target, criteria: k.criteria, deadline: k.deadline,
        period: k.period, weight: k.weight, progress: k.progress, selfScore: k.selfScore, managerScore: k.managerScore,
      })),
    })),
  };
}

describe('reading a generated workbook back into the domain model', () => {
  let dir: string;
  let file: string;
  let book: OkrBook;

  beforeAll(async () => {
    dir = await tempDir('roundtrip');
    file = (await writeExample(dir)).file;
    book = await readXlsxBook(await fs.readFile(file));
  });

  it('gives back exactly the imported OKRs, card by card', async () => {
    const ex = await loadExample();
    expect(content(book.company)).toEqual(content(ex.company));
    expect(book.departments.map(content)).toEqual(ex.departments.map(content));
    const byOwner = (cards: Card[]) => new Map(cards.map((c) => [`${c.department}/${c.owner}`, content(c)]));
    expect(byOwner(book.individuals)).toEqual(byOwner(ex.individuals));
    expect(book.org).toEqual(ex.org);
    expect(book.cycle).toMatchObject({ year: 2026, quarter: 4, start: '2026-10-01', end: '2026-12-31' });
    expect(book.lang).toBe('zh-CN');
  });

  it('reads what a person typed into an empty card, and finds the card after its sheet was renamed and moved', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const empty = book.individuals.find((c) => c.objectives.length === 0)!;
    const ws = wb.getWorksheet(empty.sheet!)!;
    ws.getCell('B7').value = '=HYPERLINK("http://x","提升客户满意度")'; // typed text, kept as text
    ws.getCell('C7').value = '自下而上';
    ws.getCell('D7').value = '公司#2';
    ws.getCell('E7').value = 1;
    ws.getCell('H7').value = '客户满意度从80%提升到90%';
    ws.getCell('J7').value = '满意度≥90%';
    ws.getCell('K7').value = '≥90%得1分';
    ws.getCell('L7').value = new Date(Date.UTC(2026, 11, 15));
    ws.getCell('M7').value = '年度';
    ws.getCell('P7').value = 0.65;
    ws.getCell('H8').value = '第二个KR';
    ws.getCell('Q8').value = 0.3;
    const signRow = ws.getColumn(1).values.findIndex((v) => v === '员工签字');
    ws.getCell(signRow, 2).value = empty.owner;
    ws.name = '我的卡片';
    wb.removeWorksheet(ws.id); // re-add at the end: the card moves to another position
    const moved = wb.addWorksheet('我的卡片');
    ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (c, col) => { moved.getCell(r, col).value = c.value; }));
    const out = path.join(dir, 'typed.xlsx');
    await wb.xlsx.writeFile(out);

    const again = await readXlsxBook(await fs.readFile(out));
    const card = again.individuals.find((c) => c.owner === empty.owner && c.department === empty.department)!;
    expect(card.sheet).toBe('我的卡片');
    expect(card.signOff.employee).toBe(empty.owner);
    expect(card.objectives).toHaveLength(1);
    const [o] = card.objectives;
    expect(o).toMatchObject({ no: 1, text: '=HYPERLINK("http://x","提升客户满意度")', source: 'bottom-up', alignedTo: 'company#2', weight: 1 });
    expect(o.krs.map((k) => [k.text, k.deadline, k.period, k.selfScore, k.managerScore])).toEqual([
      ['客户满意度从80%提升到90%', '2026-12-15', 'annual', 0.65, undefined],
      ['第二个KR', undefined, 'quarter', undefined, 0.3],
    ]);
    expect(again.individuals).toHaveLength(book.individuals.length);
  });
});

describe('the fast XML reader', () => {
  it('reads exactly what ExcelJS reads, on our file and on one LibreOffice rewrote', async () => {
    const { loadXlsx, sheetValues } = await import('../support/exceljs-read');
    const { readBook } = await import('../../src/templates/read-book');
    const { readSheetValuesFast } = await import('../../src/xlsx/fast-read');
    const { recalcXlsx } = await import('../support/libreoffice');
    const { runWith } = await import('../support/tools');
    const dir = await tempDir('fastread');
    const { file } = await writeExample(dir);
    const files = [file];
    if (runWith('soffice')) files.push(...(await recalcXlsx([file], path.join(dir, 'lo'))));
    for (const f of files) {
      const bytes = await fs.readFile(f);
      const wb = await loadXlsx(bytes);
      const slow = sheetValues(wb);
      // ExcelJS repeats a merged range's value in every cell; the file (and Excel) holds it once.
      const merged = (sheet: number, r: number, c: number) => wb.worksheets[sheet].getCell(r, c).type === ExcelJS.ValueType.Merge;
      const fast = await readSheetValuesFast(bytes);
      expect(fast.map((s) => [s.name, s.hidden])).toEqual(slow.map((s) => [s.name, s.hidden]));
      for (const [i, s] of slow.entries()) {
        for (let r = 1; r <= Math.min(s.rowCount, 60); r++) for (let c = 1; c <= 26; c++) {
          if (merged(i, r, c)) continue;
          const a = s.get(r, c);
          const b = fast[i].get(r, c);
          const norm = (v: unknown) => (v instanceof Date ? (v.getTime() / 86400000 + 25569) : v === '' ? null : v);
          if (typeof norm(a) === 'number') expect(b).toBeCloseTo(norm(a) as number, 9);
          else expect({ sheet: s.name, r, c, v: norm(b) }).toEqual({ sheet: s.name, r, c, v: norm(a) });
        }
      }
      expect(readBook(fast).individuals.map((c) => c.objectives.length)).toEqual(readBook(slow).individuals.map((c) => c.objectives.length));
    }
  });
});
