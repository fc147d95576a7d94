import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Select, Spin, Typography } from 'antd';
import { LIMITS } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { gridsApi } from './api';

export type Option = { id: string; label: ReactNode; text: string };

type SearchSelectProps = {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The option behind the current value, so it shows before any search. */
  initial?: Option | null;
  /** Loads the options for a search text. */
  search: (q: string | undefined, signal: AbortSignal) => Promise<Option[]>;
  placeholder: string;
  empty: string;
  disabled?: boolean;
  id?: string;
};

/** A select that asks the server as the user types; clearing it chooses "none". */
function SearchSelect({ value, onChange, initial, search, placeholder, empty, disabled, id }: SearchSelectProps) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const known = useRef(new Map<string, Option>());
  if (initial) known.current.set(initial.id, initial);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      search(query.trim() || undefined, controller.signal)
        .then(setOptions)
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, search]);

  const selectOptions = useMemo(() => {
    const list = [...options];
    const current = value ? known.current.get(value) : undefined;
    if (current && !list.some((o) => o.id === current.id)) list.unshift(current);
    return list.map((o) => ({ value: o.id, label: o.label, option: o }));
  }, [options, value]);

  return (
    <Select<string>
      id={id}
      allowClear
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: (text) => setQuery(text.slice(0, LIMITS.searchMax)) }}
      value={value ?? undefined}
      placeholder={placeholder}
      onOpenChange={setOpen}
      notFoundContent={loading ? <Spin size="small" /> : empty}
      options={selectOptions}
      onChange={(next) => {
        const chosen = selectOptions.find((o) => o.value === next)?.option;
        if (chosen) known.current.set(chosen.id, chosen);
        onChange?.(next ?? null);
      }}
    />
  );
}

const secondary = (main: string, extra: string) => (
  <span>
    {main} <Typography.Text type="secondary">{extra}</Typography.Text>
  </span>
);

export const householdOption = (h: { id: string; address: string; headName: string }): Option => ({ id: h.id, text: h.address, label: secondary(h.address, h.headName) });
export const personOption = (p: { id: string; name: string; phone: string; unitName: string }): Option => ({ id: p.id, text: p.name, label: secondary(p.name, `${p.unitName} · ${p.phone}`) });

type PickerProps = { gridId: string | undefined; value?: string | null; onChange?: (id: string | null) => void; initial?: Option | null; id?: string };

/** An active household of the grid, by address or head of household. */
export function HouseholdPicker({ gridId, ...rest }: PickerProps) {
  const { t } = useI18n();
  const search = useMemo(
    () => async (q: string | undefined, signal: AbortSignal) =>
      gridId ? (await gridsApi.households({ unitId: gridId, q, status: 'active', pageSize: 30 }, signal)).items.map(householdOption) : [],
    [gridId],
  );
  return <SearchSelect {...rest} search={search} disabled={!gridId} placeholder={t('grids.vulnerable.householdPlaceholder')} empty={t('grids.household.empty')} />;
}

/** A person of the grid's village whom the user can see: who looks after the vulnerable person. */
export function ResponsiblePicker({ gridId, ...rest }: PickerProps) {
  const { t } = useI18n();
  const search = useMemo(
    () => async (q: string | undefined, signal: AbortSignal) => (gridId ? (await gridsApi.responsibles(gridId, q, signal)).items.map(personOption) : []),
    [gridId],
  );
  return <SearchSelect {...rest} search={search} disabled={!gridId} placeholder={t('grids.vulnerable.responsiblePlaceholder')} empty={t('grids.vulnerable.noCandidates')} />;
}
