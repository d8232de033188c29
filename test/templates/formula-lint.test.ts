import {
  ALLOWED_FUNCTIONS,
  FORBIDDEN_FUNCTIONS,
  lintFormula,
  normalizeFunctionName,
  type FormulaProblem,
} from '../../src/templates/formula-lint';

const kinds = (f: string): Array<FormulaProblem['problem']> => lintFormula(f).map((p) => p.problem);

describe('function lists', () => {
  test('are disjoint and upper case', () => {
    for (const f of ALLOWED_FUNCTIONS) {
      expect(FORBIDDEN_FUNCTIONS.has(f)).toBe(false);
      expect(f).toBe(f.toUpperCase());
    }
    for (const f of FORBIDDEN_FUNCTIONS) expect(f).toBe(f.toUpperCase());
  });

  test('hold the functions named in the notes', () => {
    for (const f of ['SUMPRODUCT', 'SUMIFS', 'COUNTIFS', 'AVERAGEIFS', 'IFERROR', 'IF', 'AND', 'OR', 'NOT', 'ROUND', 'MIN', 'MAX', 'INDEX', 'MATCH', 'TEXT', 'DATE', 'ISNUMBER', 'ISBLANK', 'SEARCH']) {
      expect(ALLOWED_FUNCTIONS.has(f)).toBe(true);
    }
    for (const f of ['INDIRECT', 'OFFSET', 'TODAY', 'NOW', 'RAND', 'RANDBETWEEN', 'CELL', 'INFO', 'TEXTJOIN', 'IFS', 'CONCAT', 'MAXIFS', 'MINIFS', 'SWITCH', 'XLOOKUP', 'XMATCH', 'FILTER', 'UNIQUE', 'SORT', 'SORTBY', 'SEQUENCE', 'LET', 'LAMBDA']) {
      expect(FORBIDDEN_FUNCTIONS.has(f)).toBe(true);
    }
  });

  test('normalizeFunctionName strips file prefixes', () => {
    expect(normalizeFunctionName('_xlfn.concat')).toBe('CONCAT');
    expect(normalizeFunctionName('_xlfn._xlws.SORT')).toBe('SORT');
    expect(normalizeFunctionName('Sum')).toBe('SUM');
  });
});

describe('clean formulas', () => {
  test.each([
    'SUMPRODUCT(A1:A3,B1:B3)/SUM(A1:A3)',
    '=IFERROR(SUMPRODUCT(OKR_Weights,B1:B4)/SUM(OKR_Weights),0)',
    'IF(E2>=OKR_GoodFrom,"良好","待改进")',
    'COUNTIFS($C$5:$C$200,"完成",$D$5:$D$200,">=0.5")',
    'INDEX(设置!$B$2:$B$20,MATCH(A1,设置!$A$2:$A$20,0))',
    "'My Settings'!B1*2",
    "SUM('部门 OKR'!D5:D24)",
    'ROUND(AVERAGE(B1:B4),2)',
    'TRUE',
    'sum(a1:b2)',
    'IF(ISNUMBER(SEARCH("GOOD",G5)),1,0)',
    'SUM(Table1[Score])',
    'SUMPRODUCT(Table1[[#This Row],[Weight]:[Score]])',
    'IFERROR(1/0,#N/A)',
    'A1:B2 C1:C5',
    'SUM(Sheet1:Sheet3!A1)',
    'ROUND(1.5E+3,0)',
    '{1,2;3,4}',
    '',
  ])('%s', (f) => {
    expect(lintFormula(f)).toEqual([]);
  });
});

