import { z } from 'zod';

/**
 * The one catalog of errors the API can answer with: a stable code, its HTTP status, and the
 * message in Chinese and English. The web translates by code, so both sides agree.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid' },
  MALFORMED_BODY: { status: 400, zh: '请求内容无法解析', en: 'The request body could not be parsed' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  BODY_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, zh: '登录已超时，请重新登录', en: 'Your session has expired, please sign in again' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '连续登录失败次数过多，账号已锁定 15 分钟', en: 'Too many failed sign-ins; the account is locked for 15 minutes' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改初始密码', en: 'Please change your initial password first' },
  WRONG_CURRENT_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  WEAK_PASSWORD: { status: 400, zh: '密码至少 10 位，且包含大写字母、小写字母、数字、符号中的至少三类', en: 'Passwords need at least 10 characters from at least three of: upper case, lower case, digits, symbols' },
  PASSWORD_REUSED: { status: 400, zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  FORBIDDEN: { status: 403, zh: '没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '未找到该记录', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'The record changed meanwhile; reload and try again' },
  UNIT_CODE_TAKEN: { status: 409, zh: '该行政区划代码已被使用', en: 'This administrative code is already in use' },
  UNIT_CODE_MISMATCH: { status: 400, zh: '代码与上级单位的代码不一致', en: 'The code does not extend the parent unit\u2019s code' },
  UNIT_LEVEL_MISMATCH: { status: 400, zh: '单位类型与所在层级不符', en: 'This kind of unit cannot sit at that level' },
  UNIT_MOVE_INVALID: { status: 400, zh: '只能移动到同级的另一个上级单位下', en: 'A unit can only move under another parent of the same level' },
  UNIT_HAS_ACTIVE_CHILDREN: { status: 409, zh: '该单位仍有在用的下级单位，不能撤销', en: 'This unit still has active units below it' },
  UNIT_RETIRED: { status: 409, zh: '该单位已撤销', en: 'This unit is retired' },
  UNIT_NOT_RETIRED: { status: 409, zh: '该单位未撤销', en: 'This unit is not retired' },
  ROOT_UNIT_IMMUTABLE: { status: 400, zh: '顶层单位不能移动或撤销', en: 'The top unit cannot be moved or retired' },
  POSTS_ONLY_AT_STATIONS: { status: 400, zh: '岗位只能设在乡镇（街道）应急管理站或村（社区）管理点', en: 'Posts belong to township stations and village points only' },
  PERSON_PHONE_TAKEN: { status: 409, zh: '该单位已有使用此手机号的人员', en: 'A person with this phone already exists in this unit' },
  PERSON_NOT_IN_UNIT: { status: 400, zh: '所选人员不属于该单位', en: 'The person does not belong to this unit' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'This username is taken' },
  ROLE_LEVEL_MISMATCH: { status: 400, zh: '该角色只能授予在对应层级的单位上', en: 'This role can only be granted on a unit of its level' },
  CANNOT_CHANGE_SELF: { status: 400, zh: '不能停用自己的账号或修改自己的角色', en: 'You cannot disable your own account or change your own roles' },
  IMPORT_FILE_INVALID: { status: 400, zh: '无法读取 Excel 文件，请使用导出的模板', en: 'The Excel file could not be read; use the exported template' },
  IMPORT_HAS_ERRORS: { status: 400, zh: '导入文件中有错误行，请修正后再导入', en: 'The sheet has rows with errors; fix them and import again' },
  IMPORT_TOO_MANY_ROWS: { status: 400, zh: '导入行数超过上限', en: 'The sheet has too many rows' },
  NOT_AN_IMAGE: { status: 415, zh: '只能上传 JPEG、PNG 或 WebP 图片', en: 'Only JPEG, PNG or WebP images are accepted' },
  FILE_MISSING: { status: 400, zh: '有照片尚未上传成功，请重新上传', en: 'A photo has not been uploaded yet; upload it again' },
  HAZARD_ILLEGAL_TRANSITION: { status: 409, zh: '隐患当前状态下不能执行此操作', en: 'This action is not allowed in the hazard\u2019s current state' },
  HAZARD_SAME_REVIEWER: { status: 409, zh: '验收人不能是整改人', en: 'The reviewer must not be the person who did the rectification' },
  HAZARD_ID_TAKEN: { status: 409, zh: '该编号已被其他记录使用', en: 'This id is already used by another record' },
  HAZARD_MERGE_INVALID: { status: 400, zh: '只能合并到本辖区内另一条未合并的隐患', en: 'A hazard can only be merged into another, unmerged hazard in scope' },
  HAZARD_UNIT_INVALID: { status: 400, zh: '隐患只能登记在村（社区）或网格', en: 'Hazards are recorded at a village or grid' },
  CATEGORY_UNKNOWN: { status: 400, zh: '隐患类别不存在或已停用', en: 'Unknown or inactive hazard category' },
  CATEGORY_TAKEN: { status: 409, zh: '该类别代码已存在', en: 'This category code exists already' },
  PATROL_ENDED: { status: 409, zh: '该巡查已结束', en: 'This patrol has ended' },
  REPORT_LINK_UNKNOWN: { status: 404, zh: '二维码无效或已停用', en: 'This QR code is not valid' },
  RISK_UNIT_LEVEL: { status: 400, zh: '风险点须登记在乡镇（街道）、村（社区）或网格', en: 'Risk points belong to a township, village or grid' },
  RISK_PERSON_INVALID: { status: 400, zh: '责任人须为本辖区内在岗的人员', en: 'The responsible person must be an active person within your area' },
  RISK_RETIRED: { status: 409, zh: '该风险点已注销', en: 'This risk point is retired' },
  RISK_CHECK_IN_FUTURE: { status: 400, zh: '检查时间不能晚于当前时间', en: 'The check time cannot be in the future' },
  RISK_CHECK_ID_TAKEN: { status: 409, zh: '该检查记录编号已被另一个风险点使用', en: 'This check id is already used by another risk point' },
  GRID_UNIT_REQUIRED: { status: 400, zh: '请选择网格（只有网格可以登记边界、住户和重点人群）', en: 'Choose a grid: boundaries, households and vulnerable people belong to grids' },
  HOUSEHOLD_ADDRESS_TAKEN: { status: 409, zh: '该网格已登记此地址的住户', en: 'A household with this address is already registered in this grid' },
  HOUSEHOLD_NOT_IN_GRID: { status: 400, zh: '所选住户不属于该网格或已迁出', en: 'The household is not in this grid or has moved out' },
  RESPONSIBLE_NOT_IN_VILLAGE: { status: 400, zh: '责任人须为本村（社区）在岗人员', en: 'The responsible person must be an active person of the same village' },
  VULNERABLE_PERSON_TAKEN: { status: 409, zh: '该网格已登记同名同电话的重点人员', en: 'This grid already has a vulnerable person with this name and phone' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export const FieldError = z.object({ path: z.string(), code: z.string(), zh: z.string(), en: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** The body of every error response. `message` is in the request's language. */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  zh: z.string(),
  en: z.string(),
  fields: z.array(FieldError).optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
