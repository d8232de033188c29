import { isIsoDate } from '../../src/domain/cycle';
import type { Card, Organisation } from '../../src/domain/model';
import { generateOrganisation, randomCards } from '../support/synthetic';
import { parseOkrTable, parseOrgTable, readCsvTable } from '../../src/io/import';

/** Cards → an English okrs.csv, one row per KR (a row with blank KR columns for an objective without KR). */
function okrCsv(cards: Card[]): string {
  const q = (v: unknown): string => {
    const s = v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    'level,department,owner,category,objective_no,objective,source,aligned_to,objective_weight,agreed,kr_no,key_result,deliverable,target,criteria,deadline,period,kr_weight,progress,self_score,manager_score,status',
  ];
  for (const c of cards) {
    for (const o of c.objectives) {
      const head = [c.level, c.department, c.owner, o.category, o.no, o.text, o.source, o.alignedTo, o.weight, o.agreed === undefined ? '' : o.agreed ? 'yes' : 'no'];
      const krs = o.krs.length ? o.krs : [undefined];
      for (const k of krs) {
        const tail = k
          ? [k.no, k.text, k.deliverable, k.target, k.criteria, k.deadline, k.period, k.weight, k.progress, k.selfScore, k.managerScore, k.status]
          : [];
        lines.push([...head, ...tail].map(q).join(','));
      }
    }
  }
  return lines.join('\n');
}

function orgCsv(org: Organisation): string {
  return ['部门,姓名,岗位,上级,负责人', ...org.people.map((p) => [p.department, p.name, p.position ?? '', p.manager ?? '', p.head ? '是' : ''].join(','))].join('\n');
}

describe('generateOrganisation', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateOrganisation(120, 7)).toEqual(generateOrganisation(120, 7));
    expect(generateOrganisation(120, 7)).not.toEqual(generateOrganisation(120, 8));
  });

  it('has about people/25 departments, unique Chinese names, heads reporting to the 总经理', () => {
    const { org, departments, individuals } = generateOrganisation(250, 1);
    expect(org.people).toHaveLength(250);
    expect(org.departments).toHaveLength(10);
    expect(departments.map((d) => d.department)).toEqual(org.departments.map((d) => d.name));
    expect(individuals).toHaveLength(250);
    expect(new Set(org.people.map((p) => p.name)).size).toBe(250);
    for (const p of org.people) expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    const ceo = org.departments[0].head;
    expect(org.people.filter((p) => p.head)).toHaveLength(10);
    for (const d of org.departments.slice(1)) expect(org.people.find((p) => p.name === d.head)?.manager).toBe(ceo);
    expect(generateOrganisation(10, 1).org.departments).toHaveLength(1);
  });

  it('fills every card: 5 objectives × 4 KRs, weights summing to 1, scores, deadlines in 2026-Q4', () => {
    const { company, departments, individuals } = generateOrganisation(60, 3);
    for (const c of [company, ...departments, ...individuals]) {
      expect(c.objectives.map((o) => o.no)).toEqual([1, 2, 3, 4, 5]);
      expect(c.objectives.reduce((s, o) => s + (o.weight ?? 0), 0)).toBeCloseTo(1, 9);
      expect(c.signOff.employee).toBeTruthy();
      for (const o of c.objectives) {
        expect(o.krs.map((k) => k.no)).toEqual([1, 2, 3, 4]);
        expect(o.krs.reduce((s, k) => s + (k.weight ?? 0), 0)).toBeCloseTo(1, 9);
        expect(o.text).not.toBe('');
        if (c.level !== 'company') expect(o.alignedTo).toMatch(c.level === 'department' ? /^company#[1-5]$/ : new RegExp(`^${c.department}#[1-5]$`));
        for (const k of o.krs) {
          expect(isIsoDate(k.deadline ?? '') && (k.deadline ?? '') >= '2026-10-01' && (k.deadline ?? '') <= '2026-12-31').toBe(true);
          for (const s of [k.selfScore, k.managerScore]) expect(s !== undefined && s >= 0 && s <= 1).toBe(true);
          expect(k.target && k.criteria && k.text).toBeTruthy();
        }
      }
      if (c.level !== 'company') expect(c.objectives.filter((o) => o.source === 'bottom-up')).toHaveLength(4);
    }
    expect(company.objectives.map((o) => o.category)).toEqual(['自有平台', '外部平台', '游戏', '页面广告', '其他']);
  });

  it('round-trips through org.csv and okrs.csv import unchanged', () => {
    const book = generateOrganisation(80, 11);
    const org = parseOrgTable(readCsvTable('org.csv', Buffer.from(orgCsv(book.org))), 'zh-CN');
    expect(org).toEqual(book.org);
    const cards = parseOkrTable(readCsvTable('okrs.csv', Buffer.from(okrCsv([book.company, ...book.departments, ...book.individuals]))), org, 'en-US');
    const strip = (c: Card) => ({ ...c, signOff: {} });
    expect(cards.company).toEqual(strip(book.company));
    expect(cards.departments).toEqual(book.departments.map(strip));
    expect(cards.individuals).toEqual(book.individuals.map(strip));
  });
});

describe('randomCards', () => {
  const cards = randomCards(42, { count: 300 });
  const groups = cards.flatMap((c) => [c.objectives.map((o) => o.weight), ...c.objectives.map((o) => o.krs.map((k) => k.weight))]).filter((g) => g.length > 1);
  const scores = cards.flatMap((c) => c.objectives.flatMap((o) => o.krs.flatMap((k) => [k.selfScore, k.managerScore])));

  it('is deterministic', () => {
    expect(randomCards(42, { count: 300 })).toEqual(cards);
    expect(randomCards(43, { count: 300 })).not.toEqual(cards);
  });

  it('covers 0–6 objectives and 0–5 KRs', () => {
    expect(new Set(cards.map((c) => c.objectives.length))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    expect(new Set(cards.flatMap((c) => c.objectives.map((o) => o.krs.length)))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  });

  it('covers all-blank, partly blank, full and all-zero weight groups', () => {
    expect(groups.some((g) => g.every((w) => w === undefined))).toBe(true);
    expect(groups.some((g) => g.some((w) => w === undefined) && g.some((w) => w !== undefined))).toBe(true);
    expect(groups.some((g) => g.every((w) => w !== undefined && w > 0))).toBe(true);
    expect(groups.some((g) => g.every((w) => w === 0))).toBe(true);
  });

  it('covers blank, boundary and out-of-range scores', () => {
    for (const s of [undefined, 0, 0.4, 0.6, 0.7, 1, 1.2, -0.1]) expect(scores).toContain(s);
    expect(cards.some((c) => c.objectives.some((o) => o.krs.some((k) => k.selfScore !== undefined && k.managerScore === undefined)))).toBe(true);
  });

  it('round-trips through okrs.csv import unchanged', () => {
    const org: Organisation = {
      departments: [...new Set(cards.map((c) => c.department ?? ''))].map((name) => ({ name })),
      people: cards.map((c) => ({ name: c.owner ?? '', department: c.department ?? '', head: false })),
    };
    const back = parseOkrTable(readCsvTable('okrs.csv', Buffer.from(okrCsv(cards))), org, 'zh-CN');
    expect(back.individuals).toEqual(cards);
  });
});
