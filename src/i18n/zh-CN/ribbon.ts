import type { RibbonText } from '../types/ribbon';

export const ribbon: RibbonText = {
  validate: { name: '校验', failed: '校验未完成', resultTitle: '校验结果' },
  score: { name: '季度评分', failed: '季度评分未完成' },
  validateHead: (e, w) => `发现 ${e} 个错误，${w} 个提醒。`,
  validateMore: '打开OKR面板的“校验”查看全部并定位单元格。',
  scoreWritten: (p) => `已写入“${p.sheet}”：${p.people} 人、${p.departments} 个部门和公司的得分与评级${p.chartSheet ? `；图表见“${p.chartSheet}”` : ''}。`,
  scoreCompany: (company, dist) => `公司得分 ${company}；个人评级分布：${dist}。`,
  scoreKrs: (u, t, c) => `未评分的KR：${u} 个（按0分计）；满分KR：${t} 个（目标是否太容易？）；未完成的KR（结转候选）：${c} 个。`,
  clauseSep: '，',
  notAResult: '命令没有返回结果。',
  notify: { ok: '确定', success: '完成', problem: '需要注意', appName: 'OKR 工作簿' },
};
