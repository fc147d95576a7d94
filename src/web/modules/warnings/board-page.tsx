import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Badge, Button, Card, Collapse, Flex, Progress, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import type { WarningBoard, WarningDelivery } from '../../../contracts';
import { ApiError } from '../../app/api';
import { Notice } from '../../app/components/notice';
import { PageHeader } from '../../app/components/page-header';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { useLiveEvents } from '../../app/live';
import { warningsApi } from './api';
import { AnswerTag, ExerciseMark, ExerciseWatermark, LevelTag, useWarningName } from './labels';

/** The escalation sweep runs every 15 s and announces nothing: the board looks again as often. */
const POLL_MS = 15_000;
const LIST_MAX = 200;

function Unanswered({ d }: { d: WarningDelivery }) {
  const { t } = useI18n();
  return (
    <div className={d.tier > 0 ? 'warn-person warn-escalated' : 'warn-person'} style={d.tier > 0 ? { paddingInline: 8 } : undefined} data-testid="unanswered" data-name={d.recipient.name}>
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong>{d.recipient.name}</Typography.Text> <Typography.Text type="secondary">{t(`role.${d.recipient.role}`)}</Typography.Text>
        <div style={{ fontSize: 12 }}>
          <Typography.Text type="secondary">{d.recipient.unit.name}</Typography.Text>
        </div>
        {d.escalatedTo.length ? (
          <div style={{ fontSize: 13 }} data-testid="escalated-to">
            {t('warn.board.escalatedTo')}
            {t('common.colon')}
            {d.escalatedTo.map((e) => `${e.name} · ${t(`role.${e.role}`)} · ${formatDateTime(e.at).slice(11)}`).join('；')}
          </div>
        ) : null}
        {d.nextEscalationAt ? (
          <div style={{ fontSize: 12 }}>
            <Typography.Text type="secondary">{t('warn.board.nextAt', { time: formatDateTime(d.nextEscalationAt) })}</Typography.Text>
          </div>
        ) : null}
      </div>
      <Flex vertical align="end" gap={4} style={{ flex: 'none' }}>
        {d.recipient.phone ? (
          <a href={`tel:${d.recipient.phone}`} style={{ whiteSpace: 'nowrap' }}>
            <PhoneOutlined /> {d.recipient.phone}
          </a>
        ) : null}
        {d.tier > 0 ? (
          <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
            {t('warn.board.tier', { n: d.tier })}
          </Tag>
        ) : null}
      </Flex>
    </div>
  );
}

function Answered({ d, fresh }: { d: WarningDelivery; fresh: boolean }) {
  const { t } = useI18n();
  return (
    <div className={fresh ? 'warn-person warn-flash' : 'warn-person'} data-testid="answered" data-name={d.recipient.name}>
      <div style={{ minWidth: 0 }}>
        <Typography.Text>{d.recipient.name}</Typography.Text> <Typography.Text type="secondary">{t(`role.${d.recipient.role}`)}</Typography.Text>
        <div style={{ fontSize: 12 }}>
          <Typography.Text type="secondary">
            {d.recipient.unit.name} · {formatDateTime(d.answeredAt)}
          </Typography.Text>
        </div>
      </div>
      {d.answer ? <AnswerTag answer={d.answer} /> : null}
    </div>
  );
}

