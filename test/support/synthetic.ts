/**
 * Synthetic organisations and cards for benchmarks and property tests. Deterministic: the same
 * arguments always give the same result (own PRNG, no Math.random, no clock, no I/O).
 */
import { DEFAULT_SETTINGS, type Card, type Department, type KeyResult, type Level, type Objective, type Organisation, type Person } from '../../src/domain/model';

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rand {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '欧阳', '司马', '上官',
];
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '华', '建', '文', '辉', '玲', '婷', '鹏', '飞', '斌', '宇', '浩', '凯', '琳', '雪', '晨', '欣', '怡', '佳',
  '思', '雨', '子', '梓', '轩', '涵', '博', '瑞', '嘉', '晓', '俊', '志', '海', '波', '颖', '倩', '悦', '彤', '慧', '鑫',
  '宁', '昊', '然', '琪', '璐', '冰', '丹', '蕾', '帆', '航', '翔', '诚', '乐', '安', '康', '峰', '岚', '薇', '晶', '鸣',
];
const DEPARTMENTS = [
  '总经办', '技术部', '产品部', '市场部', '运营部', '人力资源部', '财务部', '客服中心', '数据中心', '游戏研发部',
  '商务部', '法务部', '设计部', '测试部', '广告事业部', '平台事业部', '行政部', '战略发展部', '品牌部', '投资部',
];
const POSITIONS = [
  '高级工程师', '工程师', '产品经理', '运营专员', '设计师', '数据分析师', '主管', '专员', '经理', '助理', '测试工程师', '架构师',
];
const OBJECTIVE_VERBS = ['提升', '打造', '完善', '拓展', '优化', '建立', '保障', '推动'];
const OBJECTIVE_TOPICS = [
  '自有平台用户活跃度', '游戏业务收入', '页面广告变现效率', '外部平台分发渠道', '客户服务质量', '研发交付效率',
  '数据分析能力', '品牌影响力', '团队人才梯队', '系统稳定性', '用户留存', '成本控制水平', '内容生态', '商业化能力',
];
const METRICS: { name: string; unit: string; from: [number, number]; gain: [number, number] }[] = [
  { name: '月活跃用户', unit: '万', from: [50, 200], gain: [10, 80] },
  { name: '次日留存率', unit: '%', from: [20, 40], gain: [3, 10] },
  { name: '季度流水', unit: '万元', from: [500, 3000], gain: [100, 1000] },
  { name: '广告eCPM', unit: '元', from: [10, 25], gain: [2, 8] },
  { name: '用户满意度', unit: '分', from: [70, 88], gain: [3, 8] },
  { name: '服务可用性', unit: '%', from: [99, 99], gain: [0, 0] },
  { name: '新签客户数', unit: '家', from: [5, 20], gain: [3, 10] },
  { name: '需求交付准时率', unit: '%', from: [60, 85], gain: [5, 10] },
];
const CRITERIA = [
  '完成率≥90%得1分，80%得0.7分，否则0.4分',
  '完成率≥100%得1分，≥90%得0.7分，≥80%得0.6分，否则0.4分',
  '按期完成且验收通过得1分，延期一周内得0.6分，否则0.4分',
];
const DELIVERABLES = ['数据周报', '分析报告', '上线版本', '方案文档', '验收报告', '合作协议', '复盘报告'];
const STATUSES = ['not-started', 'on-track', 'at-risk', 'done'];

export interface SyntheticBook {
  org: Organisation;
  company: Card;
  departments: Card[];
  individuals: Card[];
}

/** A date of 2026-Q4 (Oct 1 – Dec 31). */
function q4Date(r: Rand): string {
  const day = r.int(0, 91);
  const d = new Date(Date.UTC(2026, 9, 1) + day * 86400000);
  return d.toISOString().slice(0, 10);
}

/** n weights, multiples of 5 %, each at least 10 %, summing to 100 % (as fractions). */
function weights(r: Rand, n: number): number[] {
  if (n <= 0) return [];
  const parts = new Array<number>(n).fill(2); // in units of 5 %
  for (let left = 20 - 2 * n; left > 0; left--) parts[r.int(0, n - 1)]++;
  return parts.map((p) => (p * 5) / 100);
}

function score(r: Rand): number {
  return Math.round(r.next() * 20) / 20; // 0, 0.05, …, 1
}

