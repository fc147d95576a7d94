import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { RiskLevel } from '../../../contracts';
import { levelFill } from './labels';
import { DEFAULT_CENTER, TILE_ATTRIBUTION, TILE_URL } from './map-tiles';

export type RiskMapMarker = { id: string; lat: number; lng: number; level: RiskLevel; label: string; overdue?: boolean };

export type RiskMapProps = {
  /** Risk points, coloured by level; overdue ones get a dark ring. */
  points: RiskMapMarker[];
  /** The spot being chosen (a new point's location): a larger marker with a ring. */
  pick?: { lat: number; lng: number; level?: RiskLevel } | null;
  onPick?: (lat: number, lng: number) => void;
  onSelect?: (id: string) => void;
  height: number;
  label: string;
  noTilesText: string;
};

/** Without a tile server the map is a plain, faintly gridded sheet, so an empty map still reads as a map. */
const PLAIN = {
  backgroundColor: '#eef2f6',
  backgroundImage: 'linear-gradient(#dde3ea 1px, transparent 1px), linear-gradient(90deg, #dde3ea 1px, transparent 1px)',
  backgroundSize: '32px 32px',
};

/** A small Leaflet map of risk points (vector markers only: no image assets, no tiles by default). */
export default function RiskMap({ points, pick, onPick, onSelect, height, label, noTilesText }: RiskMapProps) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const fitted = useRef(false);
  const handlers = useRef({ onPick, onSelect });
  handlers.current = { onPick, onSelect };

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { center: DEFAULT_CENTER, zoom: 12, attributionControl: Boolean(TILE_URL) });
    if (TILE_URL) L.tileLayer(TILE_URL, { attribution: TILE_ATTRIBUTION, maxZoom: 19 }).addTo(m);
    L.control.scale({ imperial: false }).addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => handlers.current.onPick?.(e.latlng.lat, e.latlng.lng));
    layers.current = L.layerGroup().addTo(m);
    map.current = m;
    // Inside a modal or drawer the box gets its size after the map was made: follow it.
    const resize = new ResizeObserver(() => m.invalidateSize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      m.remove();
      map.current = null;
      fitted.current = false;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = layers.current;
    if (!m || !group) return;
    group.clearLayers();
    for (const p of points) {
      const { bg } = levelFill(p.level);
      const marker = L.circleMarker([p.lat, p.lng], { radius: 7, color: p.overdue ? '#1f1f1f' : '#fff', weight: p.overdue ? 3 : 2, fillColor: bg, fillOpacity: 0.95 }).addTo(group);
      marker.bindTooltip(p.label);
      marker.on('click', (e: L.LeafletMouseEvent) => {
        if (!handlers.current.onSelect) return;
        L.DomEvent.stopPropagation(e);
        handlers.current.onSelect(p.id);
      });
    }
    if (pick) {
      const fill = pick.level ? levelFill(pick.level).bg : '#1f4e8c';
      L.circleMarker([pick.lat, pick.lng], { radius: 12, color: fill, weight: 3, fillOpacity: 0.15, interactive: false }).addTo(group);
      L.circleMarker([pick.lat, pick.lng], { radius: 6, color: '#fff', weight: 2, fillColor: fill, fillOpacity: 1, interactive: false }).addTo(group);
    }
    // Frame the points once; later changes (a moved pick) keep the user's own zoom and position.
    if (fitted.current) return;
    if (pick) {
      m.setView([pick.lat, pick.lng], 15);
      fitted.current = true;
    } else if (points.length > 0) {
      m.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number])), { padding: [24, 24], maxZoom: 15 });
      fitted.current = true;
    }
  }, [points, pick]);

  return (
    <div style={{ position: 'relative' }}>
      <div ref={el} style={{ height, borderRadius: 6, ...PLAIN }} role="application" aria-label={label} />
      {TILE_URL ? null : (
        <div style={{ position: 'absolute', right: 6, bottom: 4, zIndex: 500, fontSize: 11, color: '#6b7785', background: 'rgba(255,255,255,0.8)', padding: '0 4px', borderRadius: 3, pointerEvents: 'none' }}>
          {noTilesText}
        </div>
      )}
    </div>
  );
}
