import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Flex, Spin, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import type { PlanDetail } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../app/i18n/format';
import { useIsMobile } from '../../app/use-is-mobile';
import { plansApi } from './api';
import { DocumentTab } from './document-tab';
import { DrillsTab } from './drills-tab';
import { PlanStatusTag, RevisionDue } from './labels';
import { LevelsTab } from './levels-tab';
import { PlanFormModal } from './plan-form-modal';
import { RulesTab } from './rules-tab';

const TABS = ['overview', 'levels', 'rules', 'drills', 'document'] as const;
type TabKey = (typeof TABS)[number];

function Overview({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  return (
    <Descriptions size="small" column={isMobile ? 1 : 2} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
      <Descriptions.Item label={t('plans.field.unit')}>{plan.unit.name}</Descriptions.Item>
      <Descriptions.Item label={t('plans.field.status')}>
        <PlanStatusTag status={plan.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('plans.field.kind')}>{t(`planKind.${plan.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('plans.field.setting')}>{t(`planSetting.${plan.setting}`)}</Descriptions.Item>
      <Descriptions.Item label={t('plans.field.hazards')} span={isMobile ? 1 : 2}>
        <Flex gap={4} wrap>
          {plan.hazards.map((h) => (
            <Tag key={h} style={{ marginInlineEnd: 0 }}>
              {t(`planHazard.${h}`)}
            </Tag>
          ))}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('plans.field.version')}>{plan.version}</Descriptions.Item>
      <Descriptions.Item label={t('plans.field.approvedOn')}>{plan.approvedOn ? formatDate(plan.approvedOn) : t('plans.noDate')}</Descriptions.Item>
      <Descriptions.Item label={t('plans.field.revisionDue')}>
        <RevisionDue plan={plan} />
      </Descriptions.Item>
      <Descriptions.Item label={t('plans.field.lastDrill')}>
        {plan.lastDrill ? `${formatDate(plan.lastDrill.heldOn)} ${plan.lastDrill.scenario}` : <Typography.Text type="secondary">{t('plans.neverDrilled')}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('plans.field.document')} span={isMobile ? 1 : 2}>
        {plan.document ? <a href={plan.document.url}>{plan.document.fileName}</a> : <Typography.Text type="secondary">{t('plans.doc.none')}</Typography.Text>}
      </Descriptions.Item>
      {plan.summary ? (
        <Descriptions.Item label={t('plans.field.summary')} span={isMobile ? 1 : 2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{plan.summary}</div>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** One plan: its particulars, response levels with checklists, activation rules, drills and document, in tabs. */
export default function PlanDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, errorText } = useI18n();
  const [params, setParams] = useSearchParams();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [reload, setReload] = useState(0);
  const isMobile = useIsMobile();
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'overview';

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    plansApi
      .get(id, controller.signal)
      .then((p) => {
        setPlan(p);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      });
    return () => controller.abort();
  }, [id, reload, errorText]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!plan || plan.id !== id) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/plans">
          <ArrowLeftOutlined /> {t('plans.back')}
        </Link>
      </div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {plan.name}
          </Typography.Title>
          <PlanStatusTag status={plan.status} />
        </Flex>
        {plan.can.manage ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('plans.edit')}
          </Button>
        ) : null}
      </Flex>
      {plan.status === 'retired' ? <Alert type="info" showIcon title={t('plans.retiredReadOnly')} style={{ marginBottom: 12 }} /> : null}
      {plan.revisionOverdue && plan.revisionDue ? <Alert type="warning" showIcon title={t('plans.revisionOverdueBanner', { date: formatDate(plan.revisionDue) })} style={{ marginBottom: 12 }} /> : null}
      <Card size="small">
        <Tabs
          size={isMobile ? 'small' : 'middle'}
          tabBarGutter={isMobile ? 14 : undefined}
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'overview', label: t('plans.tab.overview'), children: <Overview plan={plan} /> },
            { key: 'levels', label: t(isMobile ? 'plans.tabShort.levels' : 'plans.tab.levels'), children: <LevelsTab plan={plan} onChange={setPlan} /> },
            { key: 'rules', label: t(isMobile ? 'plans.tabShort.rules' : 'plans.tab.rules'), children: <RulesTab key={plan.updatedAt} plan={plan} onChange={setPlan} /> },
            { key: 'drills', label: t('plans.tab.drills'), children: <DrillsTab plan={plan} onChanged={() => setReload((r) => r + 1)} /> },
            { key: 'document', label: t('plans.tab.document'), children: <DocumentTab plan={plan} onChange={setPlan} /> },
          ]}
        />
      </Card>
      <PlanFormModal
        open={editing}
        plan={plan}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          setPlan(saved);
        }}
      />
    </>
  );
}
