import { useEffect, useState } from 'react';
import type { HazardCategory } from '../../../contracts';
import { hazardsApi } from './api';

/** The hazard category catalog, fetched once per page. */
export function useCategories(): HazardCategory[] {
  const [items, setItems] = useState<HazardCategory[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    hazardsApi.categories(controller.signal).then((r) => setItems(r.items), () => undefined);
    return () => controller.abort();
  }, []);
  return items;
}
