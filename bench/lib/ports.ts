import net from 'node:net';

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1' }, () => srv.close(() => resolve(true)));
  });
}

/** A free loopback port in [from, to), tried in random order. */
export async function freePort(from: number, to: number): Promise<number> {
  const ports = Array.from({ length: to - from }, (_, i) => from + i).sort(() => Math.random() - 0.5);
  for (const p of ports) if (await isFree(p)) return p;
  throw new Error(`no free port in ${from}–${to}`);
}
