import type { CommandActions, CommandResult } from '../commands/commands';
import { RATING_WORDS } from '../domain/labels';
import { checkBook, renderFinding } from '../domain/rules';
import { RATING_CODES, type Lang } from '../domain/model';
import { scoreBook } from '../domain/scoring';
import { describeError } from './errors';
import type { ExcelRun } from './pane-actions';
import { readOpenBook } from './read-book';

/**
 * The ribbon's 校验 (validate) and 季度评分 (quarter scoring) buttons: read the open workbook back
 * into the domain model and run the same rules and scoring as the command line. Scoring reports the
 * results; writing the score register is the lifecycle issue's work.
 */
export function createCommandActions(lang: Lang, run: ExcelRun = (batch) => Excel.run(batch)): CommandActions {
  const zh = lang === 'zh-CN';
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
    score: () => guard(zh ? '季度评分' : 'Quarter scoring', () => run(async (ctx) => {
      const book = await readOpenBook(ctx);
      const scores = scoreBook(book);
      const dist = RATING_CODES.map((c) => `${RATING_WORDS[c][lang]} ${scores.distribution[c]}`).join(zh ? '，' : ', ');
      const company = scores.company.score === undefined ? '—' : `${(scores.company.score * 100).toFixed(1)}%`;
      const unscored = scores.individuals.reduce((n, s) => n + s.unscored.length, 0);
      const lines = zh
        ? [`公司得分 ${company}；个人评级分布：${dist}。`, `未评分的KR：${unscored} 个（按0分计）。`]
        : [`Company score ${company}; individual ratings: ${dist}.`, `KRs without a score: ${unscored} (counted as 0).`];
      return { ok: true, title: zh ? '季度评分' : 'Quarter scoring', message: lines.join('\n') };
    })),
  };
}
