import { Link } from 'react-router';
import { Alert, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { PageHeader } from '../../app/components/page-header';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import type { MyWarning } from './api';
import { AnswerButtons } from './answer-buttons';
import { AnswerTag, ExerciseMark, ExerciseWatermark, LevelTag, WarningStatusTag, useWarningName } from './labels';
import { useMyWarnings, waitsOnAnswer } from './use-my-warnings';

function MyWarningCard({ item }: { item: MyWarning }) {
  const { t } = useI18n();
  const warningName = useWarningName();
  const { delivery: d, warning: w } = item;
  const active = w.status === 'active';
  return (
    <ExerciseWatermark exercise={w.exercise}>
      <Card
        size="small"
        data-testid="my-warning"
        data-escalated={item.escalatedToMe ? 'true' : 'false'}
        className={item.escalatedToMe ? 'warn-escalated' : undefined}
        style={item.escalatedToMe ? { borderColor: '#fa541c' } : waitsOnAnswer(item) ? { borderColor: '#cf1322' } : undefined}
        title={
          <Flex gap={8} align="center" wrap style={{ paddingBlock: 6 }}>
            <LevelTag level={w.level} />
            <ExerciseMark exercise={w.exercise} />
            <Link to={`/warnings/${w.id}`}>{warningName(w)}</Link>
            {!active ? <WarningStatusTag status={w.status} /> : null}
            {waitsOnAnswer(item) && !item.escalatedToMe ? <Tag color="red">{t('warn.mine.toAnswer')}</Tag> : null}
          </Flex>
        }
      >
        <Flex vertical gap={8}>
          {item.escalatedToMe ? (
            <Alert
              type="warning"
              showIcon
              title={t('warn.mine.escalated')}
              description={
                <Flex gap={12} wrap align="center">
                  <span data-testid="escalated-who">
                    {d.answer ? `${d.recipient.name}（${t(`role.${d.recipient.role}`)}）` : t('warn.mine.escalatedWho', { name: d.recipient.name, role: t(`role.${d.recipient.role}`) })}
                    {' · '}
                    {d.recipient.unit.name}
                  </span>
                  {d.recipient.phone ? (
                    <a href={`tel:${d.recipient.phone}`}>
                      <PhoneOutlined /> {d.recipient.phone}
                    </a>
                  ) : null}
                  {d.answer ? <AnswerTag answer={d.answer} /> : null}
                </Flex>
              }
            />
          ) : null}
          <Typography.Text strong style={{ fontSize: 15 }}>
            {w.headline}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: t('common.more') }}>
            {w.text}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {w.areaDesc} · {t('warn.mine.valid', { from: formatDateTime(w.effective), to: formatDateTime(w.expires) })} · {t('warn.mine.delivered', { time: formatDateTime(d.deliveredAt) })}
          </Typography.Text>
          {!item.escalatedToMe ? (
            <>
              {d.answer ? (
                <Flex gap={8} align="center" wrap>
                  <span>{t('warn.mine.answered', { answer: t(`warnAnswer.${d.answer}`), time: formatDateTime(d.answeredAt) })}</span>
                  {active ? <Typography.Text type="secondary">{t('warn.mine.change')}</Typography.Text> : null}
                </Flex>
              ) : null}
              {active ? <AnswerButtons deliveryId={d.id} current={d.answer} /> : <Typography.Text type="secondary">{t('warn.mine.ended')}</Typography.Text>}
            </>
          ) : null}
        </Flex>
      </Card>
    </ExerciseWatermark>
  );
}

/** 我的预警: what reached me to answer (叫应), and silences below me escalated to me. */
export default function MyWarningsPage() {
  const { t, errorText } = useI18n();
  const { items, error } = useMyWarnings();
  // Waiting on an answer first, then the newest.
  const sorted = [...(items ?? [])].sort((a, b) => Number(waitsOnAnswer(b)) - Number(waitsOnAnswer(a)));
  return (
    <>
      <PageHeader title={t('warn.mine.title')} />
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      {!items && !error ? <Spin style={{ display: 'block', margin: '10vh auto' }} /> : null}
      {items && !items.length ? <Empty description={t('warn.mine.empty')} /> : null}
      <Flex vertical gap={12} style={{ maxWidth: 960 }}>
        {sorted.map((item) => (
          <MyWarningCard key={`${item.delivery.id}:${item.escalatedToMe ? 'e' : 'm'}`} item={item} />
        ))}
      </Flex>
    </>
  );
}
