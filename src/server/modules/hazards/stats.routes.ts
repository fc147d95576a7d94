import { HazardStats, HazardStatsQuery } from '../../../contracts';
import { userRoute, type Route } from '../../platform/http/route';
import { sendFile } from '../org/excel/http';
import { XLSX_MEDIA_TYPE } from '../org/excel/workbook';
import { statsFileName, writeStatsWorkbook } from './stats-sheet';
import { hazardStats } from './stats.service';

const tags = ['hazards'];

/** 统计分析: figures of a unit in scope (404 otherwise), from the monthly roll-ups. */
export const hazardStatsRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/hazards/stats',
    summary: 'Hazards found, closed, overdue, closure rate and mean days to close of a unit, by category, month and child unit',
    tags,
    query: HazardStatsQuery,
    response: HazardStats,
    handler: ({ ctx, query }) => hazardStats(ctx, query),
  }),
  userRoute({
    method: 'GET',
    url: '/api/hazards/stats.xlsx',
    summary: 'The same statistics as an Excel workbook (汇总, 按类别, 按月份, 下级单位)',
    tags,
    query: HazardStatsQuery,
    produces: XLSX_MEDIA_TYPE,
    handler: async ({ ctx, query, reply }) => {
      const stats = await hazardStats(ctx, query);
      return sendFile(reply, statsFileName(stats, await writeStatsWorkbook(stats)));
    },
  }),
];
