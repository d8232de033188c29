import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import * as path from 'path';
import { RATING_WORDS } from '../../src/domain/labels';
import { quarterReport } from '../../src/domain/report';
import { rating } from '../../src/domain/scoring';
import { readValues, recalcXlsx } from '../support/libreoffice';
import { itWith } from '../support/tools';
import { tempDir } from '../workbook/build-fixture';
import { cli, editFile, exists, newExample, openXlsx, readBookOf } from './helpers';

const REG = '结果运用';
const CYCLE = '2026-Q4';

/** What people typed during the quarter, on top of the example's OKRs. */
function quarterOfWork(wb: ExcelJS.Workbook): void {
  const liu = wb.getWorksheet('个人-刘洋')!;
  liu.getCell('P7').value = 1.3; // out of range: counts as 1.0 (SCORE_RANGE flags it)
  liu.getCell('Q8').value = 0.55; // manager score wins over self score
  liu.getCell('N7').value = null; // a blank KR weight among given ones counts 0
  const zhao = wb.getWorksheet('个人-赵敏')!; // an empty card filled in by its owner
  zhao.getCell('B7').value = '把线上故障恢复时间缩短一半';
  zhao.getCell('H7').value = '平均恢复时间从60分钟降到30分钟';
  zhao.getCell('P7').value = 0.7;
  zhao.getCell('H8').value = '建立值班手册'; // no score at all: counts 0 and is listed
  zhao.getCell('B11').value = '提升监控覆盖率';
  zhao.getCell('H11').value = '核心服务监控覆盖率100%';
  zhao.getCell('Q11').value = 1; // a full score: "too easy?"
}

type RegisterRow = (string | number | null)[];

/** The register's rows A–L from row 5, as values (null for empty). */
function registerRows(wb: ExcelJS.Workbook, sheet = REG): RegisterRow[] {
  const ws = wb.getWorksheet(sheet)!;
  const out: RegisterRow[] = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const row = Array.from({ length: 12 }, (_, i) => {
      const v = ws.getCell(r, i + 1).value;
      return v === undefined || v === null || v === '' ? null : (v as string | number);
    });
    if (row.some((v) => v !== null)) out.push(row);
  }
  return out;
}

