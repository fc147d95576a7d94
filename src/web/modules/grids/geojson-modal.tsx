import { useState } from 'react';
import { Alert, Button, Flex, Input, Modal, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { GridGeometryView } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { checkGeometry, geometryOf, issuePlace, issueText } from './geo-input';

type Props = {
  open: boolean;
  gridName: string;
  onClose: () => void;
  /** Saves the checked geometry; answers the text to show when the server refuses it, else null. */
  onSubmit: (geometry: GridGeometryView) => Promise<string | null>;
};

/** Largest GeoJSON file read in the browser: a 2,000-corner polygon is far smaller. */
const FILE_BYTES_MAX = 2 * 1024 * 1024;

/** Paste GeoJSON, or read it from a .geojson / .json file, check it like the server does, and save it. */
export function GeoJsonModal({ open, gridName, onClose, onSubmit }: Props) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const found = geometryOf(text.trim());
    if ('error' in found) {
      setProblems([t(`grids.geo.${found.error}`, { n: found.count ?? 0 })]);
      return;
    }
    const checked = checkGeometry(found.geometry);
    if (!checked.ok) {
      setProblems(checked.issues.slice(0, 8).map((issue) => `${issuePlace(issue)} ${issueText(issue, locale, t)}`.trim()));
      return;
    }
    setSaving(true);
    setProblems([]);
    const refused = await onSubmit(checked.geometry);
    setSaving(false);
    if (refused) setProblems([refused]);
    else setText('');
  };

  return (
    <Modal
      open={open}
      title={t('grids.geo.title', { name: gridName })}
      okText={t('grids.geo.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: text.trim() === '' }}
      onOk={() => void save()}
      onCancel={() => {
        setProblems([]);
        onClose();
      }}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('grids.geo.hint')}</Typography.Paragraph>
      <Flex gap={8} style={{ marginBottom: 8 }}>
        <Upload
          accept=".geojson,.json,application/geo+json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > FILE_BYTES_MAX) setProblems([t('grids.geo.fileTooLarge')]);
            else
              void file.text().then((content) => {
                setText(content);
                setProblems([]);
              });
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('grids.geo.readFile')}</Button>
        </Upload>
      </Flex>
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoSize={{ minRows: 8, maxRows: 16 }}
        placeholder='{"type":"Polygon","coordinates":[[[118.638,24.758],[118.642,24.758],[118.642,24.761],[118.638,24.758]]]}'
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}
        aria-label={t('grids.geo.title', { name: gridName })}
      />
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('grids.geo.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Modal>
  );
}
