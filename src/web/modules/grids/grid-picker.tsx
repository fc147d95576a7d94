import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { UnitDetail, UnitSummary } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { orgApi } from '../org/api';
import { UnitSelect } from '../org/unit-select';

type Props = { scope: UnitDetail; value?: string; onChange?: (id: string | undefined) => void; id?: string };

/** Chooses the grid a new record belongs to: among a village's grids, or by search in a larger area. */
export function GridPicker({ scope, value, onChange, id }: Props) {
  const { t } = useI18n();
  const [grids, setGrids] = useState<UnitSummary[] | null>(null);

  useEffect(() => {
    if (scope.level !== 'village') return;
    const controller = new AbortController();
    orgApi
      .units({ parentId: scope.id, level: 'grid', status: 'active', pageSize: LIMITS.pageSizeMax }, controller.signal)
      .then((page) => setGrids(page.items))
      .catch(() => setGrids([]));
    return () => controller.abort();
  }, [scope]);

  if (scope.level !== 'village') return <UnitSelect id={id} level="grid" value={value} onChange={(next) => onChange?.(next)} placeholder={t('grids.pickGrid')} />;
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      loading={grids === null}
      placeholder={t('grids.pickGrid')}
      options={(grids ?? []).map((g) => ({ value: g.id, label: g.name }))}
    />
  );
}
