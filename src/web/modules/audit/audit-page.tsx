import { useState } from 'react';
import { Alert, AutoComplete, Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditEventView } from '../../../contracts';
import { AUDIT_ACTIONS, LIMITS } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { formatDateTime, shanghaiDayBoundary } from '../../app/i18n/format';
import { useOpenLabels } from '../../app/labels';
import { PageHeader } from '../../app/components/page-header';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { usePagedList } from '../../app/use-paged-list';
import { UnitSelect } from '../org/unit-select';
import { auditApi } from './api';
import { AuditDrawer } from './audit-drawer';
import { AUDIT_ENTITY_TYPES } from './value-labels';

const KNOWN_ACTIONS = Object.keys(AUDIT_ACTIONS);

type Filters = { range: [Dayjs | null, Dayjs | null] | null; action: string; entityType?: string; unitId?: string; q: string };
const EMPTY: Filters = { range: null, action: '', q: '' };

/** 操作日志: who changed what, when, where — with each change as a readable before/after table. */
export default function AuditPage() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const labels = useOpenLabels();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const list = usePagedList(filters, (f, paging, signal) => {
    const [from, to] = f.range ?? [null, null];
    return auditApi.list(
      {
        action: f.action.trim() || undefined,
        entityType: f.entityType,
        unitId: f.unitId,
        q: f.q.trim() || undefined,
        from: from ? shanghaiDayBoundary(from.format('YYYY-MM-DD'), 'start') : undefined,
        to: to ? shanghaiDayBoundary(to.format('YYYY-MM-DD'), 'end') : undefined,
        ...paging,
      },
      signal,
    );
  });
  const [selected, setSelected] = useState<AuditEventView | null>(null);

  const columns: TableColumnsType<AuditEventView> = [
    { title: t('audit.time'), dataIndex: 'at', width: 150, render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span> },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, event) => event.actor.displayName ?? event.actor.username ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    { title: t('audit.action'), dataIndex: 'action', render: (action: string) => <Tag>{labels.action(action)}</Tag> },
    { title: t('audit.unit'), key: 'unit', render: (_, event) => event.unit?.name ?? '—' },
    {
      title: t('audit.summary'),
      dataIndex: 'summary',
      render: (summary: string | null) =>
        summary ? (
          <Typography.Text style={{ maxWidth: 420, display: 'inline-block' }} ellipsis={{ tooltip: summary }}>
            {summary}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  const apply = () => setFilters({ ...draft });

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <DatePicker.RangePicker
            value={draft.range}
            onChange={(range) => setDraft({ ...draft, range })}
            allowEmpty={[true, true]}
            aria-label={t('audit.range')}
            style={{ width: filterWidth(isMobile, 240) }}
          />
          <AutoComplete
            value={draft.action}
            onChange={(action: string) => setDraft({ ...draft, action })}
            options={KNOWN_ACTIONS.map((action) => ({ value: action, label: `${labels.action(action)}（${action}）` }))}
            showSearch={{ filterOption: (input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
            placeholder={t('audit.actionPlaceholder')}
            allowClear
            style={{ width: filterWidth(isMobile, 180) }}
          />
          <Select<string>
            value={draft.entityType}
            onChange={(entityType) => setDraft({ ...draft, entityType })}
            allowClear
            placeholder={t('audit.entityType')}
            options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: labels.entityType(type) }))}
            popupMatchSelectWidth={false}
            style={{ width: filterWidth(isMobile, 120) }}
          />
          <UnitSelect value={draft.unitId} onChange={(unitId) => setDraft({ ...draft, unitId })} allowClear style={{ width: filterWidth(isMobile, 200) }} />
          <Input
            value={draft.q}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
            onPressEnter={apply}
            placeholder={t('audit.searchPlaceholder')}
            maxLength={LIMITS.searchMax}
            allowClear
            style={{ width: filterWidth(isMobile, 180) }}
          />
          <Button type="primary" onClick={apply}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
        <Table<AuditEventView>
          rowKey="id"
          size="small"
          loading={list.loading}
          columns={columns}
          dataSource={list.items}
          scroll={{ x: 'max-content' }}
          onRow={(event) => ({ onClick: () => setSelected(event), style: { cursor: 'pointer' } })}
          pagination={list.tablePagination}
        />
      </Card>
      <AuditDrawer event={selected} onClose={() => setSelected(null)} />
    </>
  );
}
