import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, List, Popconfirm, Progress, Spin, Tag, Typography } from 'antd';
import { DashboardOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import type { WarningDetail, WarningIssueView } from '../../../contracts';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { Notice } from '../../app/components/notice';
import { PageHeader } from '../../app/components/page-header';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { useLiveEvents } from '../../app/live';
import { useIsMobile } from '../../app/use-is-mobile';
import { WARNING_EVENTS, warningsApi } from './api';
import { IssueFormModal } from './issue-form-modal';
import { ExerciseMark, ExerciseWatermark, LevelTag, WarningStatusTag, useWarningName } from './labels';

function IssueRow({ issue, canBoard }: { issue: WarningIssueView; canBoard: boolean }) {
  const { t } = useI18n();
  const percent = issue.recipients ? Math.round((issue.answered / issue.recipients) * 100) : 0;
  return (
    <List.Item
      data-testid="issue-row"
      actions={
        canBoard
          ? [
              <Link key="board" to={`/warnings/issues/${issue.id}/board`}>
                <Button icon={<DashboardOutlined />}>{t('warn.board')}</Button>
              </Link>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={t('warn.issuedBy', { name: issue.issuedBy, time: formatDateTime(issue.issuedAt) })}
        description={
          <Flex vertical gap={4}>
            <Flex gap={8} wrap>
              <Tag style={{ marginInlineEnd: 0 }}>{issue.unit.name}</Tag>
              <span>{t('warn.recipients', { n: issue.recipients })}</span>
              {issue.escalated ? <Tag color="volcano">{t('warn.escalatedN', { n: issue.escalated })}</Tag> : null}
              {!issue.requireAnswer ? <Tag>{t('warn.noAnswerNeeded')}</Tag> : null}
            </Flex>
            {issue.requireAnswer ? (
              <Flex align="center" gap={8} style={{ maxWidth: 360 }}>
                <Progress percent={percent} size="small" showInfo={false} style={{ flex: 1, margin: 0 }} />
                <span style={{ whiteSpace: 'nowrap' }}>{t('warn.answeredOf', { answered: issue.answered, total: issue.recipients })}</span>
              </Flex>
            ) : null}
            {issue.note ? <Typography.Text type="secondary">{issue.note}</Typography.Text> : null}
          </Flex>
        }
      />
    </List.Item>
  );
}

/** A warning: its text, areas and period, 发布 and the issues made with their answer progress. */
export default function WarningPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const warningName = useWarningName();
  const [w, setW] = useState<WarningDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [issuing, setIssuing] = useState(false);
  const [tick, setTick] = useState(0);

  const load = useCallback(
    (signal?: AbortSignal) =>
      warningsApi.get(id, signal).then(
        (next) => {
          setW(next);
          setError(null);
        },
        (e: unknown) => {
          if (!signal?.aborted) setError(e);
        },
      ),
    [id],
  );
  useEffect(() => {
    const c = new AbortController();
    void load(c.signal);
    return () => c.abort();
  }, [load, tick]);
  useLiveEvents(WARNING_EVENTS, (data) => (data.warningId === id ? setTick((n) => n + 1) : undefined), () => setTick((n) => n + 1));

  if (error && !w) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return <Notice kind={notFound ? 'info' : 'warning'} title={notFound ? '404' : t('error.unknown')} description={errorText(error)} />;
  }
  if (!w) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;

  const cancel = async () => {
    try {
      setW(await warningsApi.cancel(w.id));
      void message.success(t('warn.cancelled'));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <ExerciseWatermark exercise={w.exercise}>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <LevelTag level={w.level} style={{ fontSize: 16, lineHeight: '28px' }} />
            <ExerciseMark exercise={w.exercise} />
            <span>{warningName(w)}</span>
            <WarningStatusTag status={w.status} />
          </Flex>
        }
        extra={
          <>
            {w.can.issue ? (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setIssuing(true)}>
                {t('warn.issue')}
              </Button>
            ) : null}
            {w.can.cancel ? (
              <Popconfirm title={t('warn.cancelConfirm')} onConfirm={cancel} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                <Button danger icon={<StopOutlined />}>
                  {t('warn.cancel')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      {w.exercise ? <Alert type="info" showIcon title={t('warn.exerciseHint')} style={{ marginBottom: 16 }} /> : null}
      <Flex vertical gap={16}>
        <Card size="small" title={w.headline}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="warning-text">
            {w.text}
          </Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered layout={isMobile ? 'vertical' : 'horizontal'}>
            <Descriptions.Item label={t('warn.field.areas')}>
              <Flex vertical gap={4}>
                <span>{w.areaDesc}</span>
                <Flex gap={4} wrap>
                  {w.areaUnits.map((u) => (
                    <Tag key={u.id} style={{ marginInlineEnd: 0 }}>
                      {u.name}
                    </Tag>
                  ))}
                </Flex>
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('warn.field.period')}>
              {formatDateTime(w.effective)} — {formatDateTime(w.expires)}
            </Descriptions.Item>
            <Descriptions.Item label={t('warn.field.unit')}>{w.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('warn.field.source')}>{t(`warnSource.${w.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('warn.field.identifier')}>
              <Typography.Text code copyable>
                {w.identifier}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('warn.field.sentAt')}>{formatDateTime(w.sentAt)}</Descriptions.Item>
            {w.references.length ? (
              <Descriptions.Item label={t('warn.field.references')} span={2}>
                {w.references.join('、')}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <Card size="small" title={t('warn.issues')}>
          {w.issueList.length ? (
            <List<WarningIssueView> dataSource={w.issueList} renderItem={(issue) => <IssueRow issue={issue} canBoard={can('warnings.issue')} />} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('warn.noIssues')} />
          )}
        </Card>
      </Flex>
      {w.can.issue ? (
        <IssueFormModal
          warning={w}
          open={issuing}
          onClose={() => setIssuing(false)}
          onIssued={(issue) => {
            setIssuing(false);
            navigate(`/warnings/issues/${issue.id}/board`);
          }}
        />
      ) : null}
    </ExerciseWatermark>
  );
}