describe('functions', () => {
  test('volatile and too-new functions are forbidden', () => {
    expect(kinds('TODAY()')).toEqual(['forbidden-function']);
    expect(kinds('=SUM(INDIRECT("A1:A3"))')).toEqual(['forbidden-function']);
    expect(lintFormula('OFFSET(A1,1,1)')[0].detail).toMatch(/volatile/);
    expect(lintFormula('TEXTJOIN(",",TRUE,A1:A3)')[0].detail).toMatch(/Excel 2016/);
    expect(kinds('now()')).toEqual(['forbidden-function']);
  });

  test('the _xlfn. prefix does not hide a function', () => {
    expect(kinds('_xlfn.CONCAT(A1,B1)')).toEqual(['forbidden-function']);
    expect(kinds('_xlfn._xlws.SORT(A1:A9)')).toEqual(['forbidden-function']);
    expect(kinds('_xlfn.IFS(A1>1,1,TRUE,0)')).toEqual(['forbidden-function']);
    expect(kinds('_xlfn.STDEV.S(A1:A9)')).toEqual(['unknown-function']);
  });

  test('a function missing from both lists is unknown', () => {
    const p = lintFormula('IF(A1,PMT(0.1,12,1000),0)');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ problem: 'unknown-function', formula: 'IF(A1,PMT(0.1,12,1000),0)' });
    expect(p[0].detail).toMatch(/PMT/);
  });

  test('function names inside string literals are text, not calls', () => {
    expect(lintFormula('IF(A1="TODAY()",1,0)')).toEqual([]);
    expect(lintFormula('IF(A1="say ""NOW()"" loud",1,0)')).toEqual([]);
    expect(lintFormula('"=OFFSET(A1,1,1)"')).toEqual([]);
    // ...but a call after an escaped quote is still found.
    expect(kinds('IF(A1="a""b",TODAY(),0)')).toEqual(['forbidden-function']);
  });

  test('defined names and sheet-qualified names are not functions', () => {
    expect(lintFormula('SUM(OKR_FairFrom,OKR_GoodFrom)')).toEqual([]);
    expect(lintFormula('OKR_FairFrom*2')).toEqual([]);
    expect(lintFormula('Sheet1!Name(1)')).toEqual([]);
    expect(lintFormula("'It''s'!OKR_X(1)")).toEqual([]);
    // A name followed by a space and a parenthesis is the intersection operator, not a call.
    expect(lintFormula('OKR_Range (A1:A3)')).toEqual([]);
  });

  test('names inside quoted sheet names are not calls', () => {
    expect(lintFormula("'TODAY()'!A1+1")).toEqual([]);
    expect(lintFormula("SUM('It''s NOW()'!A1:A3)")).toEqual([]);
  });

  test('each problem is reported once per formula', () => {
    expect(kinds('TODAY()+TODAY()+NOW()')).toEqual(['forbidden-function', 'forbidden-function']);
  });
});

describe('whole-column and whole-row references', () => {
  test('whole columns are found', () => {
    expect(kinds('SUM(A:A)')).toEqual(['whole-column']);
    expect(kinds('SUM($B:$B)')).toEqual(['whole-column']);
    expect(kinds('SUM(Sheet1!C:D)')).toEqual(['whole-column']);
    expect(kinds("COUNTIF('My Sheet'!$AA:$AB,\"x\")")).toEqual(['whole-column']);
    expect(kinds('countif(xfd:xfd,1)')).toEqual(['whole-column']);
    expect(lintFormula('SUM(Sheet1!C:D)')[0].detail).toContain('Sheet1!C:D');
  });

  test('whole rows are found', () => {
    expect(kinds('SUM(1:1)')).toEqual(['whole-row']);
    expect(kinds('SUM($2:$5)')).toEqual(['whole-row']);
    expect(kinds('SUM(Sheet1!3:3)')).toEqual(['whole-row']);
  });

  test('look-alikes are not whole columns or rows', () => {
    expect(lintFormula("'My:Sheet'!A1")).toEqual([]);
    expect(lintFormula("SUM('A:B'!A1:B2)")).toEqual([]);
    expect(lintFormula('SUM(A1:B2)')).toEqual([]);
    expect(lintFormula('SUM($A$1:$A$100)')).toEqual([]);
    expect(lintFormula('IF(A1="A:A",1,0)')).toEqual([]);
    expect(lintFormula('TEXT(A1,"hh:mm")')).toEqual([]);
    expect(lintFormula('SUM(A:B!A1)')).toEqual([]); // 3D reference over sheets named A..B
  });
});

describe('balance', () => {
  test.each([
    ['SUM(A1:A3', /unclosed \(/],
    ['SUM(A1:A3))', /unexpected \)/],
    [')SUM(A1(', /unexpected \)/],
    ['IF(A1="abc,1,0)', /unterminated string/],
    ["'My Sheet!A1", /unterminated quoted sheet name/],
    ['SUM(Table1[[#This Row],[Score])', /unbalanced \[/],
    ['{1,2', /unclosed \{/],
  ])('%s', (f, re) => {
    const p = lintFormula(f);
    expect(p.map((x) => x.problem)).toContain('unbalanced');
    expect(p.map((x) => x.detail).join('\n')).toMatch(re);
  });

  test('parentheses inside strings and sheet names do not count', () => {
    expect(lintFormula('IF(A1=")",1,0)')).toEqual([]);
    expect(lintFormula("SUM('Q1 (draft)'!A1:A3)")).toEqual([]);
    expect(lintFormula("SUM('Q1 (draft'!A1:A3)")).toEqual([]);
  });

  test('problems combine', () => {
    expect(kinds('SUM(A:A,TODAY()').sort()).toEqual(['forbidden-function', 'unbalanced', 'whole-column']);
  });
});
