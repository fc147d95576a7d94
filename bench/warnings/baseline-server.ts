import http from 'node:http';
import pg from 'pg';

/**
 * The answer baseline: the least a Node server can do for a 叫应 answer — parse the JSON body and
 * run one UPDATE of the delivery by id on the same PostgreSQL (autocommit: one durable commit per
 * request), with the app's pool size. No session, no ownership check, no audit entry, no
 * notification, no read-back: what the app does on top of this is what the ratio prices.
 */
const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10), application_name: 'bench-baseline' });
pool.on('error', () => undefined);

const UPDATE = {
  name: 'answer',
  text: `update warning_deliveries set answer = $1, answer_note = $2, answered_via = 'app', answered_at = coalesce(answered_at, now()), next_escalation_at = null where id = $3`,
};

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  const m = /^\/answer\/(\d+)$/.exec(req.url ?? '');
  if (req.method !== 'POST' || !m) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let body: { answer: string; note?: string };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { answer: string; note?: string };
    } catch {
      res.writeHead(400).end();
      return;
    }
    pool.query({ ...UPDATE, values: [body.answer, body.note ?? null, m[1]] }).then(
      (r) => {
        if (r.rowCount === 1) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: m[1], answer: body.answer }));
        else res.writeHead(404).end();
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
