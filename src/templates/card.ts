import { isoToSerial } from '../domain/cycle';
import { PERIOD_WORDS, SOURCE_WORDS, STATUS_WORDS, YES_NO_WORDS } from '../domain/labels';
import type { Card, Cycle, KeyResult, Lang, Level, Objective } from '../domain/model';
import { text as inLang } from '../i18n';
import { absAddr, addr, colLetter, formulaString, rangeAddr } from './a1';
import * as checks from './card-checks';
import { cardLayout, DEFAULT_KR_ROWS, DEFAULT_SLOTS, KR_INPUTS, type CardField, type CardLayout } from './card-layout';
import { Grid, sheetPlan } from './grid';
import { CHECK_COLOURS, MARK, N, RATING_COLOURS } from './names';
import type { CondFormatPlan, PlanCell, SheetPlan, ValidationPlan } from './plan';
import { t, type TextKey } from './text';
import { cardValidations, signOffValidations } from './card-validations';
import { fitColumnsToText } from './label-widths';

export interface CardHeader {
  /** Individual: the person; department: the department; company: the company. */
  name: string;
  department?: string;
  position?: string;
  manager?: string;
  head?: string;
  /** The departed mark ("已离职 2026-11-28"); blank for an active card. */
  status?: string;
}

export interface CardSheetInput {
  key: string;
  sheetName: string;
  card: Card;
  header: CardHeader;
  cycle: Cycle;
  lang: Lang;
  /**
   * Rows per objective slot, when the card exists already and people inserted rows (a template
   * upgrade rebuilds the card on the rows it has); default: slotHeights(card).
   */
  slotHeights?: number[];
}

/** Where things are on a generated card; used by tests and by the adapters' readers. */
export interface CardGeometry {
  slots: { first: number; last: number }[];
  lastRow: number;
  signOffRow: number;
  score: string;
  rating: string;
}

const TITLE: Record<Level, TextKey> = { company: 'titleMap', department: 'titleDeptCard', individual: 'titlePersonCard' };

/** Slot heights: 5 objectives × 4 KRs by default, growing to hold whatever the card already has. */
export function slotHeights(card: Card): number[] {
  const n = Math.max(DEFAULT_SLOTS, card.objectives.length);
  return Array.from({ length: n }, (_, i) => Math.max(DEFAULT_KR_ROWS, card.objectives[i]?.krs.length ?? 0));
}

export function cardGeometry(card: Card, heights: number[] = slotHeights(card)): CardGeometry {
  const L = cardLayout(card.level);
  const slots: { first: number; last: number }[] = [];
  let row = L.firstSlotRow;
  for (const h of heights) {
    slots.push({ first: row, last: row + h - 1 });
    row += h;
  }
  const lastRow = row - 1;
  return { slots, lastRow, signOffRow: lastRow + 2, score: 'B3', rating: 'D3' };
}

