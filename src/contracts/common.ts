import { z } from 'zod';
import { LIMITS } from './limits';

export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() });

/** Trimmed, non-empty text of at most `max` characters; rejects NUL, which PostgreSQL text refuses. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'NUL character is not allowed' });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'NUL character is not allowed' })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/** Mainland mobile (11 digits starting with 1) or a landline such as 0595-88888888. */
export const Phone = z
  .string()
  .trim()
  .max(LIMITS.phoneMax)
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, { message: 'phone' });

export const Page = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

export const Ok = z.object({ ok: z.literal(true) });

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;
