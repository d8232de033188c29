/**
 * Small OKR books for the rules tests. `makeBook()` is clean (no finding at all); each test breaks
 * exactly the thing it checks. Cell refs are deterministic: objective N sits on row 10·N, its KR k
 * on row 10·N + k − 1, so a test can say which cell a finding must point at.
 */
import { parseCycle } from '../../../src/domain/cycle';
import {
  DEFAULT_SETTINGS,
  type Card,
  type Cycle,
  type KeyResult,
  type Lang,
  type LockEntry,
  type Objective,
  type OkrBook,
  cardKey,
  allCards,
} from '../../../src/domain/model';
import { checkBook, type CheckOptions, type Finding, type RuleId } from '../../../src/i18n/findings';

function q2(): Cycle {
  const c = parseCycle('2026-Q2');
  if (!c) throw new Error('bad cycle');
  return c;
}
/** 2026-Q2: 2026-04-01 to 2026-06-30. */
export const CYCLE = q2();

export const DEPT = '销售部';
export const PERSON = '张三';

const OBJ_COL = { text: 'B', source: 'C', alignedTo: 'D', weight: 'E', score: 'P' } as const;
const KR_COL = {
  text: 'F',
  target: 'G',
  criteria: 'H',
  deadline: 'I',
  weight: 'J',
  selfScore: 'L',
  managerScore: 'M',
  finalScore: 'N',
} as const;

export const oRow = (o: number): number => 10 * o;
export const krRow = (o: number, k: number): number => 10 * o + k - 1;
export const oCell = (o: number, field: keyof typeof OBJ_COL = 'text'): string => `${OBJ_COL[field]}${oRow(o)}`;
export const krCell = (o: number, k: number, field: keyof typeof KR_COL = 'text'): string => `${KR_COL[field]}${krRow(o, k)}`;

export function kr(no: number, over: Partial<KeyResult> = {}): KeyResult {
  return {
    no,
    text: `自有平台新增付费用户${no * 100}人`,
    deliverable: '月度运营报告',
    target: `付费用户≥${no * 100}`,
    criteria: '达成100%得1分，达成80%得0.7分，低于50%得0分',
    deadline: '2026-05-15',
    period: 'quarter',
    ...over,
  };
}

export function krs(n: number): KeyResult[] {
  return Array.from({ length: n }, (_, i) => kr(i + 1));
}

export function obj(no: number, over: Partial<Objective> = {}, krCount = 2): Objective {
  return { no, text: `提升自有平台付费转化率至${no + 2}%`, source: 'bottom-up', agreed: true, krs: krs(krCount), ...over };
}

export function objs(n: number, over: Partial<Objective> = {}): Objective[] {
  return Array.from({ length: n }, (_, i) => obj(i + 1, over));
}

export function companyCard(n = 3): Card {
  return {
    level: 'company',
    objectives: objs(n, { source: 'top-down' }).map((o) => ({ ...o, category: '自有平台' })),
    signOff: { manager: '王总', managerDate: '2026-04-03' },
    sheet: '目标体系图',
  };
}

export function deptCard(department = DEPT, n = 3): Card {
  return {
    level: 'department',
    department,
    objectives: objs(n).map((o) => ({ ...o, alignedTo: `company#${o.no}` })),
    signOff: { employee: '李经理', employeeDate: '2026-04-05', manager: '王总', managerDate: '2026-04-06' },
    sheet: `部门-${department}`,
  };
}

export function personCard(owner = PERSON, department = DEPT, n = 3): Card {
  return {
    level: 'individual',
    department,
    owner,
    objectives: objs(n).map((o) => ({ ...o, alignedTo: `${department}#${o.no}` })),
    signOff: { employee: owner, employeeDate: '2026-04-08', manager: '李经理', managerDate: '2026-04-08' },
    sheet: `个人-${owner}`,
  };
}

/** Fills in the cell refs that are missing, from each card's sheet and the numbers. */
export function assignRefs(book: OkrBook): OkrBook {
  for (const card of allCards(book)) {
    const sheet = card.sheet ?? '';
    for (const o of card.objectives) {
      o.ref ??= {
        sheet,
        row: oRow(o.no),
        text: oCell(o.no, 'text'),
        weight: oCell(o.no, 'weight'),
        score: oCell(o.no, 'score'),
        source: oCell(o.no, 'source'),
        alignedTo: oCell(o.no, 'alignedTo'),
      };
      for (const k of o.krs) {
        k.ref ??= {
          sheet,
          row: krRow(o.no, k.no),
          text: krCell(o.no, k.no, 'text'),
          target: krCell(o.no, k.no, 'target'),
          criteria: krCell(o.no, k.no, 'criteria'),
          deadline: krCell(o.no, k.no, 'deadline'),
          weight: krCell(o.no, k.no, 'weight'),
          selfScore: krCell(o.no, k.no, 'selfScore'),
          managerScore: krCell(o.no, k.no, 'managerScore'),
          finalScore: krCell(o.no, k.no, 'finalScore'),
        };
      }
    }
  }
  return book;
}

export function makeBook(over: Partial<OkrBook> = {}): OkrBook {
  const book: OkrBook = {
    lang: 'zh-CN',
    cycle: CYCLE,
    settings: structuredClone(DEFAULT_SETTINGS),
    org: {
      departments: [{ name: DEPT, head: '李经理' }],
      // Only people with an individual card are on the staff list (PUBLIC flags a listed person
      // without one); the head signs the department card.
      people: [
        { name: PERSON, department: DEPT, head: false, manager: '李经理' },
      ],
    },
    company: companyCard(),
    departments: [deptCard()],
    individuals: [personCard()],
    changeLog: [],
    ...over,
  };
  return assignRefs(book);
}

/** A lock snapshot of the book as it is now (every objective and KR text, with KR periods). */
export function snapshot(book: OkrBook, lockedOn = '2026-04-10'): OkrBook {
  const entries: LockEntry[] = [];
  for (const card of allCards(book)) {
    for (const o of card.objectives) {
      entries.push({ card: cardKey(card), objectiveNo: o.no, text: o.text });
      for (const k of o.krs) entries.push({ card: cardKey(card), objectiveNo: o.no, krNo: k.no, period: k.period, text: k.text });
    }
  }
  book.lock = { lockedOn, entries: structuredClone(entries) };
  return book;
}

/** Findings of one rule, after (re)assigning refs to anything a test added. */
export function run(book: OkrBook, rule: RuleId, opts: Partial<CheckOptions> = {}): Finding[] {
  assignRefs(book);
  return checkBook(book, { lang: 'zh-CN', ...opts }).filter((f) => f.rule === rule);
}

export function runAll(book: OkrBook, opts: Partial<CheckOptions> = {}): Finding[] {
  assignRefs(book);
  return checkBook(book, { lang: 'zh-CN', ...opts });
}

/** Both renderings of a finding: zh-CN and en-US. */
export function texts(book: OkrBook, rule: RuleId, opts: Partial<CheckOptions> = {}): { zh: Finding[]; en: Finding[] } {
  return { zh: run(book, rule, { ...opts, lang: 'zh-CN' }), en: run(book, rule, { ...opts, lang: 'en-US' }) };
}

export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

/** Where a finding is, in one string, for compact assertions. */
export const at = (f: Finding): string => `${f.level}|${f.department}|${f.owner}|${f.sheet}|${f.cell}`;
export const PERSON_SHEET = `个人-${PERSON}`;
export const DEPT_SHEET = `部门-${DEPT}`;
export const COMPANY_SHEET = '目标体系图';
