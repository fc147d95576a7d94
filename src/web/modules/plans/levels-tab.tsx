import { useState } from 'react';
import { App, Button, Card, Empty, Flex, List, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { PlanActionView, PlanDetail, ResponseLevel } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { ActionModal } from './action-modal';
import { plansApi } from './api';
import { ResponseLevelTag, timeLimitText } from './labels';

/** 响应等级与任务清单: the four levels, each with its ordered checklist; editable by those who keep the plan. */
export function LevelsTab({ plan, onChange }: { plan: PlanDetail; onChange: (plan: PlanDetail) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [target, setTarget] = useState<{ level: ResponseLevel; action: PlanActionView | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = plan.can.manage;

  const run = async (work: () => Promise<PlanDetail>) => {
    setBusy(true);
    try {
      onChange(await work());
    } catch (caught) {
      message.error(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  const move = (level: ResponseLevel, actions: PlanActionView[], index: number, by: -1 | 1) => {
    const ids = actions.map((a) => a.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    return run(() => plansApi.reorder(plan.id, level, ids));
  };

  return (
    <Flex vertical gap={12}>
      {plan.levels.map(({ level, actions }) => (
        <Card
          key={level}
          size="small"
          title={
            <Space>
              <ResponseLevelTag level={level} long />
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {t('plans.actionsCount', { n: actions.length })}
              </Typography.Text>
            </Space>
          }
          extra={
            editable ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setTarget({ level, action: null })}>
                {t('plans.addAction')}
              </Button>
            ) : null
          }
        >
          {actions.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.noActions')} style={{ margin: '8px 0' }} />
          ) : (
            <List<PlanActionView>
              size="small"
              dataSource={actions}
              renderItem={(a, index) => (
                <List.Item style={{ display: 'block' }}>
                  {/* The text takes the row; on a phone the buttons wrap below it instead of squeezing it. */}
                  <Flex gap={8} wrap align="flex-start" justify="space-between">
                    <Flex gap={10} style={{ minWidth: 0, flex: '1 1 260px' }}>
                      <Typography.Text type="secondary" style={{ width: 20, flex: 'none', textAlign: 'right' }}>
                        {index + 1}.
                      </Typography.Text>
                      <div style={{ minWidth: 0 }}>
                        <div style={{ whiteSpace: 'pre-wrap' }}>{a.action}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {a.ownerPost}
                          {a.ownerPerson ? ` · ${a.ownerPerson.name} ${a.ownerPerson.phone}` : ''} · {timeLimitText(t, a.timeLimitMinutes)}
                        </Typography.Text>
                      </div>
                    </Flex>
                    {editable ? (
                      <Space size={2} style={{ marginInlineStart: 'auto' }}>
                        <Tooltip title={t('plans.moveUp')}>
                          <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={busy || index === 0} onClick={() => move(level, actions, index, -1)} aria-label={t('plans.moveUp')} />
                        </Tooltip>
                        <Tooltip title={t('plans.moveDown')}>
                          <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={busy || index === actions.length - 1} onClick={() => move(level, actions, index, 1)} aria-label={t('plans.moveDown')} />
                        </Tooltip>
                        <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setTarget({ level, action: a })} aria-label={t('common.edit')} />
                        <Popconfirm title={t('plans.deleteActionConfirm')} onConfirm={() => run(() => plansApi.deleteAction(a.id))}>
                          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                        </Popconfirm>
                      </Space>
                    ) : null}
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      ))}
      <ActionModal
        plan={plan}
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(saved) => {
          setTarget(null);
          onChange(saved);
        }}
      />
    </Flex>
  );
}
