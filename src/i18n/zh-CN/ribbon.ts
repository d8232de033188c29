import type { RibbonText } from '../types/ribbon';

export const ribbon: RibbonText = {
  validate: { name: '校验', failed: '校验未完成', resultTitle: '校验结果' },
  score: {
    name: '季度评分',
    failed: '季度评分未完成',
    tooLarge: (sheets, max) => `此工作簿有 ${sheets} 张工作表，功能区按钮只能为不超过 ${max} 张工作表（每人、每个部门各一张OKR卡）的工作簿评分，因为Excel会在5分钟后停止功能区命令。未做任何更改。请打开OKR面板（开始 > OKR > 打开OKR面板），在“季度管理”中进行季度评分：面板没有时间限制。`,
  },
  seePane: '此处无法显示完整结果。请打开OKR面板（开始 > OKR > 打开OKR面板），在面板中重做这一步查看。',
  validateHead: (e, w) => `发现 ${e} 个错误，${w} 个提醒。`,
  validateMore: '打开OKR面板的“校验”查看全部并定位单元格。',
  scoreWritten: (p) => `已写入“${p.sheet}”：${p.people} 人、${p.departments} 个部门和公司的得分与评级${p.chartSheet ? `；图表见“${p.chartSheet}”` : ''}。`,
  scoreCompany: (company, dist) => `公司得分 ${company}；个人评级分布：${dist}。`,
  scoreKrs: (u, t, c) => `未评分的KR：${u} 个（按0分计）；满分KR：${t} 个（目标是否太容易？）；未完成的KR（结转候选）：${c} 个。`,
  clauseSep: '，',
  notAResult: '命令没有返回结果。',
  notify: { ok: '确定', success: '完成', problem: '需要注意', appName: 'OKR 工作簿' },
};
