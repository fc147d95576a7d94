import { useEffect, useRef } from 'react';
import L from 'leaflet';
import type { Geometry } from 'geojson';
import type { GeoPosition, GridFeatureCollection } from '../../../contracts';
import { BaseMapFrame, useBaseMap } from '../../app/map/base-map';
import './grids.css';

export type BoundaryMapProps = {
  features: GridFeatureCollection['features'];
  /** The grid being looked at: drawn stronger, and framed. */
  highlightId?: string;
  /** Corners of a boundary being drawn ([lng, lat]); while set, clicks add corners. */
  draft?: GeoPosition[] | null;
  onMapClick?: (position: GeoPosition) => void;
  onFeatureClick?: (unitId: string) => void;
  /** The map frames its polygons again whenever this changes (another unit chosen). */
  fitKey: string;
  /** Write each grid's name on it (one village's grids); otherwise names show on hover only. */
  labels: boolean;
  height: number | string;
  label: string;
  noTilesText: string;
};

const STYLE = {
  normal: { color: '#4a78b5', weight: 1.5, fillColor: '#5b8ff9', fillOpacity: 0.12 },
  highlight: { color: '#1f4e8c', weight: 3, fillColor: '#1f4e8c', fillOpacity: 0.28 },
  faded: { color: '#8fa3bd', weight: 1, fillColor: '#8fa3bd', fillOpacity: 0.06, dashArray: '4 4' },
  draft: { color: '#d4380d', weight: 2, dashArray: '6 4' },
};

/** Names are written on the polygons when there are few enough to read. */
const LABEL_LIMIT = 24;

/** The grid boundary map (Leaflet; vector layers only, no tiles by default, no image assets). */
export default function BoundaryMap({ features, highlightId, draft, onMapClick, onFeatureClick, fitKey, labels, height, label, noTilesText }: BoundaryMapProps) {
  const shapes = useRef<L.LayerGroup | null>(null);
  const drawing = useRef<L.LayerGroup | null>(null);
  const fitted = useRef<string | null>(null);
  const handlers = useRef({ onMapClick, onFeatureClick, draft });
  handlers.current = { onMapClick, onFeatureClick, draft };

  const { el, map } = useBaseMap({
    zoom: 13,
    setup: (m) => {
      m.on('click', (e: L.LeafletMouseEvent) => {
        if (handlers.current.draft) handlers.current.onMapClick?.([e.latlng.lng, e.latlng.lat]);
      });
      shapes.current = L.layerGroup().addTo(m);
      drawing.current = L.layerGroup().addTo(m);
      return () => {
        fitted.current = null;
      };
    },
  });

  const isDrawing = Boolean(draft);

  useEffect(() => {
    const m = map.current;
    const group = shapes.current;
    if (!m || !group) return;
    group.clearLayers();
    let all: L.LatLngBounds | null = null;
    let focus: L.LatLngBounds | null = null;
    for (const f of features) {
      const mine = f.properties.unitId === highlightId;
      const style = mine ? (isDrawing ? STYLE.faded : STYLE.highlight) : STYLE.normal;
      const layer = L.geoJSON(f.geometry as Geometry, { style: () => style }).addTo(group);
      if (labels && features.length <= LABEL_LIMIT) layer.bindTooltip(f.properties.name, { permanent: true, direction: 'center', className: 'grid-label' });
      else layer.bindTooltip(f.properties.name);
      layer.on('click', (e: L.LeafletMouseEvent) => {
        // While drawing, a click on a polygon is a corner like any other.
        if (handlers.current.draft) return;
        L.DomEvent.stopPropagation(e);
        handlers.current.onFeatureClick?.(f.properties.unitId);
      });
      const bounds = layer.getBounds();
      if (!bounds.isValid()) continue;
      all = all ? all.extend(bounds) : L.latLngBounds(bounds.getSouthWest(), bounds.getNorthEast());
      if (mine) focus = bounds;
    }
    if (fitted.current === fitKey) return;
    const target = focus ?? all;
    if (target) {
      m.fitBounds(target, { padding: [28, 28], maxZoom: 17 });
      fitted.current = fitKey;
    }
  }, [map, features, highlightId, fitKey, labels, isDrawing]);

  useEffect(() => {
    const m = map.current;
    const group = drawing.current;
    if (!m || !group) return;
    group.clearLayers();
    if (draft) m.doubleClickZoom.disable();
    else m.doubleClickZoom.enable();
    m.getContainer().classList.toggle('grid-map-drawing', Boolean(draft));
    if (!draft || draft.length === 0) return;
    const latlngs = draft.map(([lng, lat]) => L.latLng(lat, lng));
    if (latlngs.length >= 3) L.polygon(latlngs, { ...STYLE.draft, fillColor: '#fa8c16', fillOpacity: 0.15, interactive: false }).addTo(group);
    else L.polyline(latlngs, { ...STYLE.draft, interactive: false }).addTo(group);
    latlngs.forEach((p, i) => L.circleMarker(p, { radius: i === 0 ? 7 : 5, color: '#fff', weight: 2, fillColor: '#d4380d', fillOpacity: 1, interactive: false }).addTo(group));
  }, [map, draft]);

  return <BaseMapFrame el={el} height={height} label={label} noTilesText={noTilesText} />;
}
