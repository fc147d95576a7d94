import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import type { UnitLevel, UnitSummary } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { orgApi } from './api';

export type UnitOption = { id: string; name: string; code: string; level?: UnitLevel };

type Props = {
  value?: string | null;
  onChange?: (id: string | undefined, unit: UnitOption | undefined) => void;
  /** Only units of this level (a role's level, a new parent's level). */
  level?: UnitLevel;
  /** The unit behind the current value, so its name shows before any search. */
  initial?: UnitOption | null;
  /** Units that may not be chosen (the unit being moved, its current parent). */
  exclude?: string[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  style?: React.CSSProperties;
};

/** A unit picker that searches the user's whole scope by name or code. */
export function UnitSelect({ value, onChange, level, initial, exclude, placeholder, allowClear, disabled, id, style }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<UnitSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const chosen = useRef<Map<string, UnitOption>>(new Map());
  if (initial) chosen.current.set(initial.id, initial);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      orgApi
        .units({ q: query.trim() || undefined, level, status: 'active', pageSize: 30 }, controller.signal)
        .then((page) => setOptions(page.items))
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, level]);

  const selectOptions = useMemo(() => {
    const excluded = new Set(exclude ?? []);
    const list: UnitOption[] = options.filter((unit) => !excluded.has(unit.id));
    if (value && !list.some((unit) => unit.id === value)) {
      // `initial` may arrive after the first render (the caller loads it): its name shows then.
      const known = initial?.id === value ? initial : chosen.current.get(value);
      if (known) list.unshift(known);
    }
    return list.map((unit) => ({
      value: unit.id,
      label: (
        <span>
          {unit.name} <Typography.Text type="secondary">{unit.code}</Typography.Text>
        </span>
      ),
      unit,
    }));
  }, [options, value, exclude, initial]);

  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: (text) => setQuery(text.slice(0, LIMITS.searchMax)) }}
      value={value ?? undefined}
      placeholder={placeholder ?? t('common.unitPlaceholder')}
      allowClear={allowClear}
      disabled={disabled}
      style={{ width: '100%', ...style }}
      onOpenChange={setOpen}
      notFoundContent={loading ? <Spin size="small" /> : t('org.noResults')}
      options={selectOptions}
      onChange={(next) => {
        const unit = selectOptions.find((option) => option.value === next)?.unit;
        if (unit) chosen.current.set(unit.id, unit);
        onChange?.(next ?? undefined, unit);
      }}
    />
  );
}
