import {
  DutyDeskList,
  DutyLogCreate,
  DutyLogList,
  DutyLogQuery,
  DutyLogView,
  HandoverAccept,
  HandoverCreate,
  HandoverDetail,
  HandoverList,
  HandoverListQuery,
  HandoverRefuse,
  IdParams,
  OnDutyQuery,
  OnDutyView,
  RosterGenerate,
  RosterPublish,
  RosterQuery,
  RosterShiftEdit,
  RosterView,
  SwapCreate,
  SwapDecision,
  SwapList,
  SwapListQuery,
  SwapRejection,
  SwapView,
} from '../../../../contracts';
import { userRoute, type Route } from '../../../platform/http/route';
import { sendFile } from '../../org/excel/http';
import { XLSX_MEDIA_TYPE } from '../../org/excel/workbook';
import { answerHandover, getHandover, listHandovers, openHandover } from './handovers.service';
import { addLogEntry, listLog } from './log.service';
import { listDesks, onDutyNow } from './on-duty.service';
import { rosterFileName, writeRosterWorkbook } from './roster-sheet';
import { editShift, generateMonth, getRoster, publishRoster } from './rosters.service';
import { approveSwap, listSwaps, rejectSwap, requestSwap } from './swaps.service';

const tags = ['duty'];

const rosterRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/duty/desks',
    summary: 'The duty desks (township, county and city units) whose desk I may see',
    tags,
    response: DutyDeskList,
    handler: ({ ctx }) => listDesks(ctx),
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/rosters',
    summary: 'A desk’s roster (排班) of a month: shifts, who holds each role, gaps',
    tags,
    query: RosterQuery,
    response: RosterView,
    handler: ({ ctx, query }) => getRoster(ctx, query.unitId, query.month),
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/rosters/export.xlsx',
    summary: 'A desk’s roster of a month as an Excel sheet (值班表)',
    tags,
    query: RosterQuery,
    produces: XLSX_MEDIA_TYPE,
    handler: async ({ ctx, query, reply }) => {
      const roster = await getRoster(ctx, query.unitId, query.month);
      return sendFile(reply, rosterFileName(roster, await writeRosterWorkbook(roster)));
    },
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/rosters/generate',
    summary: 'Generate a month with a fair rotation; replaces a draft, refused once the month is published',
    tags,
    body: RosterGenerate,
    response: RosterView,
    handler: ({ ctx, body }) => generateMonth(ctx, body),
  }),
  userRoute({
    method: 'PATCH',
    url: '/api/duty/rosters/:id/shifts',
    summary: 'Change who holds one role on one shift (or leave it empty)',
    tags,
    params: IdParams,
    body: RosterShiftEdit,
    response: RosterView,
    handler: ({ ctx, params, body }) => editShift(ctx, params.id, body),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/rosters/:id/publish',
    summary: 'Publish a month’s roster',
    tags,
    params: IdParams,
    body: RosterPublish,
    response: RosterView,
    handler: ({ ctx, params }) => publishRoster(ctx, params.id),
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/on-duty',
    summary: 'Who is on duty at a desk now (leader and officer with phones), and the next shift',
    tags,
    query: OnDutyQuery,
    response: OnDutyView,
    handler: ({ ctx, query }) => onDutyNow(ctx, query.unitId),
  }),
];

const swapRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/duty/swaps',
    summary: 'Swap requests (换班) of the desks I may see, newest first',
    tags,
    query: SwapListQuery,
    response: SwapList,
    handler: ({ ctx, query }) => listSwaps(ctx, query),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/swaps',
    summary: 'Ask to hand my role on a shift of a published month to someone else',
    tags,
    body: SwapCreate,
    response: SwapView,
    status: 201,
    handler: ({ ctx, body }) => requestSwap(ctx, body),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/swaps/:id/approve',
    summary: 'Approve a swap: checked against the roster now and applied with the decision',
    tags,
    params: IdParams,
    body: SwapDecision,
    response: SwapView,
    handler: ({ ctx, params, body }) => approveSwap(ctx, params.id, body.note),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/swaps/:id/reject',
    summary: 'Reject a swap with a reason',
    tags,
    params: IdParams,
    body: SwapRejection,
    response: SwapView,
    handler: ({ ctx, params, body }) => rejectSwap(ctx, params.id, body.reason),
  }),
];

const handoverRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/duty/handovers',
    summary: 'Handovers (交接班) of the desks I may see, newest first',
    tags,
    query: HandoverListQuery,
    response: HandoverList,
    handler: ({ ctx, query }) => listHandovers(ctx, query),
  }),
  userRoute({
    method: 'GET',
    url: '/api/duty/handovers/:id',
    summary: 'A handover with its checklist and the duty log of its shift',
    tags,
    params: IdParams,
    response: HandoverDetail,
    handler: ({ ctx, params }) => getHandover(ctx, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/handovers',
    summary: 'Open the handover of the shift on duty now, with a note and the checklist',
    tags,
    body: HandoverCreate,
    response: HandoverDetail,
    status: 201,
    handler: ({ ctx, body }) => openHandover(ctx, body),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/handovers/:id/accept',
    summary: 'Accept a handover (not one’s own)',
    tags,
    params: IdParams,
    body: HandoverAccept,
    response: HandoverDetail,
    handler: ({ ctx, params, body }) => answerHandover(ctx, params.id, { accept: true, note: body.note ?? null }),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/handovers/:id/refuse',
    summary: 'Refuse a handover with a reason; the outgoing officer may open it again',
    tags,
    params: IdParams,
    body: HandoverRefuse,
    response: HandoverDetail,
    handler: ({ ctx, params, body }) => answerHandover(ctx, params.id, { accept: false, reason: body.reason }),
  }),
];

const logRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/duty/log',
    summary: 'A desk’s duty log (值班日志), newest first, by duty day, shift, kind or words',
    tags,
    query: DutyLogQuery,
    response: DutyLogList,
    handler: ({ ctx, query }) => listLog(ctx, query),
  }),
  userRoute({
    method: 'POST',
    url: '/api/duty/log',
    summary: 'Write a duty log entry; the id comes from the client, so a replay is stored once (201 new, 200 replay)',
    tags,
    body: DutyLogCreate,
    response: DutyLogView,
    handler: async ({ ctx, body, reply }) => {
      const { entry, created } = await addLogEntry(ctx, body);
      void reply.status(created ? 201 : 200);
      return entry;
    },
  }),
];

export const dutyRosterRoutes: Route[] = [...rosterRoutes, ...swapRoutes, ...handoverRoutes, ...logRoutes];
