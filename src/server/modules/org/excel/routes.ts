import { z } from 'zod';
import { ImportPreview, ImportResult } from '../../../../contracts/org';
import { userRoute, type Route } from '../../../platform/http/route';
import { exportPeople, exportUnits } from './export.service';
import { readUpload, sendFile } from './http';
import { commitPeopleImport, previewPeopleImport } from './people-import.service';
import { commitUnitsImport, previewUnitsImport } from './units-import.service';
import { XLSX_MEDIA_TYPE } from './workbook';

const tags = ['org'];

/** Which part of the hierarchy to export: a unit's subtree, or (without it) the whole scope. */
const ExportQuery = z.object({ unitId: z.uuid().optional() });

export const excelRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/org/export/units.xlsx',
    summary: 'Units of my scope (or of a unit’s subtree) as an Excel sheet, which is also the import template',
    tags,
    query: ExportQuery,
    produces: XLSX_MEDIA_TYPE,
    handler: async ({ ctx, query, reply }) => sendFile(reply, await exportUnits(ctx, query.unitId)),
  }),
  userRoute({
    method: 'GET',
    url: '/api/org/export/people.xlsx',
    summary: 'People of my scope (or of a unit’s subtree) as an Excel sheet, which is also the import template',
    tags,
    query: ExportQuery,
    produces: XLSX_MEDIA_TYPE,
    handler: async ({ ctx, query, reply }) => sendFile(reply, await exportPeople(ctx, query.unitId)),
  }),
  userRoute({
    method: 'POST',
    url: '/api/org/import/units/preview',
    summary: 'What importing a units sheet would do, row by row (writes nothing)',
    tags,
    multipart: true,
    response: ImportPreview,
    handler: async ({ ctx, req }) => previewUnitsImport(ctx, (await readUpload(req)).buffer),
  }),
  userRoute({
    method: 'POST',
    url: '/api/org/import/units/commit',
    summary: 'Import a units sheet: all rows or, if any row has an error, none',
    tags,
    multipart: true,
    response: ImportResult,
    handler: async ({ ctx, req }) => {
      const upload = await readUpload(req);
      return commitUnitsImport(ctx, upload.buffer, upload.fileName);
    },
  }),
  userRoute({
    method: 'POST',
    url: '/api/org/import/people/preview',
    summary: 'What importing a people sheet would do, row by row (writes nothing)',
    tags,
    multipart: true,
    response: ImportPreview,
    handler: async ({ ctx, req }) => previewPeopleImport(ctx, (await readUpload(req)).buffer),
  }),
  userRoute({
    method: 'POST',
    url: '/api/org/import/people/commit',
    summary: 'Import a people sheet: all rows or, if any row has an error, none',
    tags,
    multipart: true,
    response: ImportResult,
    handler: async ({ ctx, req }) => {
      const upload = await readUpload(req);
      return commitPeopleImport(ctx, upload.buffer, upload.fileName);
    },
  }),
];
