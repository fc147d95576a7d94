import { useEffect, useRef } from 'react';
import L from 'leaflet';
import type { GridFeatureCollection, HazardState, RiskLevel } from '../../../contracts';
import { BaseMapFrame, useBaseMap } from '../../app/map/base-map';
import { RISK_FILL, STATE_COLOURS } from './labels';
import './hazards.css';

export type MapHazard = { id: string; lat: number; lng: number; state: HazardState; overdue: boolean; title: string; lines: string[] };
export type MapRisk = { id: string; lat: number; lng: number; level: RiskLevel; name: string; lines: string[] };

export type MapViewProps = {
  hazards: MapHazard[];
  risks?: MapRisk[];
  boundaries?: GridFeatureCollection | null;
  /** Opens a hazard (the popup's link); without it the popups have no link. */
  onOpen?: (id: string) => void;
  height: number | string;
  texts: { label: string; noTiles: string; open: string; hazards: string; risks: string; grids: string };
  /** One hazard's place (the detail page): closer zoom, no layer switcher. Fixed for the map's life. */
  single?: boolean;
};

/** Popup and tooltip content as DOM nodes with text only: names typed by users never become HTML. */
function card(title: string, lines: string[], link?: { text: string; onClick: () => void }): HTMLElement {
  const root = document.createElement('div');
  root.className = 'hz-popup';
  const strong = document.createElement('strong');
  strong.textContent = title;
  root.append(strong);
  for (const line of lines) {
    const div = document.createElement('div');
    div.textContent = line;
    root.append(div);
  }
  if (link) {
    const a = document.createElement('a');
    a.href = '#';
    a.textContent = link.text;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      link.onClick();
    });
    root.append(a);
  }
  return root;
}

const riskIcon = (level: RiskLevel) =>
  L.divIcon({ className: 'hz-risk-marker', html: `<span class="hz-risk-icon" style="background:${RISK_FILL[level]}"></span>`, iconSize: [16, 16], iconAnchor: [8, 8] });

/**
 * The Leaflet map of the hazard pages: hazards as dots in their state's colour (overdue ones ringed
 * in dark red), risk points as diamonds in their 红/橙/黄/蓝 colour, grid boundaries as outlines.
 * On the shared base map (no tiles unless TILE_URL is set). Fits the view to the data.
 */
export default function MapView({ hazards, risks = [], boundaries, onOpen, height, texts, single = false }: MapViewProps) {
  const groups = useRef<{ hazards: L.FeatureGroup; risks: L.FeatureGroup; grids: L.FeatureGroup } | null>(null);
  const fit = useRef<(() => void) | null>(null);
  const fitting = useRef(false);
  const userMoved = useRef(false);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;

  // The layer names are fixed for the map's life; a language switch remounts the page.
  const { el, map } = useBaseMap({
    zoom: 12,
    zoomSnap: 0.5,
    setup: (m) => {
      const g = { grids: L.featureGroup().addTo(m), risks: L.featureGroup().addTo(m), hazards: L.featureGroup().addTo(m) };
      // On a phone the layer switcher folds into a button, so it does not cover the map.
      const compact = window.matchMedia('(max-width: 767.98px)').matches;
      if (!single) L.control.layers(undefined, { [texts.hazards]: g.hazards, [texts.risks]: g.risks, [texts.grids]: g.grids }, { collapsed: compact }).addTo(m);
      groups.current = g;
      m.on('movestart', () => {
        if (!fitting.current) userMoved.current = true;
      });
      return () => {
        groups.current = null;
      };
    },
    // The box may get its size after the map was made (a lazy chunk, a resized window): frame the
    // data again unless the user has moved the map meanwhile.
    onResize: () => {
      if (!userMoved.current) fit.current?.();
    },
  });

  useEffect(() => {
    const m = map.current;
    const g = groups.current;
    if (!m || !g) return;
    g.hazards.clearLayers();
    g.risks.clearLayers();
    g.grids.clearLayers();
    if (boundaries) {
      for (const f of boundaries.features) {
        L.geoJSON(f as unknown as GeoJSON.Feature, { style: { color: '#1f4e8c', weight: 1.5, opacity: 0.8, fillColor: '#1f4e8c', fillOpacity: 0.05, dashArray: '4 3' } })
          .bindTooltip(card(f.properties.name, []), { sticky: true })
          .addTo(g.grids);
      }
    }
    for (const r of risks) {
      L.marker([r.lat, r.lng], { icon: riskIcon(r.level), keyboard: false })
        .bindPopup(card(r.name, r.lines))
        .addTo(g.risks);
    }
    for (const h of hazards) {
      const marker = L.circleMarker([h.lat, h.lng], {
        radius: single ? 9 : 7,
        color: h.overdue ? '#a8071a' : '#fff',
        weight: h.overdue ? 3 : 2,
        fillColor: STATE_COLOURS[h.state].fill,
        fillOpacity: 0.95,
      });
      const link = openRef.current && !single ? { text: texts.open, onClick: () => openRef.current?.(h.id) } : undefined;
      marker.bindPopup(card(h.title, h.lines, link)).addTo(g.hazards);
    }
    const bounds = L.latLngBounds([]);
    for (const group of [g.hazards, g.risks, g.grids]) {
      const b = group.getBounds();
      if (b.isValid()) bounds.extend(b);
    }
    // No animation: the data can change while a zoom is still running, and vector layers would stay scaled.
    fit.current = () => {
      fitting.current = true;
      if (single && hazards[0]) m.setView([hazards[0].lat, hazards[0].lng], 16, { animate: false });
      else if (bounds.isValid()) m.fitBounds(bounds, { padding: [24, 24], maxZoom: 16, animate: false });
      fitting.current = false;
    };
    userMoved.current = false;
    fit.current();
  }, [map, hazards, risks, boundaries, single, texts.open]);

  return <BaseMapFrame el={el} height={height} label={texts.label} noTilesText={texts.noTiles} testId="hazard-map" />;
}
