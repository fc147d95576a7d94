import { z } from 'zod';
import { LIMITS } from './limits';
import { Locale } from './common';
import { RoleGrantView } from './roles';
import { UnitLevel } from './org';

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(LIMITS.usernameMax * 2),
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  locale: Locale,
  unit: z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel }),
  roles: z.array(RoleGrantView),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  idleTimeoutMinutes: z.number().int(),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: z.string().min(1).max(LIMITS.passwordMax),
});
export const SetLocaleRequest = z.object({ locale: Locale });

export const Health = z.object({ status: z.literal('ok'), db: z.enum(['embedded', 'external']) });
