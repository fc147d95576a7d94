import { useEffect, useRef, useState } from 'react';
import { FILE_LIMITS } from '../../../contracts/files';
import { useI18n } from '../i18n';
import { compressPhoto } from '../lib/photo';
import { Icon } from './icons';

/** A photo in a form: a new compressed blob, or one already in the outbox (blobId) when editing. */
export type FormPhoto = { key: string; blob: Blob; blobId?: string; bytes: number };

/** Takes photos with the camera (several), compresses each on the phone, shows thumbnails. */
export function PhotoPicker({ photos, onChange, inputId }: { photos: FormPhoto[]; onChange: (next: FormPhoto[]) => void; inputId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const urls = useRef(new Map<string, string>());
  const latest = useRef(photos);
  latest.current = photos;

  useEffect(() => {
    const map = urls.current;
    return () => {
      for (const url of map.values()) URL.revokeObjectURL(url);
    };
  }, []);

  const urlOf = (p: FormPhoto) => {
    let url = urls.current.get(p.key);
    if (!url) {
      url = URL.createObjectURL(p.blob);
      urls.current.set(p.key, url);
    }
    return url;
  };

  async function add(files: FileList | null) {
    if (!files?.length) return;
    setError(null);
    setBusy(true);
    const added: FormPhoto[] = [];
    try {
      for (const file of Array.from(files)) {
        if (latest.current.length + added.length >= FILE_LIMITS.photosPerReport) {
          setError(t('report.photoLimit', { max: FILE_LIMITS.photosPerReport }));
          break;
        }
        try {
          const blob = await compressPhoto(file);
          added.push({ key: `${Date.now()}-${Math.random()}`, blob, bytes: blob.size });
        } catch {
          setError(t('report.photoFailed'));
        }
      }
    } finally {
      setBusy(false);
    }
    if (added.length) onChange([...latest.current, ...added]);
  }

  function remove(key: string) {
    const url = urls.current.get(key);
    if (url) URL.revokeObjectURL(url);
    urls.current.delete(key);
    onChange(photos.filter((p) => p.key !== key));
  }

  return (
    <div>
      <div className="m-photos">
        {photos.map((p) => (
          <div key={p.key} className="m-photo">
            <img src={urlOf(p)} alt="" />
            <button type="button" className="m-photo-remove" onClick={() => remove(p.key)} aria-label={t('common.delete')}>
              <Icon name="close" size={14} />
            </button>
            <span className="m-photo-size">{Math.round(p.bytes / 1024)} KB</span>
          </div>
        ))}
        {photos.length < FILE_LIMITS.photosPerReport && (
          <label className="m-photo m-photo-add" htmlFor={inputId}>
            <Icon name="camera" size={28} />
            <span>{busy ? t('report.compressing') : t('report.addPhoto')}</span>
          </label>
        )}
      </div>
      <input
        id={inputId}
        className="m-hidden-input"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        onChange={(e) => {
          void add(e.target.files);
          e.target.value = '';
        }}
      />
      {error && <div className="m-error">{error}</div>}
    </div>
  );
}
