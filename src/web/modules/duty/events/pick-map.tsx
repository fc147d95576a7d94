import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { BaseMapFrame, useBaseMap } from '../../../app/map/base-map';

export type PickMapProps = {
  pick: { lat: number; lng: number } | null;
  onPick: (lat: number, lng: number) => void;
  height: number;
  label: string;
  noTilesText: string;
};

/** A small map to click the place of an event on (vector marker only). */
export default function PickMap({ pick, onPick, height, label, noTilesText }: PickMapProps) {
  const layer = useRef<L.LayerGroup | null>(null);
  const handler = useRef(onPick);
  handler.current = onPick;
  const { el, map } = useBaseMap({
    zoom: 12,
    setup: (m) => {
      m.on('click', (e: L.LeafletMouseEvent) => handler.current(e.latlng.lat, e.latlng.lng));
      layer.current = L.layerGroup().addTo(m);
      return () => undefined;
    },
  });
  useEffect(() => {
    const group = layer.current;
    if (!map.current || !group) return;
    group.clearLayers();
    if (pick) {
      L.circleMarker([pick.lat, pick.lng], { radius: 12, color: '#cf1322', weight: 3, fillOpacity: 0.15, interactive: false }).addTo(group);
      L.circleMarker([pick.lat, pick.lng], { radius: 6, color: '#fff', weight: 2, fillColor: '#cf1322', fillOpacity: 1, interactive: false }).addTo(group);
    }
  }, [pick, map]);
  return <BaseMapFrame el={el} height={height} label={label} noTilesText={noTilesText} testId="pick-map" />;
}
