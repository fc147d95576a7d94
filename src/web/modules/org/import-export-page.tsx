import { useState } from 'react';
import { Alert, Button, Card, Flex, Result, Segmented, Space, Steps, Switch, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ImportKind, ImportPreview, ImportResult } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useAuth, useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/components/page-header';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { exportUrl, orgApi } from './api';
import { UnitSelect, type UnitOption } from './unit-select';

type Row = ImportPreview['rows'][number];
type Action = Row['action'];

const ACTION_COLOR: Record<Action, string> = { create: 'green', update: 'blue', unchanged: 'default', error: 'red' };
const MAX_MB = LIMITS.importFileBytesMax / 1024 / 1024;

function ExportCard() {
  const me = useMe();
  const { t } = useI18n();
  const [unit, setUnit] = useState<UnitOption>(me.unit);
  const isMobile = useIsMobile();
  return (
    <Card title={t('import.exportTitle')}>
      <Typography.Paragraph type="secondary">{t('import.exportHint')}</Typography.Paragraph>
      <Flex wrap gap={8}>
        <UnitSelect value={unit.id} initial={unit} onChange={(_id, chosen) => setUnit(chosen ?? me.unit)} style={{ width: filterWidth(isMobile, 280) }} />
        <Button icon={<DownloadOutlined />} href={exportUrl('units', unit.id)} download>
          {t('import.exportUnits')}
        </Button>
        <Button icon={<DownloadOutlined />} href={exportUrl('people', unit.id)} download>
          {t('import.exportPeople')}
        </Button>
      </Flex>
    </Card>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  // Unchanged rows are the bulk of a re-imported export: hide them unless asked for.
  const [onlyChanges, setOnlyChanges] = useState(true);
  const rows = onlyChanges ? preview.rows.filter((row) => row.action !== 'unchanged') : preview.rows;

  const columns: TableColumnsType<Row> = [
    { title: t('import.row'), dataIndex: 'row', width: 64 },
    {
      title: t('import.action'),
      dataIndex: 'action',
      width: 90,
      render: (action: Action) => <Tag color={ACTION_COLOR[action]}>{t(`import.action.${action}`)}</Tag>,
    },
    { title: t('import.key'), dataIndex: 'key' },
    { title: t('import.name'), dataIndex: 'name' },
    {
      title: t('import.errors'),
      dataIndex: 'errors',
      render: (errors: Row['errors']) =>
        errors.length === 0 ? null : (
          <ul style={{ margin: 0, paddingInlineStart: 16 }}>
            {errors.map((error, index) => (
              <li key={`${error.column}-${index}`}>
                <Typography.Text type="danger">
                  {error.column ? `${error.column}：` : ''}
                  {error.message}
                </Typography.Text>
              </li>
            ))}
          </ul>
        ),
    },
    {
      title: t('import.changes'),
      dataIndex: 'changes',
      render: (changes: string[]) => (changes.length === 0 ? null : changes.join('、')),
    },
  ];

  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        {(['create', 'update', 'unchanged', 'error'] as const).map((action) => (
          <Tag key={action} color={ACTION_COLOR[action]}>
            {t(`import.count.${action}`, { n: preview.counts[action] })}
          </Tag>
        ))}
        {preview.counts.unchanged > 0 ? (
          <Space size={6} style={{ marginInlineStart: 'auto' }}>
            <Switch size="small" checked={onlyChanges} onChange={setOnlyChanges} aria-label={t('import.onlyChanges')} />
            <Typography.Text>{t('import.onlyChanges')}</Typography.Text>
          </Space>
        ) : null}
      </Flex>
      <Table<Row>
        rowKey="row"
        size="small"
        columns={columns}
        dataSource={rows}
        rowClassName={(row) => `import-row-${row.action}`}
        locale={{ emptyText: t('import.nothingToDo') }}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
      />
    </>
  );
}

function ImportCard({ kinds }: { kinds: ImportKind[] }) {
  const { t, errorText } = useI18n();
  const [kind, setKind] = useState<ImportKind>(kinds[0]);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const choose = async (chosen: File) => {
    reset();
    if (!chosen.name.toLowerCase().endsWith('.xlsx')) {
      setError(t('import.wrongType'));
      return;
    }
    if (chosen.size > LIMITS.importFileBytesMax) {
      setError(t('import.tooLarge', { size: MAX_MB }));
      return;
    }
    setFile(chosen);
    setBusy(true);
    try {
      setPreview(await orgApi.previewImport(kind, chosen));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await orgApi.commitImport(kind, file));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  // Past the last step once there is a result, so every step shows as done.
  const step = result ? 3 : preview ? 1 : 0;
  const hasErrors = (preview?.counts.error ?? 0) > 0;

  return (
    <Card
      title={t('import.importTitle')}
      extra={
        kinds.length > 1 ? (
          <Segmented<ImportKind>
            value={kind}
            onChange={(next) => {
              setKind(next);
              reset();
            }}
            options={kinds.map((value) => ({ value, label: t(`import.kind.${value}`) }))}
          />
        ) : (
          <Tag>{t(`import.kind.${kind}`)}</Tag>
        )
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('import.step.upload') }, { title: t('import.step.preview') }, { title: t('import.step.result') }]}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}

      {step === 0 ? (
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(chosen) => {
            void choose(chosen);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{busy ? t('app.loading') : t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint', { rows: LIMITS.importRowsMax, size: MAX_MB })}</p>
        </Upload.Dragger>
      ) : null}

      {step === 1 && preview ? (
        <>
          <Typography.Paragraph>
            <Typography.Text strong>{file?.name}</Typography.Text>
          </Typography.Paragraph>
          <PreviewTable preview={preview} />
          <Flex wrap gap={8} style={{ marginTop: 12 }}>
            <Tooltip title={hasErrors ? t('import.commitDisabled') : undefined}>
              <Button type="primary" icon={<CheckOutlined />} disabled={hasErrors || busy} loading={busy} onClick={() => void commit()}>
                {t('import.commit')}
              </Button>
            </Tooltip>
            <Button icon={<ReloadOutlined />} onClick={reset} disabled={busy}>
              {t('import.again')}
            </Button>
          </Flex>
        </>
      ) : null}

      {result ? (
        <Result
          status={result.applied ? 'success' : 'warning'}
          title={result.applied ? t('import.done') : t('import.notApplied')}
          subTitle={t('import.doneDetail', result.counts)}
          extra={
            <Button type="primary" onClick={reset}>
              {t('import.again')}
            </Button>
          }
        />
      ) : null}
    </Card>
  );
}

/** 导入导出: Excel export of units and people, and the import flow upload → preview → confirm → result. */
export default function ImportExportPage() {
  const { can } = useAuth();
  const { t } = useI18n();
  const kinds: ImportKind[] = [];
  if (can('org.units.manage')) kinds.push('units');
  if (can('org.staff.manage')) kinds.push('people');

  return (
    <>
      <PageHeader title={t('import.title')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ExportCard />
        {kinds.length > 0 ? <ImportCard kinds={kinds} /> : <Alert type="info" showIcon title={t('import.noPermission')} />}
      </Space>
    </>
  );
}
