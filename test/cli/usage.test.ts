import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as path from 'path';
import { COMMANDS, program } from '../../src/cli/main';
import { cli, newExample } from '../lifecycle/helpers';
import { ROOT, tempDir } from '../workbook/build-fixture';

/** The command line's own usage mistakes are said in the person's language, and a closed pipe ends quietly. */
describe('usage mistakes', () => {
  it('name what is missing or unknown, in zh-CN by default and in en-US with --lang en-US, exit code 2', async () => {
    const missing = await cli('new', '--org', 'examples/org.csv', '--out', 'x.xlsx');
    expect(missing).toMatchObject({ code: 2, err: '缺少必填选项 --cycle <cycle>。\n用法见：okr-workbook new --help' });
    const unknown = await cli('check', 'book.xlsx', '--bogus', '--lang', 'en-US');
    expect(unknown).toMatchObject({ code: 2, err: 'There is no option --bogus.\nFor usage, see: okr-workbook check --help' });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, err: '没有“frobnicate”这个命令。可用的命令：new、check、lock、score、review、update、next、year。\n用法见：okr-workbook --help' });
    // The year's commands too: their mistakes point at their own help.
    expect(await cli('next', 'book.xlsx', '--out', 'q1.xlsx')).toMatchObject({ code: 2, err: '缺少必填选项 --cycle <cycle>。\n用法见：okr-workbook next --help' });
    expect(await cli('check')).toMatchObject({ code: 2, err: expect.stringMatching(/^缺少参数 book\.xlsx/) });
    expect(await cli('lock', 'book.xlsx', '--out')).toMatchObject({ code: 2, err: expect.stringMatching(/^选项 --out <file> 后面需要一个值。/) });
    // No English left in a Chinese message (the option names are the command line's own).
    expect(missing.err.replace(/--[a-z]+ <[a-z]+>|okr-workbook|new|--help/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('the commands the mistakes name are the ones the program has', () => {
    const p = program({ out: () => undefined, err: () => undefined }, () => undefined);
    expect(p.commands.map((c) => c.name())).toEqual([...COMMANDS]);
  });

  it('a workbook that is not an OKR workbook is said so wholly in the person\'s language', async () => {
    const dir = await tempDir('usage-not-okr');
    const file = path.join(dir, 'budget.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('预算').getCell('A1').value = '2026年预算';
    await wb.xlsx.writeFile(file);
    expect(await cli('check', file)).toMatchObject({ code: 2, err: `${file} 不是OKR工作簿（找不到“设置”工作表）。` });
    expect(await cli('check', file, '--lang', 'en-US')).toMatchObject({ code: 2, err: `${file} is not an OKR workbook (no settings sheet).` });
  });

  it('a pipe closed early (check … | head) ends quietly, without a stack trace', async () => {
    const dir = await tempDir('usage-pipe');
    const book = await newExample(dir);
    const bin = path.join(ROOT, 'bin/okr-workbook.js');
    // `true` exits without reading, so every write meets a closed pipe (head closes it after its lines;
    // whether a short output still fits the pipe's buffer first is up to timing).
    const r = spawnSync('bash', ['-c', `node "${bin}" check "${book}" | true; echo "exit \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    // check's own exit code (1: the example has errors until it is filled in), not a crash's 1 from an unhandled error.
    expect(r.stderr.trim()).toMatch(/^exit [01]$/);
  }, 120_000);
});
