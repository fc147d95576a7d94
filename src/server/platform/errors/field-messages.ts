import type { z } from 'zod';
import type { FieldError } from '../../../contracts/errors';
import { GEOMETRY_ISSUES } from '../../../contracts/grid-geometry';

type Msg = { zh: string; en: string };

/** Custom refinements name their rule in `message`; these are their texts. */
const NAMED: Record<string, Msg> = {
  phone: { zh: '请输入有效的手机号或座机号（如 0595-88888888）', en: 'Enter a valid mobile or landline number' },
  unit_code: { zh: '行政区划代码应为 6、9、12 或 15 位数字', en: 'The code must have 6, 9, 12 or 15 digits' },
  username: { zh: '用户名只能包含小写字母、数字、点、横线和下划线', en: 'Use lower-case letters, digits, dot, dash and underscore' },
  'NUL character is not allowed': { zh: '包含不允许的字符', en: 'Contains a character that is not allowed' },
  category_code: { zh: '类别代码只能包含小写字母、数字和下划线', en: 'Use lower-case letters, digits and underscore' },
  file_id: { zh: '照片编号格式不正确', en: 'Not a valid photo id' },
  note_required: { zh: '结果异常时请填写说明', en: 'Add a note when the result is abnormal' },
  year_month: { zh: '月份格式应为 YYYY-MM', en: 'Use the month format YYYY-MM' },
  ...GEOMETRY_ISSUES,
};

function issueMessage(issue: z.core.$ZodIssue): { code: string } & Msg {
  const named = NAMED[issue.message];
  if (named) return { code: issue.message === 'NUL character is not allowed' ? 'invalid_chars' : issue.message, ...named };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required', zh: '必填', en: 'Required' };
      return { code: 'invalid_type', zh: `类型错误，应为 ${issue.expected}`, en: `Expected ${issue.expected}` };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { code: 'required', zh: '不能为空', en: 'Must not be empty' }
          : { code: 'too_short', zh: `至少 ${issue.minimum} 个字符`, en: `At least ${issue.minimum} characters` };
      if (issue.origin === 'array') return { code: 'too_few', zh: `至少选择 ${issue.minimum} 项`, en: `Choose at least ${issue.minimum}` };
      return { code: 'too_small', zh: `不能小于 ${issue.minimum}`, en: `Must be at least ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'too_long', zh: `最多 ${issue.maximum} 个字符`, en: `At most ${issue.maximum} characters` };
      if (issue.origin === 'array') return { code: 'too_many', zh: `最多 ${issue.maximum} 项`, en: `At most ${issue.maximum} items` };
      return { code: 'too_big', zh: `不能大于 ${issue.maximum}`, en: `Must be at most ${issue.maximum}` };
    case 'invalid_format':
      return { code: 'invalid_format', zh: '格式不正确', en: `Invalid ${issue.format}` };
    case 'invalid_value':
      return { code: 'invalid_value', zh: '不是允许的取值', en: 'Not an allowed value' };
    case 'unrecognized_keys':
      return { code: 'unknown_field', zh: `不认识的字段：${issue.keys.join('、')}`, en: `Unknown field(s): ${issue.keys.join(', ')}` };
    default:
      return { code: issue.code, zh: '取值无效', en: 'Invalid value' };
  }
}

export function fieldErrors(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path, ...issueMessage(issue) };
  });
}
