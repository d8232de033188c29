/** Moving formulas as Excel does when copying down or across, and the shared-formula groups built on it. */
import { formulaShifter, shiftFormula } from '../../src/templates/formula-shift';
import { sharedFormulaLayout } from '../../src/templates/shared-formulas';
import { parseCycle } from '../../src/domain/cycle';
import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { buildWorkbook } from '../../src/templates/build';
import type { PlanCell } from '../../src/templates/plan';
import { generateOrganisation } from '../support/synthetic';

describe('shiftFormula', () => {
  it('moves relative references and keeps absolute ones, names, strings and functions', () => {
    expect(shiftFormula('IF(H7="A1",SUM($B$3,C$2,$D4,E5:F6),OKR_Year)', 2, 1)).toBe('IF(I9="A1",SUM($B$3,D$2,$D6,F7:G8),OKR_Year)');
    expect(shiftFormula("LOG10(A1)+'My Sheet'!B2+Sheet2!C3", 1, 0)).toBe("LOG10(A2)+'My Sheet'!B3+Sheet2!C4");
    expect(shiftFormula('SUM(A:A)+SUM(3:4)+SUM($B:B)', 1, 1)).toBe('SUM(B:B)+SUM(4:5)+SUM($B:C)');
    expect(shiftFormula('{"annual","年度"}&TEXT(A1,"0.0%")', 3, 0)).toBe('{"annual","年度"}&TEXT(A4,"0.0%")');
  });

  it('refuses what it cannot move: off the sheet, structured references, broken text', () => {
    expect(shiftFormula('A1', -1, 0)).toBeUndefined();
    expect(shiftFormula('XFD1', 0, 1)).toBeUndefined();
    expect(shiftFormula('SUM(Table1[Amount])', 1, 0)).toBeUndefined();
    expect(shiftFormula('"open', 1, 0)).toBeUndefined();
  });
});

describe('Shifter.matches (comparing without building the moved formula)', () => {
  const FORMULAS = [
    'IF(H7="A1",SUM($B$3,C$2,$D4,E5:F6),OKR_Year)', 'SUM(A:A)+SUM(3:4)+SUM($B:B)', "LOG10(a1)+'My Sheet'!B2", 'A9+A10*$A$1', 'B1&"7"',
  ];
  it('says yes exactly for the formula shift gives, and no for any other text', () => {
    for (const formula of FORMULAS) {
      const s = formulaShifter(formula)!;
      for (const [dr, dc] of [[0, 0], [1, 0], [3, 0], [9, 0], [1, 1], [0, 2]]) {
        const moved = s(dr, dc)!;
        expect({ formula, dr, dc, same: s.matches(dr, dc, moved) }).toEqual({ formula, dr, dc, same: true });
        // One more row than moved, a leading zero, a cut or a longer text: all different formulas.
        for (const other of [s(dr + 1, dc), moved.replace(/([A-Z])(\d)/, '$10$2'), moved.slice(0, -1), `${moved}1`, moved.toLowerCase()]) {
          if (other === undefined || other === moved) continue;
          expect({ formula, dr, dc, other, same: s.matches(dr, dc, other) }).toEqual({ formula, dr, dc, other, same: false });
        }
      }
    }
  });

  it('a reference moved off the sheet matches nothing', () => {
    expect(formulaShifter('A1')!.matches(-1, 0, 'A0')).toBe(false);
  });
});

describe('sharedFormulaLayout', () => {
  const f = (text: string, share = 'k'): PlanCell => ({ f: text, share });

  it('groups a column whose formulas are the first one moved down, and only those', () => {
    const rows: (PlanCell | null)[][] = [[f('A1*2')], [f('A2*2')], [f('A3*3')], [f('A4*3')], [{ f: 'A5*3' }]];
    const layout = sharedFormulaLayout(rows);
    expect(layout.get('A1')).toEqual({ kind: 'master', ref: 'A1:A2', si: 0 });
    expect(layout.get('A2')).toEqual({ kind: 'child', master: 'A1', si: 0 });
    // A different formula starts a group of its own; a cell without the hint stays on its own.
    expect(layout.get('A3')).toEqual({ kind: 'master', ref: 'A3:A4', si: 1 });
    expect(layout.get('A5')).toBeUndefined();
  });

  it('every shared cell of every generated card is its master moved, so a file computes what the plan says', () => {
    const book = generateOrganisation(6, 7);
    const { plan } = buildWorkbook({ ...book, cycle: parseCycle('2026-Q4')!, lang: 'zh-CN', settings: DEFAULT_SETTINGS });
    let children = 0;
    for (const sheet of plan.sheets) {
      const layout = sharedFormulaLayout(sheet.rows);
      for (const [a, role] of layout) {
        if (role.kind !== 'child') continue;
        children++;
        const [row, col] = at(a);
        const [mr, mc] = at(role.master);
        const cell = sheet.rows[row - 1][col - 1] as PlanCell;
        const master = sheet.rows[mr - 1][mc - 1] as PlanCell;
        expect(shiftFormula(master.f as string, row - mr, col - mc)).toBe(cell.f);
      }
    }
    // Each card shares its KR checks, final scores, objective checks and scores.
    expect(children).toBeGreaterThan(plan.sheets.filter((s) => s.kind.endsWith('Card')).length * 20);
  });
});

function at(a: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}
