import { useState } from 'react';
import { Alert, Button, Flex, Result, Space, Steps, Switch, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ImportPreview } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useI18n } from '../i18n';

/** What every Excel import answers (units, people, households, vulnerable people): row by row, with counts. */
type Preview = Pick<ImportPreview, 'rows' | 'counts'>;
type Outcome = Preview & { applied: boolean };
type Row = Preview['rows'][number];
type Action = Row['action'];

const ACTION_COLOR: Record<Action, string> = { create: 'green', update: 'blue', unchanged: 'default', error: 'red' };
const ACTIONS = ['create', 'update', 'unchanged', 'error'] as const;
export const IMPORT_MAX_MB = LIMITS.importFileBytesMax / 1024 / 1024;

/**
 * The state of one import: a file is checked by the server (`preview`, nothing written), then
 * applied whole or not at all (`commit`). `step` is 0 (choose a file), 1 (preview) or 3 (result:
 * past the last step, so every step shows as done).
 */
export function useImportFlow(send: { preview: (file: File) => Promise<Preview>; commit: (file: File) => Promise<Outcome> }) {
  const { t, errorText } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const run = async (request: () => Promise<void>) => {
    setBusy(true);
    try {
      await request();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (chosen: File) => {
    reset();
    if (!chosen.name.toLowerCase().endsWith('.xlsx')) return setError(t('import.wrongType'));
    if (chosen.size > LIMITS.importFileBytesMax) return setError(t('import.tooLarge', { size: IMPORT_MAX_MB }));
    setFile(chosen);
    await run(async () => setPreview(await send.preview(chosen)));
  };

  const commit = async () => {
    if (!file) return;
    setError(null);
    await run(async () => setResult(await send.commit(file)));
  };

  return { file, preview, result, busy, error, step: result ? 3 : preview ? 1 : 0, reset, choose, commit };
}

export type ImportFlowState = ReturnType<typeof useImportFlow>;

function RowErrors({ errors }: { errors: Row['errors'] }) {
  return (
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
  );
}

/**
 * The preview, row by row. On a page: each row's key and changes in their own columns, unchanged
 * rows hidden unless asked for, 50 rows a page. Compact (in a dialog): the changes stand where the
 * errors would, unchanged rows are left out, and the table scrolls.
 */
function PreviewTable({ preview, compact }: { preview: Preview; compact: boolean }) {
  const { t } = useI18n();
  // Unchanged rows are the bulk of a re-imported export: the preview lists what will happen.
  const [onlyChanges, setOnlyChanges] = useState(true);
  const rows = onlyChanges || compact ? preview.rows.filter((row) => row.action !== 'unchanged') : preview.rows;

  const columns: TableColumnsType<Row> = [
    { title: t('import.row'), dataIndex: 'row', width: compact ? 56 : 64 },
    {
      title: t('import.action'),
      dataIndex: 'action',
      width: compact ? 80 : 90,
      render: (action: Action) => <Tag color={ACTION_COLOR[action]}>{t(`import.action.${action}`)}</Tag>,
    },
    ...(compact ? [] : [{ title: t('import.key'), dataIndex: 'key' }]),
    { title: t('import.name'), dataIndex: 'name' },
    {
      title: t('import.errors'),
      dataIndex: 'errors',
      render: (errors: Row['errors'], row) =>
        errors.length > 0 ? (
          <RowErrors errors={errors} />
        ) : compact && row.changes.length > 0 ? (
          <Typography.Text type="secondary">{row.changes.join('、')}</Typography.Text>
        ) : null,
    },
    ...(compact
      ? []
      : [{ title: t('import.changes'), dataIndex: 'changes', render: (changes: string[]) => (changes.length === 0 ? null : changes.join('、')) }]),
  ];

  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        {ACTIONS.map((action) => (
          <Tag key={action} color={ACTION_COLOR[action]}>
            {t(`import.count.${action}`, { n: preview.counts[action] })}
          </Tag>
        ))}
        {!compact && preview.counts.unchanged > 0 ? (
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
        scroll={compact ? { x: 'max-content', y: 360 } : { x: 'max-content' }}
        pagination={compact ? false : { pageSize: 50, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
      />
    </>
  );
}

/**
 * The Excel import steps: choose a file → preview row by row (nothing is written) → confirm (all
 * rows or none) → result. The caller holds the state (useImportFlow) and says what is imported.
 */
export function ImportFlow({ flow, hint, compact = false }: { flow: ImportFlowState; hint: string; compact?: boolean }) {
  const { t } = useI18n();
  const { preview, result, busy, error, step } = flow;
  const hasErrors = (preview?.counts.error ?? 0) > 0;

  return (
    <>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('import.step.upload') }, { title: t('import.step.preview') }, { title: t('import.step.result') }]}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: compact ? 12 : 16 }} /> : null}
      {step === 0 ? (
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(chosen) => {
            void flow.choose(chosen);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{busy ? t('app.loading') : t('import.drop')}</p>
          <p className="ant-upload-hint">{hint}</p>
        </Upload.Dragger>
      ) : null}
      {step === 1 && preview ? (
        <>
          {compact ? null : (
            <Typography.Paragraph>
              <Typography.Text strong>{flow.file?.name}</Typography.Text>
            </Typography.Paragraph>
          )}
          <PreviewTable preview={preview} compact={compact} />
          <Flex wrap gap={8} style={{ marginTop: 12 }}>
            <Tooltip title={hasErrors ? t('import.commitDisabled') : undefined}>
              <Button type="primary" icon={<CheckOutlined />} disabled={hasErrors || busy} loading={busy} onClick={() => void flow.commit()}>
                {t('import.commit')}
              </Button>
            </Tooltip>
            <Button icon={<ReloadOutlined />} onClick={flow.reset} disabled={busy}>
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
            <Button type="primary" onClick={flow.reset}>
              {t('import.again')}
            </Button>
          }
        />
      ) : null}
    </>
  );
}
