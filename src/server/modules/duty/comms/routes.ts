import {
  CommsCreate,
  CommsEquipmentDetail,
  CommsList,
  CommsListQuery,
  CommsOverdueList,
  CommsOverdueQuery,
  CommsRetire,
  CommsTestCreate,
  CommsTestList,
  CommsTestListQuery,
  CommsTestView,
  CommsUpdate,
  IdParams,
  ZeroReportCreate,
  ZeroReportDay,
  ZeroReportDayQuery,
  ZeroReportRow,
  ZeroReportSettings,
  ZeroReportSettingsQuery,
  ZeroReportSettingsUpdate,
} from '../../../../contracts';
import { userRoute, type Route } from '../../../platform/http/route';
import { equipmentDetail, listEquipment, listOverdue, listTests } from './equipment.queries';
import { createEquipment, recordTest, retireEquipment, updateEquipment } from './equipment.service';
import { zeroReportDay, zeroReportSettings } from './zero-reports.queries';
import { sendZeroReport, updateZeroReportSettings } from './zero-reports.service';

const tags = ['duty'];
const EQUIPMENT = '/api/duty/comms/equipment';
const ZERO = '/api/duty/zero-reports';

export const dutyCommsRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: EQUIPMENT,
    summary: 'Comms equipment (通讯设备) in my scope, by unit subtree, kind, text, overdue test or failed test',
    tags,
    query: CommsListQuery,
    response: CommsList,
    handler: ({ ctx, query }) => listEquipment(ctx, query),
  }),
  userRoute({
    method: 'GET',
    url: `${EQUIPMENT}/overdue`,
    summary: 'Active equipment in a unit subtree whose connectivity test is overdue, longest overdue first (the live console)',
    tags,
    query: CommsOverdueQuery,
    response: CommsOverdueList,
    handler: ({ ctx, query }) => listOverdue(ctx, query.unitId),
  }),
  userRoute({
    method: 'GET',
    url: `${EQUIPMENT}/:id`,
    summary: 'An item of comms equipment with its recent tests and my abilities',
    tags,
    params: IdParams,
    response: CommsEquipmentDetail,
    handler: ({ ctx, params }) => equipmentDetail(ctx, params.id),
  }),
  userRoute({
    method: 'POST',
    url: EQUIPMENT,
    summary: 'Register comms equipment at a city, county, township or village',
    tags,
    body: CommsCreate,
    response: CommsEquipmentDetail,
    status: 201,
    handler: ({ ctx, body }) => createEquipment(ctx, body),
  }),
  userRoute({
    method: 'PATCH',
    url: `${EQUIPMENT}/:id`,
    summary: 'Edit comms equipment (audited with before and after)',
    tags,
    params: IdParams,
    body: CommsUpdate,
    response: CommsEquipmentDetail,
    handler: ({ ctx, params, body }) => updateEquipment(ctx, params.id, body),
  }),
  userRoute({
    method: 'POST',
    url: `${EQUIPMENT}/:id/retire`,
    summary: 'Retire comms equipment (no more tests are due)',
    tags,
    params: IdParams,
    body: CommsRetire,
    response: CommsEquipmentDetail,
    handler: ({ ctx, params, body }) => retireEquipment(ctx, params.id, body.reason),
  }),
  userRoute({
    method: 'GET',
    url: `${EQUIPMENT}/:id/tests`,
    summary: 'The connectivity tests of an item, newest first',
    tags,
    params: IdParams,
    query: CommsTestListQuery,
    response: CommsTestList,
    handler: ({ ctx, params, query }) => listTests(ctx, params.id, query),
  }),
  userRoute({
    method: 'POST',
    url: `${EQUIPMENT}/:id/tests`,
    summary: 'Record a connectivity test (联通测试); the id comes from the device, so a replay is stored once (201 new, 200 replay)',
    tags,
    params: IdParams,
    body: CommsTestCreate,
    response: CommsTestView,
    handler: async ({ ctx, params, body, reply }) => {
      const { test, created } = await recordTest(ctx, params.id, body);
      void reply.status(created ? 201 : 200);
      return test;
    },
  }),
  userRoute({
    method: 'GET',
    url: ZERO,
    summary: 'Zero reports (零报告) of a day: every township in my scope (or below a unit) with its status',
    tags,
    query: ZeroReportDayQuery,
    response: ZeroReportDay,
    handler: ({ ctx, query }) => zeroReportDay(ctx, query),
  }),
  userRoute({
    method: 'POST',
    url: ZERO,
    summary: "Send a township's zero report for today (今日无突发事件); once per day: a second send answers the stored one (201 new, 200 replay)",
    tags,
    body: ZeroReportCreate,
    response: ZeroReportRow,
    handler: async ({ ctx, body, reply }) => {
      const { row, created } = await sendZeroReport(ctx, body);
      void reply.status(created ? 201 : 200);
      return row;
    },
  }),
  userRoute({
    method: 'GET',
    url: `${ZERO}/settings`,
    summary: 'The hour by which a unit’s daily zero report is due, and where the setting comes from',
    tags,
    query: ZeroReportSettingsQuery,
    response: ZeroReportSettings,
    handler: ({ ctx, query }) => zeroReportSettings(ctx, query.unitId),
  }),
  userRoute({
    method: 'PUT',
    url: `${ZERO}/settings`,
    summary: 'Set or clear (null: follow the unit above) a unit’s zero-report hour',
    tags,
    body: ZeroReportSettingsUpdate,
    response: ZeroReportSettings,
    handler: ({ ctx, body }) => updateZeroReportSettings(ctx, body),
  }),
];
