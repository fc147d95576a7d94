import { z } from 'zod';
import {
  CategoryParams,
  HazardAction,
  HazardCategory,
  HazardCategoryCreate,
  HazardCategoryList,
  HazardCategoryUpdate,
  HazardCounts,
  HazardDetail,
  HazardList,
  HazardListQuery,
  HazardSubmit,
  IdParams,
  PublicReportFields,
  PublicReportInfo,
  PublicReportReceipt,
  TokenParams,
} from '../../../contracts';
import { canAt, loadUnitInScope } from '../../platform/access/scope';
import { AppError } from '../../platform/errors/app-error';
import { fieldErrors } from '../../platform/errors/field-messages';
import { readMultipart } from '../../platform/http/multipart';
import { publicRoute, userRoute, type Route } from '../../platform/http/route';
import { actOnHazard } from './actions.service';
import { createCategory, listCategories, updateCategory } from './categories.service';
import { publicInfo, submitPublicReport, tokenFor, unitOfToken } from './public.service';
import { posterPage, receiptPage, REPORT_FORM_SCRIPT, reportFormPage } from './public-pages';
import { hazardCounts, hazardDetail, listHazards } from './queries';
import { submitHazard } from './submit.service';

const tags = ['hazards'];

export const hazardRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/hazards/categories',
    summary: 'The hazard category catalog',
    tags,
    response: HazardCategoryList,
    handler: async ({ ctx }) => ({ items: await listCategories(ctx) }),
  }),
  userRoute({
    method: 'POST',
    url: '/api/hazards/categories',
    summary: 'Add a hazard category (city admin)',
    tags,
    body: HazardCategoryCreate,
    response: HazardCategory,
    status: 201,
    handler: ({ ctx, body }) => createCategory(ctx, body),
  }),
  userRoute({
    method: 'PATCH',
    url: '/api/hazards/categories/:code',
    summary: 'Rename, reorder or retire a hazard category (city admin)',
    tags,
    params: CategoryParams,
    body: HazardCategoryUpdate,
    response: HazardCategory,
    handler: ({ ctx, params, body }) => updateCategory(ctx, params.code, body),
  }),
  userRoute({
    method: 'POST',
    url: '/api/hazards',
    summary: 'Report a hazard; the client-made id makes a retry or replay store it once (201 new, 200 replay)',
    tags,
    body: HazardSubmit,
    response: HazardDetail,
    handler: async ({ ctx, body, reply }) => {
      const { detail, created } = await submitHazard(ctx, body);
      void reply.status(created ? 201 : 200);
      return detail;
    },
  }),
  userRoute({
    method: 'GET',
    url: '/api/hazards',
    summary: 'Hazards in my scope: the review queue (overdue first), my reports, my tasks',
    tags,
    query: HazardListQuery,
    response: HazardList,
    handler: ({ ctx, query }) => listHazards(ctx, query),
  }),
  userRoute({
    method: 'GET',
    url: '/api/hazards/counts',
    summary: 'How many hazards are in each state, and how many are overdue',
    tags,
    query: z.object({ unitId: z.uuid().optional() }),
    response: HazardCounts,
    handler: ({ ctx, query }) => hazardCounts(ctx, query.unitId),
  }),
  userRoute({
    method: 'GET',
    url: '/api/hazards/:id',
    summary: 'A hazard with its photos, assignment, timeline and the actions I may take',
    tags,
    params: IdParams,
    response: HazardDetail,
    handler: ({ ctx, params }) => hazardDetail(ctx, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/hazards/:id/actions',
    summary: 'Move a hazard through the closed loop: verify, reject, merge, grade, approve, deny, assign, progress, submit, accept, fail, reopen',
    tags,
    params: IdParams,
    body: HazardAction,
    response: HazardDetail,
    handler: ({ ctx, params, body }) => actOnHazard(ctx, params.id, body),
  }),
  userRoute({
    method: 'GET',
    url: '/api/org/units/:id/report-poster',
    summary: 'A printable QR poster for a village: residents scan it to report a hazard',
    tags,
    params: IdParams,
    produces: 'text/html',
    handler: async ({ ctx, params, req, reply }) => {
      const unit = await loadUnitInScope(ctx.db, ctx.actor, params.id);
      if (unit.level !== 'village') throw new AppError('HAZARD_UNIT_INVALID');
      if (!canAt(ctx.actor, 'hazards.manage', unit.path) && !canAt(ctx.actor, 'grids.manage', unit.path)) throw new AppError('FORBIDDEN');
      const token = await tokenFor(ctx.db, unit.id);
      const { township } = await unitOfToken(ctx.db, token);
      const base = ctx.config.publicBaseUrl ?? `${req.protocol}://${req.host}`;
      return reply.type('text/html; charset=utf-8').send(await posterPage(`${base}/q/${token}`, unit.name, township?.name ?? ''));
    },
  }),
];

/** The resident's side: no account. Rate- and size-limited. */
export const publicHazardRoutes: Route[] = [
  publicRoute({
    method: 'GET',
    url: '/api/public/report/:token',
    summary: 'What the QR form needs: the village and the categories',
    tags: ['public'],
    params: TokenParams,
    response: PublicReportInfo,
    rateLimit: 'publicRead',
    handler: ({ deps, params }) => publicInfo(deps.db, params.token),
  }),
  publicRoute({
    method: 'POST',
    url: '/api/public/report/:token',
    summary: 'A resident reports a hazard (multipart: categoryCode, description, lat, lng, phone, photo); lands in the review queue as 群众上报',
    tags: ['public'],
    params: TokenParams,
    multipart: true,
    response: PublicReportReceipt,
    status: 201,
    rateLimit: 'publicWrite',
    handler: async ({ deps, params, req, reply }) => {
      const body = await readMultipart(req, { files: ['photo'], fields: ['categoryCode', 'description', 'lat', 'lng', 'phone'] });
      const raw = Object.fromEntries(Object.entries(body.fields).filter(([, v]) => v.trim() !== ''));
      const parsed = PublicReportFields.safeParse(raw);
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', fieldErrors(parsed.error, 'body'));
      const photo = body.files.photo?.buffer.length ? body.files.photo.buffer : null;
      const receipt = await submitPublicReport(deps, params.token, parsed.data, photo, { requestId: req.id, ip: req.ip ?? null });
      if ((req.query as { html?: string }).html === '1') return reply.status(201).type('text/html; charset=utf-8').send(receiptPage(receipt.code));
      return receipt;
    },
  }),
  publicRoute({
    method: 'GET',
    url: '/q/:token',
    summary: 'The QR form page residents open',
    tags: ['public'],
    params: TokenParams,
    produces: 'text/html',
    rateLimit: 'publicRead',
    handler: async ({ deps, params, reply }) => reply.type('text/html; charset=utf-8').send(reportFormPage(params.token, await publicInfo(deps.db, params.token))),
  }),
  publicRoute({
    method: 'GET',
    url: '/q/report.js',
    summary: 'The QR form page\u2019s script (location)',
    tags: ['public'],
    produces: 'application/javascript',
    handler: async ({ reply }) => reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(REPORT_FORM_SCRIPT),
  }),
];
