import { useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, List, Radio, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { DUTY_LOG_KINDS, LIMITS, ROSTER_LIMITS, type DutyLogKind, type DutyLogView, type ShiftSlot } from '../../../../contracts';
import { FormModal } from '../../../app/components/form-modal';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';
import { filterWidth, useIsMobile } from '../../../app/use-is-mobile';
import { usePagedList } from '../../../app/use-paged-list';
import { useSubmit } from '../../../app/use-submit';
import { newId } from '../../risks/api';
import { rosterApi } from './api';

type Values = { kind: DutyLogKind; text: string };

/** 记录值班日志. The id is made here once per dialog, so pressing OK again after a lost answer stores one entry. */
function LogModal({ unitId, onClose, onDone }: { unitId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const id = useMemo(() => newId(), []);
  const submission = useSubmit(form, async (v) => {
    await rosterApi.addLog({ id, unitId, kind: v.kind, text: v.text });
    message.success(t('dutyLog.added'));
    onDone();
  });
  return (
    <FormModal<Values> open title={t('dutyLog.add')} form={form} submission={submission} onClose={onClose} initialValues={{ kind: 'call' }}>
      <Form.Item name="kind" label={t('dutyLog.kind')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
        <Radio.Group optionType="button" options={DUTY_LOG_KINDS.map((k) => ({ value: k, label: t(`dutyLogKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="text" label={t('dutyLog.text')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea maxLength={ROSTER_LIMITS.logTextMax} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </FormModal>
  );
}

type Filters = { date: Dayjs | null; kind?: DutyLogKind; q: string };

/** 值班日志 of a desk: newest first, by duty day, kind or words; those on duty add entries. */
export function LogPanel({ unitId, canWrite, refresh, onChanged }: { unitId: string; canWrite: boolean; refresh: number; onChanged: () => void }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [filters, setFilters] = useState<Filters>({ date: null, q: '' });
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const query = useMemo(() => ({ unitId, ...filters }), [unitId, filters]);
  const list = usePagedList(query, (f, paging, signal) => rosterApi.log({ unitId: f.unitId, date: f.date?.format('YYYY-MM-DD'), kind: f.kind, q: f.q || undefined, ...paging }, signal), refresh);
  const columns: TableColumnsType<DutyLogView> = [
    { title: t('dutyLog.at'), dataIndex: 'at', width: 150, render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span> },
    { title: t('dutyLog.kind'), dataIndex: 'kind', width: 80, render: (k: DutyLogKind) => <Tag>{t(`dutyLogKind.${k}`)}</Tag> },
    { title: t('dutyLog.text'), dataIndex: 'text', render: (text: string) => <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</span> },
    { title: t('dutyLog.author'), key: 'author', width: 100, render: (_, e) => e.author.name },
    {
      title: t('roster.shift'),
      dataIndex: 'shiftKey',
      width: 130,
      render: (key: string) => {
        const [date, slot] = key.split('/') as [string, ShiftSlot];
        return <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{`${date} ${t(`shiftSlot.${slot}`)}`}</Typography.Text>;
      },
    },
  ];
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
        <DatePicker value={filters.date} onChange={(date) => setFilters((f) => ({ ...f, date }))} placeholder={t('dutyLog.dutyDay')} style={{ width: isMobile ? 'calc(50% - 4px)' : 150 }} />
        <Select<DutyLogKind>
          allowClear
          value={filters.kind}
          onChange={(kind) => setFilters((f) => ({ ...f, kind }))}
          placeholder={t('dutyLog.allKinds')}
          options={DUTY_LOG_KINDS.map((k) => ({ value: k, label: t(`dutyLogKind.${k}`) }))}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 120 }}
          aria-label={t('dutyLog.kind')}
        />
        <Input.Search
          allowClear
          value={q}
          maxLength={LIMITS.searchMax}
          placeholder={t('dutyLog.search')}
          onChange={(e) => {
            setQ(e.target.value);
            if (!e.target.value) setFilters((f) => ({ ...f, q: '' }));
          }}
          onSearch={(value) => setFilters((f) => ({ ...f, q: value.trim() }))}
          style={{ width: filterWidth(isMobile, 200) }}
        />
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={isMobile ? { width: '100%' } : { marginInlineStart: 'auto' }}>
            {t('dutyLog.add')}
          </Button>
        ) : null}
      </Flex>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      {isMobile ? (
        <List<DutyLogView>
          size="small"
          loading={list.loading}
          dataSource={list.items}
          locale={{ emptyText: t('dutyLog.empty') }}
          pagination={list.items.length ? { ...list.pagination, size: 'small', align: 'center' } : false}
          renderItem={(e) => (
            <List.Item style={{ display: 'block' }}>
              <Flex gap={6} align="center" wrap>
                <Tag style={{ marginInlineEnd: 0 }}>{t(`dutyLogKind.${e.kind}`)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)} · {e.author.name}
                </Typography.Text>
              </Flex>
              <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginTop: 4 }}>{e.text}</div>
            </List.Item>
          )}
        />
      ) : (
        <Table<DutyLogView> size="small" rowKey="id" columns={columns} dataSource={list.items} loading={list.loading} pagination={list.tablePagination} scroll={{ x: 'max-content' }} locale={{ emptyText: t('dutyLog.empty') }} />
      )}
      {adding ? (
        <LogModal
          unitId={unitId}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}
