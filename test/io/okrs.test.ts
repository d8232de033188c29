import type { Organisation } from '../../src/domain/model';
import { parseOkrTable, parseOrgTable, readCsvTable, type TableInput } from '../../src/io/import';
import { issuesOf, utf8, where } from './helpers';

const csv = (file: string, text: string): TableInput => readCsvTable(file, utf8(text));

const ORG: Organisation = parseOrgTable(
  csv(
    'org.csv',
    `部门,姓名,岗位,上级,负责人
总经办,陈建国,总经理,,是
技术部,王志强,技术总监,陈建国,是
技术部,张伟,工程师,王志强,
市场部,杨帆,市场总监,陈建国,是
市场部,张伟,品牌经理,杨帆,
`,
  ),
  'zh-CN',
);

const ZH_HEADER = '层级,部门,负责人,业务类别,目标序号,目标,来源,对齐,目标权重,已协商,KR序号,关键结果,产出成果,衡量标准,评分标准,截止日期,周期,KR权重,进度,自评分,上级评分';
const EN_HEADER =
  'level,department,owner,category,objective_no,objective,source,aligned_to,objective_weight,agreed,kr_no,key_result,deliverable,target,criteria,deadline,period,kr_weight,progress,self_score,manager_score';

describe('parseOkrTable', () => {
  it('reads Chinese headers and values into cards', () => {
    const text = `${ZH_HEADER}
公司,,,游戏,1,提升游戏收入,自上而下,,60%,是,1,Q4流水3000万元,流水报表,流水≥3000万,"完成率≥90%得1分，80%得0.7分，否则0.4分",2026-12-31,季度,50%,70%,,
公司,,,游戏,1,提升游戏收入,自上而下,,60%,是,2,新游戏上线,上线报告,按期上线,按期得1分,2026/12/15,年度,50%,,,
部门,技术部,,,1,保障平台高可用,自下而上,公司#1,100%,是,1,可用性99.95%,可用性报告,≥99.95%,达到得1分,2026-12-31,,100%,80%,0.7,0.6
个人,市场部,张伟,,1,提升品牌声量,自下而上,市场部#1,１００％,否,1,粉丝增长到120万,周报,≥120万,完成率≥90%得1分,46387,季度,0.5,0.3,0.4,
`;
    const cards = parseOkrTable(csv('okrs.csv', text), ORG, 'zh-CN');
    expect(cards.company).toEqual({
      level: 'company',
      department: undefined,
      owner: undefined,
      signOff: {},
      objectives: [
        {
          no: 1,
          text: '提升游戏收入',
          category: '游戏',
          source: 'top-down',
          weight: 0.6,
          agreed: true,
          krs: [
            {
              no: 1,
              text: 'Q4流水3000万元',
              deliverable: '流水报表',
              target: '流水≥3000万',
              criteria: '完成率≥90%得1分，80%得0.7分，否则0.4分',
              deadline: '2026-12-31',
              period: 'quarter',
              weight: 0.5,
              progress: 0.7,
            },
            { no: 2, text: '新游戏上线', deliverable: '上线报告', target: '按期上线', criteria: '按期得1分', deadline: '2026-12-15', period: 'annual', weight: 0.5 },
          ],
        },
      ],
    });
    // a department card for every department, an individual card for every person, in org order
    expect(cards.departments.map((c) => c.department)).toEqual(['总经办', '技术部', '市场部']);
    expect(cards.individuals.map((c) => `${c.department}/${c.owner}`)).toEqual(['总经办/陈建国', '技术部/王志强', '技术部/张伟', '市场部/杨帆', '市场部/张伟']);
    expect(cards.departments[0].objectives).toEqual([]);
    const tech = cards.departments[1].objectives[0];
    expect(tech).toMatchObject({ no: 1, source: 'bottom-up', alignedTo: 'company#1', weight: 1 });
    expect(tech.krs[0]).toMatchObject({ period: 'quarter', selfScore: 0.7, managerScore: 0.6, progress: 0.8 });
    // the right 张伟: the one in 市场部
    expect(cards.individuals[2].objectives).toEqual([]);
    const zw = cards.individuals[4].objectives[0];
    expect(zw).toMatchObject({ alignedTo: '市场部#1', weight: 1, agreed: false });
    expect(zw.krs[0]).toMatchObject({ deadline: '2026-12-31', weight: 0.5, progress: 0.3, selfScore: 0.4 });
    expect(zw.krs[0].managerScore).toBeUndefined();
  });

  it('reads English headers and values, and mixed-language values', () => {
    const text = `${EN_HEADER}
Company,,,Games,1,Grow games revenue,TOP-DOWN,,0.5,yes,1,Q4 revenue 30M,report,>=30M,">=90%: 1, 80%: 0.7",2026-12-31,Quarter,0.25,,1,
company,,,Ads,2,Better ads,bottom-up,,0.5,no,1,eCPM 24,report,eCPM>=24,>=24: 1,2026-12-31,annual,,,,
individual,Engineering,Zhang Wei,,1,Ship it,自下而上,Engineering#2,1,是,1,Release,release,on time,on time: 1,2026-11-30,季度,1,50%,0.6,0.7
department,Engineering,,,,Keep uptime,bottom-up,company # 1,,,,,,,,,,,,,
`;
    const org = parseOrgTable(csv('org.csv', 'department,name,head\nEngineering,Zhang Wei,yes\n'), 'en-US');
    const cards = parseOkrTable(csv('okrs.csv', text), org, 'en-US');
    expect(cards.company.objectives.map((o) => [o.no, o.source, o.category, o.agreed, o.krs[0].period, o.krs[0].weight])).toEqual([
      [1, 'top-down', 'Games', true, 'quarter', 0.25],
      [2, 'bottom-up', 'Ads', false, 'annual', undefined],
    ]);
    expect(cards.company.objectives[0].krs[0].criteria).toBe('>=90%: 1, 80%: 0.7');
    expect(cards.individuals[0].objectives[0]).toMatchObject({ source: 'bottom-up', alignedTo: 'Engineering#2', agreed: true });
    expect(cards.individuals[0].objectives[0].krs[0]).toMatchObject({ period: 'quarter', progress: 0.5, selfScore: 0.6, managerScore: 0.7 });
    // objective without KR, alignment with spaces
    expect(cards.departments[0].objectives).toEqual([{ no: 1, text: 'Keep uptime', source: 'bottom-up', alignedTo: 'company#1', krs: [] }]);
  });

  it('reads weights and scores as decimals, percents, full-width digits and numbers with thousands separators', () => {
    const rows = ['0.25', '25%', '０.２５', '２５％', ' 25 % ', '1,000', '−0.1', '1.2', '.5'];
    const text = `level,objective,kr_no,key_result,kr_weight\n${rows.map((w, i) => `company,O,${i + 1},K${i + 1},"${w}"`).join('\n')}\n`;
    const krs = parseOkrTable(csv('okrs.csv', text), ORG, 'en-US').company.objectives[0].krs;
    expect(krs.map((k) => k.weight)).toEqual([0.25, 0.25, 0.25, 0.25, 0.25, 1000, -0.1, 1.2, 0.5]);
  });

  it('accepts the deadline forms and keeps ISO dates', () => {
    const forms = ['2026-12-31', '2026/12/31', '2026/1/5', '2026.10.01', '2026年11月3日', '46387', '2026-12-31 00:00:00', '２０２６－１２－３１'];
    const text = `level,objective,key_result,deadline\n${forms.map((d, i) => `company,O,K${i},${d}`).join('\n')}\n`;
    const krs = parseOkrTable(csv('okrs.csv', text), ORG, 'en-US').company.objectives[0].krs;
    expect(krs.map((k) => k.deadline)).toEqual(['2026-12-31', '2026-12-31', '2026-01-05', '2026-10-01', '2026-11-03', '2026-12-31', '2026-12-31', '2026-12-31']);
  });

  it('never drops data: 6 objectives and 5 KRs are kept, in number order', () => {
    const lines: string[] = ['层级,部门,负责人,目标序号,目标,KR序号,关键结果'];
    for (const o of [6, 5, 4, 3, 2, 1]) for (let k = 5; k >= 1; k--) lines.push(`个人,技术部,张伟,${o},目标${o},${k},KR${o}.${k}`);
    const card = parseOkrTable(csv('okrs.csv', lines.join('\n')), ORG, 'zh-CN').individuals[2];
    expect(card.owner).toBe('张伟');
    expect(card.objectives.map((o) => o.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(card.objectives.every((o) => o.krs.map((k) => k.no).join() === '1,2,3,4,5')).toBe(true);
    expect(card.objectives[5].krs[4].text).toBe('KR6.5');
  });

  it('numbers objectives and KRs in order of appearance when numbers are missing', () => {
    const text = `level,objective_no,objective,kr_no,key_result
company,,First,,a
company,,First,,b
company,,Second,,c
company,1,Third,,d
company,,Second,1,e
`;
    const objs = parseOkrTable(csv('okrs.csv', text), ORG, 'en-US').company.objectives;
    expect(objs.map((o) => [o.no, o.text, o.krs.map((k) => `${k.no}${k.text}`).join(' ')])).toEqual([
      [1, 'Third', '1d'],
      [2, 'First', '1a 2b'],
      [3, 'Second', '1e 2c'], // e has KR number 1, c gets the next free one
    ]);
  });

  it('continues the objective of the row above when its columns are blank (unmerged cells)', () => {
    const text = `层级,部门,负责人,目标序号,目标,目标权重,KR序号,关键结果
个人,技术部,王志强,1,目标一,50%,1,甲
个人,技术部,王志强,,,,2,乙
个人,技术部,王志强,2,目标二,50%,1,丙
`;
    const objs = parseOkrTable(csv('okrs.csv', text), ORG, 'zh-CN').individuals[1].objectives;
    expect(objs.map((o) => [o.text, o.weight, o.krs.map((k) => k.text).join()])).toEqual([
      ['目标一', 0.5, '甲,乙'],
      ['目标二', 0.5, '丙'],
    ]);
  });

  it('keeps an objective without KR, skips fully blank rows, keeps status and carry-over reason', () => {
    const text = `层级,目标,关键结果,状态,结转原因,评分标准
公司,无KR的目标,,,,
,,,,,
公司,有KR的目标,K1,结转下期,客户推迟验收,
公司,有KR的目标,,进行中,,
公司,有KR的目标,K3,自定义状态,,
`;
    const objs = parseOkrTable(csv('okrs.csv', text), ORG, 'zh-CN').company.objectives;
    expect(objs[0]).toEqual({ no: 1, text: '无KR的目标', krs: [] });
    expect(objs[1].krs.map((k) => [k.text, k.status, k.carriedOver, k.carryOverReason])).toEqual([
      ['K1', 'carried-over', true, '客户推迟验收'],
      ['', 'on-track', undefined, undefined], // a KR row with a blank key result is kept (rules flag it)
      ['K3', '自定义状态', undefined, undefined],
    ]);
  });

  it('keeps text as data: formula-looking cells stay literal strings', () => {
    const text = 'level,objective,key_result,target\ncompany,"=HYPERLINK(""http://x"",""O"")",=1+1,@SUM(A1)\n';
    const o = parseOkrTable(csv('okrs.csv', text), ORG, 'en-US').company.objectives[0];
    expect(o.text).toBe('=HYPERLINK("http://x","O")');
    expect(o.krs[0]).toMatchObject({ text: '=1+1', target: '@SUM(A1)' });
  });

  it('finds an individual without department when the name is unique', () => {
    const text = '层级,负责人,目标,关键结果\n个人,王志强,O,K\n';
    expect(parseOkrTable(csv('okrs.csv', text), ORG, 'zh-CN').individuals[1].objectives).toHaveLength(1);
  });

  it('reports every error kind with file, line and column (zh-CN)', () => {
    const text = [
      ZH_HEADER, // 1
      '公司,,,游戏,1,目标A,自上而下,,50%,是,1,K1,,,,2026-12-31,季度,50%,,,', // 2 ok
      '团队,,,,1,目标X,,,,,1,K,,,,,,,,,', // 3 bad level
      '部门,研发部,,,1,目标,,,,,1,K,,,,,,,,,', // 4 unknown department
      '个人,技术部,王五,,1,目标,,,,,1,K,,,,,,,,,', // 5 unknown person
      '个人,总经办,张伟,,1,目标,,,,,1,K,,,,,,,,,', // 6 person not in department
      '个人,,张伟,,1,目标,,,,,1,K,,,,,,,,,', // 7 ambiguous person
      '公司,,,,2,目标B,上级定,研发部#1,abc,也许,1,K,,,,2026-13-01,月度,五成,,1..2,', // 8 many bad values
      '公司,,,,1,目标A改,自上而下,,50%,是,2,K2,,,,,,,,,', // 9 conflicting objective text
      '公司,,,,1,目标A,,,,,1,K1again,,,,,,,,,', // 10 duplicate KR number
      '公司,,,,x,目标C,,公司一,,,,K,,,,,,,,,', // 11 bad objective number, bad alignment
      '部门,,,,1,目标,,,,,1,K,,,,,,,,,', // 12 department missing for a department card
      '个人,技术部,,,1,目标,,,,,1,K,,,,,,,,,', // 13 owner missing
      ',,,,1,目标,,,,,1,K,,,,,,,,,', // 14 level missing
    ].join('\n');
    const issues = issuesOf(() => parseOkrTable(csv('okrs.csv', text), ORG, 'zh-CN'));
    expect(where(issues)).toEqual([
      'okrs.csv:3:层级:BAD_WORD',
      'okrs.csv:4:部门:UNKNOWN_DEPARTMENT',
      'okrs.csv:5:负责人:UNKNOWN_PERSON',
      'okrs.csv:6:负责人:PERSON_NOT_IN_DEPARTMENT',
      'okrs.csv:7:负责人:AMBIGUOUS_PERSON',
      'okrs.csv:8:来源:BAD_WORD',
      'okrs.csv:8:对齐:UNKNOWN_DEPARTMENT',
      'okrs.csv:8:目标权重:BAD_NUMBER',
      'okrs.csv:8:已协商:BAD_YES_NO',
      'okrs.csv:8:截止日期:BAD_DATE',
      'okrs.csv:8:周期:BAD_WORD',
      'okrs.csv:8:KR权重:BAD_NUMBER',
      'okrs.csv:8:自评分:BAD_NUMBER',
      'okrs.csv:9:目标:CONFLICT',
      'okrs.csv:10:KR序号:DUPLICATE_KR',
      'okrs.csv:11:对齐:BAD_ALIGNMENT',
      'okrs.csv:11:目标序号:BAD_INTEGER',
      'okrs.csv:12:部门:REQUIRED',
      'okrs.csv:13:负责人:REQUIRED',
      'okrs.csv:14:层级:REQUIRED',
    ]);
    const msg = (line: number, column: string): string => issues.find((i) => i.line === line && i.column === column)?.message ?? '';
    expect(msg(3, '层级')).toBe('okrs.csv 第3行“层级”列：“团队”不是有效的层级（可填：公司、部门、个人、company、department、individual）');
    expect(msg(4, '部门')).toBe('okrs.csv 第4行“部门”列：找不到部门“研发部”（不在组织架构中）');
    expect(msg(5, '负责人')).toBe('okrs.csv 第5行“负责人”列：找不到“王五”（不在组织架构中）');
    expect(msg(6, '负责人')).toBe('okrs.csv 第6行“负责人”列：“张伟”不在“总经办”（组织架构中属于技术部、市场部）');
    expect(msg(7, '负责人')).toContain('请填写“部门”列');
    expect(msg(8, '截止日期')).toBe('okrs.csv 第8行“截止日期”列：“2026-13-01”不是有效的日期（请填 YYYY-MM-DD，例如 2026-12-31；也可填 2026/12/31）');
    expect(msg(8, '目标权重')).toBe('okrs.csv 第8行“目标权重”列：“abc”不是有效的数字（可填 0.25 或 25%）');
    expect(msg(9, '目标')).toBe('okrs.csv 第9行“目标”列：与第2行不一致：这里是“目标A改”，第2行是“目标A”（同一目标的各行应填写相同内容）');
    expect(msg(10, 'KR序号')).toContain('第2行已有');
    expect(msg(12, '部门')).toBe('okrs.csv 第12行“部门”列：层级为“部门”时不能为空');
  });

  it('reports in en-US with the headers as written', () => {
    const text = `${EN_HEADER}\nindividual,Engineering,Nobody,,1,O,,,,,1,K,,,,31/12/2026,,,,,\n`;
    const org = parseOrgTable(csv('org.csv', 'department,name\nEngineering,Somebody\n'), 'en-US');
    const issues = issuesOf(() => parseOkrTable(csv('okrs.csv', text), org, 'en-US'));
    expect(issues.map((i) => i.message)).toEqual([
      'okrs.csv line 2, column "deadline": "31/12/2026" is not a valid date (write YYYY-MM-DD, e.g. 2026-12-31; 2026/12/31 also works)',
      'okrs.csv line 2, column "owner": "Nobody" is not in the organisation',
    ]);
  });

  it('reports line numbers that count quoted newlines', () => {
    const text = `level,objective,key_result,criteria,self_score
company,O,K1,"line one
line two
line three",0.5
company,O,K2,ok,oops
`;
    const issues = issuesOf(() => parseOkrTable(csv('okrs.csv', text), ORG, 'en-US'));
    expect(where(issues)).toEqual(['okrs.csv:5:self_score:BAD_NUMBER']);
  });

  it('reports missing required columns, and a conditionally required column once', () => {
    expect(where(issuesOf(() => parseOkrTable(csv('okrs.csv', '层级,目标\n公司,O\n'), ORG, 'zh-CN')))).toEqual(['okrs.csv:1:关键结果:MISSING_COLUMN']);
    const noOwner = 'level,department,objective,key_result\nindividual,技术部,O,K\nindividual,技术部,O,K2\n';
    const issues = issuesOf(() => parseOkrTable(csv('okrs.csv', noOwner), ORG, 'en-US'));
    expect(where(issues)).toEqual(['okrs.csv:1:owner:MISSING_COLUMN']);
  });

  it('reports a KR row that has no objective', () => {
    const text = '层级,目标,关键结果\n公司,,孤立的KR\n';
    expect(where(issuesOf(() => parseOkrTable(csv('okrs.csv', text), ORG, 'zh-CN')))).toEqual(['okrs.csv:2:目标:KR_WITHOUT_OBJECTIVE']);
  });

  it('refuses a category on a department or personal objective, where no card column would keep it', () => {
    const text = `${ZH_HEADER}\n公司,,,自有平台,1,公司目标,,,,,1,KR\n部门,技术部,,自有平台,1,部门目标,自上而下,,,,1,KR\n`;
    const issues = issuesOf(() => parseOkrTable(csv('okrs.csv', text), ORG, 'zh-CN'));
    expect(where(issues)).toEqual(['okrs.csv:3:业务类别:NOT_ON_CARD']);
    expect(issues[0].message).toBe('okrs.csv 第3行“业务类别”列：“部门”的卡片没有“业务类别”一栏，填在这里的内容无处保存；请留空（业务类别只用于公司目标）');
  });

  it('does not crash on odd numbers and reports them', () => {
    const text = 'level,objective,key_result,kr_weight,progress,self_score\ncompany,O,K,"1,2,3",1e999,NaN\n';
    const issues = issuesOf(() => parseOkrTable(csv('okrs.csv', text), ORG, 'en-US'));
    expect(where(issues)).toEqual(['okrs.csv:2:kr_weight:BAD_NUMBER', 'okrs.csv:2:progress:BAD_NUMBER', 'okrs.csv:2:self_score:BAD_NUMBER']);
  });
});
