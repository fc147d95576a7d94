import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Breadcrumb, Card, Flex, Skeleton, Tabs, Tag, Typography } from 'antd';
import type { UnitDetail } from '../../../contracts';
import { CHILD_LEVEL } from '../../../contracts';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ComplianceBadge } from '../../app/components/compliance-badge';
import { orgApi } from './api';
import { UnitInfoTab } from './unit-info-tab';
import { PostsTab } from './posts-tab';
import { PeopleTable } from './people-table';
import { ChildrenTab } from './children-tab';

type Props = {
  unitId: string;
  onPathKnown: (ancestorIds: string[]) => void;
  /** Tells the tree which units' children may have changed. */
  onChanged: (parentIds: (string | null)[]) => Promise<void>;
};

const TABS = ['info', 'posts', 'people', 'children'] as const;
type TabKey = (typeof TABS)[number];

export const hasPosts = (detail: Pick<UnitDetail, 'level'>) => detail.level === 'township' || detail.level === 'village';

export function UnitDetailPanel({ unitId, onPathKnown, onChanged }: Props) {
  const { t, errorText } = useI18n();
  const { can } = useAuth();
  const [detail, setDetail] = useState<UnitDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [searchParams, setSearchParams] = useSearchParams();

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const next = await orgApi.unit(unitId, signal);
        setDetail(next);
        setError(null);
      } catch (caught) {
        if (!signal?.aborted) setError(errorText(caught));
      }
    },
    [unitId, errorText],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  // A string, so the tree is told again only when the path itself changes (after a move).
  const visibleAncestors = detail ? detail.breadcrumb.filter((crumb) => crumb.visible).map((crumb) => crumb.id).join('/') : '';
  useEffect(() => {
    if (visibleAncestors) onPathKnown(visibleAncestors.split('/'));
  }, [visibleAncestors, onPathKnown]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!detail) return <Skeleton active />;

  /** After a change in any tab: refresh the unit (counts, compliance) and the tree around it. */
  const changed = async (updated?: UnitDetail, otherParents: (string | null)[] = []) => {
    if (updated) setDetail(updated);
    else await load();
    await onChanged([detail.parentId, detail.id, ...otherParents]);
  };

  const childLevel = CHILD_LEVEL[detail.level];
  const available: TabKey[] = TABS.filter((key) => (key === 'posts' ? hasPosts(detail) : key === 'children' ? childLevel !== null : true));
  const requested = searchParams.get('tab') as TabKey | null;
  const active: TabKey = requested && available.includes(requested) ? requested : 'info';

  const tabLabel: Record<TabKey, string> = {
    info: t('org.tab.info'),
    posts: t('org.tab.posts'),
    people: t('org.tab.people'),
    children: t('org.tab.children'),
  };

  const content = (key: TabKey) => {
    switch (key) {
      case 'info':
        return <UnitInfoTab detail={detail} onChanged={changed} />;
      case 'posts':
        return <PostsTab detail={detail} onChanged={() => changed()} />;
      case 'people':
        return <PeopleTable unitId={detail.id} subtree={false} canAdd={can('org.staff.manage') && detail.status === 'active'} onChanged={() => changed()} />;
      case 'children':
        return <ChildrenTab detail={detail} onChanged={changed} />;
    }
  };

  return (
    <Card size="small" styles={{ body: { padding: 16 } }}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          ...detail.breadcrumb.map((crumb) => ({
            key: crumb.id,
            title: crumb.visible ? <Link to={`/org/units/${crumb.id}`}>{crumb.name}</Link> : crumb.name,
          })),
          { key: detail.id, title: detail.name },
        ]}
      />
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <Typography.Title level={4} style={{ margin: 0 }} className={detail.status === 'retired' ? 'unit-retired' : undefined}>
            {detail.name}
          </Typography.Title>
          <Tag color="blue">{t(`level.${detail.level}`)}</Tag>
          <Tag>{t(`kind.${detail.kind}`)}</Tag>
          {detail.status === 'retired' ? <Tag color="default">{t('unitStatus.retired')}</Tag> : null}
        </Flex>
        {detail.compliance ? <ComplianceBadge compliance={detail.compliance} /> : null}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {detail.code} · {t('org.counts', detail.counts)}
      </Typography.Text>
      <Tabs
        activeKey={active}
        onChange={(key) => {
          const next = new URLSearchParams(searchParams);
          if (key === 'info') next.delete('tab');
          else next.set('tab', key);
          setSearchParams(next, { replace: true });
        }}
        items={available.map((key) => ({ key, label: tabLabel[key], children: content(key) }))}
        destroyOnHidden
      />
    </Card>
  );
}
