import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Badge, Button, Card, Col, Empty, Flex, List, Row, Switch, Tag, Typography } from 'antd';
import { PhoneOutlined, SoundOutlined } from '@ant-design/icons';
import { CommsOverdueList, ZeroReportDay as ZeroReportDaySchema, type CommsOverdueItem, type DutyConsole, type ZeroReportDay } from '../../../../contracts';
import { api } from '../../../app/api';
import { OnDutyCard } from '../roster/on-duty-card';
import { useAuth } from '../../../app/auth';
import { PageHeader } from '../../../app/components/page-header';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';
import { useLiveEvents } from '../../../app/live';
import { dutyApi } from './api';
import { IntakeModal } from './intake-modal';
import { Countdown, GradeTag, useKindName } from './labels';
import { ReportCard } from './report-card';
import './events.css';

const SOUND_KEY = 'lastmeter.duty.sound';
/** Items that arrived live stay highlighted this long. */
const FLASH_MS = 8_000;

/** A short two-tone chime through WebAudio (no audio file to load); silent if the browser refuses. */
function chime() {
  try {
    const Ctx = window.AudioContext;
    const ctx = new Ctx();
    const tone = (freq: number, start: number) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.25, ctx.currentTime + start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + start + 0.35);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + start);
      osc.stop(ctx.currentTime + start + 0.4);
    };
    tone(880, 0);
    tone(660, 0.25);
    window.setTimeout(() => void ctx.close(), 1000);
  } catch {
    // no sound on this browser
  }
}

function Section({ title, count, children, testId }: { title: string; count: number; children: ReactNode; testId: string }) {
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Flex gap={8} align="center">
          <span>{title}</span>
          <Badge count={count} showZero color={count ? '#cf1322' : '#bfbfbf'} />
        </Flex>
      }
    >
      {children}
    </Card>
  );
}

/**
 * 值班台: what needs the duty officer now, live. New calls, reports due within two hours (or late),
 * reports from below waiting for this level, and the answers from above arrive as server-sent
 * events from any app node; each arrival flashes and chimes (the chime can be switched off).
 */
