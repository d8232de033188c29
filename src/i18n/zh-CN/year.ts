import type { YearText } from '../types/year';

export const year: YearText = {
  sheetName: '年度结果',
  title: '年度结果',
  note: '每个季度评分时由OKR工作簿填入该季度的得分（数值）；年度得分 = 已评分季度得分按“设置”中的季度权重加权平均，年度评级按评级区间，奖金系数和建议按“设置”中的年度规则（公式，修改设置后自动更新）。右侧黄色列由人力资源部填写，任何命令都不会改写。',
  columns: {
    level: '层级', department: '部门', name: '姓名', id: '工号',
    quarterScore: (q) => `${q}得分`, quarterRating: (q) => `${q}评级`,
    score: '年度得分', rating: '年度评级', bonus: '奖金系数（绩效奖金分配）',
    position: '岗位调整（建议）', salary: '薪资调整（建议）', training: '培训发展（建议）',
    hrPosition: '岗位调整（决定）', hrSalary: '薪资调整（决定）', hrTraining: '培训发展（决定）', hrBonus: '绩效奖金分配（决定）', hrNotes: '备注',
  },
  settings: {
    block: '年度结果',
    quarter: '季度',
    weight: '权重',
    weightPrompt: '输入该季度在年度得分中的权重（≥ 0）。未评分的季度不计入。',
    rules: '结果运用建议（按年度评级）',
    salary: '薪资调整',
    training: '培训发展',
    positionAfterBad: '全年评级为“差”的季度数达到（0 = 不建议）',
    positionText: '岗位调整建议',
  },
  defaults: {
    training: { BAD: '参加绩效改进培训', FAIR: '参加能力提升培训', GOOD: '', EXCELLENT: '可参加领导力发展项目' },
    position: '岗位复核',
  },
  carriedFrom: (p) => `结转自 ${p.cycle} ${p.sheet} 目标${p.objective} KR${p.kr}（进度 ${p.progress}）：${p.reason}`,
  nextLog: (p) => `由 ${p.from} 开始 ${p.to}：结转KR ${p.carried} 个，年度KR ${p.annual} 个`,
  nextOverride: (reason) => `${reason}（上季度未评分）`,
  carriedLog: (p) => `${p.cycle} ${p.sheet} 目标${p.objective} KR${p.kr}`,
  next: {
    written: (p) => `已写入 ${p.out}：${p.to}（由 ${p.from} 结转），${p.people} 人，结转KR ${p.carried} 个，年度KR ${p.annual} 个，历史记录 ${p.history} 行。新季度未锁定。`,
    notCarried: (where) => `未结转 ${where}：标记为“结转下期”但没有写原因。`,
    annualDropped: (n) => `新的一年：上一年的 ${n} 个年度KR没有带入（需要时加 --carry-annual，作为草稿重新签字）。`,
    moved: (name, from, to) => `${name} 由 ${from} 调到 ${to}：结转的KR随人走。`,
    left: (name, department) => `${department} ${name} 不在新的组织架构中：不再有卡片，历史记录保留。`,
    sameFile: (f) => `--out 不能是当前季度的工作簿 ${f}：下一季度写入新文件，当前季度保持不变。`,
  },
  print: {
    title: (y) => `${y} 年度结果`,
    header: ['层级', '部门', '姓名', 'Q1', 'Q2', 'Q3', 'Q4', '年度得分', '年度评级', '奖金系数'],
    none: '—',
    noSheet: '工作簿中没有“年度结果”表，按“结果运用”中本年度的评分计算。',
  },
};
