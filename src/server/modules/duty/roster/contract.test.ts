import { describe, expect, it } from 'vitest';
import * as contract from '../../../../contracts/duty-roster';
import { DUTY_ROLES, HANDOVER_ITEM_KEYS, SHIFT_PATTERN_KINDS, SHIFT_SLOTS } from '../rules';

/** The web gets these lists from the contracts, the server's rules have their own: they must agree. */
describe('roster contracts repeat the rules', () => {
  it('has the same patterns, slots, roles and checklist items', () => {
    expect(contract.SHIFT_PATTERN_KINDS).toEqual(SHIFT_PATTERN_KINDS);
    expect(contract.SHIFT_SLOTS).toEqual(SHIFT_SLOTS);
    expect(contract.DUTY_ROLES).toEqual(DUTY_ROLES);
    expect(contract.HANDOVER_ITEM_KEYS).toEqual(HANDOVER_ITEM_KEYS);
  });

  it('accepts real shift keys and dates only', () => {
    expect(contract.ShiftKey.safeParse('2024-02-29/night').success).toBe(true);
    expect(contract.ShiftKey.safeParse('2023-02-29/night').success).toBe(false);
    expect(contract.ShiftKey.safeParse('2024-02-28/evening').success).toBe(false);
    expect(contract.DutyDate.safeParse('2026-06-31').success).toBe(false);
    expect(contract.DutyMonth.safeParse('2026-00').success).toBe(false);
  });
});