export default function ConsolePage() {
  const { t, errorText } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const kindName = useKindName();
  const [data, setData] = useState<DutyConsole | null>(null);
  const [comms, setComms] = useState<CommsOverdueItem[]>([]);
  const [zero, setZero] = useState<ZeroReportDay | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sound, setSound] = useState(() => localStorage.getItem(SOUND_KEY) !== 'off');
  const [flash, setFlash] = useState<{ text: string; at: number } | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [intake, setIntake] = useState(false);
  const soundRef = useRef(sound);
  soundRef.current = sound;

  const load = useCallback(async () => {
    try {
      setData(await dutyApi.console());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
    // Equipment with overdue connectivity tests and today's zero reports: shown when readable.
    api.get<{ items: CommsOverdueItem[] }>('/duty/comms/equipment/overdue', { schema: CommsOverdueList }).then((r) => setComms(r.items), () => setComms([]));
    api.get<ZeroReportDay>('/duty/zero-reports', { schema: ZeroReportDaySchema }).then(setZero, () => setZero(null));
  }, [errorText]);
  useEffect(() => {
    void load();
    // Countdowns tick in the page; the lists themselves are refreshed every minute as a fallback.
    const timer = window.setInterval(() => void load(), 60_000);
    return () => window.clearInterval(timer);
  }, [load]);

  // Equipment tests, zero reports and handovers only refresh the lists; they do not chime.
  useLiveEvents(['duty.comms_overdue', 'duty.comms_tested', 'duty.zero_missing', 'duty.zero_report', 'duty.handover'], () => void load());
  useLiveEvents(
    ['duty.event', 'duty.report'],
    (d) => {
      const id = String(d.id ?? '');
      const text =
        d.action === 'received'
          ? t('duty.console.newIntake', { code: String(d.code ?? '') })
          : d.action === 'submitted'
            ? t('duty.console.newReport', { title: String(d.title ?? '') })
            : d.action === 'acknowledged'
              ? `${String(d.title ?? '')} · ${t('duty.console.answer.acknowledged', { by: String(d.by ?? '') })}`
              : d.action === 'returned'
                ? `${String(d.title ?? '')} · ${t('duty.console.answer.returned')}`
                : null;
      if (text) {
        setFlash({ text, at: Date.now() });
        setFresh((s) => new Set(s).add(id));
        window.setTimeout(() => setFresh((s) => { const n = new Set(s); n.delete(id); return n; }), FLASH_MS);
        if (soundRef.current) chime();
      }
      void load();
    },
    () => void load(),
  );

  const toggleSound = (on: boolean) => {
    setSound(on);
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    if (on) chime();
  };
  const isFresh = (id: string) => fresh.has(id);

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            {t('duty.console.title')}
            {data ? <Typography.Text type="secondary">· {data.unit.name}</Typography.Text> : null}
            <Tag color="green">{t('duty.console.live')}</Tag>
          </Flex>
        }
        extra={
          <>
            <Flex gap={6} align="center">
              <SoundOutlined />
              <Typography.Text>{t('duty.console.sound')}</Typography.Text>
              <Switch size="small" checked={sound} onChange={toggleSound} data-testid="console-sound" />
            </Flex>
            {can('duty.write') ? (
              <Button type="primary" icon={<PhoneOutlined />} onClick={() => setIntake(true)}>
                {t('duty.events.intake')}
              </Button>
            ) : null}
          </>
        }
      />
      {flash ? (
        <Alert key={flash.at} className="duty-console-flash" type="warning" showIcon closable message={flash.text} onClose={() => setFlash(null)} style={{ marginBottom: 12 }} data-testid="console-flash" />
      ) : null}
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      {data ? <OnDutyCard unitId={data.unit.id} /> : null}
      {data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Flex vertical gap={16}>
              <Section title={t('duty.console.due')} count={data.due.length} testId="console-due">
                {data.due.length ? (
                  <List
                    size="small"
                    dataSource={data.due}
                    renderItem={(d) => (
                      <List.Item className={isFresh(d.event.id) ? 'duty-fresh' : undefined} onClick={() => navigate(`/duty/events/${d.event.id}`)} style={{ cursor: 'pointer' }}>
                        <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
                          <span>
                            {d.event.code} · {d.event.unit.name} · {t(`duty.type.${d.event.type}`)}
                          </span>
                          <Countdown next={{ kind: d.kind, dueAt: d.dueAt, minutesLeft: d.minutesLeft }} />
                        </Flex>
                      </List.Item>
                    )}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.console.nothing')} />
                )}
              </Section>
              <Section title={t('duty.console.open')} count={data.openEvents.length} testId="console-open">
                {data.openEvents.length ? (
                  <List
                    size="small"
                    dataSource={data.openEvents}
                    renderItem={(e) => (
                      <List.Item className={isFresh(e.id) ? 'duty-fresh' : undefined} data-testid="console-event">
                        <Flex vertical style={{ width: '100%' }}>
                          <Flex justify="space-between" gap={8} wrap>
                            <Link to={`/duty/events/${e.id}`}>
                              {e.code} · {t(`duty.type.${e.type}`)}
                            </Link>
                            <GradeTag grade={e.grade} />
                          </Flex>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {formatDateTime(e.receivedAt)} · {e.unit.name} · {e.address}
                          </Typography.Text>
                        </Flex>
                      </List.Item>
                    )}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.console.nothing')} />
                )}
              </Section>
            </Flex>
          </Col>
          <Col xs={24} xl={12}>
            <Flex vertical gap={16}>
              {can('duty.review') ? (
                <Section title={t('duty.console.unanswered')} count={data.unanswered.length} testId="console-unanswered">
                  {data.unanswered.length ? (
                    <Flex vertical gap={8}>
                      {data.unanswered.map((r) => (
                        <div key={r.id} className={isFresh(r.id) ? 'duty-fresh' : undefined}>
                          <ReportCard report={r} showEvent compact onChanged={() => void load()} />
                        </div>
                      ))}
                    </Flex>
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.console.nothing')} />
                  )}
                </Section>
              ) : null}
              <Section title={t('duty.console.comms')} count={comms.length} testId="console-comms">
                {comms.length ? (
                  <List
                    size="small"
                    dataSource={comms}
                    renderItem={(c) => (
                      <List.Item>
                        <Flex vertical style={{ width: '100%' }}>
                          <span>
                            {c.unit.name} · {c.model} {c.identifier}
                          </span>
                          <Typography.Text type="danger" style={{ fontSize: 12 }}>
                            {t('duty.console.commsDue', { at: formatDateTime(c.nextTestDue), keeper: `${c.keeper.name} ${c.keeper.phone}` })}
                          </Typography.Text>
                        </Flex>
                      </List.Item>
                    )}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.console.nothing')} />
                )}
              </Section>
              {zero ? (
                <Section title={t('duty.console.zero', { day: zero.day })} count={zero.items.filter((z) => z.status === 'missing' || z.status === 'late').length} testId="console-zero">
                  <Flex gap={6} wrap>
                    {zero.items.map((z) => (
                      <Tag key={z.unit.id} color={z.status === 'missing' ? 'red' : z.status === 'late' ? 'orange' : z.status === 'pending' ? 'default' : 'green'}>
                        {z.unit.name} · {t(`zeroStatus.${z.status}`)}
                      </Tag>
                    ))}
                  </Flex>
                </Section>
              ) : null}
              <Section title={t('duty.console.answers')} count={data.answers.filter((a) => a.kind === 'returned').length} testId="console-answers">
                {data.answers.length ? (
                  <List
                    size="small"
                    dataSource={data.answers}
                    renderItem={(a) => (
                      <List.Item className={isFresh(a.report.id) ? 'duty-fresh' : undefined}>
                        <Flex vertical style={{ width: '100%' }}>
                          <Flex gap={8} wrap>
                            <Tag color={a.kind === 'returned' ? 'red' : 'green'}>{a.kind === 'returned' ? t('duty.report.return') : t('duty.report.acknowledged')}</Tag>
                            <Link to={`/duty/events/${a.report.eventId}`}>
                              {a.report.eventCode} · {kindName(a.report.kind, a.report.sequence)}
                            </Link>
                          </Flex>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {formatDateTime(a.at)} {a.by}
                            {a.kind === 'returned' && a.report.returnReason ? ` · ${a.report.returnReason}` : ''}
                          </Typography.Text>
                        </Flex>
                      </List.Item>
                    )}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.console.nothing')} />
                )}
              </Section>
            </Flex>
          </Col>
        </Row>
      ) : null}
      <IntakeModal
        open={intake}
        onClose={() => setIntake(false)}
        onSaved={(ev) => {
          setIntake(false);
          navigate(`/duty/events/${ev.id}`);
        }}
      />
    </>
  );
}
