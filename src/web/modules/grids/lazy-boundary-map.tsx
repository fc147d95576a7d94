import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { BoundaryMapProps } from './boundary-map';

const BoundaryMap = lazy(() => import('./boundary-map'));

class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The map, fetched with the tab that shows it; if it cannot load, a note instead of a broken page. */
export function LazyBoundaryMap(props: BoundaryMapProps & { failedText: string }) {
  const { failedText, ...rest } = props;
  const box = (content: ReactNode) => (
    <div style={{ height: rest.height, borderRadius: 6, background: '#eef2f6', display: 'grid', placeItems: 'center', color: '#8c8c8c' }}>{content}</div>
  );
  return (
    <MapBoundary fallback={box(failedText)}>
      <Suspense fallback={box(null)}>
        <BoundaryMap {...rest} />
      </Suspense>
    </MapBoundary>
  );
}
