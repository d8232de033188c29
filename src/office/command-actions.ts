import { checkWorkbook } from '../app';
import { ribbonScoreRefusal, RIBBON_SCORE_MAX_SHEETS, type CommandActions, type CommandResult } from '../app/ribbon-contract';
import { RATING_WORDS } from '../domain/labels';
import { RATING_CODES, type Lang } from '../domain/model';
import { renderFinding } from '../i18n/findings';
import { text } from '../i18n';
import { formatScore } from '../i18n/format';
import { describeError } from './errors';
import { createLifecycleActions } from './lifecycle';
import { excelRun, type ExcelRun } from './run';
import { OfficeWorkbook } from './workbook-port';

/**
 * The ribbon's 校验 (validate) and 季度评分 (quarter scoring) buttons: the same use cases as the pane
 * and the command line (src/app/), their results worded for the result dialog. A cycle already
 * scored is never replaced from the ribbon (it cannot ask): the pane does that.
 */
/** How many worksheets the workbook has: one round trip. */
async function sheetCount(context: Excel.RequestContext): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  return sheets.items.length;
}

export function createCommandActions(lang: Lang, run: ExcelRun = excelRun, maxSheets: number = RIBBON_SCORE_MAX_SHEETS): CommandActions {
  const words = text(lang).ribbon;
  const lifecycle = createLifecycleActions(run);
  const guard = async (title: string, f: () => Promise<CommandResult>): Promise<CommandResult> => {
    try {
      return await f();
    } catch (e) {
      const err = describeError(e, lang);
      console.error(err, err.original);
      return { ok: false, title, message: err.message };
    }
  };
  return {
    validate: () => guard(words.validate.name, () => run(async (ctx) => {
      const { findings, errors, warnings } = await checkWorkbook(new OfficeWorkbook(ctx, lang), { lang });
      const shown = findings.filter((f) => f.severity === 'error');
      const first = (shown.length ? shown : findings).slice(0, 5).map((f) => `• ${f.sheet}${f.cell ? '!' + f.cell : ''}：${renderFinding(f, lang)}`);
      const more = findings.length > 5 ? [words.validateMore] : [];
      return { ok: errors === 0, title: words.validate.resultTitle, message: [words.validateHead(errors, warnings), ...first, ...more].join('\n') };
    })),
    score: () => guard(words.score.name, async () => {
      const title = words.score.name;
      // Refused before anything is read: a scoring Excel cuts off at 5 minutes leaves nothing.
      const tooLarge = ribbonScoreRefusal(await run(sheetCount), maxSheets);
      if (tooLarge) return { ok: false, title, message: words.score.tooLarge(tooLarge.sheets, tooLarge.max), refusal: tooLarge };
      // A ribbon button cannot ask: an existing score of this cycle is never replaced from here.
      const r = await lifecycle.score({ lang, replace: false });
      if (r.status === 'refused' && r.code === 'scoreBlocked') return { ok: false, title, message: text(lang).app.blockedFromPane(r.notLocked === true, r.findings?.length ?? 0) };
      if (r.status === 'refused') return { ok: false, title, message: r.message };
      if (r.status === 'needsConfirm') return { ok: false, title, message: text(lang).app.rescoreFromPane(r.cycle, r.existingRows) };
      const rep = r.report;
      const dist = RATING_CODES.map((c) => `${RATING_WORDS[c][lang]} ${rep.distribution[c]}`).join(words.clauseSep);
      const company = rep.company.score === undefined ? '—' : formatScore(rep.company.score);
      const lines = [
        words.scoreWritten({ sheet: r.registerSheet, people: rep.people.length, departments: rep.departments.length, chartSheet: r.chartSheet }),
        words.scoreCompany(company, dist),
        words.scoreKrs(rep.unscored.length, rep.tooEasy.length, rep.carryOver.length),
      ];
      return { ok: true, title, message: lines.join('\n') };
    }),
  };
}