export function buildCardSheet(input: CardSheetInput): { plan: SheetPlan; geometry: CardGeometry } {
  const { card, lang } = input;
  const L = cardLayout(card.level);
  const geo = cardGeometry(card, input.slotHeights);
  const g = new Grid();
  const col = (f: CardField) => L.col(f);
  const first = L.firstSlotRow;
  const last = geo.lastRow;
  const absColRange = (f: CardField) => `$${colLetter(col(f))}$${first}:$${colLetter(col(f))}$${last}`;

  // Title and header block.
  g.set(1, 1, { v: t(TITLE[card.level], lang), s: 'title' });
  writeHeader(g, input, L);

  // Summary line: card score, rating, objective count, bottom-up share.
  const objScores = absColRange('objScore');
  const objWeights = absColRange('objWeight');
  // Self and manager scores (adjacent columns): until one is typed, the card is not scored yet.
  const typed = `$${colLetter(col('selfScore'))}$${first}:$${colLetter(col('managerScore'))}$${last}`;
  g.line(3, 1, [
    { v: t('cardScore', lang), s: 'label' },
    { f: `IF(OR(COUNT(${objScores})=0,COUNT(${typed})=0),"",IF(SUM(${objWeights})=0,AVERAGE(${objScores}),SUMPRODUCT(${objWeights},${objScores})/SUM(${objWeights})))`, s: 'formulaScore' },
    { v: t('rating', lang), s: 'label' },
    { f: `IF(AND(COUNT(${objScores})>0,COUNT(${typed})=0),${formulaString(t('notScored', lang))},${ratingFormula('$B$3')})`, s: 'formula' },
  ]);
  g.line(3, 7, [{ v: t('objectiveCount', lang), s: 'label' }, { f: `COUNT(${objScores})`, s: 'formula' }]);
  if (L.has('source')) {
    const src = absColRange('source');
    g.line(3, 9, [
      { v: t('bottomUpShare', lang), s: 'label' },
      { f: `IF(COUNT(${objScores})=0,"",${checks.countWords(src, checks.BOTTOM_UP_SPELLINGS)}/COUNT(${objScores}))`, s: 'formulaPct' },
    ]);
  }

  // Card-level live checks.
  const scores = `$${colLetter(col('progress'))}$${first}:$${colLetter(col('managerScore'))}$${last}`;
  g.line(4, 1, [
    { v: t('checkObjectives', lang), s: 'label' },
    { f: checks.objectiveCountCheck(lang, objScores), s: 'check' },
    { v: t('checkObjWeights', lang), s: 'label' },
    { f: checks.objectiveWeightsCheck(lang, objWeights, objScores), s: 'check' },
  ]);
  g.line(4, 7, [
    { v: t('checkScores', lang), s: 'label' },
    { f: checks.scoreRangeCheck(lang, scores), s: 'check' },
    { v: t('checkRows', lang), s: 'label' },
    { f: checks.rowsToFix(lang, [absColRange('krCheck'), absColRange('objCheck')]), s: 'check' },
  ]);

  // Table header.
  L.header(lang).forEach((h, i) => g.set(L.headerRow, i + 1, { v: h, s: 'header' }));

  // Slots.
  geo.slots.forEach((slot, i) => writeSlot(g, L, lang, slot, i + 1, card.objectives[i]));

  // Sign-off block.
  writeSignOff(g, input, geo.signOffRow);

  const merges = ['A1:H1', 'D2:F2', 'D3:F3', 'D4:F4'];
  // Labels and headers read whole in either language (English labels are longer than the columns they sit in).
  const colWidths = fitColumnsToText(L.widths.map((w, i) => (i === 0 ? Math.max(w, 9) : w)), g.rows, [2, 3, 4, L.headerRow], ['label', 'header']);
  const plan = sheetPlan(card.level === 'individual' ? 'individualCard' : card.level === 'department' ? 'departmentCard' : 'map', input.key, input.sheetName, g, {
    colWidths,
    merges,
    validations: [...cardValidations(L, lang, first, last), ...signOffValidations(lang, signRows(card.level, geo.signOffRow))],
    conditionalFormats: cardFormats(L, first, last),
    freeze: { rows: L.headerRow, cols: col('objective') },
    protect: true,
    tabColor: card.departed ? DEPARTED_TAB : CARD_TAB[card.level] || undefined,
    hidden: card.hidden,
  });
  return { plan, geometry: geo };
}

/**
 * The header cells a card's owner data goes into (row 2), per level: what the organisation update
 * rewrites when a position, manager or head changes. Template version 2 added the status cell.
 */
export const HEADER_CELLS = {
  individual: { name: 'B2', department: 'D2', position: 'H2', manager: 'J2', status: 'N2' },
  department: { name: 'B2', head: 'D2', manager: 'H2', status: 'N2' },
  company: { name: 'B2' },
} as const;
export const STATUS_COL = 14;
/** Tab colours: the target map red, department cards blue, individual cards none; departed grey. */
export const CARD_TAB: Record<Level, string> = { company: 'C00000', department: '2F5597', individual: '' };
export const DEPARTED_TAB = 'A6A6A6';

