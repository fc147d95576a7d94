import { useCallback, useEffect, useRef, useState } from 'react';
import type { UnitSummary } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { orgApi } from './api';

/** No level holds more children than this in practice (a township's villages, a village's grids). */
const MAX_CHILDREN = 2000;

export type UnitTree = {
  roots: UnitSummary[] | null;
  children: Record<string, UnitSummary[]>;
  error: unknown;
  /** Loads (or with force, reloads) the children of a unit. */
  loadChildren: (parentId: string, force?: boolean) => Promise<void>;
  /** After a change: reloads the roots and the children of these units, if they were loaded. */
  reload: (parentIds: (string | null)[]) => Promise<void>;
};

async function fetchAllChildren(parentId: string, showRetired: boolean): Promise<UnitSummary[]> {
  const items: UnitSummary[] = [];
  for (let page = 1; items.length < MAX_CHILDREN; page += 1) {
    const result = await orgApi.units({ parentId, status: showRetired ? 'all' : 'active', page, pageSize: LIMITS.pageSizeMax });
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items;
}

/** The lazily loaded hierarchy behind the tree: roots first, children when a node is opened. */
export function useUnitTree(showRetired: boolean): UnitTree {
  const [roots, setRoots] = useState<UnitSummary[] | null>(null);
  const [children, setChildren] = useState<Record<string, UnitSummary[]>>({});
  const [error, setError] = useState<unknown>(null);
  const loaded = useRef(new Set<string>());
  const pending = useRef(new Map<string, Promise<void>>());

  const loadRoots = useCallback(async () => {
    try {
      const result = await orgApi.roots();
      setRoots(result.items);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, []);

  useEffect(() => {
    loaded.current.clear();
    pending.current.clear();
    setChildren({});
    void loadRoots();
  }, [loadRoots, showRetired]);

  const loadChildren = useCallback(
    (parentId: string, force = false) => {
      if (!force && loaded.current.has(parentId)) return Promise.resolve();
      const inFlight = pending.current.get(parentId);
      if (inFlight && !force) return inFlight;
      const promise = fetchAllChildren(parentId, showRetired)
        .then((items) => {
          loaded.current.add(parentId);
          setChildren((current) => ({ ...current, [parentId]: items }));
        })
        .catch((caught: unknown) => setError(caught))
        .finally(() => pending.current.delete(parentId));
      pending.current.set(parentId, promise);
      return promise;
    },
    [showRetired],
  );

  const reload = useCallback(
    async (parentIds: (string | null)[]) => {
      await Promise.all([
        loadRoots(),
        ...parentIds.filter((id): id is string => id !== null && loaded.current.has(id)).map((id) => loadChildren(id, true)),
      ]);
    },
    [loadRoots, loadChildren],
  );

  return { roots, children, error, loadChildren, reload };
}
