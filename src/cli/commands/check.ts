import { checkWorkbook } from '../../app';
import { renderFinding } from '../../i18n/findings';
import { text } from '../../i18n';
import { defaultIo, type Io, where } from '../io';
import { openForCheck } from '../workbook';

export interface CheckCliOptions { json?: boolean; lang?: string }

/** `okr-workbook check`: exit 0 without errors, 1 with errors (2: unreadable). */
export async function cmdCheck(file: string, o: CheckCliOptions, io: Io = defaultIo): Promise<number> {
  const { port, lang } = await openForCheck(file, o.lang);
  const { findings, errors, warnings } = await checkWorkbook(port, { lang });
  const words = text(lang).cli;
  if (o.json) {
    io.out(JSON.stringify({
      findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, level: f.level, department: f.department, owner: f.owner, sheet: f.sheet, cell: f.cell, message: renderFinding(f, lang) })),
      errors, warnings,
    }));
  } else {
    if (findings.length === 0) io.out(words.noFindings);
    for (const f of findings) io.out(`${where(f)}\t${words[f.severity]}\t${f.rule}\t${renderFinding(f, lang)}`);
    io.out(words.summary(errors, warnings));
  }
  return errors > 0 ? 1 : 0;
}