function uniqueName(r: Rand, used: Set<string>): string {
  for (;;) {
    const given = r.chance(0.35) ? r.pick(GIVEN) : r.pick(GIVEN) + r.pick(GIVEN);
    const name = r.pick(SURNAMES) + given;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function filledKr(r: Rand, no: number, weight: number): KeyResult {
  const m = r.pick(METRICS);
  const from = r.int(m.from[0], m.from[1]);
  const to = from + r.int(m.gain[0], m.gain[1]);
  const text = m.name === '服务可用性' ? '核心服务可用性达到99.95%' : `${m.name}从${from}${m.unit}提升至${to}${m.unit}`;
  const self = score(r);
  const manager = Math.min(1, Math.max(0, Math.round((self + (r.int(-2, 2) * 0.05)) * 100) / 100));
  return {
    no,
    text,
    deliverable: r.pick(DELIVERABLES),
    target: m.name === '服务可用性' ? '可用性≥99.95%' : `${m.name}≥${to}${m.unit}`,
    criteria: r.pick(CRITERIA),
    deadline: q4Date(r),
    period: r.chance(0.2) ? 'annual' : 'quarter',
    weight,
    progress: Math.round(r.next() * 100) / 100,
    selfScore: self,
    managerScore: manager,
    status: r.pick(STATUSES),
  };
}

function filledObjectives(r: Rand, level: Level, alignTo: (no: number) => string | undefined): Objective[] {
  const ow = weights(r, 5);
  const topDown = r.int(0, 4); // one in five top-down: 80 % bottom-up on every card
  return ow.map((w, i) => {
    const kw = weights(r, 4);
    const o: Objective = {
      no: i + 1,
      text: `${r.pick(OBJECTIVE_VERBS)}${r.pick(OBJECTIVE_TOPICS)}`,
      source: level === 'company' ? 'top-down' : i === topDown ? 'top-down' : 'bottom-up',
      weight: w,
      agreed: true,
      krs: kw.map((k, j) => filledKr(r, j + 1, k)),
    };
    const a = alignTo(i);
    if (a !== undefined) o.alignedTo = a;
    if (level === 'company') o.category = DEFAULT_SETTINGS.categories[i % DEFAULT_SETTINGS.categories.length];
    return o;
  });
}

/**
 * An organisation of `people` people in about people/25 departments (at least one), the first being
 * 总经办 whose head is the 总经理; every other head reports to the 总经理, staff to their head. Names are
 * unique. Every card (company, each department, each person) is fully filled: 5 objectives × 4 KRs,
 * weights summing to 1 (multiples of 5 %), self and manager scores, deadlines inside 2026-Q4,
 * alignment (department → company#N, person → <department>#N), sign-offs.
 */
export function generateOrganisation(people: number, seed: number): SyntheticBook {
  const r = new Rand(seed);
  const total = Math.max(1, Math.floor(people));
  const deptCount = Math.max(1, Math.min(total, Math.round(total / 25)));
  const used = new Set<string>();
  const departments: Department[] = [];
  const persons: Person[] = [];
  let ceo = '';
  for (let d = 0; d < deptCount; d++) {
    const base = DEPARTMENTS[d % DEPARTMENTS.length];
    const round = Math.floor(d / DEPARTMENTS.length);
    const name = round === 0 ? base : `${base}${round + 1}`;
    const size = Math.floor(total / deptCount) + (d < total % deptCount ? 1 : 0);
    const head = uniqueName(r, used);
    if (d === 0) ceo = head;
    departments.push({ name, head });
    const headPerson: Person = { name: head, department: name, position: d === 0 ? '总经理' : `${name}负责人`, head: true };
    if (d > 0) headPerson.manager = ceo;
    persons.push(headPerson);
    for (let i = 1; i < size; i++) {
      persons.push({ name: uniqueName(r, used), department: name, position: r.pick(POSITIONS), manager: head, head: false });
    }
  }
  const org: Organisation = { departments, people: persons };
  const signed = (employee: string, manager?: string) => ({
    employee,
    employeeDate: '2026-10-10',
    ...(manager ? { manager, managerDate: '2026-10-12' } : {}),
  });

  const company: Card = {
    level: 'company',
    objectives: filledObjectives(r, 'company', () => undefined),
    signOff: signed(ceo),
  };
  const deptCards: Card[] = departments.map((d) => ({
    level: 'department',
    department: d.name,
    objectives: filledObjectives(r, 'department', () => `company#${r.int(1, 5)}`),
    signOff: signed(d.head ?? '', d.name === departments[0].name ? undefined : ceo),
  }));
  const individuals: Card[] = persons.map((p) => ({
    level: 'individual',
    department: p.department,
    owner: p.name,
    objectives: filledObjectives(r, 'individual', () => `${p.department}#${r.int(1, 5)}`),
    signOff: signed(p.name, p.manager),
  }));
  return { org, company, departments: deptCards, individuals };
}

export interface RandomCardsOptions {
  /** Number of cards (default 50). */
  count?: number;
  /** Most objectives on a card (default 6, one over the limit). */
  maxObjectives?: number;
  /** Most KRs in an objective (default 5, one over the limit). */
  maxKrs?: number;
  /** Level of the cards (default individual). */
  level?: Level;
}

/** Scores worth testing: band edges, bounds, out-of-range values, float noise near the edges. */
const SPECIAL_SCORES = [0, 0.4, 0.6, 0.7, 1, 1.2, -0.1, 0.39999, 0.6000000001, 0.7000000001, 0.70005, 0.59995];

function randomScore(r: Rand): number | undefined {
  const x = r.next();
  if (x < 0.2) return undefined;
  if (x < 0.55) return r.pick(SPECIAL_SCORES);
  return Math.round(r.next() * 100) / 100;
}

/**
 * Weights of a group of n items in one of the shapes that matter for scoring: all blank (equal
 * weights), all given (summing to 1 or not, zeros included), some blank (they then count 0), or all
 * zero (treated like all blank).
 */
function randomWeights(r: Rand, n: number): (number | undefined)[] {
  const shape = r.int(0, 5);
  if (shape === 0 || shape === 1) return new Array<number | undefined>(n).fill(undefined);
  if (shape === 2 && n > 0) return weights(r, Math.min(n, 10)).concat(new Array<number>(Math.max(0, n - 10)).fill(0)).slice(0, n);
  if (shape === 3) return Array.from({ length: n }, () => (r.chance(0.5) ? undefined : Math.round(r.next() * 100) / 100));
  if (shape === 4) return Array.from({ length: n }, () => (r.chance(0.15) ? 0 : r.pick([0.1, 0.2, 0.25, 0.3, 0.5, 1, 2, 0.333])));
  return new Array<number>(n).fill(0);
}

/**
 * Random cards for property tests that compare the workbook's formulas with the TypeScript scoring:
 * 0–maxObjectives objectives, 0–maxKrs KRs, weights blank / partial / all-blank / zero, scores blank,
 * on band edges, out of range (1.2, −0.1), manager score given or not. Texts are filled so the cards
 * can be written to a workbook. Deterministic for a seed.
 */
export function randomCards(seed: number, opts: RandomCardsOptions = {}): Card[] {
  const r = new Rand(seed);
  const count = opts.count ?? 50;
  const maxO = opts.maxObjectives ?? 6;
  const maxK = opts.maxKrs ?? 5;
  const level = opts.level ?? 'individual';
  const used = new Set<string>();
  const cards: Card[] = [];
  for (let c = 0; c < count; c++) {
    const nO = r.int(0, maxO);
    const ow = randomWeights(r, nO);
    const objectives: Objective[] = ow.map((w, i) => {
      const nK = r.int(0, maxK);
      const kw = randomWeights(r, nK);
      const krs: KeyResult[] = kw.map((k, j) => {
        const kr: KeyResult = {
          no: j + 1,
          text: `关键结果${i + 1}.${j + 1}`,
          deliverable: r.pick(DELIVERABLES),
          target: '完成率≥90%',
          criteria: r.pick(CRITERIA),
          deadline: q4Date(r),
          period: r.chance(0.2) ? 'annual' : 'quarter',
        };
        if (k !== undefined) kr.weight = k;
        const self = randomScore(r);
        if (self !== undefined) kr.selfScore = self;
        if (r.chance(0.5)) {
          const m = randomScore(r);
          if (m !== undefined) kr.managerScore = m;
        }
        return kr;
      });
      const o: Objective = { no: i + 1, text: `目标${i + 1}：${r.pick(OBJECTIVE_VERBS)}${r.pick(OBJECTIVE_TOPICS)}`, source: 'bottom-up', krs };
      if (w !== undefined) o.weight = w;
      return o;
    });
    const card: Card = { level, objectives, signOff: {} };
    if (level !== 'company') card.department = `部门${(c % 5) + 1}`;
    if (level === 'individual') card.owner = uniqueName(r, used);
    cards.push(card);
  }
  return cards;
}
