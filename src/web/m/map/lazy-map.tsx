import { lazyMap } from '../../app/map/lazy-map';

/** The map, fetched on first use so that the app shell stays small; a failure leaves a note, not a broken page. */
export const LazyMap = lazyMap(
  () => import('./grid-map'),
  (content, props) => (
    <div className="m-map m-map-empty" style={{ height: props.height ?? 220 }}>
      {content}
    </div>
  ),
);
