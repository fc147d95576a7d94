import { Image, Space, Timeline, Typography } from 'antd';
import type { HazardDetail, HazardEventView } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';

const COLOUR: Partial<Record<HazardEventView['action'], string>> = {
  report: 'blue',
  accept: 'green',
  reject: 'gray',
  merge: 'gray',
  fail: 'red',
  deny: 'red',
  escalate: 'red',
  reopen: 'orange',
};

/** 处理记录: every step with who, when (Beijing time), the state it led to, the note and photos. */
export function HazardTimeline({ events }: { events: HazardDetail['events'] }) {
  const { t } = useI18n();
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: COLOUR[e.action] ?? 'blue',
        content: (
          <div data-testid="timeline-event" data-action={e.action}>
            <Space size={6} wrap>
              <Typography.Text strong>{t(`hz.event.${e.action}`)}</Typography.Text>
              {e.fromState !== e.toState ? <Typography.Text type="secondary">→ {t(`hz.state.${e.toState}`)}</Typography.Text> : null}
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actor.id ? e.actor.name : t('hz.detail.system')} · {formatDateTime(e.at)}
              </Typography.Text>
            </div>
            {e.note ? <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{e.note}</div> : null}
            {e.photos.length > 0 ? (
              <Image.PreviewGroup>
                <Space size={6} wrap style={{ marginTop: 6 }}>
                  {e.photos.map((p) => (
                    <Image key={p.id} src={p.thumbUrl} preview={{ src: p.url }} width={64} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" />
                  ))}
                </Space>
              </Image.PreviewGroup>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