function AreaCard({ area, fresh }: { area: WarningBoard['areas'][number]; fresh: Set<string> }) {
  const { t } = useI18n();
  const percent = area.recipients ? Math.round((area.answered / area.recipients) * 100) : 0;
  const open = area.recipients - area.answered;
  return (
    <Card
      size="small"
      data-testid="board-area"
      data-area={area.unit.name}
      title={
        <Flex justify="space-between" align="center" gap={8}>
          <span>{area.unit.name}</span>
          <Typography.Text style={{ fontWeight: 'normal' }} data-testid="area-progress">
            {t('warn.board.progress', { answered: area.answered, total: area.recipients })}
          </Typography.Text>
        </Flex>
      }
    >
      <Progress percent={percent} status={open === 0 && area.recipients > 0 ? 'success' : 'active'} strokeColor={open === 0 ? undefined : '#1f4e8c'} />
      {area.escalated ? (
        <Tag color="volcano" style={{ marginBottom: 8 }}>
          {t('warn.escalatedN', { n: area.escalated })}
        </Tag>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 4 }}>
        {t('warn.board.unanswered', { n: open })}
      </Typography.Title>
      {area.recipients === 0 ? (
        <Typography.Text type="secondary">{t('warn.board.noOne')}</Typography.Text>
      ) : open === 0 ? (
        <Typography.Text type="success">{t('warn.board.allAnswered')}</Typography.Text>
      ) : (
        <div>
          {area.unanswered.map((d) => (
            <Unanswered key={d.id} d={d} />
          ))}
          {open > LIST_MAX ? <Typography.Text type="secondary">{t('warn.board.truncated')}</Typography.Text> : null}
        </div>
      )}
      {area.answered > 0 ? (
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 8 }}
          defaultActiveKey={area.answered <= 10 ? ['done'] : []}
          items={[
            {
              key: 'done',
              label: t('warn.board.answeredList', { n: area.answered }),
              children: area.answeredList.map((d) => <Answered key={d.id} d={d} fresh={fresh.has(d.id)} />),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

/** 叫应看板: one issue, per area who answered, who has not (with their phones) and who was escalated; live. */
export default function BoardPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const warningName = useWarningName();
  const [board, setBoard] = useState<WarningBoard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const pendingFresh = useRef<Set<string>>(new Set());

  const load = useCallback(
    (signal: AbortSignal) => {
      setLoading(true);
      return warningsApi.board(id, signal).then(
        (next) => {
          setBoard(next);
          setError(null);
          setFresh(new Set(pendingFresh.current));
          pendingFresh.current.clear();
          setLoading(false);
        },
        (e: unknown) => {
          if (signal.aborted) return;
          setError(e);
          setLoading(false);
        },
      );
    },
    [id],
  );
  useEffect(() => {
    const c = new AbortController();
    void load(c.signal);
    return () => c.abort();
  }, [load, tick]);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), POLL_MS);
    return () => window.clearInterval(timer);
  }, []);
  useLiveEvents(
    ['warning.answer', 'warning.escalated'],
    (data) => {
      if (data.issueId !== id) return;
      if (typeof data.deliveryId === 'number' || typeof data.deliveryId === 'string') pendingFresh.current.add(String(data.deliveryId));
      setTick((n) => n + 1);
    },
    () => setTick((n) => n + 1),
  );

  if (error && !board) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return <Notice kind={notFound ? 'info' : 'warning'} title={notFound ? '404' : t('error.unknown')} description={errorText(error)} />;
  }
  if (!board) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  const w = board.warning;
  const totals = board.areas.reduce((s, a) => ({ total: s.total + a.recipients, answered: s.answered + a.answered, escalated: s.escalated + a.escalated }), { total: 0, answered: 0, escalated: 0 });

  return (
    <ExerciseWatermark exercise={w.exercise}>
      <Link to={`/warnings/${w.id}`}>
        <ArrowLeftOutlined /> {w.headline}
      </Link>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t('warn.boardTitle')}</span>
            <LevelTag level={w.level} />
            <ExerciseMark exercise={w.exercise} />
            <Typography.Text style={{ fontWeight: 'normal' }}>{warningName(w)}</Typography.Text>
          </Flex>
        }
        extra={
          <>
            <Badge status="processing" text={t('warn.board.live')} />
            <Button icon={<ReloadOutlined />} loading={loading} onClick={() => setTick((n) => n + 1)}>
              {t('common.refresh')}
            </Button>
          </>
        }
      >
        <Typography.Text type="secondary" data-testid="board-totals">
          {t('warn.issuedBy', { name: board.issue.issuedBy, time: formatDateTime(board.issue.issuedAt) })} · {t('warn.board.totals', totals)}
        </Typography.Text>
      </PageHeader>
      <div className="warn-board-grid">
        {board.areas.map((a) => (
          <AreaCard key={a.unit.id} area={a} fresh={fresh} />
        ))}
      </div>
    </ExerciseWatermark>
  );
}
