import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

type Sized = { height?: number | string };

/** The desktop placeholder: an empty box of the map's size while it loads, with a note if it cannot. */
const plainBox = (content: ReactNode, props: Sized) => (
  <div style={{ height: props.height, borderRadius: 6, background: '#eef2f6', display: 'grid', placeItems: 'center', color: '#8c8c8c' }}>{content}</div>
);

/**
 * A map component fetched on first use, so Leaflet stays out of the pages that show no map. While it
 * loads, `box(null)` holds its place; if it cannot load, `box(failedText)` stands instead of a broken page.
 */
export function lazyMap<P extends Sized>(load: () => Promise<{ default: ComponentType<P> }>, box: (content: ReactNode, props: P) => ReactNode = plainBox) {
  const Loaded = lazy(load);
  return function LazyMap({ failedText, ...rest }: P & { failedText: string }) {
    const props = rest as unknown as P;
    return (
      <MapBoundary fallback={box(failedText, props)}>
        <Suspense fallback={box(null, props)}>
          <Loaded {...props} />
        </Suspense>
      </MapBoundary>
    );
  };
}
