import { Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { StoredFile } from '../../../contracts';
import { FILE_LIMITS, IMAGE_TYPES } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { hazardsApi } from './api';

/** The ids of the photos uploaded so far; throws (for a form rule) while one is still on its way or failed. */
export function uploadedIds(list: UploadFile[] | undefined): string[] {
  return (list ?? []).flatMap((f) => (f.status === 'done' && f.response ? [(f.response as StoredFile).id] : []));
}
export const stillUploading = (list: UploadFile[] | undefined) => (list ?? []).some((f) => f.status === 'uploading');

type Props = { fileList?: UploadFile[]; onChange?: (list: UploadFile[]) => void; id?: string };

/** Photos for a step of the loop (progress, acceptance): each uploaded at once to POST /api/files. */
export function PhotoUpload({ fileList, onChange, id }: Props) {
  const { t, errorText } = useI18n();
  return (
    <Upload
      id={id}
      listType="picture-card"
      accept={IMAGE_TYPES.join(',')}
      multiple
      maxCount={FILE_LIMITS.photosPerReport}
      fileList={fileList ?? []}
      onChange={({ fileList: next }) =>
        onChange?.(
          next.map((f) =>
            f.status === 'error' && f.error ? { ...f, response: t('hz.field.uploadFailed', { reason: errorText(f.error) }) } : f,
          ),
        )
      }
      customRequest={({ file, onSuccess, onError }) => {
        hazardsApi.uploadPhoto(file as File).then(
          (stored) => onSuccess?.(stored),
          (e: unknown) => onError?.(e as Error),
        );
      }}
    >
      {(fileList?.length ?? 0) >= FILE_LIMITS.photosPerReport ? null : (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 6 }}>{t('hz.field.upload')}</div>
        </button>
      )}
    </Upload>
  );
}
