import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Checkbox, Empty, Flex, Input, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import type { UnitSummary } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { orgApi } from './api';
import type { UnitTree } from './use-unit-tree';

type Props = {
  tree: UnitTree;
  selectedId?: string;
  expandedKeys: string[];
  onExpandedChange: (keys: string[]) => void;
  onSelect: (unitId: string) => void;
  showRetired: boolean;
  onShowRetiredChange: (value: boolean) => void;
  /** Height of the scrolling area; the page decides (shorter on phones). */
  maxHeight: number | string;
};

function UnitTitle({ unit }: { unit: UnitSummary }) {
  return (
    <span className={unit.status === 'retired' ? 'unit-retired' : undefined} title={`${unit.name} ${unit.code}`}>
      {unit.name}
    </span>
  );
}

function SearchResults({ query, showRetired, onSelect }: { query: string; showRetired: boolean; onSelect: (id: string) => void }) {
  const { t, errorText } = useI18n();
  const [results, setResults] = useState<UnitSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setResults(null);
      orgApi
        .units({ q: query, status: showRetired ? 'all' : 'active', pageSize: 50 }, controller.signal)
        .then((page) => {
          setResults(page.items);
          setError(null);
        })
        .catch((caught: unknown) => {
          if (!controller.signal.aborted) setError(errorText(caught));
        });
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, showRetired, errorText]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!results) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (results.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noResults')} />;
  return (
    <div role="list" aria-label={t('org.searchResults')}>
      {results.map((unit) => (
        <div
          key={unit.id}
          role="listitem"
          tabIndex={0}
          onClick={() => onSelect(unit.id)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onSelect(unit.id);
          }}
          style={{ padding: '6px 8px', cursor: 'pointer', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
        >
          <Flex justify="space-between" gap={8}>
            <UnitTitle unit={unit} />
            <Tag style={{ marginInlineEnd: 0 }}>{t(`level.${unit.level}`)}</Tag>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {unit.code}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

/** The left side of the hierarchy page: search box and the lazily loaded tree. */
export function UnitTreePanel({ tree, selectedId, expandedKeys, onExpandedChange, onSelect, showRetired, onShowRetiredChange, maxHeight }: Props) {
  const { t, errorText } = useI18n();
  const [query, setQuery] = useState('');
  const trimmed = query.trim();

  const treeData = useMemo(() => {
    const toNode = (unit: UnitSummary): TreeDataNode => {
      const loadedChildren = tree.children[unit.id];
      return {
        key: unit.id,
        title: <UnitTitle unit={unit} />,
        isLeaf: loadedChildren ? loadedChildren.length === 0 : unit.childCount === 0,
        children: loadedChildren?.map(toNode),
      };
    };
    return (tree.roots ?? []).map(toNode);
  }, [tree.roots, tree.children]);

  return (
    <Card size="small" styles={{ body: { padding: 12 } }}>
      <Input.Search
        allowClear
        placeholder={t('org.searchPlaceholder')}
        value={query}
        maxLength={LIMITS.searchMax}
        onChange={(event) => setQuery(event.target.value)}
        aria-label={t('org.searchPlaceholder')}
      />
      <Checkbox checked={showRetired} onChange={(event) => onShowRetiredChange(event.target.checked)} style={{ margin: '8px 0' }}>
        {t('org.showRetired')}
      </Checkbox>
      <div style={{ maxHeight, overflow: 'auto' }}>
        {trimmed ? (
          <SearchResults query={trimmed} showRetired={showRetired} onSelect={onSelect} />
        ) : tree.error && !tree.roots ? (
          <Alert type="error" showIcon title={errorText(tree.error)} />
        ) : !tree.roots ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : (
          <Tree
            blockNode
            showLine
            treeData={treeData}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={expandedKeys}
            loadedKeys={Object.keys(tree.children)}
            onExpand={(keys) => onExpandedChange(keys.map(String))}
            loadData={(node) => tree.loadChildren(String(node.key))}
            onSelect={(keys) => {
              const key = keys[0];
              if (key !== undefined) onSelect(String(key));
            }}
          />
        )}
      </div>
    </Card>
  );
}
