import { useRef, useState } from 'react';
import { App, Button, Card, Empty, Flex, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { PLAN_LIMITS, type PlanDetail } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { plansApi } from './api';
import { fileSizeText } from './labels';

/** 文件: the plan document (PDF or Word), its download and, for those who keep the plan, an upload. */
export function DocumentTab({ plan, onChange }: { plan: PlanDetail; onChange: (plan: PlanDetail) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const doc = plan.document;

  const upload = async (file: File) => {
    if (file.size > PLAN_LIMITS.documentBytesMax) {
      message.error(t('plans.doc.tooLarge'));
      return;
    }
    setUploading(true);
    try {
      onChange(await plansApi.upload(plan.id, file));
      message.success(t('plans.doc.uploaded'));
    } catch (caught) {
      message.error(errorText(caught));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      {doc ? (
        <Card size="small">
          <Flex gap={12} align="center" wrap>
            {doc.mime === 'application/pdf' ? <FilePdfOutlined style={{ fontSize: 32, color: '#cf1322' }} /> : <FileWordOutlined style={{ fontSize: 32, color: '#1677ff' }} />}
            <div style={{ flex: 1, minWidth: 180 }}>
              <Typography.Text strong style={{ wordBreak: 'break-all' }}>
                {doc.fileName}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('plans.doc.meta', { size: fileSizeText(doc.size), at: formatDateTime(doc.uploadedAt) })}
                </Typography.Text>
              </div>
            </div>
            <Button icon={<DownloadOutlined />} href={doc.url} download={doc.fileName}>
              {t('plans.doc.download')}
            </Button>
          </Flex>
        </Card>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.doc.none')} />
      )}
      {plan.can.manage ? (
        <div>
          <input
            ref={input}
            type="file"
            hidden
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void upload(file);
            }}
          />
          <Button icon={<UploadOutlined />} loading={uploading} onClick={() => input.current?.click()}>
            {doc ? t('plans.doc.replace') : t('plans.doc.upload')}
          </Button>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
            {t('plans.doc.hint')}
          </Typography.Text>
        </div>
      ) : null}
    </Flex>
  );
}
