import { useEffect, useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import type { PersonView } from '../../../../contracts';
import { LIMITS } from '../../../../contracts';
import { useI18n } from '../../../app/i18n';
import { orgApi } from '../../org/api';

export type KeeperOption = { id: string; name: string; phone: string };

type Props = {
  /** The equipment's unit: keepers are its own people in post. */
  unitId?: string;
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** The keeper behind the current value, so the name shows before the list loads. */
  initial?: KeeperOption | null;
  id?: string;
};

/** Picks the keeper (保管人) among the people in post at the equipment's unit. */
export function KeeperSelect({ unitId, value, onChange, initial, id }: Props) {
  const { t } = useI18n();
  const [people, setPeople] = useState<PersonView[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!unitId) return;
    const controller = new AbortController();
    setLoading(true);
    orgApi
      .people({ unitId, subtree: false, status: 'active', pageSize: LIMITS.pageSizeMax }, controller.signal)
      .then((page) => setPeople(page.items))
      .catch(() => setPeople([]))
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [unitId]);

  const options = useMemo(() => {
    const list: KeeperOption[] = unitId ? people.map((p) => ({ id: p.id, name: p.name, phone: p.phone })) : [];
    if (value && initial?.id === value && !list.some((p) => p.id === value)) list.unshift(initial);
    return list.map((p) => ({
      value: p.id,
      search: `${p.name} ${p.phone}`,
      label: (
        <span>
          {p.name} <Typography.Text type="secondary">{p.phone}</Typography.Text>
        </span>
      ),
    }));
  }, [people, unitId, value, initial]);

  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      loading={loading}
      disabled={!unitId}
      placeholder={unitId ? t('comms.keeperPlaceholder') : t('comms.keeperUnitFirst')}
      showSearch={{ optionFilterProp: 'search' }}
      notFoundContent={t('comms.noKeepers')}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
