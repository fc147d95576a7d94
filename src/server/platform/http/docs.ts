import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const DOCS_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>LastMeter API 文档</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });`;

/** A browsable page over /api/openapi.json, served from the swagger-ui-dist package (no CDN). */
export async function registerApiDocs(app: FastifyInstance) {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  if (!fs.existsSync(path.join(root, 'swagger-ui-bundle.js'))) return;
  await app.register(fastifyStatic, { root, prefix: '/api/docs/assets/', decorateReply: false, wildcard: true });
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(DOCS_PAGE));
  app.get('/api/docs/init.js', async (_req, reply) => reply.type('application/javascript').send(INIT));
}
