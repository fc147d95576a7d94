import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Empty, Flex, List, Spin, Tag, Typography, message } from 'antd';
import { RESPONSE_LEVEL_ROMAN, type ResponseProposal, type ResponseProposalItem } from '../../../contracts';
import { PageHeader } from '../../app/components/page-header';
import { useI18n } from '../../app/i18n';
import { responsesApi } from './api';
import { ExerciseFrame, ExerciseMark, LevelTag, WarningTag } from './labels';

/** 启动响应: the plans the warning should start (proposed by the plans' activation rules), each with its checklist and a start button. */
export default function StartResponsePage() {
  const [params] = useSearchParams();
  const warningId = params.get('warningId') ?? '';
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const [proposal, setProposal] = useState<ResponseProposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exercise, setExercise] = useState(false);
  const [starting, setStarting] = useState<string | null>(null);

  useEffect(() => {
    if (!warningId) return undefined;
    const c = new AbortController();
    responsesApi.proposals(warningId, c.signal).then(
      (p) => {
        setProposal(p);
        setError(null);
      },
      (e: unknown) => {
        if (!c.signal.aborted) setError(errorText(e));
      },
    );
    return () => c.abort();
  }, [warningId, errorText]);

  const start = async (item: ResponseProposalItem) => {
    setStarting(item.plan.id);
    try {
      const r = await responsesApi.start({ id: crypto.randomUUID(), warningId, planId: item.plan.id, level: item.level, exercise: proposal?.warning.exercise || exercise });
      void message.success(t('responses.new.started'));
      navigate(`/responses/${r.id}`);
    } catch (e) {
      void message.error(errorText(e));
      setStarting(null);
    }
  };

  if (!warningId) return <Alert type="warning" showIcon message={t('responses.new.noWarning')} />;
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!proposal) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  const w = proposal.warning;

  return (
    <ExerciseFrame exercise={w.exercise || exercise}>
      <PageHeader title={t('responses.new.title')}>
        <Flex gap={6} wrap align="center" style={{ marginTop: 8 }}>
          <ExerciseMark exercise={w.exercise} />
          <WarningTag type={w.type} level={w.level} />
          <Link to={`/warnings/${w.id}`}>{w.headline}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {w.identifier}
          </Typography.Text>
        </Flex>
      </PageHeader>
      <Checkbox data-testid="as-exercise" checked={w.exercise || exercise} disabled={w.exercise} onChange={(e) => setExercise(e.target.checked)} style={{ marginBottom: 12 }}>
        {w.exercise ? t('responses.new.exerciseWarning') : t('responses.new.asExercise')}
      </Checkbox>
      <Typography.Title level={5}>{t('responses.new.proposal')}</Typography.Title>
      {proposal.items.length ? null : <Empty description={t('responses.new.none')} />}
      <Flex vertical gap={16}>
        {proposal.items.map((item) => (
          <Card
            key={item.plan.id}
            size="small"
            data-testid="proposal"
            title={
              <Flex gap={6} wrap align="center" style={{ whiteSpace: 'normal', padding: '6px 0' }}>
                <Link to={`/plans/${item.plan.id}`}>{item.plan.name}</Link>
                <LevelTag level={item.level} />
                <Tag>{t(`responses.new.relation.${item.relation}`)}</Tag>
              </Flex>
            }
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.plan.unit.name} · {t('responses.new.place', { name: item.place.name })}
            </Typography.Text>
            <Typography.Paragraph strong style={{ margin: '8px 0 4px' }}>
              {t('responses.new.checklist', { level: RESPONSE_LEVEL_ROMAN[item.level], n: item.checklist.length })}
            </Typography.Paragraph>
            <List
              size="small"
              dataSource={item.checklist}
              locale={{ emptyText: t('responses.noTasks') }}
              renderItem={(a) => (
                <List.Item>
                  <div>
                    <div>
                      {a.position + 1}. {a.action}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.ownerPost}
                      {a.ownerPerson ? ` ${a.ownerPerson.name}` : ''} · {a.timeLimitMinutes ? t('responses.minutes', { n: a.timeLimitMinutes }) : t('responses.task.noLimit')}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
            <Flex gap={8} wrap style={{ marginTop: 12 }}>
              {item.runningId ? (
                <Link to={`/responses/${item.runningId}`}>
                  <Button type="primary" ghost>
                    {t('responses.new.running')}
                  </Button>
                </Link>
              ) : item.canStart ? (
                <Button type="primary" danger data-testid="start-response" loading={starting === item.plan.id} disabled={!!starting} onClick={() => void start(item)}>
                  {t('responses.new.start', { level: RESPONSE_LEVEL_ROMAN[item.level] })}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('responses.new.noPermission')}</Typography.Text>
              )}
            </Flex>
          </Card>
        ))}
      </Flex>
    </ExerciseFrame>
  );
}
