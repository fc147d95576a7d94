import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, DownloadOutlined, EditOutlined, RollbackOutlined, SnippetsOutlined } from '@ant-design/icons';
import type { BoundaryView, GeoPosition, GridFeatureCollection, GridGeometryView, UnitDetail, UnitSummary } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { lazyMap } from '../../app/map/lazy-map';
import { useIsMobile } from '../../app/use-is-mobile';
import { orgApi } from '../org/api';
import { gridsApi } from './api';
import { checkGeometry, issuePlace, issueText } from './geo-input';
import { GeoJsonModal } from './geojson-modal';

const LazyBoundaryMap = lazyMap(() => import('./boundary-map'));

type Props = { unit: UnitDetail; onOpenGrid: (gridId: string) => void };

/** Offers the boundary as a .geojson file (a Feature named after the grid). */
function download(boundary: BoundaryView) {
  const feature = { type: 'Feature', properties: { name: boundary.name, code: boundary.code }, geometry: boundary.geometry };
  const url = URL.createObjectURL(new Blob([JSON.stringify(feature)], { type: 'application/geo+json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${boundary.name}-${boundary.code}.geojson`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * 网格边界: the grid polygons of the chosen unit on a map. For a grid the user may edit, its
 * boundary is drawn by clicking corners on the map, or pasted / read from a GeoJSON file.
 */
export function BoundaryTab({ unit, onOpenGrid }: Props) {
  const { t, errorText, locale } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const isGrid = unit.level === 'grid';
  const [features, setFeatures] = useState<GridFeatureCollection['features'] | null>(null);
  const [boundary, setBoundary] = useState<BoundaryView | null>(null);
  const [grids, setGrids] = useState<UnitSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<GeoPosition[] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const load = async () => {
      try {
        // A grid is shown among its village's grids when the user can see the village.
        const village = isGrid && unit.breadcrumb.at(-1)?.visible ? unit.parentId : null;
        const [collection, own, children] = await Promise.all([
          gridsApi.boundaries(village ?? unit.id, signal),
          isGrid ? gridsApi.boundary(unit.id, signal) : null,
          unit.level === 'village' ? orgApi.units({ parentId: unit.id, level: 'grid', status: 'active', pageSize: LIMITS.pageSizeMax }, signal) : null,
        ]);
        setFeatures(collection.features);
        setBoundary(own);
        setGrids(children?.items ?? null);
        setError(null);
      } catch (caught) {
        if (!signal.aborted) setError(errorText(caught));
      }
    };
    void load();
    return () => controller.abort();
  }, [unit, isGrid, version, errorText]);

  const save = useCallback(
    async (geometry: GridGeometryView) => {
      const saved = await gridsApi.putBoundary(unit.id, { geometry });
      setBoundary(saved);
      setDraft(null);
      setPasting(false);
      setProblems([]);
      message.success(t('grids.map.saved'));
      setVersion((v) => v + 1);
    },
    [unit.id, message, t],
  );

  const finish = async () => {
    if (!draft) return;
    const checked = checkGeometry({ type: 'Polygon', coordinates: [[...draft, draft[0]!]] });
    if (!checked.ok) {
      setProblems(checked.issues.map((issue) => `${issuePlace(issue)} ${issueText(issue, locale, t)}`.trim()));
      return;
    }
    setSaving(true);
    try {
      await save(checked.geometry);
    } catch (caught) {
      setProblems([errorText(caught)]);
    } finally {
      setSaving(false);
    }
  };

  const missing = useMemo(() => {
    if (!grids || !features) return [];
    const drawn = new Set(features.map((f) => f.properties.unitId));
    return grids.filter((g) => !drawn.has(g.id));
  }, [grids, features]);

  const canEdit = isGrid && boundary?.can.update === true;
  const toolbar = !canEdit ? null : draft ? (
    <Flex wrap gap={8} align="center">
      <Typography.Text>{t('grids.map.drawingHint', { n: draft.length })}</Typography.Text>
      <Button icon={<RollbackOutlined />} disabled={draft.length === 0} onClick={() => setDraft(draft.slice(0, -1))}>
        {t('grids.map.undo')}
      </Button>
      <Button type="primary" icon={<CheckOutlined />} disabled={draft.length < 3} loading={saving} onClick={() => void finish()}>
        {t('grids.map.finish')}
      </Button>
      <Button
        icon={<CloseOutlined />}
        onClick={() => {
          setDraft(null);
          setProblems([]);
        }}
      >
        {t('common.cancel')}
      </Button>
    </Flex>
  ) : (
    <Flex wrap gap={8}>
      <Button type="primary" icon={<EditOutlined />} onClick={() => setDraft([])}>
        {boundary?.geometry ? t('grids.map.redraw') : t('grids.map.draw')}
      </Button>
      <Button icon={<SnippetsOutlined />} onClick={() => setPasting(true)}>
        {t('grids.map.paste')}
      </Button>
      {boundary?.geometry ? (
        <Button icon={<DownloadOutlined />} onClick={() => download(boundary)}>
          {t('grids.map.download')}
        </Button>
      ) : null}
    </Flex>
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {isGrid && boundary ? (
        <Flex wrap gap={8} align="center" justify="space-between">
          <Typography.Text type="secondary">
            {boundary.geometry ? t('grids.map.updatedAt', { at: formatDateTime(boundary.updatedAt) }) : t('grids.map.none')}
          </Typography.Text>
          {toolbar}
        </Flex>
      ) : !isGrid ? (
        <Typography.Text type="secondary">{t('grids.map.pickHint')}</Typography.Text>
      ) : null}
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('grids.geo.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <LazyBoundaryMap
        features={features ?? []}
        highlightId={isGrid ? unit.id : undefined}
        draft={draft}
        onMapClick={(position) => setDraft((current) => (current ? [...current, position] : current))}
        onFeatureClick={(id) => {
          if (id !== unit.id) onOpenGrid(id);
        }}
        fitKey={unit.id}
        labels={unit.level === 'village' || isGrid}
        height={isMobile ? 360 : 'max(400px, calc(100vh - 380px))'}
        label={t('grids.map.label', { name: unit.name })}
        noTilesText={t('grids.map.noTiles')}
        failedText={t('grids.map.failed')}
      />
      {features && !isGrid ? (
        <Flex wrap gap={6} align="center">
          <Typography.Text type="secondary">{t('grids.map.count', { n: features.length })}</Typography.Text>
          {missing.length > 0 ? (
            <>
              <Typography.Text type="secondary">{t('grids.map.missing')}</Typography.Text>
              {missing.map((g) => (
                <Tag key={g.id} color="orange" style={{ cursor: 'pointer' }} onClick={() => onOpenGrid(g.id)}>
                  {g.name}
                </Tag>
              ))}
            </>
          ) : null}
        </Flex>
      ) : null}
      {canEdit ? (
        <GeoJsonModal
          open={pasting}
          gridName={unit.name}
          onClose={() => setPasting(false)}
          onSubmit={async (geometry) => {
            try {
              await save(geometry);
              return null;
            } catch (caught) {
              return errorText(caught);
            }
          }}
        />
      ) : null}
    </Space>
  );
}
