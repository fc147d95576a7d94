import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  DutyConsole,
  DutyEventAction,
  DutyEventCreate,
  DutyEventDetail,
  DutyEventList,
  DutyEventListQuery,
  DutyPresetInfo,
  DutyReport,
  DutyReportDraft,
  DutyReportList,
  DutyReportListQuery,
  DutyReportReturn,
  DutyReportUpdate,
  DutySettings,
  DutySettingsUpdate,
  IdParams,
} from '../../../../contracts';
import { userRoute, type Route } from '../../../platform/http/route';
import { contentDisposition } from '../../org/excel/http';
import { dutyConsole } from './console.service';
import { DOCX_MEDIA_TYPE, reportDocument, timelineDocument, type DocxFile } from './documents.service';
import { actOnEvent, eventDetail, listEvents, receiveEvent } from './events.service';
import { acknowledgeReport, createReport, listReports, reportView, returnReport, updateReport } from './reports.service';
import { changeSettings, presetInfo, settingsOf } from './settings.service';

const tags = ['duty'];

const sendDocx = (reply: FastifyReply, file: DocxFile) =>
  reply.header('content-type', DOCX_MEDIA_TYPE).header('content-disposition', contentDisposition(file)).header('cache-control', 'no-store').send(file.buffer);

export const dutyEventRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/duty/console',
    summary: 'The live duty console: open events, reports due, unanswered reports from below, answers from above',
    tags,
    response: DutyConsole,
    handler: ({ ctx }) => dutyConsole(ctx),
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/events',
    summary: 'Events (事件) of my desk and the desks below',
    tags,
    query: DutyEventListQuery,
    response: DutyEventList,
    handler: ({ ctx, query }) => listEvents(ctx, query),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/events',
    summary: 'Record a call or message (接报); the client-made id stores a retry once (201 new, 200 replay)',
    tags,
    body: DutyEventCreate,
    response: DutyEventDetail,
    handler: async ({ ctx, body, reply }) => {
      const { detail, created } = await receiveEvent(ctx, body);
      void reply.status(created ? 201 : 200);
      return detail;
    },
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/events/:id',
    summary: 'An event with its reports, deadlines and timeline',
    tags,
    params: IdParams,
    response: DutyEventDetail,
    handler: ({ ctx, params }) => eventDetail(ctx, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/events/:id/actions',
    summary: 'Regrade, add a note, update casualties, close (the desk) or merge into another event (a level above)',
    tags,
    params: IdParams,
    body: DutyEventAction,
    response: DutyEventDetail,
    handler: ({ ctx, params, body }) => actOnEvent(ctx, params.id, body),
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/events/:id/timeline.docx',
    summary: "The event's timeline as a Word document",
    tags,
    params: IdParams,
    produces: DOCX_MEDIA_TYPE,
    handler: async ({ ctx, params, reply }) => sendDocx(reply, await timelineDocument(ctx, params.id)),
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/reports',
    summary: 'Reports: my inbox from below, my desk’s outbox, or all I can see',
    tags,
    query: DutyReportListQuery,
    response: DutyReportList,
    handler: ({ ctx, query }) => listReports(ctx, query),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/reports',
    summary: 'Write a 首报/续报/终报 on an event, as a draft or submitted at once (201 new, 200 replay)',
    tags,
    body: DutyReportDraft,
    response: DutyReport,
    handler: async ({ ctx, body, reply }) => {
      const { report, created } = await createReport(ctx, body);
      void reply.status(created ? 201 : 200);
      return report;
    },
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/reports/:id',
    summary: 'A report with its acknowledgements and pass-up deadlines',
    tags,
    params: IdParams,
    response: DutyReport,
    handler: ({ ctx, params }) => reportView(ctx, params.id),
  }),
  userRoute({
    method: 'PATCH',
    url: '/api/duty/reports/:id',
    summary: 'Edit a draft or a report sent back; `submit: true` sends it up',
    tags,
    params: IdParams,
    body: DutyReportUpdate,
    response: DutyReport,
    handler: ({ ctx, params, body }) => updateReport(ctx, params.id, body),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/reports/:id/acknowledge',
    summary: 'A level above acknowledges a report (once per level)',
    tags,
    params: IdParams,
    body: z.object({}).strict(),
    response: DutyReport,
    handler: ({ ctx, params }) => acknowledgeReport(ctx, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/reports/:id/return',
    summary: '退回补充: a level above sends a report back with what it lacks',
    tags,
    params: IdParams,
    body: DutyReportReturn,
    response: DutyReport,
    handler: ({ ctx, params, body }) => returnReport(ctx, params.id, body.reason),
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/reports/:id/docx',
    summary: 'A report as a Word document in the official layout',
    tags,
    params: IdParams,
    produces: DOCX_MEDIA_TYPE,
    handler: async ({ ctx, params, reply }) => sendDocx(reply, await reportDocument(ctx, params.id)),
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/presets',
    summary: 'The deadline rule presets and their figures',
    tags,
    response: DutyPresetInfo,
    handler: async () => presetInfo(),
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/settings/:id',
    summary: "A desk's deadline rules (its own or inherited)",
    tags,
    params: IdParams,
    response: DutySettings,
    handler: ({ ctx, params }) => settingsOf(ctx, params.id),
  }),
  userRoute({
    method: 'PUT',
    url: '/api/duty/settings/:id',
    summary: "Choose a desk's deadline rules",
    tags,
    params: IdParams,
    body: DutySettingsUpdate,
    response: DutySettings,
    handler: ({ ctx, params, body }) => changeSettings(ctx, params.id, body),
  }),
];
