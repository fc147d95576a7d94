import { useSyncExternalStore } from 'react';

/** Phones: narrower than antd's `md` breakpoint (768 px). Read synchronously so desktop never flashes the phone layout. */
const QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

export function useIsMobile(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}

/** Filter fields: their own width on desktop, a full row each on phones so they stack neatly. */
export const filterWidth = (isMobile: boolean, width: number): number | string => (isMobile ? '100%' : width);
