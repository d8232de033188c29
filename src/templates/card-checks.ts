import { allSpellings, PERIOD_WORDS, SOURCE_WORDS, spellingsOf, STATUS_WORDS, yesNoSpellings } from '../domain/labels';
import type { Lang } from '../domain/model';
import { formulaString as q } from './a1';
import { MARK, N } from './names';
import { text } from '../i18n';
import type { CheckText } from '../i18n/types/sheets';

/**
 * The live check formulas of a card. Each returns "" for an empty row, "✓" when fine, or
 * "✗ " / "⚠ " followed by what to fix, so a person without the add-in sees at once what is wrong.
 * They mirror the TypeScript rules (O_COUNT, KR_COUNT, WEIGHTS, SCORE_RANGE, KR_MEASURABLE,
 * KR_TIMEBOUND, O_SPECIFIC) and are tested against them in a real spreadsheet engine.
 */
/** What the checks say, per language (catalogue section sheets.checks); the formulas below only place it. */
const MSG = (lang: Lang): CheckText => text(lang).sheets.checks;

/** "" → "✓", otherwise "✗ " & issues; `gate` true means the row is empty and shows nothing. */
function verdict(gate: string, issues: string[]): string {
  const joined = issues.join('&');
  return `IF(${gate},"",IF(${joined}="",${q(MARK.ok)},${q(MARK.error + ' ')}&${joined}))`;
}

function when(cond: string, text: string): string {
  return `IF(${cond},${q(text)},"")`;
}

export function objectiveCountCheck(lang: Lang, objScores: string): string {
  const n = `COUNT(${objScores})`;
  const [a, b, c] = MSG(lang).tooManyObjectives;
  const [d, e, f] = MSG(lang).tooFewObjectives;
  return `IF(${n}>${N.maxObjectives},${q(MARK.error + ' ' + a)}&${n}&${q(b)}&${N.maxObjectives}&${q(c)},` +
    `IF(${n}<${N.minObjectives},${q(MARK.warning + ' ' + d)}&${n}&${q(e)}&${N.minObjectives}&${q(f)},${q(MARK.ok)}))`;
}

/** Weights of a group (objective weights on a card, KR weights of an objective). */
function weightIssues(lang: Lang, weights: string, members: string): string[] {
  const given = `COUNT(${weights})`;
  const [s1, s2] = MSG(lang).weightSum;
  return [
    when(`AND(${given}>0,${given}<${members})`, MSG(lang).someWeightsMissing),
    when(`COUNTIF(${weights},"<0")+COUNTIF(${weights},">1")>0`, MSG(lang).weightOutOfRange),
    `IF(AND(${given}>0,${given}>=${members},ABS(SUM(${weights})-1)>0.0001),${q(s1)}&TEXT(SUM(${weights}),"0.0%")&${q(s2)},"")`,
  ];
}

export function objectiveWeightsCheck(lang: Lang, objWeights: string, objScores: string): string {
  return verdict('FALSE', weightIssues(lang, objWeights, `COUNT(${objScores})`));
}

export function scoreRangeCheck(lang: Lang, scores: string): string {
  const texts = `SUMPRODUCT(--(LEN(TRIM(${scores}))>0))-COUNT(${scores})`;
  return `IF(${texts}>0,${q(MARK.error + ' ' + text(lang).rules.entryChecks.textInScores)},` +
    `IF(COUNTIF(${scores},"<0")+COUNTIF(${scores},">1")>0,${q(MARK.error + ' ' + MSG(lang).scoreRange)},${q(MARK.ok)}))`;
}

// ---- entries the formulas cannot use (rule ENTRY; read the same way by templates/read-book.ts) ----

/** A word cell as the rules engine compares it: a full-width space is a space, then TRIM (case never matters in a comparison). */
export function wordOf(ref: string): string {
  return `TRIM(SUBSTITUTE(${ref},"\u3000"," "))`;
}

/** How many cells of `ref` (a cell or a range) hold one of `words`; "=" never reads wildcards, unlike COUNTIF and MATCH. */
export function countWords(ref: string, words: readonly string[]): string {
  return `SUMPRODUCT(--(${wordOf(ref)}={${words.map(q).join(',')}}))`;
}

type EntryFieldName = keyof ReturnType<typeof text>['rules']['entryChecks']['fields'];

/** Text (or anything but a number) in a number cell. */
function notNumber(lang: Lang, ref: string, field: EntryFieldName): string {
  const e = text(lang).rules.entryChecks;
  return when(`AND(LEN(TRIM(${ref}))>0,NOT(ISNUMBER(${ref})))`, e.notNumber(e.fields[field]));
}

