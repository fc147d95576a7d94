import { useCallback } from 'react';
import type { HazardCategory } from '../../../contracts';
import { useI18n } from '../i18n';
import { useCached } from '../lib/cached';

/** Where the catalog comes from and the name of its copy on the phone. */
export const CATEGORIES = { key: 'categories', path: '/hazards/categories' } as const;

/** The hazard categories, kept on the phone so the report form works offline. */
export function useCategories() {
  const resource = useCached<{ items: HazardCategory[] }>(CATEGORIES.key, CATEGORIES.path);
  const items = (resource.data?.items ?? []).filter((c) => c.active).sort((a, b) => a.sortOrder - b.sortOrder);
  return { ...resource, items };
}

export function useCategoryName(): (code: string) => string {
  const { locale } = useI18n();
  const { data } = useCached<{ items: HazardCategory[] }>(CATEGORIES.key, null);
  return useCallback(
    (code: string) => {
      const c = data?.items.find((x) => x.code === code);
      return c ? (locale === 'en' ? c.nameEn : c.nameZh) : code;
    },
    [data, locale],
  );
}
