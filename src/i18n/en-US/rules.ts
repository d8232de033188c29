/** The rules' words in English: titles, hints and one sentence per finding key. */
import { formatPercent, formatScore } from '../format';
import { clampScore, clip, num, str } from '../params';
import type { MessageParams, RulesText } from '../types/rules';

const eq = (p: MessageParams, k: string): string => (str(p, k).trim() === '' ? '(blank)' : `"${clip(str(p, k))}"`);
const has = (p: MessageParams, k: string): string => (num(p, k) === 1 ? 'has' : 'have');
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const eO = (p: MessageParams): string => `Objective ${str(p, 'o')}`;
const eKR = (p: MessageParams): string => `KR ${str(p, 'kr')} of objective ${str(p, 'o')}`;

const ROLE: Record<string, string> = {
  employee: 'the employee',
  manager: 'the manager',
  head: 'the department head',
  supervisor: "the department's supervisor",
  gm: 'the general manager',
};
const role = (p: MessageParams): string => ROLE[str(p, 'who')] ?? str(p, 'who');

function ePhase(p: MessageParams): string {
  const phase = str(p, 'phase');
  if (phase === 'lock') return ' before the quarter can be locked';
  if (phase === 'score') return ' before quarter-end scoring';
  return '';
}

function eCard(p: MessageParams): string {
  const level = str(p, 'cardLevel');
  if (level === 'department') return `The department card of ${str(p, 'department')}`;
  if (level === 'individual') return `The individual card of ${str(p, 'owner')} (${str(p, 'department')})`;
  return 'The company target-system map';
}

function eTarget(p: MessageParams): string {
  const scope = str(p, 'targetScope');
  if (scope === 'company') return `company objective ${str(p, 'targetNo')}`;
  if (scope === 'department') return `objective ${str(p, 'targetNo')} of ${str(p, 'targetDept')}`;
  return eq(p, 'target');
}

const eEntryWhere = (p: MessageParams): string => (str(p, 'kr') === '' ? `objective ${str(p, 'o')}` : eKR(p));
const eField = (p: MessageParams): string => rules.entryChecks.fields[str(p, 'field') as keyof RulesText['entryChecks']['fields']] ?? str(p, 'field');
const eNumber = (p: MessageParams): string => {
  const f = str(p, 'field');
  return f === 'selfScore' || f === 'managerScore' ? formatScore(num(p, 'reads')) : num(p, 'reads') <= 1 && num(p, 'reads') >= 0 ? formatPercent(num(p, 'reads')) : str(p, 'reads');
};