/** A word cell holding something off its list. */
function notOnList(lang: Lang, ref: string, field: EntryFieldName, words: readonly string[]): string {
  const e = text(lang).rules.entryChecks;
  return when(`AND(${wordOf(ref)}<>"",${countWords(ref, words)}=0)`, e.notOnList(e.fields[field]));
}

export const BOTTOM_UP_SPELLINGS = spellingsOf(SOURCE_WORDS, 'bottom-up');

export function rowsToFix(lang: Lang, checkCols: string[]): string {
  const count = checkCols.map((r) => `SUMPRODUCT(--(LEFT(${r},1)=${q(MARK.error)}))`).join('+');
  return `IF(${count}=0,${q(MARK.ok)},${q(MARK.error + ' ')}&(${count})&${q(MSG(lang).rowsToFix)})`;
}

export interface ObjectiveCells {
  objScore: string;
  objective: string;
  krWeights: string;
  finals: string;
  /** The objective's input cells the card has (the company map has no source). */
  objWeight?: string;
  source?: string;
  agreed?: string;
}

export function objectiveCheck(lang: Lang, c: ObjectiveCells): string {
  const k = `COUNT(${c.finals})`;
  const [a, b, d] = MSG(lang).tooManyKrs;
  return verdict(`${c.objScore}=""`, [
    when(`LEN(TRIM(${c.objective}))=0`, MSG(lang).noObjectiveText),
    when(`${k}=0`, MSG(lang).noKr),
    `IF(${k}>${N.maxKrs},${q(a)}&${k}&${q(b)}&${N.maxKrs}&${q(d)},"")`,
    ...weightIssues(lang, c.krWeights, k),
    ...(c.source ? [notOnList(lang, c.source, 'source', allSpellings(SOURCE_WORDS))] : []),
    ...(c.objWeight ? [notNumber(lang, c.objWeight, 'objWeight')] : []),
    ...(c.agreed ? [notOnList(lang, c.agreed, 'agreed', yesNoSpellings())] : []),
  ]);
}

export interface KrRowCells {
  inputs: string;
  kr: string;
  target: string;
  criteria: string;
  deadline: string;
  period: string;
  progress: string;
  selfScore: string;
  managerScore: string;
  krWeight?: string;
  status?: string;
}

/** True when the KR's period cell says annual, in either language (spaces and case as the engine reads them). */
export function isAnnual(period: string): string {
  return `${countWords(period, spellingsOf(PERIOD_WORDS, 'annual'))}>0`;
}

export function deadlineBounds(period: string): { start: string; end: string } {
  return {
    start: `IF(${isAnnual(period)},DATE(${N.year},1,1),${N.cycleStart})`,
    end: `IF(${isAnnual(period)},DATE(${N.year},12,31),${N.cycleEnd})`,
  };
}

export function krRowCheck(lang: Lang, c: KrRowCells): string {
  const { start, end } = deadlineBounds(c.period);
  const outOfRange = (x: string) => `AND(ISNUMBER(${x}),OR(${x}<0,${x}>1))`;
  return verdict(`COUNTA(${c.inputs})=0`, [
    when(`LEN(TRIM(${c.kr}))=0`, MSG(lang).noKrText),
    when(`LEN(TRIM(${c.target}))=0`, MSG(lang).noTarget),
    when(`LEN(TRIM(${c.criteria}))=0`, MSG(lang).noCriteria),
    `IF(${c.deadline}="",${q(MSG(lang).noDeadline)},IF(NOT(ISNUMBER(${c.deadline})),${q(MSG(lang).badDeadline)},` +
      `IF(OR(INT(${c.deadline})<${start},INT(${c.deadline})>${end}),${q(MSG(lang).deadlineOutside)},"")))`,
    when(`OR(${outOfRange(c.progress)},${outOfRange(c.selfScore)},${outOfRange(c.managerScore)})`, MSG(lang).badScore),
    ...(c.krWeight ? [notNumber(lang, c.krWeight, 'krWeight')] : []),
    notNumber(lang, c.progress, 'progress'),
    notNumber(lang, c.selfScore, 'selfScore'),
    notNumber(lang, c.managerScore, 'managerScore'),
    notOnList(lang, c.period, 'period', allSpellings(PERIOD_WORDS)),
    ...(c.status ? [notOnList(lang, c.status, 'status', allSpellings(STATUS_WORDS))] : []),
  ]);
}
