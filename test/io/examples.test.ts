import { readTableFile } from '../../src/xlsx/table';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Card } from '../../src/domain/model';
import { krFinalScore } from '../../src/domain/scoring';
import { parseOkrTable, parseOrgTable } from '../../src/io/import';

const dir = join(__dirname, '..', '..', 'examples');

async function load() {
  const org = parseOrgTable(await readTableFile('org.csv', readFileSync(join(dir, 'org.csv'))), 'zh-CN');
  const cards = parseOkrTable(await readTableFile('okrs.csv', readFileSync(join(dir, 'okrs.csv'))), org, 'zh-CN');
  return { org, ...cards };
}

const sum = (xs: (number | undefined)[]): number => xs.reduce<number>((s, x) => s + (x ?? NaN), 0);

describe('examples/', () => {
  it('parse with zero errors', async () => {
    await expect(load()).resolves.toBeDefined();
  });

  it('org.csv: 6 departments, 36 people, one head each reporting to the 总经理, two 张伟', async () => {
    const { org } = await load();
    expect(org.departments.map((d) => d.name)).toEqual(['总经办', '技术部', '产品部', '市场部', '运营部', '人力资源部']);
    expect(org.people).toHaveLength(36);
    expect(org.departments.every((d) => d.head)).toBe(true);
    const ceo = org.departments[0].head;
    for (const d of org.departments.slice(1)) expect(org.people.find((p) => p.name === d.head)?.manager).toBe(ceo);
    expect(org.people.filter((p) => p.name === '张伟').map((p) => p.department)).toEqual(['技术部', '市场部']);
  });

  it('okrs.csv: company, every department and 12+ people, clean weights, deadlines and alignment', async () => {
    const { company, departments, individuals } = await load();
    expect(company.objectives).toHaveLength(4);
    expect(new Set(company.objectives.map((o) => o.category)).size).toBeGreaterThanOrEqual(3);
    for (const d of departments) {
      expect(d.objectives.length).toBeGreaterThanOrEqual(3);
      expect(d.objectives.length).toBeLessThanOrEqual(5);
      for (const o of d.objectives) expect(o.krs.length).toBeGreaterThanOrEqual(2);
    }
    const filled = individuals.filter((c) => c.objectives.length > 0);
    expect(filled.length).toBeGreaterThanOrEqual(12);
    expect(filled.filter((c) => c.owner === '张伟').map((c) => c.department)).toEqual(['技术部', '市场部']);

    const cards: Card[] = [company, ...departments, ...filled];
    const krs = cards.flatMap((c) => c.objectives.flatMap((o) => o.krs));
    for (const c of cards) {
      expect(c.objectives.length).toBeLessThanOrEqual(5);
      expect(sum(c.objectives.map((o) => o.weight))).toBeCloseTo(1, 9);
      for (const o of c.objectives) {
        expect(o.krs.length).toBeGreaterThanOrEqual(1);
        expect(o.krs.length).toBeLessThanOrEqual(4);
        expect(sum(o.krs.map((k) => k.weight))).toBeCloseTo(1, 9);
        expect(o.agreed).toBe(true);
      }
    }
    for (const k of krs) {
      expect(k.deadline ?? '').toMatch(/^2026-1[0-2]-\d\d$/);
      expect(k.target && k.criteria && k.text).toBeTruthy();
    }
    expect(new Set(krs.map((k) => k.period))).toEqual(new Set(['quarter', 'annual']));
    const scores = new Set(krs.flatMap((k) => [k.selfScore, k.managerScore]).filter((s) => s !== undefined));
    for (const s of [0.4, 0.6, 0.7, 1]) expect(scores.has(s)).toBe(true);

    // bottom-up share ≥ 60 % overall and in every department
    const all = cards.flatMap((c) => c.objectives);
    expect(all.filter((o) => o.source === 'bottom-up').length / all.length).toBeGreaterThanOrEqual(0.6);
    for (const d of departments) {
      const objs = cards.filter((c) => c.level !== 'company' && c.department === d.department).flatMap((c) => c.objectives);
      expect(objs.filter((o) => o.source === 'bottom-up').length / objs.length).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('holds exactly the deliberate findings of examples/README.md', async () => {
    const { company, departments, individuals } = await load();
    const cards = [...departments, ...individuals];
    // 1. exactly one KR scored 1.0 (刘洋)
    const perfect = individuals.flatMap((c) => c.objectives.flatMap((o) => o.krs.filter((k) => krFinalScore(k) === 1).map(() => c.owner)));
    expect(perfect).toEqual(['刘洋']);
    expect(company.objectives.concat(departments.flatMap((c) => c.objectives)).every((o) => o.krs.every((k) => krFinalScore(k) < 1))).toBe(true);
    // 2. exactly one objective aligned to nothing (沈佳怡); every other alignment points at an existing objective
    const unaligned = cards.flatMap((c) => c.objectives.filter((o) => !o.alignedTo).map((o) => `${c.owner}#${o.no}`));
    expect(unaligned).toEqual(['沈佳怡#3']);
    const exists = (ref: string): boolean => {
      const [scope, no] = ref.split('#');
      const card = scope === 'company' ? company : departments.find((d) => d.department === scope);
      return !!card?.objectives.some((o) => o.no === Number(no));
    };
    for (const c of cards) for (const o of c.objectives) if (o.alignedTo) expect(exists(o.alignedTo)).toBe(true);
    for (const c of individuals.filter((i) => i.objectives.length > 0)) {
      for (const o of c.objectives) if (o.alignedTo) expect(o.alignedTo.startsWith(`${c.department}#`)).toBe(true);
    }
  });
});
