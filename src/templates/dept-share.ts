import type { Lang } from '../domain/model';
import { text } from '../i18n';
import { formulaString as q, sheetRef } from './a1';
import { MARK, N } from './names';
import type { PlanCell, SheetPlan } from './plan';

/**
 * The department card's live BOTTOM_UP check (K3:L4): the share of bottom-up objectives over the
 * department card and its people's cards, as checkBottomUp computes it, against OKR_BottomUpMin.
 * Each card shows its objective count in H3 and its own share in J3; the department sums them.
 * A formula cannot find a department's people by itself (INDIRECT is volatile), so the cards are
 * listed: `new` writes the cell, `update` rewrites it whenever the organisation changes.
 */
export const DEPT_SHARE = { row: 3, col: 11, cell: 'L3', check: 'L4' } as const;

/** Excel refuses a formula longer than 8,192 characters; a department this big is checked by `check` only. */
const MAX_FORMULA = 8000;

export function departmentShareCells(lang: Lang, memberSheets: readonly string[]): PlanCell[][] {
  const L = text(lang).sheets.labels;
  const count = (sheet?: string) => `N(${sheet ? sheetRef(sheet, '$H$3') : '$H$3'})`;
  const share = (sheet?: string) => `N(${sheet ? sheetRef(sheet, '$J$3') : '$J$3'})`;
  const total = [count(), ...memberSheets.map((s) => count(s))].join('+');
  const bottomUp = [`${share()}*${count()}`, ...memberSheets.map((s) => `${share(s)}*${count(s)}`)].join('+');
  const shareFormula = `IF((${total})=0,"",(${bottomUp})/(${total}))`;
  const [a, b, c] = text(lang).sheets.checks.deptBottomUpLow;
  const check = `IF(${DEPT_SHARE.cell}="","",IF(${DEPT_SHARE.cell}<${N.bottomUpMin}-0.000000001,` +
    `${q(`${MARK.error} ${a}`)}&TEXT(${DEPT_SHARE.cell},"0%")&${q(b)}&TEXT(${N.bottomUpMin},"0%")&${q(c)},${q(MARK.ok)}))`;
  const tooLong = shareFormula.length > MAX_FORMULA;
  return [
    [{ v: L.deptBottomUpShare, s: 'label' }, tooLong ? { v: null, s: 'formulaPct' } : { f: shareFormula, s: 'formulaPct' }],
    [{ v: L.checkDeptBottomUp, s: 'label' }, tooLong ? { v: null, s: 'check' } : { f: check, s: 'check' }],
  ];
}

/** Puts the check into a department card being built (a new sheet: written with it, before it is protected). */
export function placeDepartmentShare(plan: SheetPlan, lang: Lang, memberSheets: readonly string[]): void {
  departmentShareCells(lang, memberSheets).forEach((line, i) => {
    const r = (plan.rows[DEPT_SHARE.row - 1 + i] ??= []);
    while (r.length < DEPT_SHARE.col - 1) r.push(null);
    line.forEach((cell, j) => { r[DEPT_SHARE.col - 1 + j] = cell; });
  });
}
