import { useEffect, useRef } from 'react';
import L from 'leaflet';
import type { RiskLevel } from '../../../contracts';
import { BaseMapFrame, useBaseMap } from '../../app/map/base-map';
import { levelFill } from './labels';

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

/** A small Leaflet map of risk points (vector markers only: no image assets, no tiles by default). */
export default function RiskMap({ points, pick, onPick, onSelect, height, label, noTilesText }: RiskMapProps) {
  const layers = useRef<L.LayerGroup | null>(null);
  const fitted = useRef(false);
  const handlers = useRef({ onPick, onSelect });
  handlers.current = { onPick, onSelect };

  // Inside a modal or drawer the box gets its size after the map was made: the base map follows it.
  const { el, map } = useBaseMap({
    zoom: 12,
    setup: (m) => {
      m.on('click', (e: L.LeafletMouseEvent) => handlers.current.onPick?.(e.latlng.lat, e.latlng.lng));
      layers.current = L.layerGroup().addTo(m);
      return () => {
        fitted.current = false;
      };
    },
  });

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
  }, [map, points, pick]);

  return <BaseMapFrame el={el} height={height} label={label} noTilesText={noTilesText} />;
}
