import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Select, Typography } from 'antd';
import type { DutyDeskList } from '../../../../contracts';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { rosterApi } from './api';

export type Desk = DutyDeskList['items'][number];

/**
 * The duty desks the user may see, and the one chosen, kept in the address (?unitId=…) so a link
 * or a reload opens the same desk. Without a choice: the user's own unit when it is a desk.
 */
export function useDesk() {
  const me = useMe();
  const { errorText } = useI18n();
  const [params, setParams] = useSearchParams();
  const [desks, setDesks] = useState<Desk[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    rosterApi
      .desks(controller.signal)
      .then((list) => setDesks(list.items))
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      });
    return () => controller.abort();
  }, [errorText]);

  const wanted = params.get('unitId');
  const desk = desks ? (desks.find((d) => d.id === wanted) ?? desks.find((d) => d.id === me.unit.id) ?? desks[0] ?? null) : null;
  const choose = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('unitId', id);
        return next;
      },
      { replace: true },
    );
  return { desks, desk, choose, error, loading: desks === null && !error };
}

/** Picks the desk (shown only when there is more than one to choose from). */
export function DeskSelect({ desks, desk, onChange, width }: { desks: Desk[]; desk: Desk | null; onChange: (id: string) => void; width?: number | string }) {
  const { t } = useI18n();
  if (desks.length <= 1) return desk ? <Typography.Text strong style={{ lineHeight: '32px' }}>{desk.name}</Typography.Text> : null;
  return (
    <Select<string>
      aria-label={t('roster.desk')}
      value={desk?.id}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      options={desks.map((d) => ({ value: d.id, label: d.name }))}
      style={{ width: width ?? 180 }}
    />
  );
}
