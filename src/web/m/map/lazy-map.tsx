import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { GridMapProps } from './grid-map';

const GridMap = lazy(() => import('./grid-map'));

class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The map, fetched on first use so that the app shell stays small; a failure leaves a note, not a broken page. */
export function LazyMap(props: GridMapProps & { failedText: string }) {
  const { failedText, ...rest } = props;
  const placeholder = <div className="m-map m-map-empty" style={{ height: rest.height ?? 220 }} />;
  return (
    <MapBoundary fallback={<div className="m-map m-map-empty" style={{ height: rest.height ?? 220 }}>{failedText}</div>}>
      <Suspense fallback={placeholder}>
        <GridMap {...rest} />
      </Suspense>
    </MapBoundary>
  );
}
