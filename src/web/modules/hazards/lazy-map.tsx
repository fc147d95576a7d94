import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { MapViewProps } from './map-view';

const MapView = lazy(() => import('./map-view'));

class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The map, loaded with the first screen that shows it (Leaflet stays out of the other pages); a note if it cannot load. */
export function LazyMap(props: MapViewProps & { failedText: string }) {
  const { failedText, ...rest } = props;
  const box = (content: ReactNode) => (
    <div style={{ height: rest.height, borderRadius: 6, background: '#eef2f6', display: 'grid', placeItems: 'center', color: '#8c8c8c' }}>{content}</div>
  );
  return (
    <MapBoundary fallback={box(failedText)}>
      <Suspense fallback={box(null)}>
        <MapView {...rest} />
      </Suspense>
    </MapBoundary>
  );
}
