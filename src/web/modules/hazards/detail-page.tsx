import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Image, Row, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { HazardActionName, HazardDetail } from '../../../contracts';
import { ApiError } from '../../app/api';
import { Notice } from '../../app/components/notice';
import { PageHeader } from '../../app/components/page-header';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { lazyMap } from '../../app/map/lazy-map';
import { useIsMobile } from '../../app/use-is-mobile';
import { hazardsApi } from './api';
import { ActionModal } from './action-modal';
import { HazardTags, LevelTag, useCategoryName } from './labels';
import { HazardTimeline } from './timeline';

const LazyMap = lazyMap(() => import('./map-view'));

/** The step each state is waiting for comes first and stands out; refusals are red. */
const PRIMARY = new Set<HazardActionName>(['verify', 'grade', 'approve', 'assign', 'submit', 'accept']);
const DANGER = new Set<HazardActionName>(['reject', 'deny', 'fail']);

/** A hazard: photos, place, description, reporter, level, 五到位, the timeline, and the steps I may take now. */
export default function DetailPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const categoryName = useCategoryName();
  const [hazard, setHazard] = useState<HazardDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<HazardActionName | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setHazard(null);
    setError(null);
    hazardsApi.get(id, controller.signal).then(setHazard, (e: unknown) => {
      if (!controller.signal.aborted) setError(e);
    });
    return () => controller.abort();
  }, [id]);

  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return <Notice kind="info" title="404" description={errorText(error)} extra={<Link to="/hazards">{t('hz.detail.back')}</Link>} />;
  }
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!hazard) return <Spin style={{ display: 'block', margin: '80px auto' }} />;

  const h = hazard;
  const a = h.assignment;
  const mapTexts = { label: t('hz.detail.location'), noTiles: t('hz.map.noTiles'), open: t('hz.map.open'), hazards: t('hz.map.layerHazards'), risks: t('hz.map.layerRisks'), grids: t('hz.map.layerGrids') };

  return (
    <>
      <PageHeader
        title={
          <span>
            {t('hz.detail.info')} <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>{h.code}</Typography.Text>
          </span>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
            {t('hz.detail.back')}
          </Button>
        }
      >
        <div style={{ marginTop: 8 }}>
          <HazardTags hazard={h} />
        </div>
      </PageHeader>

      <Card size="small" style={{ marginBottom: 16 }}>
        {h.can.length ? (
          <Flex wrap gap={8} data-testid="hazard-actions">
            {[...h.can]
              .sort((x, y) => Number(PRIMARY.has(y)) - Number(PRIMARY.has(x)))
              .map((name) => (
                <Button key={name} type={PRIMARY.has(name) ? 'primary' : 'default'} danger={DANGER.has(name)} onClick={() => setAction(name)}>
                  {t(`hz.action.${name}`)}
                </Button>
              ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('hz.detail.noActions')}</Typography.Text>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('hz.detail.info')}>
              <Descriptions
                size="small"
                column={isMobile ? 1 : 2}
                items={[
                  { key: 'category', label: t('hz.detail.category'), children: categoryName(h.category) },
                  { key: 'level', label: t('hz.detail.level'), children: h.level ? <LevelTag level={h.level} /> : `${t('hz.detail.notGraded')}（${t('hz.detail.suggestedLevel')}：${t(`hz.level.${h.suggestedLevel}`)}）` },
                  { key: 'description', label: t('hz.detail.description'), span: isMobile ? 1 : 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{h.description}</span> },
                  { key: 'unit', label: t('hz.detail.unit'), children: h.unit.name },
                  { key: 'address', label: t('hz.detail.address'), children: h.address ?? '—' },
                  { key: 'reporter', label: t('hz.detail.reporter'), children: h.reporter.phone ? `${h.reporter.name}（${h.reporter.phone}）` : h.reporter.name },
                  { key: 'source', label: t('hz.detail.source'), children: t(`hz.source.${h.source}`) },
                  { key: 'reportedAt', label: t('hz.detail.reportedAt'), children: formatDateTime(h.reportedAt) },
                  { key: 'receivedAt', label: t('hz.detail.receivedAt'), children: formatDateTime(h.receivedAt) },
                  {
                    key: 'coords',
                    label: t('hz.detail.coords'),
                    children: `${h.lat.toFixed(5)}, ${h.lng.toFixed(5)}${h.accuracy !== null ? `（${t('hz.detail.accuracy', { m: Math.round(h.accuracy) })}）` : ''}`,
                  },
                  ...(h.mergedInto ? [{ key: 'merged', label: t('hz.detail.mergedInto'), children: <Link to={`/hazards/${h.mergedInto.id}`}>{h.mergedInto.code}</Link> }] : []),
                ]}
              />
            </Card>

            <Card size="small" title={t('hz.detail.photos')}>
              {h.photos.length ? (
                <Image.PreviewGroup>
                  <Space size={8} wrap>
                    {h.photos.map((p) => (
                      <Image key={p.id} src={p.thumbUrl} preview={{ src: p.url }} width={120} height={90} style={{ objectFit: 'cover', borderRadius: 6 }} alt={t('hz.detail.photos')} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              ) : (
                <Typography.Text type="secondary">{t('hz.detail.noPhotos')}</Typography.Text>
              )}
            </Card>

            <Card size="small" title={t('hz.detail.assignment')}>
              {a ? (
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'unit', label: t('hz.field.responsibleUnit'), children: a.responsibleUnit.name },
                    { key: 'person', label: t('hz.field.responsiblePerson'), children: a.responsiblePerson.phone ? `${a.responsiblePerson.name}（${a.responsiblePerson.phone}）` : a.responsiblePerson.name },
                    { key: 'deadline', label: t('hz.field.deadline'), children: formatDateTime(a.deadline) },
                    { key: 'measures', label: t('hz.field.measures'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.measures}</span> },
                    { key: 'funds', label: t('hz.field.funds'), children: a.funds },
                    { key: 'plan', label: t('hz.field.contingencyPlan'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.contingencyPlan}</span> },
                  ]}
                />
              ) : (
                <Typography.Text type="secondary">{t('hz.detail.notAssigned')}</Typography.Text>
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('hz.detail.location')}>
              <LazyMap
                single
                height={isMobile ? 200 : 240}
                hazards={[{ id: h.id, lat: h.lat, lng: h.lng, state: h.state, overdue: h.overdue, title: categoryName(h.category), lines: [h.unit.name, h.address ?? ''].filter(Boolean) }]}
                texts={mapTexts}
                failedText={t('hz.map.failed')}
              />
            </Card>
            <Card size="small" title={t('hz.detail.timeline')}>
              {h.events.length ? <HazardTimeline events={h.events} /> : <Empty />}
            </Card>
          </Flex>
        </Col>
      </Row>
      <ActionModal
        hazard={h}
        action={action}
        onClose={() => setAction(null)}
        onDone={(next) => {
          setAction(null);
          setHazard(next);
        }}
      />
    </>
  );
}