function writeHeader(g: Grid, input: CardSheetInput, L: CardLayout): void {
  const { header, lang, cycle } = input;
  const cycleText = `${cycle.year}-Q${cycle.quarter}`;
  const v = (x: string | undefined): PlanCell => ({ v: x ?? '', s: 'value' });
  const label = (k: TextKey): PlanCell => ({ v: t(k, lang), s: 'label' });
  if (L.level === 'individual') {
    g.line(2, 1, [label('name'), v(header.name), label('department'), v(header.department)]);
    g.line(2, 7, [label('position'), v(header.position), label('manager'), v(header.manager), label('cycle'), v(cycleText)]);
    g.line(2, STATUS_COL - 1, [label('cardStatus'), v(header.status ?? input.card.departed)]);
  } else if (L.level === 'department') {
    g.line(2, 1, [label('department'), v(header.name), label('head'), v(header.head)]);
    g.line(2, 7, [label('manager'), v(header.manager), label('cycle'), v(cycleText)]);
    g.line(2, STATUS_COL - 1, [label('cardStatus'), v(header.status ?? input.card.departed)]);
  } else {
    g.line(2, 1, [label('company'), v(header.name), label('cycle'), v(cycleText)]);
  }
}

function writeSlot(g: Grid, L: CardLayout, lang: Lang, slot: { first: number; last: number }, no: number, o: Objective | undefined): void {
  const col = (f: CardField) => L.col(f);
  const r0 = slot.first;
  const r1 = slot.last;
  const cellAt = (f: CardField, r: number) => addr(r, col(f));
  const inSlot = (f: CardField) => rangeAddr(r0, col(f), r1, col(f));

  for (let r = r0; r <= r1; r++) {
    const first = r === r0;
    const kr = o?.krs[r - r0];
    // Objective columns: input on the slot's first row, greyed out below it.
    g.set(r, col('objNo'), first ? { v: no, s: 'fixedCenter' } : { s: 'blocked' });
    for (const f of L.objInputs) g.set(r, col(f), first ? objectiveCell(f, o, lang) : { s: 'blocked' });
    g.set(r, col('krNo'), { v: r - r0 + 1, s: 'fixedCenter' });
    for (const f of KR_INPUTS) g.set(r, col(f), krCell(f, kr, lang));
    const mgr = cellAt('managerScore', r);
    const self = cellAt('selfScore', r);
    const inputs = rangeAddr(r, col('kr'), r, col('managerScore'));
    g.set(r, col('finalScore'), {
      f: `IF(COUNTA(${inputs})=0,"",MIN(1,MAX(0,IF(ISNUMBER(${mgr}),${mgr},IF(ISNUMBER(${self}),${self},0)))))`,
      s: 'formulaScore',
      share: 'finalScore',
    });
    g.set(r, col('status'), { v: kr?.status ? wordFor(STATUS_WORDS, kr.status, lang) : null, s: 'input' });
    g.set(r, col('carryReason'), { v: kr?.carryOverReason ?? null, s: 'inputWrap' });
    g.set(r, col('krCheck'), {
      f: checks.krRowCheck(lang, {
        inputs, kr: cellAt('kr', r), target: cellAt('target', r), criteria: cellAt('criteria', r),
        deadline: cellAt('deadline', r), period: cellAt('period', r), progress: cellAt('progress', r),
        selfScore: self, managerScore: mgr, krWeight: cellAt('krWeight', r), status: cellAt('status', r),
      }),
      s: 'check',
      share: 'krCheck',
    });
    if (first) {
      const objIn = rangeAddr(r0, col(L.objInputs[0]), r0, col(L.objInputs[L.objInputs.length - 1]));
      const krBlock = rangeAddr(r0, col('kr'), r1, col('managerScore'));
      const fin = inSlot('finalScore');
      const w = inSlot('krWeight');
      g.set(r, col('objScore'), {
        f: `IF(COUNTA(${objIn},${krBlock})=0,"",IF(COUNT(${fin})=0,0,IF(SUM(${w})=0,AVERAGE(${fin}),SUMPRODUCT(${w},${fin})/SUM(${w}))))`,
        s: 'formulaScore',
        share: 'objScore',
      });
      g.set(r, col('objCheck'), {
        f: checks.objectiveCheck(lang, {
          objScore: cellAt('objScore', r0), objective: cellAt('objective', r0), krWeights: w, finals: fin,
          objWeight: cellAt('objWeight', r0), agreed: cellAt('agreed', r0), source: L.has('source') ? cellAt('source', r0) : undefined,
        }),
        s: 'check',
        share: 'objCheck',
      });
    } else {
      g.set(r, col('objScore'), { s: 'blocked' });
      g.set(r, col('objCheck'), { s: 'blocked' });
    }
  }
}

