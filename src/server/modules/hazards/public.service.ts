import crypto from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { FILE_LIMITS, type PublicReportFields } from '../../../contracts';
import type { BuiltDeps } from '../../platform/context';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors/app-error';
import { storeImage } from '../../platform/files/service';
import { units, type UnitRow } from '../../platform/hierarchy/schema';
import type { Queryable } from '../../platform/db/client';
import { hazardCategories, reportLinks } from './schema';
import { insertReport, reportAnnouncement, requireActiveCategory } from './submit.service';

/** The village behind a poster's token, or "not found". */
export async function unitOfToken(db: Queryable, token: string): Promise<{ village: UnitRow; township: UnitRow | null }> {
  const [row] = await db.select({ unit: units }).from(reportLinks).innerJoin(units, eq(units.id, reportLinks.unitId)).where(and(eq(reportLinks.token, token), eq(units.status, 'active')));
  if (!row) throw new AppError('REPORT_LINK_UNKNOWN');
  const [township] = row.unit.parentId ? await db.select().from(units).where(eq(units.id, row.unit.parentId)) : [];
  return { village: row.unit, township: township ?? null };
}

/** The poster's token for a village, made on first use. */
export async function tokenFor(db: Queryable, unitId: string): Promise<string> {
  const [existing] = await db.select().from(reportLinks).where(eq(reportLinks.unitId, unitId));
  if (existing) return existing.token;
  const token = crypto.randomBytes(18).toString('base64url');
  await db.insert(reportLinks).values({ unitId, token }).onConflictDoNothing();
  const [row] = await db.select().from(reportLinks).where(eq(reportLinks.unitId, unitId));
  return row!.token;
}

export async function publicInfo(db: Queryable, token: string) {
  const { village, township } = await unitOfToken(db, token);
  const categories = await db
    .select({ code: hazardCategories.code, nameZh: hazardCategories.nameZh, nameEn: hazardCategories.nameEn })
    .from(hazardCategories)
    .where(eq(hazardCategories.active, true))
    .orderBy(asc(hazardCategories.sortOrder));
  return { village: village.name, township: township?.name ?? '', categories, photoBytesMax: FILE_LIMITS.imageBytesMax };
}

/**
 * A resident's report from the QR form (群众上报): no account, so no scope; it lands in the
 * village's review queue. The photo is checked before anything is written: a bad photo leaves
 * nothing behind in the database.
 */
export async function submitPublicReport(
  deps: BuiltDeps,
  token: string,
  fields: z.output<typeof PublicReportFields>,
  photo: Buffer | null,
  meta: { requestId: string; ip: string | null },
): Promise<{ code: string; receivedAt: string }> {
  const { village } = await unitOfToken(deps.db, token);
  await requireActiveCategory(deps.db, fields.categoryCode);
  const photoFile = photo ? (await storeImage(deps.db, deps.files, photo, null)).file : null;
  const now = deps.clock.now();
  const id = uuidv7(now.getTime());
  const who = { actor: null, requestId: meta.requestId, ip: meta.ip, at: now };
  const inserted = await insertReport(
    deps.db,
    {
      id,
      unitId: village.id,
      categoryCode: fields.categoryCode,
      description: fields.description,
      lat: fields.lat ?? village.lat ?? 0,
      lng: fields.lng ?? village.lng ?? 0,
      accuracy: null,
      address: null,
      suggestedLevel: 'general',
      source: 'public',
      reporterUserId: null,
      reporterName: '群众',
      reporterPhone: fields.phone ?? null,
      reportedAt: now,
      patrolId: null,
      riskPointId: null,
      photoIds: photoFile ? [photoFile.id] : [],
    },
    // No account, so no scope: the poster's village is the one place it may file into.
    [village.path],
    now,
    who,
  );
  // A fresh id, so only the gate can refuse: the village or the category went away meanwhile.
  if (!inserted) throw new AppError('CATEGORY_UNKNOWN');
  deps.announcer.soon(reportAnnouncement(inserted));
  return { code: inserted.row.code, receivedAt: now.toISOString() };
}
