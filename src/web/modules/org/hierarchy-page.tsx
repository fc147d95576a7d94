import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Col, Empty, Row } from 'antd';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../app/use-is-mobile';
import { UnitDetailPanel } from './unit-detail-panel';
import { UnitTreePanel } from './unit-tree-panel';
import { useUnitTree } from './use-unit-tree';

/** /org and /org/units/:unitId — the tree on the left (above on phones), the chosen unit on the right. */
export default function HierarchyPage() {
  const { unitId } = useParams();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { t } = useI18n();
  const [showRetired, setShowRetired] = useState(false);
  const tree = useUnitTree(showRetired);
  const { roots, loadChildren, reload } = tree;
  const [expanded, setExpanded] = useState<string[]>([]);

  useEffect(() => {
    if (!roots || roots.length === 0) return;
    if (!unitId) void navigate(`/org/units/${roots[0].id}`, { replace: true });
    const open = roots.filter((root) => root.childCount > 0).map((root) => root.id);
    for (const id of open) void loadChildren(id);
    setExpanded((current) => Array.from(new Set([...current, ...open])));
  }, [roots, unitId, navigate, loadChildren]);

  /** The detail knows the unit's ancestors: open them in the tree so the unit is visible there. */
  const revealPath = useCallback(
    (ancestorIds: string[]) => {
      for (const id of ancestorIds) void loadChildren(id);
      setExpanded((current) => Array.from(new Set([...current, ...ancestorIds])));
    },
    [loadChildren],
  );

  const select = useCallback((id: string) => void navigate(`/org/units/${id}`), [navigate]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={9} lg={7}>
        <UnitTreePanel
          tree={tree}
          selectedId={unitId}
          expandedKeys={expanded}
          onExpandedChange={setExpanded}
          onSelect={select}
          showRetired={showRetired}
          onShowRetiredChange={setShowRetired}
          maxHeight={isMobile ? 280 : 'calc(100vh - 230px)'}
        />
      </Col>
      <Col xs={24} md={15} lg={17}>
        {unitId ? (
          <UnitDetailPanel key={unitId} unitId={unitId} onPathKnown={revealPath} onChanged={reload} />
        ) : (
          <Empty description={t('org.selectUnit')} />
        )}
      </Col>
    </Row>
  );
}