function objectiveCell(f: CardField, o: Objective | undefined, lang: Lang): PlanCell {
  switch (f) {
    case 'objective': return { v: o?.text || null, s: 'inputWrap' };
    case 'category': return { v: o?.category ?? null, s: 'input' };
    case 'source': return { v: o?.source ? SOURCE_WORDS[o.source][lang] : null, s: 'input' };
    case 'alignedTo': return { v: o?.alignedTo ? alignedText(o.alignedTo, lang) : null, s: 'input' };
    case 'objWeight': return { v: o?.weight ?? null, s: 'inputPct' };
    case 'agreed': return { v: o?.agreed === undefined ? null : YES_NO_WORDS[o.agreed ? 'yes' : 'no'][lang], s: 'input' };
    default: throw new Error(`not an objective field: ${f}`);
  }
}

function krCell(f: CardField, kr: KeyResult | undefined, lang: Lang): PlanCell {
  switch (f) {
    case 'kr': return { v: kr?.text || null, s: 'inputWrap' };
    case 'deliverable': return { v: kr?.deliverable || null, s: 'inputWrap' };
    case 'target': return { v: kr?.target || null, s: 'inputWrap' };
    case 'criteria': return { v: kr?.criteria || null, s: 'inputWrap' };
    case 'deadline': return { v: kr?.deadline ? isoToSerial(kr.deadline) : kr?.deadlineText ?? null, s: 'inputDate' };
    case 'period': return { v: kr ? PERIOD_WORDS[kr.period][lang] : null, s: 'input' };
    case 'krWeight': return { v: kr?.weight ?? null, s: 'inputPct' };
    case 'progress': return { v: kr?.progress ?? null, s: 'inputPct' };
    case 'selfScore': return { v: kr?.selfScore ?? null, s: 'inputNum' };
    case 'managerScore': return { v: kr?.managerScore ?? null, s: 'inputNum' };
    default: throw new Error(`not a KR field: ${f}`);
  }
}

/** "company#2" is written as 公司#2 in a Chinese workbook; department references stay as they are. */
export function alignedText(ref: string, lang: Lang): string {
  const m = /^(company|公司)#(\d+)$/i.exec(ref.trim());
  return m ? `${inLang(lang).words.level.company}#${m[2]}` : ref;
}

function wordFor<T extends string>(words: Record<T, Record<Lang, string>>, code: string, lang: Lang): string {
  return code in words ? words[code as T][lang] : code;
}

export function ratingFormula(score: string): string {
  const r = `ROUND(${score},4)`;
  const label = (i: number) => `INDEX(${N.ratingLabels},${i})`;
  return `IF(ISNUMBER(${score}),IF(${r}<=${N.fairFrom},${label(1)},IF(${r}<${N.goodFrom},${label(2)},IF(${r}<=${N.goodTo},${label(3)},${label(4)}))),"")`;
}

