import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import type { PersonView } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { orgApi } from '../org/api';

export type PersonOption = { id: string; name: string; phone: string; unitName: string };

type Props = {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** The person behind the current value, so their name shows before any search. */
  initial?: PersonOption | null;
  id?: string;
};

/** Picks a person in post anywhere in the user's scope, by name or phone. */
export function PersonSelect({ value, onChange, initial, id }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<PersonView[]>([]);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const known = useRef<Map<string, PersonOption>>(new Map());
  if (initial) known.current.set(initial.id, initial);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      orgApi
        .people({ q: query.trim() || undefined, status: 'active', pageSize: 30 }, controller.signal)
        .then((page) => setOptions(page.items))
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [open, query]);

  const selectOptions = useMemo(() => {
    const list: PersonOption[] = options.map((p) => ({ id: p.id, name: p.name, phone: p.phone, unitName: p.unitName }));
    if (value && !list.some((p) => p.id === value)) {
      const current = known.current.get(value);
      if (current) list.unshift(current);
    }
    return list.map((p) => ({
      value: p.id,
      person: p,
      label: (
        <span>
          {p.name} <Typography.Text type="secondary">{p.unitName} · {p.phone}</Typography.Text>
        </span>
      ),
    }));
  }, [options, value]);

  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: (text) => setQuery(text.slice(0, LIMITS.searchMax)) }}
      value={value ?? undefined}
      placeholder={t('risks.personPlaceholder')}
      style={{ width: '100%' }}
      onOpenChange={setOpen}
      notFoundContent={loading ? <Spin size="small" /> : t('risks.noPeople')}
      options={selectOptions}
      onChange={(next) => {
        const chosen = selectOptions.find((o) => o.value === next)?.person;
        if (chosen) known.current.set(chosen.id, chosen);
        onChange?.(next ?? undefined);
      }}
    />
  );
}
