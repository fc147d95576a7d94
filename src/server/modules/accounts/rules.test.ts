import { describe, expect, it } from 'vitest';
import { canManageAccount, roleFitsUnit } from './rules';

const chiefOfBaogai = [{ role: 'township_chief' as const, unitId: 'b', path: 'c.s.b' }];

describe('account management rules', () => {
  it('grants roles only on units of their level', () => {
    expect(roleFitsUnit('grid_worker', 'grid')).toBe(true);
    expect(roleFitsUnit('grid_worker', 'village')).toBe(false);
    expect(roleFitsUnit('township_chief', 'township')).toBe(true);
  });

  it('lets a township chief manage accounts wholly inside the township', () => {
    expect(canManageAccount(chiefOfBaogai, { unitPath: 'c.s.b.v', grantPaths: ['c.s.b.v.g'] })).toBe(true);
  });

  it('refuses accounts that hold any role outside the admin\u2019s reach', () => {
    expect(canManageAccount(chiefOfBaogai, { unitPath: 'c.s.b', grantPaths: ['c.s'] })).toBe(false);
    expect(canManageAccount(chiefOfBaogai, { unitPath: 'c.s.l', grantPaths: [] })).toBe(false);
  });

  it('refuses roles without the accounts permission', () => {
    expect(canManageAccount([{ role: 'duty_officer', unitId: 'b', path: 'c.s.b' }], { unitPath: 'c.s.b', grantPaths: [] })).toBe(false);
  });
});
