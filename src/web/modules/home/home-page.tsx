import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Col, Flex, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ApartmentOutlined, EnvironmentOutlined, HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { HomeSummary, UnitLevel } from '../../../contracts';
import { HomeSummary as HomeSummarySchema, UNIT_LEVELS } from '../../../contracts';
import { api } from '../../app/api';
import { useAuth, useMe } from '../../app/auth';
import { ComplianceBadge } from '../../app/components/compliance-badge';
import { useI18n, type MessageKey } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { useOpenLabels } from '../../app/labels';

type Station = HomeSummary['stations'][number];

const below = (level: UnitLevel, other: UnitLevel) => UNIT_LEVELS.indexOf(other) > UNIT_LEVELS.indexOf(level);

export default function HomePage() {
  const me = useMe();
  const { can } = useAuth();
  const { t, errorText } = useI18n();
  const labels = useOpenLabels();
  const [summary, setSummary] = useState<HomeSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<HomeSummary>('/home', { signal: controller.signal, schema: HomeSummarySchema })
      .then(setSummary)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      });
    return () => controller.abort();
  }, [errorText]);

  const primaryRole = me.roles[0]?.role;
  const level = summary?.unit.level ?? me.unit.level;

  const cards = useMemo(() => {
    const list: { key: MessageKey; value: number; icon: React.ReactNode }[] = [];
    if (!summary) return list;
    if (below(level, 'township')) list.push({ key: 'home.count.townships', value: summary.counts.townships, icon: <ApartmentOutlined /> });
    if (below(level, 'village')) list.push({ key: 'home.count.villages', value: summary.counts.villages, icon: <HomeOutlined /> });
    if (below(level, 'grid')) list.push({ key: 'home.count.grids', value: summary.counts.grids, icon: <EnvironmentOutlined /> });
    list.push({ key: 'home.count.people', value: summary.counts.people, icon: <TeamOutlined /> });
    if (can('accounts.manage')) list.push({ key: 'home.count.accounts', value: summary.counts.accounts, icon: <UserOutlined /> });
    return list;
  }, [summary, level, can]);

  const columns: TableColumnsType<Station> = [
    {
      title: t('common.name'),
      dataIndex: 'name',
      render: (name: string, station) => <Link to={`/org/units/${station.unitId}`}>{name}</Link>,
    },
    { title: t('common.code'), dataIndex: 'code', responsive: ['md'] },
    { title: t('org.field.level'), dataIndex: 'level', render: (value: UnitLevel) => t(`level.${value}`), responsive: ['lg'] },
    {
      title: t('compliance.meets'),
      key: 'compliance',
      render: (_, station) => <ComplianceBadge compliance={station.compliance} compact />,
      sorter: (a, b) => Number(a.compliance.meets) - Number(b.compliance.meets),
    },
  ];

  const meets = summary?.stations.filter((station) => station.compliance.meets).length ?? 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('home.greeting', { name: me.displayName })}
        </Typography.Title>
        {primaryRole ? <Typography.Paragraph type="secondary">{t(`home.intro.${primaryRole}`)}</Typography.Paragraph> : null}
        <Flex gap={24} wrap>
          <div>
            <Typography.Text type="secondary">{t('home.myUnit')}{t('common.colon')}</Typography.Text>
            {can('org.read') ? <Link to={`/org/units/${me.unit.id}`}>{me.unit.name}</Link> : me.unit.name}
            <Typography.Text type="secondary"> {me.unit.code}</Typography.Text>
          </div>
          <div>
            <Typography.Text type="secondary">{t('home.myRoles')}{t('common.colon')}</Typography.Text>
            {me.roles.map((grant) => (
              <Tag key={`${grant.role}:${grant.unitId}`} color="blue">
                {t(`role.${grant.role}`)} · {grant.unitName}
              </Tag>
            ))}
          </div>
        </Flex>
      </Card>

      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!summary && !error ? <Skeleton active /> : null}

      {summary ? (
        <>
          <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))' }}>
            {cards.map((card) => (
              <Card key={card.key} size="small">
                <Statistic title={t(card.key)} value={card.value} prefix={card.icon} />
              </Card>
            ))}
          </div>

          <Row gutter={[16, 16]}>
            <Col xs={24} xl={can('audit.read') ? 15 : 24}>
              <Card
                title={t('home.stations')}
                extra={summary.stations.length > 0 ? <Tag color={meets === summary.stations.length ? 'success' : 'warning'}>{t('home.stationsMeet', { meets, total: summary.stations.length })}</Tag> : null}
              >
                <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
                  {t('home.stationsHint')}
                </Typography.Paragraph>
                <Table<Station>
                  rowKey="unitId"
                  size="small"
                  columns={columns}
                  dataSource={summary.stations}
                  pagination={summary.stations.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                  scroll={{ x: 'max-content' }}
                  locale={{ emptyText: t('home.noStations') }}
                />
              </Card>
            </Col>
            {can('audit.read') ? (
              <Col xs={24} xl={9}>
                <Card title={t('home.recentAudit')} extra={<Link to="/audit">{t('home.viewAllAudit')}</Link>}>
                  {summary.recentAudit.length === 0 ? <Typography.Text type="secondary">{t('common.noData')}</Typography.Text> : null}
                  {summary.recentAudit.map((event) => (
                    <div key={event.id} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)', minWidth: 0 }}>
                      <div>
                        <Tag>{labels.action(event.action)}</Tag>
                        {event.summary ? <Typography.Text>{event.summary}</Typography.Text> : null}
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(event.at)} · {event.actor.displayName ?? event.actor.username ?? t('audit.system')}
                        {event.unit ? ` · ${event.unit.name}` : ''}
                      </Typography.Text>
                    </div>
                  ))}
                </Card>
              </Col>
            ) : null}
          </Row>
        </>
      ) : null}
    </Space>
  );
}
