import type { ExcelText } from '../types/excel';

export const excel: ExcelText = {
  byCode: {
    InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，然后重试。',
    AccessDenied: '工作表受保护，无法写入。请先撤销工作表保护，或联系工作簿负责人（也可能是您没有编辑权限）。',
    InvalidOperation: 'Excel 拒绝了这个操作（可能是工作表受保护或正在编辑单元格）。请按 Esc 退出编辑后重试。',
    ItemNotFound: '找不到所需的工作表、表格或名称（可能已被删除或重命名）。请确认这是 OKR 工作簿生成的文件。',
    ItemAlreadyExists: '同名的工作表、表格或名称已存在，未做任何修改。',
    RequestPayloadSizeLimitExceeded: '一次写入的数据太多，超过了 Excel 网页版的 5 MB 限制。请重试；若仍失败，请分批生成。',
    ResponsePayloadSizeLimitExceeded: '一次读取的数据超过了 Excel 网页版的 5 MB 限制。',
    ApiNotFound: '此版本的 Excel 不支持插件需要的功能（需要 ExcelApi 1.9 或更高版本）。请使用 Excel 2021、Microsoft 365 或 Excel 网页版。',
    Conflict: '同事正在同时修改相同的单元格。请稍后重试。',
    EditConflict: '同事正在同时修改相同的单元格。请稍后重试。',
    ActivityLimitReached: 'Excel 暂时繁忙。请稍后重试。',
    ServiceNotAvailable: 'Excel 服务暂时不可用。请稍后重试。',
    RequestAborted: '请求被中断。请重试。',
    GeneralException: 'Excel 处理请求时出错，请重试。',
    BadPassword: '工作表保护密码不正确，未做任何修改。请在“保护密码”框中输入正确的密码后重试。',
    InactiveWorkbook: '运行期间切换到了另一个工作簿，操作已停止。请回到这个工作簿后重新运行（已完成的部分会保留，重新运行会补齐）。',
  },
  sheetPassword: '工作表受密码保护，未提供保护密码或密码不正确，未做任何修改。请在任务窗格的“保护密码”框中输入工作表的保护密码后重试。',
  notOkrWorkbook: '当前工作簿不是OKR工作簿（找不到“设置”表）。请先在“生成”步骤中生成。',
  failed: (detail) => `操作失败：${detail}`,
  unknown: '发生了未知错误。',
  details: '详细信息',
};