export const rules: RulesText = {
  titles: {
    O_COUNT: 'Objective count',
    KR_COUNT: 'KR count',
    KR_MEASURABLE: 'Measurable KRs',
    KR_TIMEBOUND: 'Time-bound KRs',
    O_SPECIFIC: 'Specific objectives',
    BOTTOM_UP: 'Bottom-up share',
    AGREED: 'Agreed and signed',
    WEIGHTS: 'Weights',
    SCORE_RANGE: 'Score range',
    ENTRY: 'Readable entries',
    O_FROZEN: 'Objectives frozen',
    QKR_LOCKED: 'Quarterly KRs locked',
    AKR_APPROVAL: 'Annual KR approval',
    CARRY_OVER: 'Carry-over',
    ALIGNMENT: 'Alignment',
    PUBLIC: 'Published',
  },
  hints: {
    O_COUNT: (l) => `Set ${l.minObjectives}–${l.maxObjectives} objectives per quarter; at most ${l.maxObjectives} per cycle.`,
    KR_COUNT: (l) => `Each objective has at least one and at most ${l.maxKrs} key results.`,
    KR_MEASURABLE: () => 'Key results are outcomes that can be measured: fill in the metric and target, and the scoring criteria.',
    KR_TIMEBOUND: () => 'Key results are tied to time: a deadline inside the quarter (quarterly KRs) or the year (annual KRs).',
    O_SPECIFIC: () => 'Objectives are specific, measurable and challenging — never blank or "TBD"; a KR scored 1.0 is questioned as too easy.',
    BOTTOM_UP: (l) => `At least ${formatPercent(l.bottomUpMin)} of objectives come bottom-up, per department and company-wide.`,
    AGREED: () => 'All objectives and key results are agreed between manager and employee and signed by both before lock and scoring.',
    WEIGHTS: () => 'KR weights within an objective, and objective weights on a card, add up to 100%; all blank means equal weights.',
    SCORE_RANGE: () => 'Self scores, manager scores and progress lie between 0 and 1 (0%–100%).',
    ENTRY: () => 'Scores, weights and progress are numbers; source, period, status and agreed come from the drop-down lists. An entry the formulas cannot read never counts: it is an error on its cell.',
    O_FROZEN: () => 'Objectives are never adjusted after the lock; only the KRs (the means) may be refined.',
    QKR_LOCKED: () => 'Quarterly KRs cannot change once they are set.',
    AKR_APPROVAL: () => 'Annual KRs may be adjusted with approval: record the new text, approver and approval date in the change log.',
    CARRY_OVER: () => 'Carry an unfinished KR over to the next cycle only when truly necessary, with a written reason.',
    ALIGNMENT: () => 'Individual → team → company: personal objectives support department objectives, which support company objectives.',
    PUBLIC: () => 'OKRs are published once set, for transparency and fairness; card sheets are never hidden.',
  },
  severity: { error: 'Error', warning: 'Warning' },
  entryChecks: {
    fields: {
      objWeight: 'objective weight', source: 'source', agreed: 'agreed', krWeight: 'KR weight', progress: 'progress',
      selfScore: 'self score', managerScore: 'manager score', period: 'KR period', status: 'status',
    },
    notNumber: (field) => `${field} is not a number; `,
    notOnList: (field) => `${field} is not on the list; `,
    textInScores: 'progress/scores contain text',
  },
  unknownKey: (title, key) => `${title}: ${key}`,
  messages: {
    O_COUNT: {
      tooMany: (p) =>
        `This card has ${str(p, 'count')} objectives, more than the limit of ${str(p, 'max')}. Merge or remove objectives so that at most ${str(p, 'max')} remain.`,
      tooFew: (p) => `This card has only ${plural(num(p, 'count'), 'objective')}; each quarter should have ${str(p, 'min')}–${str(p, 'max')}.`,
      none: (p) => `This card has no objectives yet; each quarter should have ${str(p, 'min')}–${str(p, 'max')}.`,
    },
    KR_COUNT: {
      tooMany: (p) => `${eO(p)} has ${str(p, 'count')} key results, more than the limit of ${str(p, 'max')}.`,
      none: (p) => `${eO(p)} has no key results; every objective needs at least one.`,
    },
    KR_MEASURABLE: {
      noTarget: (p) => `${eKR(p)} has no metric or target value; a key result must be an outcome that can be measured.`,
      noCriteria: (p) => `${eKR(p)} has no scoring criteria; state which result earns which score (0–1).`,
    },
    KR_TIMEBOUND: {
      missing: (p) => `${eKR(p)} has no deadline; a key result must be tied to a date.`,
      notDate: (p) => `The deadline of ${eKR(p)}, ${eq(p, 'value')}, is not a date; enter a date (year-month-day).`,
      outsideQuarter: (p) =>
        `${eKR(p)} is a quarterly KR, but its deadline ${str(p, 'deadline')} is outside the quarter (${str(p, 'start')} to ${str(p, 'end')}).`,
      outsideYear: (p) => `${eKR(p)} is an annual KR, but its deadline ${str(p, 'deadline')} is outside ${str(p, 'year')}.`,
    },
    O_SPECIFIC: {
      empty: (p) => `${eO(p)} is empty; an objective must be specific, measurable and challenging.`,
      placeholder: (p) => `${eO(p)} reads ${eq(p, 'text')}, which is only a placeholder; write a specific, measurable, challenging objective.`,
      krEmpty: (p) => `${eKR(p)} does not say what the key result is.`,
      tooEasy: (p) =>
        `${eKR(p)} scored ${formatScore(num(p, 'score'))} — too easy? OKRs should be ambitious; ${formatPercent(num(p, 'goodFrom'))}–${formatPercent(num(p, 'goodTo'))} completion is already good.`,
    },
    BOTTOM_UP: {
      department: (p) =>
        `In ${str(p, 'department')}, ${formatPercent(num(p, 'share'))} of the objectives are bottom-up (${str(p, 'bottomUp')} of ${str(p, 'total')}), below the required ${formatPercent(num(p, 'min'))}.`,
      company: (p) =>
        `Company-wide (department and individual cards), ${formatPercent(num(p, 'share'))} of the objectives are bottom-up (${str(p, 'bottomUp')} of ${str(p, 'total')}), below the required ${formatPercent(num(p, 'min'))}.`,
    },
    AGREED: {
      unsigned: (p) => {
        const r = role(p);
        return `Not yet signed by ${r}. All objectives and key results must be agreed and signed${ePhase(p)}.`;
      },
      notAgreed: (p) =>
        `${eO(p)} is marked as not agreed; an objective without agreement does not count as an objective${ePhase(p) ? `, and must be agreed${ePhase(p)}` : ''}.`,
    },
    WEIGHTS: {
      krRange: (p) => `The weight of ${eKR(p)} is ${formatPercent(num(p, 'weight'))}; it must be between 0% and 100%.`,
      objRange: (p) => `The weight of objective ${str(p, 'o')} is ${formatPercent(num(p, 'weight'))}; it must be between 0% and 100%.`,
      krMixed: (p) =>
        `Only ${str(p, 'given')} of the ${str(p, 'total')} KRs of objective ${str(p, 'o')} ${has(p, 'given')} a weight; fill in all weights or leave all blank (blank = equal weights).`,
      krSum: (p) => `The KR weights of objective ${str(p, 'o')} add up to ${formatPercent(num(p, 'sum'))}; they must add up to 100%.`,
      objMixed: (p) =>
        `Only ${str(p, 'given')} of the ${str(p, 'total')} objectives on this card ${has(p, 'given')} a weight; fill in all weights or leave all blank (blank = equal weights).`,
      objSum: (p) => `The objective weights on this card add up to ${formatPercent(num(p, 'sum'))}; they must add up to 100%.`,
    },
    SCORE_RANGE: {
      selfScore: (p) =>
        `The self score of ${eKR(p)} is ${formatScore(num(p, 'value'))}, outside 0–1 (it counts as ${formatScore(clampScore(num(p, 'value')))}).`,
      managerScore: (p) =>
        `The manager score of ${eKR(p)} is ${formatScore(num(p, 'value'))}, outside 0–1 (it counts as ${formatScore(clampScore(num(p, 'value')))}).`,
      progress: (p) => `The progress of ${eKR(p)} is ${formatPercent(num(p, 'value'))}; it must be between 0% and 100%.`,
    },
    ENTRY: {
      number: (p) =>
        `The ${eField(p)} of ${eEntryWhere(p)}, ${eq(p, 'value')}, is not a number: the formulas cannot use it, so it does not count (as if blank). ` +
        (str(p, 'reads') === '' ? 'Enter a number.' : `Retype it as the number ${eNumber(p)}.`),
      word: (p) => `The ${eField(p)} of ${eEntryWhere(p)}, ${eq(p, 'value')}, is not on the drop-down list, so the formulas cannot read it. Choose a value from the list.`,
    },
    O_FROZEN: {
      changed: (p) =>
        `${eO(p)} was changed after the lock: it was ${eq(p, 'old')}, now ${eq(p, 'new')}. Objectives are never adjusted (only KRs may be refined).`,
      added: (p) => `${eO(p)} ${eq(p, 'new')} was added after the lock; objectives cannot be adjusted or added once locked.`,
      removed: (p) => `${eO(p)} ${eq(p, 'old')}, present at the lock, was removed; objectives cannot be adjusted or removed once locked.`,
      snapshotAltered: (p) =>
        `The lock snapshot (hidden sheet "${str(p, 'sheet')}"${str(p, 'cell') ? `, row ${str(p, 'cell')}` : ''}) was altered after the lock: its fingerprint does not match. The locked objectives and KRs can no longer be trusted; HR must review them and lock again.`,
      cardRemoved: (p) =>
        `${eCard(p)} (${plural(num(p, 'count'), 'objective')}) existed at the lock and is no longer in the workbook; locked objectives cannot be removed.`,
    },
    QKR_LOCKED: {
      changed: (p) =>
        `Quarterly ${eKR(p)} was changed after the lock: it was ${eq(p, 'old')}, now ${eq(p, 'new')}. Quarterly KRs cannot change once set.`,
      added: (p) => `Quarterly ${eKR(p)} ${eq(p, 'new')} was added after the lock; quarterly KRs cannot change once set.`,
      removed: (p) => `Quarterly ${eKR(p)} ${eq(p, 'old')}, present at the lock, was removed; quarterly KRs cannot change once set.`,
      periodChanged: (p) => `${eKR(p)} was a quarterly KR at the lock and is now marked annual; quarterly KRs cannot change once set.`,
      targetChanged: (p) =>
        `The target of quarterly ${eKR(p)} was changed after the lock: it was ${eq(p, 'old')}, now ${eq(p, 'new')}. Quarterly KRs cannot change once set.`,
      criteriaChanged: (p) =>
        `The scoring criteria of quarterly ${eKR(p)} were changed after the lock: they were ${eq(p, 'old')}, now ${eq(p, 'new')}. Quarterly KRs cannot change once set.`,
    },
    AKR_APPROVAL: {
      changed: (p) =>
        `Annual ${eKR(p)} was changed after the lock (was ${eq(p, 'old')}, now ${eq(p, 'new')}) without an approved change-log row. Record the new text, the approver and the approval date in the change log.`,
      added: (p) =>
        `Annual ${eKR(p)} ${eq(p, 'new')} was added after the lock without an approved change-log row. Record the new text, the approver and the approval date in the change log.`,
      removed: (p) =>
        `Annual ${eKR(p)} ${eq(p, 'old')}, present at the lock, was removed without an approved change-log row. Record the old text, the approver and the approval date in the change log.`,
    },
    CARRY_OVER: {
      noReason: (p) =>
        `${eKR(p)} is carried over to the next cycle without a written reason; carry over unfinished KRs only when truly necessary.`,
    },
    ALIGNMENT: {
      none: (p) =>
        str(p, 'cardLevel') === 'department'
          ? `${eO(p)} does not name the company objective it supports (individual → team → company).`
          : `${eO(p)} does not name the department objective it supports (individual → team → company).`,
      dangling: (p) => `${eO(p)} is aligned to ${eTarget(p)}, which does not exist; choose it again from the drop-down list.`,
    },
    PUBLIC: {
      hidden: () => `This card's sheet is hidden; OKRs are published once set, for transparency and fairness.`,
      missing: (p) => `${str(p, 'owner')} (${str(p, 'department')}) is on the staff list but has no individual OKR card (the sheet may have been deleted). Run "Update organisation" in the OKR pane (command line: okr-workbook update) to create it again.`,
    },
  },
};
