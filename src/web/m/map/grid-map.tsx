import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { GeoJsonObject } from 'geojson';
import type { Fix } from '../lib/geo';
import { TILE_ATTRIBUTION, TILE_URL } from '../../app/map/tiles';

export type MapPoint = { lat: number; lng: number; label?: string; tone?: 'pending' | 'issue' | 'normal' };

export type GridMapProps = {
  /** The grid's outline (GeoJSON), when the server has one. */
  boundary?: GeoJsonObject | null;
  /** The phone's position, with its accuracy circle. */
  me?: Fix | null;
  /** A chosen spot (a report's location): drawn as a pin-like marker. */
  pick?: Fix | null;
  points?: MapPoint[];
  onTap?: (lat: number, lng: number) => void;
  height?: number;
  label: string;
};

const TONES = { pending: '#d48806', issue: '#cf1322', normal: '#389e0d' } as const;

/** Where the map opens when there is neither a grid outline nor a position: 石狮市. */
const DEFAULT_CENTER: [number, number] = [24.73, 118.65];

/** The grid map (Leaflet, loaded only with the screens that show it). Vector layers only: no image assets. */
export default function GridMap({ boundary, me, pick, points, onTap, height = 220, label }: GridMapProps) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const fitted = useRef<string>('');
  const tap = useRef(onTap);
  tap.current = onTap;

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { zoomControl: true, attributionControl: Boolean(TILE_URL), center: DEFAULT_CENTER, zoom: 14 });
    if (TILE_URL) L.tileLayer(TILE_URL, { attribution: TILE_ATTRIBUTION, maxZoom: 19 }).addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => tap.current?.(e.latlng.lat, e.latlng.lng));
    layers.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = layers.current;
    if (!m || !group) return;
    group.clearLayers();
    let bounds: L.LatLngBounds | null = null;
    if (boundary) {
      const outline = L.geoJSON(boundary, { style: { color: '#1f4e8c', weight: 2, fillColor: '#1f4e8c', fillOpacity: 0.08 } }).addTo(group);
      if (outline.getBounds().isValid()) bounds = outline.getBounds();
    }
    for (const p of points ?? []) {
      const marker = L.circleMarker([p.lat, p.lng], { radius: 6, color: '#fff', weight: 2, fillColor: TONES[p.tone ?? 'normal'], fillOpacity: 1 }).addTo(group);
      if (p.label) marker.bindTooltip(p.label);
    }
    if (me) {
      if (me.accuracy) L.circle([me.lat, me.lng], { radius: me.accuracy, color: '#1677ff', weight: 1, fillOpacity: 0.1, interactive: false }).addTo(group);
      L.circleMarker([me.lat, me.lng], { radius: 7, color: '#fff', weight: 3, fillColor: '#1677ff', fillOpacity: 1, interactive: false }).addTo(group);
    }
    if (pick) {
      L.circleMarker([pick.lat, pick.lng], { radius: 10, color: '#cf1322', weight: 3, fillColor: '#ff4d4f', fillOpacity: 0.6, interactive: false }).addTo(group);
    }
    // Fit once per outline/first position; later moves of the pick keep the user's zoom.
    const key = `${boundary ? 'b' : ''}${me ? 'm' : ''}${pick ? 'p' : ''}`;
    if (key === fitted.current) return;
    fitted.current = key;
    const focus = pick ?? me;
    if (bounds && focus) bounds = bounds.extend([focus.lat, focus.lng]);
    if (bounds) m.fitBounds(bounds, { padding: [16, 16], maxZoom: 17 });
    else if (focus) m.setView([focus.lat, focus.lng], 16);
  }, [boundary, me, pick, points]);

  return <div ref={el} className="m-map" style={{ height }} role="application" aria-label={label} />;
}
