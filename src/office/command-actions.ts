import type { CommandActions, CommandResult } from '../commands/commands';
import { RATING_WORDS } from '../domain/labels';
import { checkBook, renderFinding } from '../domain/rules';
import { RATING_CODES, type Lang } from '../domain/model';
import { describeError } from './errors';
import { createLifecycleActions } from './lifecycle';
import type { ExcelRun } from './pane-actions';
import { readOpenBook } from './read-book';

/**
 * The ribbon's 校验 (validate) and 季度评分 (quarter scoring) buttons: read the open workbook back
 * into the domain model and run the same rules and scoring as the command line. Scoring writes the
 * score register, the change-log row and the chart sheet in three round trips (src/office/lifecycle.ts);
 * a cycle already scored is never replaced from the ribbon (it cannot ask): the pane does that.
 */
export function createCommandActions(lang: Lang, run: ExcelRun = (batch) => Excel.run(batch)): CommandActions {
  const zh = lang === 'zh-CN';
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
    validate: () => guard(zh ? '校验' : 'Validate', () => run(async (ctx) => {
      const findings = checkBook(await readOpenBook(ctx), { lang });
      const errors = findings.filter((f) => f.severity === 'error');
      const warnings = findings.length - errors.length;
      const head = zh ? `发现 ${errors.length} 个错误，${warnings} 个提醒。` : `${errors.length} errors, ${warnings} warnings.`;
      const first = (errors.length ? errors : findings).slice(0, 5).map((f) => `• ${f.sheet}${f.cell ? '!' + f.cell : ''}：${renderFinding(f, lang)}`);
      const more = findings.length > 5 ? [zh ? '打开OKR面板的“校验”查看全部并定位单元格。' : 'Open the OKR pane\'s Validate step to see them all and go to each cell.'] : [];
      return { ok: errors.length === 0, title: zh ? '校验结果' : 'Validation', message: [head, ...first, ...more].join('\n') };
    })),
    score: () => guard(zh ? '季度评分' : 'Quarter scoring', async () => {
      // A ribbon button cannot ask: an existing score of this cycle is never replaced from here.
      const r = await lifecycle.score({ lang, replace: false });
      const title = zh ? '季度评分' : 'Quarter scoring';
      if (r.status === 'refused') return { ok: false, title, message: r.message };
      if (r.status === 'needsConfirm') {
        const msg = zh
          ? `“结果运用”中已有 ${r.report.cycle} 的 ${r.existingRows} 行评分，未做任何修改。要重新评分，请打开OKR面板，在评分步骤中确认替换本周期的行。`
          : `The score register already holds ${r.existingRows} rows for ${r.report.cycle}; nothing was changed. To score again, open the OKR pane and confirm replacing this cycle's rows there.`;
        return { ok: false, title, message: msg };
      }
      const rep = r.report;
      const dist = RATING_CODES.map((c) => `${RATING_WORDS[c][lang]} ${rep.distribution[c]}`).join(zh ? '，' : ', ');
      const company = rep.company.score === undefined ? '—' : `${(rep.company.score * 100).toFixed(1)}%`;
      const lines = zh
        ? [
          `已写入“${r.registerSheet}”：${rep.people.length} 人、${rep.departments.length} 个部门和公司的得分与评级${r.chartSheet ? `；图表见“${r.chartSheet}”` : ''}。`,
          `公司得分 ${company}；个人评级分布：${dist}。`,
          `未评分的KR：${rep.unscored.length} 个（按0分计）；满分KR：${rep.tooEasy.length} 个（目标是否太容易？）；未完成的KR（结转候选）：${rep.carryOver.length} 个。`,
        ]
        : [
          `Wrote "${r.registerSheet}": scores and ratings of ${rep.people.length} people, ${rep.departments.length} departments and the company${r.chartSheet ? `; charts on "${r.chartSheet}"` : ''}.`,
          `Company score ${company}; individual ratings: ${dist}.`,
          `KRs without a score: ${rep.unscored.length} (counted as 0); KRs scored 1.0: ${rep.tooEasy.length} (too easy?); unfinished KRs (carry-over candidates): ${rep.carryOver.length}.`,
        ];
      return { ok: true, title, message: lines.join('\n') };
    }),
  };
}
