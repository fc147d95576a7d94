import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { FileId, StoredFile } from '../../../contracts/files';
import { notFound } from '../errors/app-error';
import { readSingleFile } from '../http/multipart';
import { userRoute, type Route } from '../http/route';
import { storedFiles } from './schema';
import { storeImage } from './service';

const FileParams = z.object({ id: FileId });
const tags = ['files'];

/**
 * Photos are addressed by the SHA-256 of their bytes: knowing the id means having had the photo,
 * so any signed-in user may read one. Uploads are images only, checked by content.
 */
export const fileRoutes: Route[] = [
  userRoute({
    method: 'POST',
    url: '/api/files',
    summary: 'Upload an image (multipart field `file`); the same bytes are stored once',
    tags,
    multipart: true,
    response: StoredFile,
    handler: async ({ ctx, req, reply }) => {
      const file = await readSingleFile(req, 'file', { zh: '请选择图片', en: 'Choose an image' });
      const { file: stored, created } = await storeImage(ctx.db, ctx.files, file.buffer, ctx.actor.id);
      void reply.status(created ? 201 : 200);
      return stored;
    },
  }),
  userRoute({
    method: 'GET',
    url: '/api/files/:id',
    summary: 'An uploaded image',
    tags,
    params: FileParams,
    produces: 'image/*',
    handler: async ({ ctx, params, reply }) => {
      const [row] = await ctx.db.select().from(storedFiles).where(eq(storedFiles.id, params.id));
      const stream = row ? await ctx.files.read(row.id) : null;
      if (!row || !stream) throw notFound();
      return reply.type(row.mime).header('cache-control', 'private, max-age=31536000, immutable').send(stream);
    },
  }),
  userRoute({
    method: 'GET',
    url: '/api/files/:id/thumb',
    summary: 'A JPEG thumbnail of an uploaded image',
    tags,
    params: FileParams,
    produces: 'image/jpeg',
    handler: async ({ ctx, params, reply }) => {
      const stream = await ctx.files.read(`${params.id}.thumb`);
      if (!stream) throw notFound();
      return reply.type('image/jpeg').header('cache-control', 'private, max-age=31536000, immutable').send(stream);
    },
  }),
];

