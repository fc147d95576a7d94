import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Breadcrumb, Button, Card, Col, Dropdown, Flex, Row, Spin, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { UnitDetail } from '../../../contracts';
import { useAuth, useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/components/page-header';
import { useIsMobile } from '../../app/use-is-mobile';
import { orgApi } from '../org/api';
import { UnitSelect } from '../org/unit-select';
import { UnitTreePanel } from '../org/unit-tree-panel';
import { useUnitTree } from '../org/use-unit-tree';
import { exportUrl } from './api';
import { BoundaryTab } from './boundary-tab';
import { HouseholdsTab } from './households-tab';
import { ImportModal } from './import-modal';
import { VulnerableTab } from './vulnerable-tab';

const TABS = ['households', 'vulnerable', 'map'] as const;
type TabKey = (typeof TABS)[number];

/**
 * 网格管理 (/grids, /grids/:unitId): pick a village or grid (the tree on desktop, a search box on
 * phones), then its households (户籍), vulnerable people (重点人群) and grid boundaries (网格边界).
 */
export default function GridsPage() {
  const me = useMe();
  const { can } = useAuth();
  const { t, errorText } = useI18n();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { unitId = me.unit.id } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'households';
  const [unit, setUnit] = useState<UnitDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [version, setVersion] = useState(0);

  const [showRetired, setShowRetired] = useState(false);
  const tree = useUnitTree(showRetired);
  const { roots, loadChildren } = tree;
  const [expanded, setExpanded] = useState<string[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    orgApi
      .unit(unitId, controller.signal)
      .then(setUnit)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      });
    return () => controller.abort();
  }, [unitId, errorText]);

  // Open the tree down to the chosen unit: its visible ancestors, and the roots.
  useEffect(() => {
    if (isMobile || !roots) return;
    const open = [...roots.filter((r) => r.childCount > 0).map((r) => r.id), ...(unit?.breadcrumb.filter((b) => b.visible).map((b) => b.id) ?? [])];
    for (const id of open) void loadChildren(id);
    setExpanded((current) => Array.from(new Set([...current, ...open])));
  }, [roots, unit, isMobile, loadChildren]);

  const select = useCallback((id: string, nextTab?: TabKey) => void navigate(`/grids/${id}?tab=${nextTab ?? tab}`), [navigate, tab]);
  const current = unit && unit.id === unitId ? unit : null;

  const header = current ? (
    <Flex vertical gap={4} style={{ marginBottom: 8 }}>
      {current.breadcrumb.length > 0 ? (
        <Breadcrumb items={current.breadcrumb.map((b) => ({ title: b.visible ? <a onClick={() => select(b.id)}>{b.name}</a> : b.name }))} />
      ) : null}
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {current.name}
        </Typography.Title>
        <Tag style={{ marginInlineEnd: 0 }}>{t(`level.${current.level}`)}</Tag>
        <Typography.Text type="secondary">{current.code}</Typography.Text>
      </Flex>
    </Flex>
  ) : null;

  const body = error ? (
    <Alert type="error" showIcon title={error} />
  ) : !current ? (
    <Spin style={{ display: 'block', margin: 48 }} />
  ) : (
    <Card size="small">
      {header}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'households', label: t('grids.tab.households'), children: <HouseholdsTab key={`h${version}`} unit={current} /> },
          { key: 'vulnerable', label: t('grids.tab.vulnerable'), children: <VulnerableTab key={`v${version}`} unit={current} /> },
          { key: 'map', label: t('grids.tab.map'), children: <BoundaryTab unit={current} onOpenGrid={(id) => select(id, 'map')} /> },
        ]}
      />
    </Card>
  );

  return (
    <>
      <PageHeader
        title={t('grids.title')}
        extra={
          <>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'households', label: <a href={exportUrl('households', unitId)}>{t('grids.export.households')}</a> },
                  { key: 'vulnerable', label: <a href={exportUrl('vulnerable', unitId)}>{t('grids.export.vulnerable')}</a> },
                ],
              }}
            >
              <Button icon={<DownloadOutlined />}>{t('grids.export')}</Button>
            </Dropdown>
            {can('grids.manage') ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('grids.import')}
              </Button>
            ) : null}
          </>
        }
      />
      {isMobile ? (
        <>
          <UnitSelect
            value={unitId}
            initial={current ?? me.unit}
            onChange={(id) => select(id ?? me.unit.id)}
            placeholder={t('grids.pickUnit')}
            style={{ marginBottom: 12 }}
          />
          {body}
        </>
      ) : (
        <Row gutter={[16, 16]}>
          <Col md={8} lg={6}>
            <UnitTreePanel
              tree={tree}
              selectedId={unitId}
              expandedKeys={expanded}
              onExpandedChange={setExpanded}
              onSelect={(id) => select(id)}
              showRetired={showRetired}
              onShowRetiredChange={setShowRetired}
              maxHeight="calc(100vh - 260px)"
            />
          </Col>
          <Col md={16} lg={18}>
            {body}
          </Col>
        </Row>
      )}
      <ImportModal
        open={importing}
        onClose={(changed) => {
          setImporting(false);
          if (changed) setVersion((v) => v + 1);
        }}
      />
    </>
  );
}
