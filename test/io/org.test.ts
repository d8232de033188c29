import { ORG_COLUMNS, parseOrgTable, readCsvTable, tableNotes, type TableInput } from '../../src/io/import';
import { BOM, issuesOf, utf8, where } from './helpers';

const csv = (file: string, text: string): TableInput => readCsvTable(file, utf8(text));

const ZH = `${BOM}部门,姓名,岗位,上级,负责人
总经办,陈建国,总经理,,是
技术部,王志强,技术总监,陈建国,是
技术部,张伟,后端开发工程师,王志强,
市场部,杨帆,市场总监,陈建国,是
市场部,张伟,品牌经理,杨帆,否
`;

const EN = `Department, Name ,POSITION,manager,Head
General Office,Chen Jianguo,CEO,,yes
Engineering,Wang Zhiqiang,CTO,Chen Jianguo,YES
Engineering,Zhang Wei,Backend engineer,Wang Zhiqiang,no
`;

describe('parseOrgTable', () => {
  it('reads Chinese headers and values', () => {
    const org = parseOrgTable(csv('org.csv', ZH), 'zh-CN');
    expect(org.departments).toEqual([
      { name: '总经办', head: '陈建国' },
      { name: '技术部', head: '王志强' },
      { name: '市场部', head: '杨帆' },
    ]);
    expect(org.people).toEqual([
      { name: '陈建国', department: '总经办', position: '总经理', head: true },
      { name: '王志强', department: '技术部', position: '技术总监', manager: '陈建国', head: true },
      { name: '张伟', department: '技术部', position: '后端开发工程师', manager: '王志强', head: false },
      { name: '杨帆', department: '市场部', position: '市场总监', manager: '陈建国', head: true },
      { name: '张伟', department: '市场部', position: '品牌经理', manager: '杨帆', head: false },
    ]);
  });

  it('reads English headers (case and spaces ignored) and English values', () => {
    const org = parseOrgTable(csv('org.csv', EN), 'en-US');
    expect(org.departments.map((d) => [d.name, d.head])).toEqual([
      ['General Office', 'Chen Jianguo'],
      ['Engineering', 'Wang Zhiqiang'],
    ]);
    expect(org.people[2]).toEqual({ name: 'Zhang Wei', department: 'Engineering', position: 'Backend engineer', manager: 'Wang Zhiqiang', head: false });
  });

  it('accepts Chinese headers with English values and the other way round, and header variants', () => {
    const org = parseOrgTable(csv('o.csv', '所属部门 ,姓 名,职位,直属上级,部门负责人(是/否)\nA,x,,,yes\nA,y,,x,\n'), 'zh-CN');
    expect(org.people.map((p) => [p.name, p.head, p.manager])).toEqual([
      ['x', true, undefined],
      ['y', false, 'x'],
    ]);
    const org2 = parseOrgTable(csv('o.csv', 'department,name,head\n技术部,王五,是\n'), 'en-US');
    expect(org2.departments[0].head).toBe('王五');
  });

  it('keeps departments in order of first appearance and resolves a manager listed later', () => {
    const org = parseOrgTable(csv('o.csv', 'department,name,manager\nB,b1,a1\nA,a1,\nB,b2,a1\n'), 'en-US');
    expect(org.departments.map((d) => d.name)).toEqual(['B', 'A']);
    expect(org.people[0].manager).toBe('a1');
  });

  it('resolves a duplicated name as manager by the same department', () => {
    const text = `${ZH}市场部,韩冰,新媒体运营,张伟,\n`;
    const org = parseOrgTable(csv('org.csv', text), 'zh-CN');
    expect(org.people.at(-1)?.manager).toBe('张伟');
  });

  it('names file, line and column of an unknown manager, in both languages', () => {
    const text = 'department,name,manager\n' + Array.from({ length: 10 }, (_, i) => `A,p${i},`).join('\n') + '\nA,张三,王五\n';
    const zh = issuesOf(() => parseOrgTable(csv('org.csv', text), 'zh-CN'));
    expect(zh).toEqual([
      { file: 'org.csv', line: 12, column: 'manager', code: 'UNKNOWN_PERSON', message: 'org.csv 第12行“manager”列：找不到“王五”（不在组织架构中）' },
    ]);
    const zhHeaders = text.replace('department,name,manager', '部门,姓名,上级');
    expect(issuesOf(() => parseOrgTable(csv('org.csv', zhHeaders), 'zh-CN'))[0].message).toBe('org.csv 第12行“上级”列：找不到“王五”（不在组织架构中）');
    expect(issuesOf(() => parseOrgTable(csv('org.csv', zhHeaders), 'en-US'))[0].message).toBe(
      'org.csv line 12, column "上级": "王五" is not in the organisation',
    );
  });

  it('reports a missing required column by its canonical name', () => {
    const zh = issuesOf(() => parseOrgTable(csv('org.csv', '部门,岗位\n技术部,工程师\n'), 'zh-CN'));
    expect(where(zh)).toEqual(['org.csv:1:姓名:MISSING_COLUMN']);
    expect(zh[0].message).toBe('org.csv 第1行“姓名”列：缺少必填列“姓名”（也可写作 name）');
    const en = issuesOf(() => parseOrgTable(csv('org.csv', 'position\nx\n'), 'en-US'));
    expect(where(en)).toEqual(['org.csv:1:department:MISSING_COLUMN', 'org.csv:1:name:MISSING_COLUMN']);
  });

  it('reports a column given twice', () => {
    const issues = issuesOf(() => parseOrgTable(csv('org.csv', '部门,姓名,department\nA,x,A\n'), 'zh-CN'));
    expect(where(issues)).toEqual(['org.csv:1:department:DUPLICATE_COLUMN']);
  });

  it('collects every error of the file, each with line and column', () => {
    const text = [
      '部门,姓名,岗位,上级,负责人',
      '技术部,王志强,总监,,是',
      '技术部,王志强,工程师,,', // 3 duplicate person
      '技术部,李四,工程师,,是', // 4 second head
      ',赵六,工程师,,', // 5 department blank
      '技术部,,工程师,,', // 6 name blank
      '技术部,钱七,工程师,王志强,也许', // 7 bad yes/no
      '市场部,张伟,经理,,',
      '产品部,张伟,经理,,',
      '技术部,孙八,工程师,张伟,', // 10 ambiguous manager
      '技术部,周九,工程师,王五,', // 11 unknown manager
    ].join('\n');
    const issues = issuesOf(() => parseOrgTable(csv('org.csv', text), 'zh-CN'));
    expect(where(issues)).toEqual([
      'org.csv:3:姓名:DUPLICATE_PERSON',
      'org.csv:4:负责人:TWO_HEADS',
      'org.csv:5:部门:REQUIRED',
      'org.csv:6:姓名:REQUIRED',
      'org.csv:7:负责人:BAD_YES_NO',
      'org.csv:10:上级:AMBIGUOUS_PERSON',
      'org.csv:11:上级:UNKNOWN_PERSON',
    ]);
    expect(issues[0].message).toContain('第2行');
    expect(issues[1].message).toBe('org.csv 第4行“负责人”列：“技术部”已有负责人“王志强”（第2行），一个部门只能有一位负责人');
    expect(issues[5].message).toContain('市场部、产品部');
  });

  it('refuses a person who is their own manager, a loop of managers, and a file of only a header', () => {
    const text = [
      '部门,姓名,岗位,上级,负责人',
      '销售部,张三,经理,张三,是', // 2 own manager
      '销售部,李四,员工,王五,', // 3 → 4 → 3
      '销售部,王五,员工,李四,',
      '销售部,赵六,员工,李四,', // 5 below the loop: not a loop of its own
      '市场部,甲,经理,乙,是', // 6 → 7 → 8 → 6, across departments
      '市场部,乙,员工,丙,',
      '技术部,丙,员工,甲,',
    ].join('\n');
    const issues = issuesOf(() => parseOrgTable(csv('org.csv', text), 'zh-CN'));
    expect(where(issues)).toEqual(['org.csv:2:上级:SELF_MANAGER', 'org.csv:3:上级:MANAGER_LOOP', 'org.csv:6:上级:MANAGER_LOOP']);
    expect(issues[1].message).toBe('org.csv 第3行“上级”列：上级关系形成了循环：李四 → 王五 → 李四；请检查这些人的“上级”列，最上面的人应当没有上级');
    expect(issues[2].message).toContain('甲 → 乙 → 丙 → 甲');
    const en = issuesOf(() => parseOrgTable(csv('org.csv', 'department,name,manager\nSales,Ann,Ann\n'), 'en-US'));
    expect(en[0].message).toBe('org.csv line 2, column "manager": "Ann" is given as their own manager; write their direct manager, or leave it empty for the person at the top');
    const empty = issuesOf(() => parseOrgTable(csv('org.csv', '部门,姓名,岗位,上级,负责人\n\n'), 'zh-CN'));
    expect(where(empty)).toEqual(['org.csv:1::NO_PEOPLE']);
    expect(empty[0].message).toBe('org.csv 第1行：文件只有表头，没有人员；请在表头下面每行填写一个人');
  });

  it('names the columns it ignored, so a mistyped header does not drop a column silently', () => {
    const t = csv('org.csv', '部门,姓名,岗位,上级,负责任人,邮箱,\n销售部,张三,经理,,是,a@b.cn,\n');
    expect(tableNotes(t, ORG_COLUMNS, 'zh-CN')).toEqual(['org.csv 第1行：以下列未识别，已忽略：“负责任人”、“邮箱”（可识别的列：部门、姓名、岗位、上级、负责人、工号）']);
    expect(tableNotes(csv('org.csv', ZH), ORG_COLUMNS, 'zh-CN')).toEqual([]);
  });

  it('caps the list at 50 issues and says how many more there are', () => {
    const text = 'department,name\n' + Array.from({ length: 60 }, () => 'A,').join('\n');
    try {
      parseOrgTable(csv('org.csv', text), 'en-US');
      throw new Error('no error');
    } catch (e) {
      const err = e as import('../../src/io/import').ImportError;
      expect(err.issues).toHaveLength(50);
      expect(err.omitted).toBe(10);
      const lines = err.message.split('\n');
      expect(lines).toHaveLength(51);
      expect(lines[0]).toBe('org.csv line 2, column "name": must not be empty');
      expect(lines[50]).toContain('10 more');
    }
  });

  it('trims text and keeps formula-looking text as data', () => {
    const org = parseOrgTable(csv('o.csv', 'department,name,position\n  A  ," x ","=HYPERLINK(""u"",""v"")"\n'), 'en-US');
    expect(org.people[0]).toEqual({ name: 'x', department: 'A', position: '=HYPERLINK("u","v")', head: false });
  });
});
