import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import { ApiError } from './api';
import type { Locale } from '../../contracts';

type NamePath = (string | number)[];

function toNamePath(path: string): NamePath {
  return path
    .split('.')
    .filter((segment) => segment !== '' && segment !== 'body')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Errors that concern one field although the server sends them without `fields`. */
const FIELD_OF_CODE: Record<string, string> = {
  USERNAME_TAKEN: 'username',
  UNIT_CODE_TAKEN: 'code',
  UNIT_CODE_MISMATCH: 'code',
  UNIT_LEVEL_MISMATCH: 'kind',
  PERSON_PHONE_TAKEN: 'phone',
  PERSON_NOT_IN_UNIT: 'personId',
  WRONG_CURRENT_PASSWORD: 'currentPassword',
  WEAK_PASSWORD: 'newPassword',
  PASSWORD_REUSED: 'newPassword',
};

/**
 * Puts the field errors of an API error on the form's fields. Returns the messages of fields the
 * form does not show, so the caller can display them elsewhere instead of losing them.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, locale: Locale): string[] {
  if (!(error instanceof ApiError)) return [];
  const shown = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  if (error.fields.length === 0) {
    const field = FIELD_OF_CODE[error.code];
    if (field && shown.has(field)) form.setFields([{ name: field, errors: [locale === 'en' ? error.en : error.zh] }]);
    return [];
  }
  const unshown: string[] = [];
  const fields: { name: NamePath; errors: string[] }[] = [];
  for (const field of error.fields) {
    const text = locale === 'en' ? field.en : field.zh;
    const name = toNamePath(field.path);
    if (name.length > 0 && shown.has(String(name[0]))) fields.push({ name, errors: [text] });
    else unshown.push(field.path ? `${field.path}: ${text}` : text);
  }
  form.setFields(fields);
  return unshown;
}

/** An antd rule that checks a value with a shared contract schema, with our own message. */
export function zodRule(schema: z.ZodType, message: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      if (!schema.safeParse(value).success) throw new Error(message);
    },
  };
}

/** A text field's value for the API: trimmed, and null when nothing but spaces was typed. */
export const blankToNull = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);
