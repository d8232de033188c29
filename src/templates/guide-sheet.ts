import { RULE_IDS, ruleHint, ruleTitle } from '../i18n/findings';
import type { Cycle, Lang } from '../domain/model';
import { Grid, sheetPlan } from './grid';
import type { SheetPlan } from './plan';
import { t } from './text';
import { text } from '../i18n';

export function buildGuideSheet(sheetName: string, lang: Lang, cycle: Cycle): SheetPlan {
  const g = new Grid();
  let r = 1;
  const merges: string[] = ['A1:C1'];
  g.set(r++, 1, { v: `${t('titleGuide', lang)} — ${cycle.year}-Q${cycle.quarter}`, s: 'title' });
  r++;
  const G = text(lang).sheets.guide;
  const section = (title: string, lines: string[]) => {
    g.set(r++, 1, { v: title, s: 'subtitle' });
    for (const line of lines) { merges.push(`A${r}:C${r}`); g.set(r++, 1, { v: line, s: 'text' }); }
    r++;
  };
  section(G.howTitle, G.how);
  section(G.scoringTitle, G.scoring);
  section(G.timelineTitle, G.timeline);
  g.set(r++, 1, { v: G.rulesTitle, s: 'subtitle' });
  g.line(r++, 1, [{ v: G.ruleCode, s: 'header' }, { v: G.ruleName, s: 'header' }, { v: G.ruleHint, s: 'header' }]);
  for (const id of RULE_IDS) g.line(r++, 1, [{ v: id, s: 'value' }, { v: ruleTitle(id, lang), s: 'value' }, { v: ruleHint(id, lang), s: 'text' }]);
  return sheetPlan('guide', 'guide', sheetName, g, { colWidths: [18, 18, 100], merges, tabColor: '548235' });
}
