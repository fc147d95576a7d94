import { sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/client';
import type { Job } from '../../platform/jobs/runner';
import { drainChannelOutbox, LogAdapter, WebhookAdapter, type ChannelAdapter } from './channels';
import { sweepWarningEscalations } from './escalation.job';
import { capFeedJobs } from './cap-feed.job';

/** Warnings past their expiry end: nothing escalates any more. */
export async function expireWarnings(db: Db, now: Date): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    with ended as (update warnings set status = 'expired', updated_at = ${now} where status = 'active' and expires <= ${now} returning id),
    stopped as (update warning_deliveries set next_escalation_at = null where warning_id in (select id from ended) and answered_at is null and next_escalation_at is not null)
    select count(*)::int as n from ended`);
  return result.rows[0]?.n ?? 0;
}

/** The channels configured: the log always, a webhook when WARNING_WEBHOOK_URL is set. */
export function channelAdapters(config: Config, log: (line: string) => void): ChannelAdapter[] {
  return [new LogAdapter(log), ...(config.warningWebhookUrl ? [new WebhookAdapter(config.warningWebhookUrl)] : [])];
}

export function warningJobs(config: Config, log: (line: string) => void): Job[] {
  const adapters = channelAdapters(config, log);
  return [
    { name: 'warning escalations', everySeconds: 15, run: sweepWarningEscalations },
    { name: 'warning channel sends', everySeconds: 5, quiet: true, run: (db, now) => drainChannelOutbox(db, now, adapters) },
    { name: 'warnings expired', everySeconds: 60, run: expireWarnings },
    ...capFeedJobs(config, log),
  ];
}
