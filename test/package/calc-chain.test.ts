import { calcChainEmpty, editCalcChain } from '../../src/xlsx/package/calc-chain';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const chain = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${NS}">${body}</calcChain>`;

describe('the calculation chain after an edit', () => {
  it('keeps what the edit did not touch byte for byte, attributes and order included', () => {
    const xml = chain('<c r="B2" i="1" l="1"/><c r="C3" s="1"/><c r="A1" i="2" a="1"/>');
    expect(editCalcChain(xml, 'xl/calcChain.xml', { removedSheets: new Set(), written: new Map([[1, new Map([['Z9', false]])]]) })).toBe(xml);
  });

  it('drops an entry whose cell the edit turned into a value, and says the sheet of the next one that inherited it', () => {
    const xml = chain('<c r="B2" i="1"/><c r="C3"/><c r="A1" i="2"/>');
    const out = editCalcChain(xml, 'p', { removedSheets: new Set(), written: new Map([[1, new Map([['B2', false]])]]) });
    expect(out).toBe(chain('<c r="C3" i="1"/><c r="A1" i="2"/>'));
  });

  it('drops every entry of a removed sheet, and adds the formulas the edit wrote, once', () => {
    const xml = chain('<c r="A1" i="3"/><c r="A2"/><c r="B1" i="1"/>');
    const written = new Map([[1, new Map([['B1', true], ['B2', true]])], [7, new Map([['D4', true], ['D5', false]])]]);
    const out = editCalcChain(xml, 'p', { removedSheets: new Set([3]), written });
    expect(out).toBe(chain('<c r="B1" i="1"/><c r="B2" i="1"/><c r="D4" i="7"/>'));
  });

  it('keeps a prefixed chain prefixed, and reports an emptied chain (which must not be written: it needs one entry)', () => {
    const xml = `<x:calcChain xmlns:x="${NS}"><x:c r="A1" i="1"/></x:calcChain>`;
    const out = editCalcChain(xml, 'p', { removedSheets: new Set([1]), written: new Map([[2, new Map([['C1', true]])]]) });
    expect(out).toBe(`<x:calcChain xmlns:x="${NS}"><x:c r="C1" i="2"/></x:calcChain>`);
    const emptied = editCalcChain(xml, 'p', { removedSheets: new Set([1]), written: new Map() });
    expect(calcChainEmpty(emptied, 'p')).toBe(true);
    expect(calcChainEmpty(out, 'p')).toBe(false);
  });
});
