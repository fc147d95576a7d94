import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PLAN_LIMITS, type PlanDetail } from '../../../contracts';
import { auditedTx } from '../../platform/audit/with-audit';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors/app-error';
import { readSingleFile } from '../../platform/http/multipart';
import { contentDisposition, documentKey, extensionOf, sniffDocument } from './documents';
import { lockPlanForChange } from './plans.service';
import { loadPlan, planDetail } from './queries';
import { cleanFileName } from './rules';
import { plans } from './schema';

/**
 * Attaches the plan's document (PDF or .docx), replacing any earlier one. The actor is authorized
 * before the body is read, so a refused upload costs no 20 MB. The bytes are stored under their
 * SHA-256 before the row names them: a row never points at missing bytes, and bytes left by a
 * failed transaction are harmless (the same upload finds them again).
 */
export async function uploadPlanDocument(ctx: Ctx, planId: string, req: FastifyRequest): Promise<PlanDetail> {
  await loadPlan(ctx.db, ctx.actor, planId, 'plans.manage');
  const file = await readSingleFile(req, 'file', { zh: '请选择预案文件（PDF 或 Word）', en: 'Choose the plan document (PDF or Word)' }, PLAN_LIMITS.documentBytesMax);
  if (file.buffer.length > PLAN_LIMITS.documentBytesMax) throw new AppError('BODY_TOO_LARGE');
  const mime = sniffDocument(file.buffer);
  if (!mime) throw new AppError('PLAN_DOCUMENT_TYPE');
  const key = documentKey(file.buffer);
  await ctx.files.put(key, file.buffer);
  await auditedTx(ctx, async (tx, now) => {
    const { plan, unit } = await lockPlanForChange(tx, ctx.actor, planId);
    const ext = extensionOf(mime);
    const named = cleanFileName(file.fileName, PLAN_LIMITS.documentNameMax - ext.length, plan.name);
    const fileName = named.toLowerCase().endsWith(ext) ? named : `${named}${ext}`;
    await tx
      .update(plans)
      .set({ documentKey: key, documentName: fileName, documentMime: mime, documentSize: file.buffer.length, documentUploadedAt: now, updatedAt: now })
      .where(eq(plans.id, plan.id));
    return {
      result: null,
      events: [
        {
          action: 'plan.document.uploaded',
          entityType: 'plan',
          entityId: plan.id,
          unitId: unit.id,
          summary: `${unit.name} / ${plan.name}: ${fileName}`,
          before: plan.documentName ? { document: plan.documentName } : null,
          after: { document: fileName, size: file.buffer.length, sha256: key },
        },
      ],
    };
  });
  return planDetail(ctx, planId);
}

/** Sends the plan's document as an attachment under the name it was uploaded with. */
export async function sendPlanDocument(ctx: Ctx, planId: string, reply: FastifyReply): Promise<FastifyReply> {
  const { plan } = await loadPlan(ctx.db, ctx.actor, planId);
  if (!plan.documentKey || !plan.documentMime || !plan.documentName) throw notFound();
  const stream = await ctx.files.read(plan.documentKey);
  if (!stream) throw notFound();
  return reply
    .type(plan.documentMime)
    .header('content-disposition', contentDisposition(plan.documentName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .send(stream);
}
