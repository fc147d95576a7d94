import type { z } from 'zod';
import { ERRORS, type ErrorCode, type FieldError } from '../../../../contracts/errors';
import type { ImportKind, ImportPreview } from '../../../../contracts/org';
import { AppError } from '../../../platform/errors/app-error';
import { fieldErrors } from '../../../platform/errors/field-messages';
import { choices, valueOf, type Labels } from './labels';

/** A problem with one cell of an imported row: the column's header, a stable code, the text. */
export type RowError = { column: string; code: string; zh: string; en: string };

export type RowAction = 'create' | 'update' | 'unchanged' | 'error';

/** What an import will do with one row; `changes` names the columns an update changes. */
export type PlannedRow = { row: number; action: RowAction; key: string; name: string; errors: RowError[]; changes: string[] };

export const rowError = (column: string, code: string, zh: string, en: string): RowError => ({ column, code, zh, en });

/** A catalog error placed on a column, optionally with a more precise text. */
export const catalogError = (column: string, code: ErrorCode, text?: { zh: string; en: string }): RowError => ({
  column,
  code,
  zh: text?.zh ?? ERRORS[code].zh,
  en: text?.en ?? ERRORS[code].en,
});

export const requiredError = (column: string) => rowError(column, 'required', '必填', 'Required');

/**
 * Validates one cell with the API's own zod schema, so an imported value obeys exactly the rules
 * of the form. Returns the parsed value, or undefined after adding the problem (worded as the API
 * words it) to `errors`.
 */
export function cell<S extends z.ZodType>(errors: RowError[], schema: S, column: string, raw: string | null, required = false): z.output<S> | undefined {
  if (required && !raw) {
    errors.push(requiredError(column));
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const [first] = fieldErrors(result.error, '');
  errors.push(rowError(column, first?.code ?? 'invalid', first?.zh ?? '取值无效', first?.en ?? 'Invalid value'));
  return undefined;
}

/** Reads an enum cell by its Chinese word; `blank` is the value of an empty cell (none: required). */
export function labelCell<T extends string>(errors: RowError[], labels: Labels<T>, column: string, raw: string, blank?: T): T | undefined {
  if (raw === '') {
    if (blank === undefined) errors.push(requiredError(column));
    return blank;
  }
  const value = valueOf(labels, raw);
  if (value === undefined) errors.push(rowError(column, 'invalid_value', `应为：${choices(labels)}`, `Expected one of: ${Object.keys(labels).join(', ')}`));
  return value;
}

export function toPreview(kind: ImportKind, rows: PlannedRow[]): ImportPreview {
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  return {
    kind,
    rows: rows.map((r) => ({ ...r, errors: r.errors.map(({ column, code, zh }) => ({ column, code, message: zh })) })),
    counts,
  };
}

const FIELDS_MAX = 100;

/** The commit's refusal: IMPORT_HAS_ERRORS with the first row errors as fields (`rows.<row>.<column>`). */
export function hasErrors(rows: PlannedRow[]): AppError {
  const fields: FieldError[] = rows
    .flatMap((r) => r.errors.map((e) => ({ path: `rows.${r.row}.${e.column}`, code: e.code, zh: `第 ${r.row} 行 ${e.column}：${e.zh}`, en: `Row ${r.row}, ${e.column}: ${e.en}` })))
    .slice(0, FIELDS_MAX);
  return new AppError('IMPORT_HAS_ERRORS', fields);
}