describe('okr-workbook score: the score register as values (file adapter)', () => {
  let dir: string;
  let original: string;
  let worked: string;
  let scored: string;
  let stdout: string;

  beforeAll(async () => {
    dir = await tempDir('score');
    original = await newExample(dir);
    worked = await editFile(original, path.join(dir, 'worked.xlsx'), quarterOfWork);
    scored = path.join(dir, 'scored.xlsx');
    const r = await cli('score', worked, '--out', scored, '--by', '周丽华', '--override', '测试：有意留下的错误');
    // The override is reported, with every problem it let through.
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^例外评分（原因已写入变更记录：测试：有意留下的错误）。本季度未锁定。未解决的错误 52 处：\n/);
    expect(r.err).toContain('个人-刘洋!P7\t目标1的KR1的自评分为1.3');
    stdout = r.out;
  });

  it('writes one row per person, then per department, then the company — values, not formulas', async () => {
    const book = await readBookOf(worked);
    const report = quarterReport(book);
    const wb = await openXlsx(scored);
    const rows = registerRows(wb);
    const label = (c?: string) => (c ? RATING_WORDS[c as keyof typeof RATING_WORDS]['zh-CN'] : null);
    const bonus = (c?: string) => (c ? book.settings.bonus[c as keyof typeof RATING_WORDS] : null);
    const hr = [null, null, null, null, null];
    // Shown rounded (0.00), stored unrounded, so the register sorts and sums as the cards compute.
    const reg = wb.getWorksheet(REG)!;
    const unrounded = report.people.findIndex((p) => p.score !== undefined && Math.round(p.score * 100) !== p.score * 100);
    expect(unrounded).toBeGreaterThanOrEqual(0);
    expect([reg.getCell(`D${5 + unrounded}`).numFmt, reg.getCell(`D${5 + unrounded}`).value]).toEqual(['0.00', report.people[unrounded].score]);
    expect(rows).toEqual([
      ...report.people.map((p) => [CYCLE, p.department, p.name, p.score ?? null, label(p.rating), bonus(p.rating), ...hr, '个人']),
      ...report.departments.map((d) => [CYCLE, d.name, null, d.score ?? null, label(d.rating), bonus(d.rating), ...hr, '部门']),
      [CYCLE, null, null, report.company.score ?? null, label(report.company.rating), bonus(report.company.rating), ...hr, '公司'],
    ]);
    expect(rows).toHaveLength(36 + 6 + 1);
    const ws = wb.getWorksheet(REG)!;
    for (let r = 5; r < 5 + rows.length; r++) for (let c = 1; c <= 12; c++) expect(ws.getCell(r, c).type).not.toBe(6 /* ExcelJS.ValueType.Formula */);
    // The person's score is unrounded, exactly the TypeScript scoring.
    const liu = report.people.find((p) => p.name === '刘洋')!;
    expect(rows.find((r) => r[2] === '刘洋')![3]).toBe(liu.score);
    // HR's columns stay open for typing on a protected sheet; the register's own cells are locked.
    expect(ws.getCell('H5').style.protection?.locked).toBe(false);
    expect(ws.getCell('D5').style.protection?.locked).not.toBe(false); // locked is the default
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(ws.getCell('L4').value).toBe('层级');
    // The rating distribution beside it.
    expect([4, 5].map((r) => [14, 15, 16, 17, 18, 19].map((c) => ws.getCell(r, c).value))).toEqual([
      ['周期', '差', '待改进', '良好', '优秀', '合计'],
      [CYCLE, report.distribution.BAD, report.distribution.FAIR, report.distribution.GOOD, report.distribution.EXCELLENT,
        report.people.filter((p) => p.score !== undefined).length],
    ]);
    // And the change log.
    const log = wb.getWorksheet('变更记录')!;
    expect([log.getCell('B5').value, log.getCell('G5').value]).toEqual(['季度评分（例外）', '周丽华']);
    expect(String(log.getCell('F5').value)).toMatch(/^2026-Q4：36 人，公司得分 [\d.]+（\S+）；个人评级分布：差 \d+，待改进 \d+，良好 \d+，优秀 \d+；未评分KR \d+ 个（按0分计）$/);
  });

  it('lists the KRs scored 1.0, the KRs without a score and the unfinished ones (carry-over candidates)', () => {
    expect(stdout).toMatch(/^已写入 .*scored\.xlsx：2026-Q4 季度评分，36 人、6 个部门和公司（数值，不是公式）。/);
    expect(stdout).toMatch(/满分（1\.0）的KR：\d+ 个——目标是否太容易？（O_SPECIFIC）\n(.*\n)*  个人-赵敏!H11\t技术部\/赵敏\t目标2 KR1\t1\.0\t核心服务监控覆盖率100%/);
    expect(stdout).toMatch(/没有评分的KR：\d+ 个（按0分计）\n(.*\n)*  个人-赵敏!H8\t技术部\/赵敏\t目标1 KR2\t0\.0\t建立值班手册/);
    expect(stdout).toMatch(/低于良好的KR（得分<0\.6，结转候选；仅在确有必要时结转，并写明原因）：\d+ 个/);
    // Only KRs below the GOOD band are candidates: 赵敏's 0.7 met an ambitious target, the unscored one did not.
    const candidates = stdout.slice(stdout.indexOf('低于良好的KR'));
    expect(candidates).not.toMatch(/个人-赵敏!H7\t/);
    expect(candidates).toMatch(/  个人-赵敏!H8\t技术部\/赵敏\t目标1 KR2\t0\.0\t建立值班手册/);
  });

  itWith('soffice')('every person\'s register score equals their card\'s formulas recalculated by LibreOffice', async () => {
    const [recalculated] = await recalcXlsx([scored], path.join(dir, 'lo'));
    const values = await readValues(recalculated);
    const book = await readBookOf(scored);
    const register = values.get(REG)!;
    let compared = 0;
    for (let r = 5; register.has(`A${r}`); r++) {
      const level = register.get(`L${r}`);
      if (level === '公司') continue;
      const card = level === '个人'
        ? book.individuals.find((c) => c.department === register.get(`B${r}`) && c.owner === register.get(`C${r}`))!
        : book.departments.find((c) => c.department === register.get(`B${r}`))!;
      const cardValues = values.get(card.sheet!)!;
      const fromCard = cardValues.get('B3') ?? '';
      const fromRegister = register.get(`D${r}`) ?? '';
      if (fromCard === '' && cardValues.get('D3') === '未评分') {
        // A card with objectives but no score yet shows 未评分; the register, which decides pay, counts its KRs 0 (listed as unscored).
        expect({ sheet: card.sheet, score: fromRegister, rating: register.get(`E${r}`) }).toEqual({ sheet: card.sheet, score: 0, rating: '差' });
      } else if (fromCard === '') {
        expect({ sheet: card.sheet, register: fromRegister }).toEqual({ sheet: card.sheet, register: '' });
      } else {
        expect({ sheet: card.sheet, score: fromRegister }).toEqual({ sheet: card.sheet, score: expect.closeTo(fromCard as number, 12) });
        // The rating label the card's formula shows is the one written into the register.
        expect({ sheet: card.sheet, rating: register.get(`E${r}`) }).toEqual({ sheet: card.sheet, rating: cardValues.get('D3') });
      }
      compared++;
    }
    expect(compared).toBe(36 + 6);
    // The company row is the target map's card score.
    const company = [...register.entries()].find(([k, v]) => k.startsWith('L') && v === '公司')![0].slice(1);
    const map = values.get('目标体系图')!;
    if (map.get('D3') === '未评分') expect([register.get(`D${company}`), map.get('B3') ?? '']).toEqual([0, '']);
    else expect(register.get(`D${company}`)).toBeCloseTo(map.get('B3') as number, 12);
  });

  it('--json prints exactly the issue\'s shape: unrounded scores, rating codes, null without objectives', async () => {
    const out = path.join(dir, 'json.xlsx');
    const r = await cli('score', worked, '--out', out, '--json', '--override', '测试：有意留下的错误');
    // stdout is JSON only; what the override let through goes to stderr.
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^例外评分/);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['cycle', 'people', 'departments', 'company', 'distribution']);
    const report = quarterReport(await readBookOf(worked));
    expect(json).toEqual({
      cycle: '2026-Q4',
      people: report.people.map((p) => ({ name: p.name, department: p.department, score: p.score ?? null, rating: p.rating ?? null })),
      departments: report.departments.map((d) => ({ name: d.name, score: d.score ?? null, rating: d.rating ?? null })),
      company: { score: report.company.score, rating: report.company.rating },
      distribution: report.distribution,
    });
    for (const p of json.people) {
      expect(Object.keys(p)).toEqual(['name', 'department', 'score', 'rating']);
      if (p.score === null) expect(p.rating).toBeNull();
      else expect(p.rating).toBe(rating(p.score, { fairFrom: 0.4, goodFrom: 0.6, goodTo: 0.7 }));
    }
    expect(json.people.find((p: { name: string }) => p.name === '陈建国')).toEqual({ name: '陈建国', department: '总经办', score: null, rating: null });
    expect(Object.keys(json.distribution)).toEqual(['BAD', 'FAIR', 'GOOD', 'EXCELLENT']);
    expect(json.people.some((p: { score: number | null }) => p.score !== null && String(p.score).length > 6)).toBe(true); // not rounded
  });

  it('scoring the cycle again is refused without --force (exit 2), and nothing is written', async () => {
    const out = path.join(dir, 'again.xlsx');
    const r = await cli('score', scored, '--out', out, '--override', '测试：有意留下的错误');
    expect(r.code).toBe(2);
    expect(r.err).toBe('“结果运用”中已有 2026-Q4 的 43 行评分，未做任何修改。加 --force 重新评分：只替换本周期的行，其他周期的行不变，人力资源部填写的内容按人保留。');
    expect(await exists(out)).toBe(false);
  });

  it('with --force, replaces only this cycle\'s rows: other cycles and what HR typed stay', async () => {
    // HR's register after a while: an older cycle above (with their notes), salary notes on this one.
    const hrTyped = await editFile(scored, path.join(dir, 'hr.xlsx'), (wb) => {
      const ws = wb.getWorksheet(REG)!;
      ws.spliceRows(5, 0,
        ['2026-Q3', '技术部', '刘洋', 0.61, '良好', 1, null, '上调5%', null, '8000', '三季度', '个人'],
        ['2026-Q3', '技术部', null, 0.58, '待改进', 0.6, null, null, null, null, null, '部门'],
      );
      const liuRow = registerRows(wb).findIndex((r) => r[0] === CYCLE && r[2] === '刘洋') + 5;
      ws.getCell(`H${liuRow}`).value = '晋升评估中';
      ws.getCell(`K${liuRow}`).value = '年度优秀候选';
      // A manager corrects a score on a card after the first run.
      wb.getWorksheet('个人-刘洋')!.getCell('Q8').value = 0.1;
    });
    const before = registerRows(await openXlsx(hrTyped));
    const rescored = path.join(dir, 'rescored.xlsx');
    const r = await cli('score', hrTyped, '--out', rescored, '--force', '--override', '测试：有意留下的错误');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/替换了本周期原有的 43 行/);
    const after = registerRows(await openXlsx(rescored));
    expect(after).toHaveLength(before.length);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2)); // the older cycle, untouched
    const report = quarterReport(await readBookOf(hrTyped));
    const liu = after.find((row) => row[0] === CYCLE && row[2] === '刘洋')!;
    expect(liu[3]).toBe(report.people.find((p) => p.name === '刘洋')!.score);
    expect(liu[3]).not.toBe(before.find((row) => row[0] === CYCLE && row[2] === '刘洋')![3]);
    expect([liu[7], liu[10]]).toEqual(['晋升评估中', '年度优秀候选']);
    // Everything else of the cycle is rewritten from the cards, in the same rows.
    expect(after.filter((row) => row[0] === CYCLE)).toHaveLength(43);
    const log = (await readBookOf(rescored)).changeLog;
    expect(log.map((e) => e.kind)).toEqual(['score-override', 'score-override']);
    expect(log[1].note).toMatch(/，重新评分，替换了本周期原有的 43 行$/);
  });

  it('leaves every other part of the workbook as it was: validations, formats, merges, protection, names', async () => {
    const parts = async (file: string) => {
      const zip = await JSZip.loadAsync(await fs.readFile(file));
      const wbXml = await zip.file('xl/workbook.xml')!.async('string');
      const names = [...wbXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="(rId\d+)"/g)].map((m) => m[1]);
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      const out = new Map<string, { cf: number; dv: string[]; merges: number; protected: boolean }>();
      for (const m of wbXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="(rId\d+)"/g)) {
        const t = target(m[2]);
        const xml = await zip.file(`xl/${(t[1] ?? t[2]).replace(/^\/?xl\//, '')}`)!.async('string');
        out.set(m[1], {
          cf: (xml.match(/<cfRule /g) ?? []).length,
          dv: [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((x) => x[1]).sort(),
          merges: (xml.match(/<mergeCell /g) ?? []).length,
          protected: /<sheetProtection [^>]*sheet="1"/.test(xml),
        });
      }
      return { names, sheets: out, definedNames: (wbXml.match(/<definedName /g) ?? []).length };
    };
    // Against the input (filled in and saved by ExcelJS, which doubles validation ranges): the edit
    // engine works on the package, so what it does not own — validations included — stays as it was.
    const a = await parts(worked);
    const b = await parts(scored);
    expect(b.names).toEqual(a.names);
    expect(b.definedNames).toBe(a.definedNames);
    for (const name of a.names) {
      const x = a.sheets.get(name)!;
      const y = b.sheets.get(name)!;
      expect({ name, cf: y.cf, merges: y.merges, protected: y.protected }).toEqual({ name, cf: x.cf, merges: x.merges, protected: x.protected });
      expect({ name, dv: y.dv }).toEqual({ name, dv: x.dv }); // same ranges: none doubled or overlapping
    }
  });
});
