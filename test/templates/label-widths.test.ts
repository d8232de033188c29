import { DEFAULT_SETTINGS, type Lang } from '../../src/domain/model';
import { buildWorkbook } from '../../src/templates/build';
import { CARD_HEADER_ROW } from '../../src/templates/card-layout';
import { textWidth } from '../../src/templates/label-widths';
import { CYCLE, loadExample } from '../workbook/build-fixture';

/**
 * A card's labels (rows 2–4) sit beside their values, so a label wider than its column is cut off
 * where it meets the value: in English `Department` read `Departmen` and `Score range` read `Score r`.
 */
describe.each<Lang>(['zh-CN', 'en-US'])('card labels and headers read whole (%s)', (lang) => {
  it('every label and column header of every card fits its column on one line', async () => {
    const ex = await loadExample(lang);
    const { plan } = buildWorkbook({ lang, cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
    const cards = plan.sheets.filter((s) => ['map', 'departmentCard', 'individualCard'].includes(s.kind));
    expect(cards.length).toBeGreaterThan(40);
    const cut: string[] = [];
    for (const s of cards) {
      for (const r of [2, 3, 4, CARD_HEADER_ROW]) {
        (s.rows[r - 1] ?? []).forEach((c, i) => {
          if (!c || typeof c.v !== 'string' || (c.s !== 'label' && c.s !== 'header') || i >= s.colWidths.length) return;
          if (textWidth(c.v) + 1 > s.colWidths[i]) cut.push(`${s.name}!R${r}C${i + 1} "${c.v}" in width ${s.colWidths[i]}`);
        });
      }
    }
    expect(cut).toEqual([]);
  });

  it('counts a Chinese character as two columns and a Latin letter as one', () => {
    expect(textWidth('Score range')).toBe(11);
    expect(textWidth('目标权重')).toBe(8);
    expect(textWidth('KR周期')).toBe(6);
  });
});
