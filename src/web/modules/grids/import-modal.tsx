import { useState } from 'react';
import { Alert, Button, Flex, Modal, Result, Segmented, Steps, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import type { GridImportKind, GridImportPreview, GridImportResult } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../app/use-is-mobile';
import { gridsApi } from './api';

type Row = GridImportPreview['rows'][number];
type Action = Row['action'];

const ACTION_COLOR: Record<Action, string> = { create: 'green', update: 'blue', unchanged: 'default', error: 'red' };
const MAX_MB = LIMITS.importFileBytesMax / 1024 / 1024;

/**
 * Excel import of households or vulnerable people: choose a file → preview row by row (nothing is
 * written) → confirm (all rows or none) → result. The export of the same kind is the template.
 */
export function ImportModal({ open, onClose }: { open: boolean; onClose: (changed: boolean) => void }) {
  const { t, errorText } = useI18n();
  const isMobile = useIsMobile();
  const [kind, setKind] = useState<GridImportKind>('households');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<GridImportPreview | null>(null);
  const [result, setResult] = useState<GridImportResult | null>(null);
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
    if (!chosen.name.toLowerCase().endsWith('.xlsx')) return setError(t('import.wrongType'));
    if (chosen.size > LIMITS.importFileBytesMax) return setError(t('import.tooLarge', { size: MAX_MB }));
    setFile(chosen);
    setBusy(true);
    try {
      setPreview(await gridsApi.previewImport(kind, chosen));
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
      setResult(await gridsApi.commitImport(kind, file));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<Row> = [
    { title: t('import.row'), dataIndex: 'row', width: 56 },
    { title: t('import.action'), dataIndex: 'action', width: 80, render: (action: Action) => <Tag color={ACTION_COLOR[action]}>{t(`import.action.${action}`)}</Tag> },
    { title: t('import.name'), dataIndex: 'name' },
    {
      title: t('import.errors'),
      dataIndex: 'errors',
      render: (errors: Row['errors'], row) =>
        errors.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 16 }}>
            {errors.map((e, i) => (
              <li key={i}>
                <Typography.Text type="danger">
                  {e.column ? `${e.column}：` : ''}
                  {e.message}
                </Typography.Text>
              </li>
            ))}
          </ul>
        ) : row.changes.length > 0 ? (
          <Typography.Text type="secondary">{row.changes.join('、')}</Typography.Text>
        ) : null,
    },
  ];

  const step = result ? 3 : preview ? 1 : 0;
  const hasErrors = (preview?.counts.error ?? 0) > 0;
  // Unchanged rows are the bulk of a re-imported export: the preview lists what will happen.
  const rows = preview?.rows.filter((r) => r.action !== 'unchanged') ?? [];

  return (
    <Modal
      open={open}
      title={t('grids.import.title')}
      footer={null}
      width={isMobile ? '100%' : 760}
      destroyOnHidden
      onCancel={() => {
        const changed = Boolean(result?.applied);
        reset();
        onClose(changed);
      }}
    >
      <Segmented<GridImportKind>
        value={kind}
        disabled={busy || step > 0}
        onChange={setKind}
        options={[
          { value: 'households', label: t('grids.tab.households') },
          { value: 'vulnerable', label: t('grids.tab.vulnerable') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('import.step.upload') }, { title: t('import.step.preview') }, { title: t('import.step.result') }]}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" /> : null}
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
          <p className="ant-upload-hint">{t(kind === 'households' ? 'grids.import.hintHouseholds' : 'grids.import.hintVulnerable', { rows: LIMITS.importRowsMax })}</p>
        </Upload.Dragger>
      ) : null}
      {step === 1 && preview ? (
        <>
          <Flex wrap gap={8} style={{ marginBottom: 12 }}>
            {(['create', 'update', 'unchanged', 'error'] as const).map((action) => (
              <Tag key={action} color={ACTION_COLOR[action]}>
                {t(`import.count.${action}`, { n: preview.counts[action] })}
              </Tag>
            ))}
          </Flex>
          <Table<Row>
            rowKey="row"
            size="small"
            columns={columns}
            dataSource={rows}
            rowClassName={(row) => `import-row-${row.action}`}
            locale={{ emptyText: t('import.nothingToDo') }}
            scroll={{ x: 'max-content', y: 360 }}
            pagination={false}
          />
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
    </Modal>
  );
}
