import type { GeoJsonObject } from 'geojson';
import { useI18n } from '../i18n';
import type { PositionState } from '../lib/geo';
import { LazyMap } from '../map/lazy-map';
import { Icon } from './icons';

/** Where: the GPS fix with its accuracy, adjustable by tapping the map, or set on the map when there is no fix. */
export function LocationField({ position, onTap, onRelocate, boundary }: { position: PositionState; onTap: (lat: number, lng: number) => void; onRelocate: () => void; boundary?: GeoJsonObject | null }) {
  const { t } = useI18n();
  const fix = position.fix;
  const text =
    position.status === 'locating'
      ? t('report.locating')
      : position.status === 'fixed'
        ? t('report.located', { lat: position.fix.lat.toFixed(5), lng: position.fix.lng.toFixed(5), acc: position.fix.accuracy ?? '?' })
        : position.status === 'manual'
          ? t('report.manual', { lat: position.fix.lat.toFixed(5), lng: position.fix.lng.toFixed(5) })
          : t('report.noLocation');
  return (
    <div>
      <div className="m-row m-between">
        <span className={position.status === 'failed' ? 'm-loc m-loc-bad' : 'm-loc'} data-testid="location-status">
          <Icon name="pin" size={16} /> {text}
        </span>
        <button type="button" className="m-btn m-btn-small" onClick={onRelocate}>
          {t('report.relocate')}
        </button>
      </div>
      <LazyMap boundary={boundary} me={position.status === 'fixed' ? fix : null} pick={fix} onTap={onTap} height={180} label={t('map.tapToSet')} failedText={t('home.mapUnavailable')} />
      <div className="m-hint">{t('map.tapToSet')}</div>
    </div>
  );
}
