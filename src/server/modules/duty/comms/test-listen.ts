import pg from 'pg';
import { CHANNEL, type RealtimeEvent } from '../../../platform/realtime/bus';
import type { TestApp } from '../../../test/harness';

/**
 * Listens on the realtime channel of a test database and collects what is announced, so tests
 * can assert what a sweep or a request told the consoles (and that it told them once).
 */
export async function listenTo(t: TestApp) {
  const url = (t.pool as unknown as { options: { connectionString: string } }).options.connectionString;
  const client = new pg.Client({ connectionString: url });
  const events: RealtimeEvent[] = [];
  client.on('notification', (msg) => {
    if (msg.channel === CHANNEL && msg.payload) events.push(...(JSON.parse(msg.payload) as RealtimeEvent[]));
  });
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  return {
    events,
    /** Events of a type, once the notifications sent so far have arrived. */
    async of(type: string): Promise<RealtimeEvent[]> {
      // A round trip on the listening connection delivers every notification committed before it.
      await client.query('select 1');
      return events.filter((e) => e.type === type);
    },
    close: () => client.end(),
  };
}
