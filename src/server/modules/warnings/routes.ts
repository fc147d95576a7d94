import { z } from 'zod';
import {
  IdParams,
  MyWarningList,
  TokenParams,
  WarningAnswerBody,
  WarningBoard,
  WarningCreate,
  WarningDelivery,
  WarningDetail,
  WarningIssueCreate,
  WarningIssueView,
  WarningLinkInfo,
  WarningList,
  WarningListQuery,
} from '../../../contracts';
import { AppError } from '../../platform/errors/app-error';
import { fieldErrors } from '../../platform/errors/field-messages';
import { readMultipart } from '../../platform/http/multipart';
import { publicRoute, userRoute, type Route } from '../../platform/http/route';
import { answerByToken, answerDelivery, issueBoard, linkInfo, myWarnings } from './deliveries.service';
import { issueWarning } from './issue.service';
import { answerPage } from './link-page';
import { cancelWarning, createWarning, listWarnings, warningDetail } from './warnings.service';

const tags = ['warnings'];
const DeliveryParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

export const warningRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/warnings',
    summary: 'Warnings held in my scope or delivered to me',
    tags,
    query: WarningListQuery,
    response: WarningList,
    handler: ({ ctx, query }) => listWarnings(ctx, query),
  }),
  userRoute({
    method: 'POST',
    url: '/api/warnings',
    summary: 'Enter a warning by hand (the client-made id stores a retry once: 201 new, 200 replay)',
    tags,
    body: WarningCreate,
    response: WarningDetail,
    handler: async ({ ctx, body, reply }) => {
      const { detail, created } = await createWarning(ctx, body);
      void reply.status(created ? 201 : 200);
      return detail;
    },
  }),
  userRoute({
    method: 'GET',
    url: '/api/warnings/mine',
    summary: 'My warnings to answer (叫应), and those escalated to me',
    tags,
    response: MyWarningList,
    handler: ({ ctx }) => myWarnings(ctx),
  }),
  userRoute({
    method: 'GET',
    url: '/api/warnings/:id',
    summary: 'A warning with its issues',
    tags,
    params: IdParams,
    response: WarningDetail,
    handler: ({ ctx, params }) => warningDetail(ctx, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/warnings/:id/cancel',
    summary: 'End a warning early; escalations stop',
    tags,
    params: IdParams,
    body: z.object({}).strict(),
    response: WarningDetail,
    handler: ({ ctx, params }) => cancelWarning(ctx, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/warnings/:id/issues',
    summary: '发布: issue a warning to the chosen units and roles; every recipient gets it at once (one statement)',
    tags,
    params: IdParams,
    body: WarningIssueCreate,
    response: WarningIssueView,
    status: 201,
    handler: ({ ctx, params, body }) => issueWarning(ctx, params.id, body),
  }),
  userRoute({
    method: 'GET',
    url: '/api/warnings/issues/:id/board',
    summary: 'The live board of an issue: per area who answered, who has not, who was escalated',
    tags,
    params: IdParams,
    response: WarningBoard,
    handler: ({ ctx, params }) => issueBoard(ctx, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/warnings/deliveries/:id/answer',
    summary: '叫应: answer a warning delivered to me (已知悉, 已到岗, 已转移 …)',
    tags,
    params: DeliveryParams,
    body: WarningAnswerBody,
    response: WarningDelivery,
    handler: ({ ctx, params, body }) => answerDelivery(ctx, params.id, body),
  }),
];

/** The answer link of an SMS: no account, the token is the key. */
export const publicWarningRoutes: Route[] = [
  publicRoute({
    method: 'GET',
    url: '/w/:token',
    summary: 'The one-tap answer page behind a warning SMS',
    tags: ['public'],
    params: TokenParams,
    produces: 'text/html',
    rateLimit: 'publicRead',
    handler: async ({ deps, params, reply }) => reply.type('text/html; charset=utf-8').send(answerPage(params.token, await linkInfo(deps.db, params.token))),
  }),
  publicRoute({
    method: 'GET',
    url: '/api/public/warnings/:token',
    summary: 'What the answer page shows',
    tags: ['public'],
    params: TokenParams,
    response: WarningLinkInfo,
    rateLimit: 'publicRead',
    handler: ({ deps, params }) => linkInfo(deps.db, params.token),
  }),
  publicRoute({
    method: 'POST',
    url: '/api/public/warnings/:token/answer',
    summary: 'Answer through the link (JSON, or the page’s form as multipart)',
    tags: ['public'],
    params: TokenParams,
    body: WarningAnswerBody.optional(),
    response: WarningLinkInfo,
    rateLimit: 'publicWrite',
    handler: async ({ deps, params, req, body, reply }) => {
      let answer = body;
      const html = (req.query as { html?: string }).html === '1';
      if (req.isMultipart()) {
        const form = await readMultipart(req, { files: [], fields: ['answer', 'note'] });
        const parsed = WarningAnswerBody.safeParse(Object.fromEntries(Object.entries(form.fields).filter(([, v]) => v.trim() !== '')));
        if (!parsed.success) throw new AppError('VALIDATION_FAILED', fieldErrors(parsed.error, 'body'));
        answer = parsed.data;
      }
      if (!answer) throw new AppError('VALIDATION_FAILED', [{ path: 'body.answer', code: 'required', zh: '请选择回复', en: 'Choose an answer' }]);
      const info = await answerByToken(deps, params.token, answer, { requestId: req.id, ip: req.ip ?? null });
      if (html) return reply.type('text/html; charset=utf-8').send(answerPage(params.token, info, true));
      return info;
    },
  }),
];
