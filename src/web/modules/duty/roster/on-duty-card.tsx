import { useEffect, useState } from 'react';
import { Card, Descriptions, Tag, Typography } from 'antd';
import type { DutyPersonRef, OnDutyView } from '../../../../contracts';
import { useI18n } from '../../../app/i18n';
import { rosterApi } from './api';

function Person({ person }: { person: DutyPersonRef | null }) {
  const { t } = useI18n();
  if (!person) return <Typography.Text type="secondary">{t('roster.nobody')}</Typography.Text>;
  return (
    <span>
      {person.name}{' '}
      <Typography.Text type="secondary" copyable={{ text: person.phone }}>
        {person.phone}
      </Typography.Text>
    </span>
  );
}

/** 当前值班: the shift on duty now at a desk, its leader and officer with phones, and who comes next. */
export function OnDutyCard({ unitId, refresh }: { unitId: string; refresh?: unknown }) {
  const { t, locale } = useI18n();
  const [view, setView] = useState<OnDutyView | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    rosterApi
      .onDuty(unitId, controller.signal)
      .then(setView)
      .catch(() => setView(null));
    return () => controller.abort();
  }, [unitId, refresh]);
  if (!view) return null;
  const label = (s: OnDutyView['shift']) => `${s.date} ${locale === 'en' ? s.labelEn : s.labelZh}`;
  return (
    <Card
      size="small"
      title={t('roster.onDutyNow')}
      extra={view.rostered ? null : <Tag color="orange">{t('roster.notRostered')}</Tag>}
      style={{ marginBottom: 16 }}
      data-testid="on-duty"
    >
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 3 }} items={[
        { key: 'shift', label: t('roster.shift'), children: label(view.shift) },
        { key: 'leader', label: t('dutyRole.leader'), children: <Person person={view.leader} /> },
        { key: 'officer', label: t('dutyRole.officer'), children: <Person person={view.officer} /> },
      ]} />
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('roster.nextShift')}：{label(view.next.shift)} · {t('dutyRole.leader')} {view.next.leader?.name ?? t('roster.nobody')} · {t('dutyRole.officer')} {view.next.officer?.name ?? t('roster.nobody')}
      </Typography.Text>
    </Card>
  );
}