/** Expression rules that colour a score by its rating band; `score` is relative to the range's top-left cell. */
export function ratingFormats(range: string, score: string): CondFormatPlan[] {
  const r = `ROUND(${score},4)`;
  const rules: [keyof typeof RATING_COLOURS, string][] = [
    ['BAD', `AND(ISNUMBER(${score}),${r}<=${N.fairFrom})`],
    ['FAIR', `AND(ISNUMBER(${score}),${r}>${N.fairFrom},${r}<${N.goodFrom})`],
    ['GOOD', `AND(ISNUMBER(${score}),${r}>=${N.goodFrom},${r}<=${N.goodTo})`],
    ['EXCELLENT', `AND(ISNUMBER(${score}),${r}>${N.goodTo})`],
  ];
  return rules.map(([code, formula]) => ({ kind: 'expression', range, formula, fill: RATING_COLOURS[code].fill, fontColor: RATING_COLOURS[code].font }));
}

/** Highlights a failing (✗) or warning (⚠) check cell. */
export function checkFormats(range: string, topLeft: string): CondFormatPlan[] {
  return [
    { kind: 'expression', range, formula: `LEFT(${topLeft},1)="${MARK.error}"`, fill: CHECK_COLOURS.error.fill, fontColor: CHECK_COLOURS.error.font, bold: true },
    { kind: 'expression', range, formula: `LEFT(${topLeft},1)="${MARK.warning}"`, fill: CHECK_COLOURS.warning.fill, fontColor: CHECK_COLOURS.warning.font },
  ];
}

function cardFormats(L: CardLayout, first: number, last: number): CondFormatPlan[] {
  const c = (f: CardField) => L.col(f);
  const range = (f: CardField) => rangeAddr(first, c(f), last, c(f));
  return [
    ...ratingFormats('B3:B3', '$B$3'),
    ...ratingFormats('D3:D3', '$B$3'),
    ...ratingFormats(range('finalScore'), addr(first, c('finalScore'))),
    ...ratingFormats(range('objScore'), addr(first, c('objScore'))),
    ...checkFormats(range('krCheck'), addr(first, c('krCheck'))),
    ...checkFormats(range('objCheck'), addr(first, c('objCheck'))),
    ...checkFormats('B4:B4', 'B4'),
    ...checkFormats('D4:D4', 'D4'),
    ...checkFormats('H4:H4', 'H4'),
    ...checkFormats('J4:J4', 'J4'),
    { kind: 'dataBar', range: range('progress'), color: '5B9BD5' },
  ];
}

/** The rows of the sign-off block that hold a signature: the company card has only the general manager's. */
function signRows(level: CardSheetInput['card']['level'], row: number): number[] {
  return level === 'company' ? [row + 2] : [row + 1, row + 2];
}

function writeSignOff(g: Grid, input: CardSheetInput, row: number): void {
  const { lang, card } = input;
  g.set(row, 1, { v: t('signOff', lang), s: 'subtitle' });
  const s = card.signOff;
  const d = (x?: string): PlanCell => ({ v: x ? isoToSerial(x) : null, s: 'inputDate' });
  const who = (x?: string): PlanCell => ({ v: x ?? null, s: 'input' });
  const employeeLabel: TextKey = card.level === 'department' ? 'deptHeadSign' : 'employeeSign';
  const managerLabel: TextKey = card.level === 'company' ? 'gmSign' : 'managerSign';
  if (card.level !== 'company') {
    g.line(row + 1, 1, [{ v: t(employeeLabel, lang), s: 'label' }, who(s.employee), { v: t('date', lang), s: 'label' }, d(s.employeeDate)]);
  }
  g.line(row + 2, 1, [{ v: t(managerLabel, lang), s: 'label' }, who(s.manager), { v: t('date', lang), s: 'label' }, d(s.managerDate)]);
}

export { absAddr };
export type { ValidationPlan };
