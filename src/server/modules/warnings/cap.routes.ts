import { IdParams } from '../../../contracts';
import { WARNING_LIMITS } from '../../../contracts/warnings';
import { CAP_UPLOAD_FIELD, CapImportResult } from '../../../contracts/warnings-cap';
import { AppError } from '../../platform/errors/app-error';
import { readSingleFile } from '../../platform/http/multipart';
import { publicRoute, userRoute, type Route } from '../../platform/http/route';
import { ATOM_MEDIA_TYPE, CAP_MEDIA_TYPE, publicCapFeed, publicCapXml, warningCapXml } from './cap-export.service';
import { importCap } from './cap-import.service';

const tags = ['warnings'];

/** CAP requires UTF-8; anything else is refused like invalid XML. */
function utf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('CAP_INVALID', [{ path: '/', code: 'not_utf8', zh: '文件不是 UTF-8 编码的文本', en: 'The file is not UTF-8 text' }]);
  }
}

/** CAP 1.2 in and out: upload, a warning as CAP, and the public feed (its documents never name an exercise). */
export const capRoutes: Route[] = [
  userRoute({
    method: 'POST',
    url: '/api/warnings/cap',
    summary: 'Import a CAP 1.2 message (multipart, field "file"): 201 stored, 200 this sender and identifier were stored already; 400 CAP_INVALID or 422 CAP_NOT_MAPPABLE list the problems',
    tags,
    multipart: true,
    response: CapImportResult,
    handler: async ({ ctx, req, reply }) => {
      const file = await readSingleFile(req, CAP_UPLOAD_FIELD, { zh: '请选择 CAP 文件', en: 'Choose a CAP file' }, WARNING_LIMITS.capBytesMax);
      const result = await importCap(ctx, utf8(file.buffer), 'cap_upload');
      void reply.status(result.created ? 201 : 200);
      return result;
    },
  }),
  userRoute({
    method: 'GET',
    url: '/api/warnings/:id/cap.xml',
    summary: 'A warning as a CAP 1.2 document',
    tags,
    params: IdParams,
    produces: 'application/cap+xml',
    handler: async ({ ctx, params, reply }) => {
      const { xml, identifier } = await warningCapXml(ctx, params.id);
      return reply.type(CAP_MEDIA_TYPE).header('content-disposition', `inline; filename="${identifier.replace(/[^\w.-]/g, '_')}.xml"`).send(xml);
    },
  }),
  publicRoute({
    method: 'GET',
    url: '/api/public/cap/feed.xml',
    summary: 'Atom feed of the active real warnings (never exercises), each linking its CAP document',
    tags: ['public'],
    produces: 'application/atom+xml',
    rateLimit: 'publicRead',
    handler: async ({ deps, req, reply }) => {
      const base = deps.config.publicBaseUrl ?? `${req.protocol}://${req.host}`;
      return reply.type(ATOM_MEDIA_TYPE).send(await publicCapFeed(deps.db, base, deps.clock.now()));
    },
  }),
  publicRoute({
    method: 'GET',
    url: '/api/public/cap/:id.xml',
    summary: 'A real (not exercise), public warning as a CAP 1.2 document',
    tags: ['public'],
    params: IdParams,
    produces: 'application/cap+xml',
    rateLimit: 'publicRead',
    handler: async ({ deps, params, reply }) => reply.type(CAP_MEDIA_TYPE).send(await publicCapXml(deps.db, params.id)),
  }),
];
