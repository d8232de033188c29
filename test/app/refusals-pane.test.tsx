/**
 * @jest-environment jsdom
 *
 * Refusals in the pane: every code's sentence is shown as a refusal in both languages, and the one
 * that once escaped the pane as an English failure (NO_ROOM: the score register full to the last
 * row, thrown outside the try) reaches a zh-CN user as a refusal in Chinese, an en-US user in English.
 */
import '../taskpane/setup';
import { screen } from '@testing-library/react';
import { promises as fs } from 'fs';
import * as path from 'path';
import { TextDecoder, TextEncoder } from 'util';
import { createFakeExcel } from '@okr-workbook/fake-excel';
import { refusalMessage } from '../../src/app';
import { parseCycle } from '../../src/domain/cycle';
import { DEFAULT_SETTINGS, type Lang } from '../../src/domain/model';
import { REFUSAL_CODES } from '../../src/domain/refusal';
import { LANGS } from '../../src/i18n';
import { parseOkrTable, parseOrgTable, readCsvTable } from '../../src/io/import';
import { applyPlan } from '../../src/office/apply-plan';
import { createPaneActions } from '../../src/office/pane-actions';
import { QuarterPane } from '../../src/taskpane/QuarterPane';
import { Outcome } from '../../src/taskpane/quarter/section';
import { STRINGS } from '../../src/taskpane/strings';
import { buildWorkbook } from '../../src/templates/build';
import { renderInFluent, setupUser } from '../taskpane/fakes';
import { SAMPLES } from './refusal-samples';

const EXAMPLES = path.join(__dirname, '../../examples');
// jsdom has no TextDecoder; a browser, where the pane reads files, has Node's.
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? TextDecoder, TextEncoder: globalThis.TextEncoder ?? TextEncoder });

/** The example workbook generated into the in-memory Excel, from the example CSVs (no ExcelJS in jsdom). */
async function exampleInExcel() {
  const csv = async (f: string) => readCsvTable(f, new Uint8Array(await fs.readFile(path.join(EXAMPLES, f))), 'zh-CN');
  const org = parseOrgTable(await csv('org.csv'), 'zh-CN');
  const cards = parseOkrTable(await csv('okrs.csv'), org, 'zh-CN');
  const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: parseCycle('2026-Q4')!, settings: DEFAULT_SETTINGS, org, ...cards });
  const fake = createFakeExcel({ sheets: ['Sheet1'] });
  await fake.run((ctx) => applyPlan(ctx, plan));
  return fake;
}

describe('every refusal code in the pane', () => {
  it.each(LANGS)('is shown by the pane (%s) as the refusal, never as a failure', (lang: Lang) => {
    for (const code of REFUSAL_CODES) {
      const message = refusalMessage(SAMPLES[code], lang);
      const { unmount } = renderInFluent(<Outcome s={STRINGS[lang]} refused={message} />);
      expect(screen.getByText(message)).toBeTruthy();
      unmount();
    }
  });
});

describe('NO_ROOM in the pane: a full score register is a refusal in the person’s language', () => {
  it.each(LANGS)('%s', async (lang: Lang) => {
    const fake = await exampleInExcel();
    // Something typed in the register's very last row: nothing can be appended below it.
    fake.workbookState.externalEdit('结果运用', 'A1048576', 'x');
    const actions = createPaneActions(fake.run, lang, () => '2026-12-31');
    const user = setupUser();
    renderInFluent(<main><QuarterPane actions={actions} strings={STRINGS[lang]} lang={lang} active now={new Date(2026, 11, 31)} /></main>);
    const s = STRINGS[lang];
    await user.click(await screen.findByRole('button', { name: s.score }));
    // The example was never locked nor signed: scoring is refused first, and offers the override.
    expect(await screen.findByText(s.scoreRefusedTitle)).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: s.scoreOverrideLabel }));
    await user.click(screen.getByRole('button', { name: s.scoreAnyway }));
    // No reason: nothing runs, the field says what is missing.
    expect(await screen.findByText(s.overrideReasonMissing)).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: new RegExp(s.overrideReason.replace(/[()（）]/g, '.')) }), '年底前必须出结果');
    await user.click(screen.getByRole('button', { name: s.scoreAnyway }));
    const expected = refusalMessage({ code: 'NO_ROOM', sheet: '结果运用', maxRows: 1_048_576 }, lang);
    expect(await screen.findByText(expected)).toBeTruthy();
    expect(screen.queryByText(/操作失败|The action failed/)).toBeNull();
  }, 60_000);
});
