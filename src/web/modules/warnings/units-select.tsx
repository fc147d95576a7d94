import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import type { UnitSummary } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { orgApi } from '../org/api';
import type { UnitOption } from '../org/unit-select';

type Props = {
  value?: string[];
  onChange?: (ids: string[], units: UnitOption[]) => void;
  /** Units behind the current value, so their names show before any search. */
  initial?: UnitOption[];
  placeholder?: string;
  id?: string;
};

/**
 * Several units at once (warning areas, issue targets). With nothing typed it offers the units
 * right below the user's own (a county's townships, a township's villages); typing searches the
 * whole scope by name or code, like UnitSelect.
 */
export function UnitsSelect({ value, onChange, initial, placeholder, id }: Props) {
  const { t } = useI18n();
  const me = useMe();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<UnitSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const known = useRef<Map<string, UnitOption>>(new Map());
  for (const u of initial ?? []) known.current.set(u.id, u);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      const q = query.trim();
      orgApi
        .units(q ? { q, status: 'active', pageSize: 30 } : { parentId: me.unit.id, status: 'active', pageSize: 50 }, controller.signal)
        .then((page) => setOptions(page.items))
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, me.unit.id]);

  const selectOptions = useMemo(() => {
    const list: UnitOption[] = [...options];
    for (const v of value ?? []) {
      const unit = known.current.get(v);
      if (unit && !list.some((u) => u.id === v)) list.unshift(unit);
    }
    return list.map((unit) => ({
      value: unit.id,
      title: unit.name,
      label: (
        <span>
          {unit.name} <Typography.Text type="secondary">{unit.code}</Typography.Text>
        </span>
      ),
      unit,
    }));
  }, [options, value]);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: (text) => setQuery(text.slice(0, LIMITS.searchMax)) }}
      value={value ?? []}
      placeholder={placeholder ?? t('common.unitPlaceholder')}
      style={{ width: '100%' }}
      onOpenChange={setOpen}
      notFoundContent={loading ? <Spin size="small" /> : t('org.noResults')}
      options={selectOptions}
      optionLabelProp="title"
      onChange={(next) => {
        for (const o of selectOptions) if (next.includes(o.value)) known.current.set(o.value, o.unit);
        setQuery('');
        onChange?.(
          next,
          next.flatMap((v) => known.current.get(v) ?? []),
        );
      }}
    />
  );
}
