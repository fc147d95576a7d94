import { useEffect, useRef, useState } from 'react';
import type { Paged } from '../../contracts';
import { useI18n } from './i18n';

export type PageRequest = { page: number; pageSize: number };

/**
 * One page of a list from the API. It is fetched again when `query` changes (a new object or value:
 * memoize it), back on page 1, when `refresh` changes or on reload(), on the same page; an older
 * request still running is cancelled. `pagination` fits antd's Table and Pagination.
 */
export function usePagedList<Q, T>(query: Q, fetchPage: (query: Q, paging: PageRequest, signal: AbortSignal) => Promise<Paged<T>>, refresh?: unknown) {
  const { t, errorText } = useI18n();
  // The page is remembered per query: a new filter starts from page 1, the page size stays.
  const [paging, setPaging] = useState({ query, page: 1, pageSize: 20 });
  const page = Object.is(paging.query, query) ? paging.page : 1;
  const { pageSize } = paging;
  const [data, setData] = useState<Paged<T> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const latest = useRef(fetchPage);
  latest.current = fetchPage;

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setLoading(true);
    latest.current(query, { page, pageSize }, signal)
      .then((next) => {
        setData(next);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!signal.aborted) setError(errorText(caught));
      })
      .finally(() => {
        if (!signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [query, page, pageSize, refresh, version, errorText]);

  const pagination = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showTotal: (total: number) => t('common.total', { total }),
    onChange: (nextPage: number, nextSize: number) => setPaging({ query, page: nextPage, pageSize: nextSize }),
  };

  return {
    data,
    items: data?.items ?? [],
    loading,
    error,
    reload: () => setVersion((v) => v + 1),
    pagination,
    /** For a desktop table: the reader may also choose 20, 50 or 100 rows a page. */
    tablePagination: { ...pagination, showSizeChanger: true, pageSizeOptions: [20, 50, 100] },
  };
}
