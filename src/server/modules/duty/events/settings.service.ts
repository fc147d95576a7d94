import type { z } from 'zod';
import type { DutyPresetInfo, DutySettings, DutySettingsUpdate } from '../../../../contracts/duty-events';
import { DUTY_DEADLINE_PRESETS, DUTY_EVENT_GRADES } from '../../../../contracts/duty-events';
import { loadUnitInScope, requirePermission } from '../../../platform/access/scope';
import { auditedTx } from '../../../platform/audit/with-audit';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors/app-error';
import { units } from '../../../platform/hierarchy/schema';
import { eq } from 'drizzle-orm';
import { ANY_EVENT_TYPE, DEADLINE_PRESETS, EVENT_TYPES } from '../rules/deadlines';
import { loadPresets } from './deadlines';
import { isDeskLevel } from './events.service';
import { dutySettings } from './schema';

export async function settingsOf(ctx: Ctx, unitId: string): Promise<z.infer<typeof DutySettings>> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, unitId);
  requirePermission(ctx.actor, 'duty.read', unit.path);
  const resolved = (await loadPresets(ctx.db))(unit.path);
  let inheritedFrom = null;
  if (resolved.fromUnitId && resolved.fromUnitId !== unit.id) {
    const [u] = await ctx.db.select({ id: units.id, name: units.name, code: units.code, level: units.level }).from(units).where(eq(units.id, resolved.fromUnitId));
    inheritedFrom = u ?? null;
  }
  return { unitId: unit.id, preset: resolved.preset, inheritedFrom };
}

/** A desk chooses its deadline rules; the desks below without their own choice follow it. */
export async function changeSettings(ctx: Ctx, unitId: string, input: z.infer<typeof DutySettingsUpdate>) {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, unitId);
  requirePermission(ctx.actor, 'duty.manage', unit.path);
  if (!isDeskLevel(unit.level)) throw new AppError('DUTY_DESK_LEVEL');
  const before = await settingsOf(ctx, unitId);
  await auditedTx(ctx, async (tx, now) => {
    await tx
      .insert(dutySettings)
      .values({ unitId: unit.id, preset: input.preset, updatedAt: now })
      .onConflictDoUpdate({ target: dutySettings.unitId, set: { preset: input.preset, updatedAt: now } });
    return { result: null, events: [{ action: 'duty.settings.changed', entityType: 'duty_settings', entityId: unit.id, unitId: unit.id, summary: `${unit.name}：${DEADLINE_PRESETS[input.preset].nameZh}`, before: { preset: before.preset }, after: { preset: input.preset } }] };
  });
  return settingsOf(ctx, unitId);
}

/** The figures of each preset, for the settings page. */
export function presetInfo(): z.infer<typeof DutyPresetInfo> {
  return {
    items: DUTY_DEADLINE_PRESETS.map((key) => {
      const p = DEADLINE_PRESETS[key];
      const types = [ANY_EVENT_TYPE, ...EVENT_TYPES.filter((t) => p.rules[t])];
      return {
        key,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        rows: types.flatMap((type) =>
          DUTY_EVENT_GRADES.map((grade) => {
            const r = (type === ANY_EVENT_TYPE ? p.rules[ANY_EVENT_TYPE][grade] : (p.rules[type as (typeof EVENT_TYPES)[number]]?.[grade] ?? p.rules[ANY_EVENT_TYPE][grade]));
            return { type, grade, ...r };
          }),
        ),
      };
    }),
  };
}
