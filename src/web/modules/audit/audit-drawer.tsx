import { useState } from 'react';
import { Descriptions, Drawer, Flex, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AuditEventView } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { useOpenLabels } from '../../app/labels';
import { useIsMobile } from '../../app/use-is-mobile';
import { diffSnapshots, type DiffRow } from './diff';
import { fieldLabelKeys, valueLabelKey } from './value-labels';

/** A value as a reader expects it: enum codes in words, times in Beijing time, objects as indented JSON. */
function useFormatValue(entityType: string) {
  const { t, tMaybe } = useI18n();
  const format = (field: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'string') {
      const key = valueLabelKey(entityType, field, value);
      if (key) return tMaybe(key, value);
      if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, true);
      return value;
    }
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      return value.map((item) => format(field, item)).join('、');
    }
    if (field === 'roles' && Array.isArray(value)) {
      return value
        .map((grant) => {
          const g = grant as { role?: string; unitName?: string; unitId?: string };
          return `${g.role ? tMaybe(`role.${g.role}`, g.role) : ''} · ${g.unitName ?? g.unitId ?? ''}`;
        })
        .join('\n');
    }
    return typeof value === 'object' ? JSON.stringify(value, null, 2) : String(value);
  };
  return format;
}

export function AuditDrawer({ event, onClose }: { event: AuditEventView | null; onClose: () => void }) {
  const { t, tMaybe } = useI18n();
  const labels = useOpenLabels();
  const isMobile = useIsMobile();
  const [onlyChanged, setOnlyChanged] = useState(true);
  const format = useFormatValue(event?.entityType ?? '');
  const fieldLabel = (field: string) => fieldLabelKeys(event?.entityType ?? '', field).reduceRight((fallback, key) => tMaybe(key, fallback), field);

  const rows = event ? diffSnapshots(event.before, event.after) : [];
  const isUpdate = event !== null && event.before != null && event.after != null;
  const shown = isUpdate && onlyChanged ? rows.filter((row) => row.changed) : rows;

  const columns: TableColumnsType<DiffRow> = [
    {
      title: t('audit.field'),
      dataIndex: 'field',
      width: 120,
      render: (field: string) => (field ? fieldLabel(field) : '—'),
    },
    {
      title: t('audit.before'),
      key: 'before',
      render: (_, row) => <pre className="diff-value">{format(row.field, row.before)}</pre>,
    },
    {
      title: t('audit.after'),
      key: 'after',
      render: (_, row) => <pre className="diff-value">{format(row.field, row.after)}</pre>,
    },
  ];

  return (
    <Drawer open={event !== null} onClose={onClose} title={t('audit.detailTitle')} size={isMobile ? '100%' : 640} destroyOnHidden>
      {event ? (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'at', label: t('audit.time'), children: formatDateTime(event.at, true) },
              {
                key: 'actor',
                label: t('audit.actor'),
                children: event.actor.displayName ? `${event.actor.displayName}（${event.actor.username ?? ''}）` : event.actor.username ?? t('audit.system'),
              },
              { key: 'action', label: t('audit.action'), children: <Tag>{labels.action(event.action)}</Tag> },
              {
                key: 'entity',
                label: t('audit.entity'),
                children: `${labels.entityType(event.entityType)}${event.entityId ? ` · ${event.entityId}` : ''}`,
              },
              { key: 'unit', label: t('audit.unit'), children: event.unit ? `${event.unit.name}（${event.unit.code}）` : '—' },
              { key: 'summary', label: t('audit.summary'), children: event.summary ?? '—' },
              ...(event.requestId ? [{ key: 'request', label: t('audit.requestId'), children: <Typography.Text code>{event.requestId}</Typography.Text> }] : []),
            ]}
          />
          <Flex justify="space-between" align="center" style={{ margin: '20px 0 8px' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('audit.diff')}
            </Typography.Title>
            {isUpdate ? (
              <Flex gap={6} align="center">
                <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
                <Typography.Text>{t('audit.onlyChanged')}</Typography.Text>
              </Flex>
            ) : null}
          </Flex>
          <Table<DiffRow>
            rowKey={(row) => row.field || '(value)'}
            size="small"
            columns={columns}
            dataSource={shown}
            pagination={false}
            rowClassName={(row) => (isUpdate && row.changed ? 'diff-changed' : '')}
            locale={{ emptyText: t('audit.noDiff') }}
            scroll={{ x: 'max-content' }}
          />
        </>
      ) : null}
    </Drawer>
  );
}
