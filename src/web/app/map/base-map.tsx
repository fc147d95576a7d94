import { useEffect, useRef, type RefObject } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { DEFAULT_CENTER, TILE_ATTRIBUTION, TILE_URL } from './tiles';

type BaseMapOptions = {
  zoom: number;
  /** Finer zoom steps than Leaflet's whole levels (fitting many markers snugly). */
  zoomSnap?: number;
  /** Adds the map's layers and handlers once it exists; what it returns runs before the map goes. */
  setup: (map: L.Map) => void | (() => void);
  /** After the box changed size and the map followed (a lazy chunk, a modal opening, a resized window). */
  onResize?: () => void;
};

/**
 * A Leaflet map in the element behind `el`, made once per mount: the tiles of TILE_URL when set,
 * otherwise none (attribution off, the frame's plain sheet shows through), a metric scale, and a
 * map that follows its box's size. Vector layers only: no image assets.
 */
export function useBaseMap({ zoom, zoomSnap, setup, onResize }: BaseMapOptions): { el: RefObject<HTMLDivElement | null>; map: RefObject<L.Map | null> } {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const latest = useRef({ zoom, zoomSnap, setup, onResize });
  latest.current = { zoom, zoomSnap, setup, onResize };

  useEffect(() => {
    if (!el.current) return;
    const options = latest.current;
    // Leaflet copies undefined options too: only pass zoomSnap when there is one.
    const m = L.map(el.current, { center: DEFAULT_CENTER, zoom: options.zoom, attributionControl: Boolean(TILE_URL), ...(options.zoomSnap ? { zoomSnap: options.zoomSnap } : {}) });
    if (TILE_URL) L.tileLayer(TILE_URL, { attribution: TILE_ATTRIBUTION, maxZoom: 19 }).addTo(m);
    L.control.scale({ imperial: false }).addTo(m);
    const teardown = options.setup(m);
    map.current = m;
    const resize = new ResizeObserver(() => {
      m.invalidateSize();
      latest.current.onResize?.();
    });
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      teardown?.();
      m.remove();
      map.current = null;
    };
  }, []);

  return { el, map };
}

/** Without a tile server the map is a plain, faintly gridded sheet, so an empty map still reads as a map. */
const PLAIN = {
  backgroundColor: '#eef2f6',
  backgroundImage: 'linear-gradient(#dde3ea 1px, transparent 1px), linear-gradient(90deg, #dde3ea 1px, transparent 1px)',
  backgroundSize: '32px 32px',
};

const NO_TILES_NOTE = { position: 'absolute', right: 6, bottom: 4, zIndex: 500, fontSize: 11, color: '#6b7785', background: 'rgba(255,255,255,0.8)', padding: '0 4px', borderRadius: 3, pointerEvents: 'none' } as const;

type FrameProps = {
  el: RefObject<HTMLDivElement | null>;
  height: number | string;
  /** The map's accessible name. */
  label: string;
  /** Says in a corner that there is no base map (shown only without TILE_URL). */
  noTilesText: string;
  testId?: string;
};

/** The box a useBaseMap map lives in: the plain sheet, and the note that there are no tiles. */
export function BaseMapFrame({ el, height, label, noTilesText, testId }: FrameProps) {
  return (
    <div style={{ position: 'relative' }}>
      <div ref={el} style={{ height, borderRadius: 6, ...PLAIN }} role="application" aria-label={label} data-testid={testId} />
      {TILE_URL ? null : <div style={NO_TILES_NOTE}>{noTilesText}</div>}
    </div>
  );
}
