import { useEffect, useState } from 'react';
import type { PersonView } from '../../../../contracts';
import { orgApi } from '../../org/api';

/** The active people of a desk's own unit: whom a roster can name. */
export function useDeskPeople(unitId: string | undefined): PersonView[] {
  const [people, setPeople] = useState<PersonView[]>([]);
  useEffect(() => {
    if (!unitId) return;
    const controller = new AbortController();
    orgApi
      .people({ unitId, subtree: false, status: 'active', pageSize: 200 }, controller.signal)
      .then((page) => setPeople(page.items))
      .catch(() => setPeople([]));
    return () => controller.abort();
  }, [unitId]);
  return people;
}
