import http from 'node:http';
import pg from 'pg';

/**
 * The baseline: the least a Node server can do for a hazard report — parse the JSON body and run
 * one INSERT on the same PostgreSQL (autocommit: one durable commit per request), with the same
 * pool size as the app. No session, no scope check, no validation, no audit, no roll-ups, no
 * detail read-back: what the app does on top of this is what the ratio prices.
 */
const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10), application_name: 'bench-baseline' });
pool.on('error', () => undefined);

const INSERT = `insert into bench_baseline_reports (id, unit_id, category_code, description, lat, lng, suggested_level, reported_at, received_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, now())`;

type Report = { id: string; unitId: string; categoryCode: string; description: string; lat: number; lng: number; suggestedLevel?: string; reportedAt: string };

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  if (req.method !== 'POST' || req.url !== '/hazards') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let r: Report;
    try {
      r = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Report;
    } catch {
      res.writeHead(400).end();
      return;
    }
    pool.query(INSERT, [r.id, r.unitId, r.categoryCode, r.description, r.lat, r.lng, r.suggestedLevel ?? 'general', r.reportedAt]).then(
      () => {
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: r.id }));
      },
      () => {
        res.writeHead(500).end();
      },
    );
  });
});

server.listen(port, '127.0.0.1');
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
