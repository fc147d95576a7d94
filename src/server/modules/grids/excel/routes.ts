import { z } from 'zod';
import { GridImportPreview, GridImportResult } from '../../../../contracts/grids';
import { userRoute, type Route } from '../../../platform/http/route';
import { readUpload, sendFile } from '../../org/excel/http';
import { XLSX_MEDIA_TYPE } from '../../org/excel/workbook';
import { exportHouseholds, exportVulnerable } from './export.service';
import { commitHouseholdsImport, commitVulnerableImport, previewHouseholdsImport, previewVulnerableImport } from './import.service';

const tags = ['grids'];

/** Which part of the hierarchy to export: a unit's subtree, or (without it) the whole scope. */
const ExportQuery = z.object({ unitId: z.uuid().optional() });

export const gridExcelRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/grids/export/households.xlsx',
    summary: 'Households of my scope (or of a unit’s subtree) as an Excel sheet, which is also the import template',
    tags,
    query: ExportQuery,
    produces: XLSX_MEDIA_TYPE,
    handler: async ({ ctx, query, reply }) => sendFile(reply, await exportHouseholds(ctx, query.unitId)),
  }),
  userRoute({
    method: 'GET',
    url: '/api/grids/export/vulnerable.xlsx',
    summary: 'Vulnerable people of my scope (or of a unit’s subtree) as an Excel sheet, which is also the import template',
    tags,
    query: ExportQuery,
    produces: XLSX_MEDIA_TYPE,
    handler: async ({ ctx, query, reply }) => sendFile(reply, await exportVulnerable(ctx, query.unitId)),
  }),
  userRoute({
    method: 'POST',
    url: '/api/grids/import/households/preview',
    summary: 'What importing a households sheet would do, row by row (writes nothing)',
    tags,
    multipart: true,
    response: GridImportPreview,
    handler: async ({ ctx, req }) => previewHouseholdsImport(ctx, (await readUpload(req)).buffer),
  }),
  userRoute({
    method: 'POST',
    url: '/api/grids/import/households/commit',
    summary: 'Import a households sheet: all rows or, if any row has an error, none',
    tags,
    multipart: true,
    response: GridImportResult,
    handler: async ({ ctx, req }) => {
      const upload = await readUpload(req);
      return commitHouseholdsImport(ctx, upload.buffer, upload.fileName);
    },
  }),
  userRoute({
    method: 'POST',
    url: '/api/grids/import/vulnerable/preview',
    summary: 'What importing a vulnerable people sheet would do, row by row (writes nothing)',
    tags,
    multipart: true,
    response: GridImportPreview,
    handler: async ({ ctx, req }) => previewVulnerableImport(ctx, (await readUpload(req)).buffer),
  }),
  userRoute({
    method: 'POST',
    url: '/api/grids/import/vulnerable/commit',
    summary: 'Import a vulnerable people sheet: all rows or, if any row has an error, none',
    tags,
    multipart: true,
    response: GridImportResult,
    handler: async ({ ctx, req }) => {
      const upload = await readUpload(req);
      return commitVulnerableImport(ctx, upload.buffer, upload.fileName);
    },
  }),
];
