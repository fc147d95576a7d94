import { useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Flex, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PLAN_WARNING_LEVELS, PLAN_WARNING_TYPES, RESPONSE_LEVEL_ROMAN, RESPONSE_LEVELS, type PlanDetail, type PlanRule, type PlanWarningLevel, type PlanWarningType, type ResponseLevel } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { plansApi } from './api';
import { RESPONSE_FILL, WarningLevelDot } from './labels';

type Grid = Partial<Record<`${PlanWarningType}/${PlanWarningLevel}`, ResponseLevel>>;

const toGrid = (rules: PlanRule[]): Grid => Object.fromEntries(rules.map((r) => [`${r.warningType}/${r.warningLevel}`, r.responseLevel]));

/** 启动规则: for each warning type the plan covers, which colour starts which response level. */
export function RulesTab({ plan, onChange }: { plan: PlanDetail; onChange: (plan: PlanDetail) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [grid, setGrid] = useState<Grid>(() => toGrid(plan.rules));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const types = useMemo(() => PLAN_WARNING_TYPES.filter((type) => plan.hazards.includes(type)), [plan.hazards]);
  const editable = plan.can.manage;

  if (types.length === 0) return <Empty description={t('plans.rules.noHazards')} />;

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const rules = types.flatMap((warningType) =>
        PLAN_WARNING_LEVELS.flatMap((warningLevel) => {
          const responseLevel = grid[`${warningType}/${warningLevel}`];
          return responseLevel ? [{ warningType, warningLevel, responseLevel }] : [];
        }),
      );
      const saved = await plansApi.putRules(plan.id, rules);
      setGrid(toGrid(saved.rules));
      message.success(t('plans.rules.saved'));
      onChange(saved);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<PlanWarningType> = [
    { title: t('plans.rules.warningType'), key: 'type', fixed: 'left', render: (_, type) => <Typography.Text strong>{t(`planHazard.${type}`)}</Typography.Text> },
    ...PLAN_WARNING_LEVELS.map((level) => ({
      title: (
        <span style={{ whiteSpace: 'nowrap' }}>
          <WarningLevelDot level={level} />
          {t(`warningLevel.${level}`)}
        </span>
      ),
      key: level,
      render: (_: unknown, type: PlanWarningType) => {
        const value = grid[`${type}/${level}`];
        if (!editable) return value ? <span style={{ color: RESPONSE_FILL[value].bg, fontWeight: 600 }}>{t('plans.levelShort', { roman: RESPONSE_LEVEL_ROMAN[value] })}</span> : '—';
        return (
          <Select<ResponseLevel | 'none'>
            size="small"
            value={value ?? 'none'}
            style={{ width: 92 }}
            aria-label={`${t(`planHazard.${type}`)} ${t(`warningLevel.${level}`)}`}
            onChange={(v) => setGrid((g) => ({ ...g, [`${type}/${level}`]: v === 'none' ? undefined : v }))}
            options={[{ value: 'none', label: t('plans.rules.none') }, ...RESPONSE_LEVELS.map((l) => ({ value: l, label: t('plans.levelShort', { roman: RESPONSE_LEVEL_ROMAN[l] }) }))]}
          />
        );
      },
    })),
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {t('plans.rules.hint')} {t('plans.rules.example', { type: t('planHazard.typhoon'), level: t('warningLevel.red'), roman: 'Ⅰ' })}
      </Typography.Text>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Table<PlanWarningType> rowKey={(type) => type} size="small" columns={columns} dataSource={types} pagination={false} scroll={{ x: 'max-content' }} />
      {editable ? (
        <div>
          <Button type="primary" loading={saving} onClick={save}>
            {t('common.save')}
          </Button>
        </div>
      ) : null}
    </Flex>
  );
}
