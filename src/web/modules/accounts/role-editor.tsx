import { useState } from 'react';
import { Button, Flex, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Role, RoleGrant } from '../../../contracts';
import { LIMITS, ROLE_LEVEL } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { UnitSelect, type UnitOption } from '../org/unit-select';
import type { RoleCatalog } from './api';

/** A grant as the editor shows it: the role and the unit's name and code. */
export type GrantItem = RoleGrant & { unitName: string; unitCode: string };

type Props = {
  value?: GrantItem[];
  onChange?: (value: GrantItem[]) => void;
  catalog: RoleCatalog | null;
  disabled?: boolean;
};

export const toGrants = (items: GrantItem[]): RoleGrant[] => items.map(({ role, unitId }) => ({ role, unitId }));

/**
 * The role editor: pick a role, then a unit of the role's level (ROLE_LEVEL), then add. Works as
 * an antd form control (value/onChange).
 */
export function RoleEditor({ value = [], onChange, catalog, disabled }: Props) {
  const { t } = useI18n();
  const [role, setRole] = useState<Role | undefined>();
  const [unit, setUnit] = useState<UnitOption | undefined>();
  const [problem, setProblem] = useState<string | null>(null);

  const roles = catalog?.items.map((item) => item.role) ?? [];
  const level = role ? ROLE_LEVEL[role] : undefined;

  const add = () => {
    if (!role || !unit) return;
    if (value.some((grant) => grant.role === role && grant.unitId === unit.id)) {
      setProblem(t('roles.duplicate'));
      return;
    }
    if (value.length >= LIMITS.rolesPerAccountMax) {
      setProblem(t('roles.max', { max: LIMITS.rolesPerAccountMax }));
      return;
    }
    onChange?.([...value, { role, unitId: unit.id, unitName: unit.name, unitCode: unit.code }]);
    setUnit(undefined);
    setProblem(null);
  };

  return (
    <div>
      <Flex wrap gap={6} style={{ marginBottom: 8 }}>
        {value.length === 0 ? <Typography.Text type="warning">{t('roles.empty')}</Typography.Text> : null}
        {value.map((grant) => (
          <Tag
            key={`${grant.role}:${grant.unitId}`}
            color="blue"
            closable={!disabled}
            onClose={(event) => {
              event.preventDefault();
              onChange?.(value.filter((other) => other !== grant));
            }}
            style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
          >
            {t(`role.${grant.role}`)} · {grant.unitName}
          </Tag>
        ))}
      </Flex>
      {disabled ? null : (
        <Flex wrap gap={8}>
          <Select<Role>
            value={role}
            placeholder={t('roles.role')}
            onChange={(next) => {
              setRole(next);
              setUnit(undefined);
              setProblem(null);
            }}
            options={roles.map((value) => ({ value, label: `${t(`role.${value}`)}（${t(`level.${ROLE_LEVEL[value]}`)}）` }))}
            style={{ width: 240, maxWidth: '100%' }}
            aria-label={t('roles.role')}
          />
          <div style={{ width: 240, maxWidth: '100%' }}>
            <UnitSelect
              key={role ?? 'none'}
              level={level}
              disabled={!role}
              value={unit?.id}
              initial={unit}
              onChange={(_id, chosen) => setUnit(chosen)}
              placeholder={level ? t('roles.pickUnit', { level: t(`level.${level}`) }) : t('roles.pickRole')}
            />
          </div>
          <Button icon={<PlusOutlined />} onClick={add} disabled={!role || !unit}>
            {t('roles.add')}
          </Button>
        </Flex>
      )}
      {problem ? <Typography.Text type="danger">{problem}</Typography.Text> : null}
    </div>
  );
}
