import { describe, expect, it } from 'vitest';
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATES, HOUSEHOLD_STATUSES, PatrolCheckinView, RISK_CHECK_RESULTS, RISK_LEVELS, RISK_STATUSES, RISK_TYPES, VULNERABLE_CATEGORIES, VULNERABLE_STATUSES } from '../../../contracts';
import { en } from '../../app/i18n/en';
import { zh } from '../../app/i18n/zh';
import { AUDIT_ENTITY_TYPES, fieldLabelKeys, valueLabelKey } from './value-labels';

/** The coded fields of the records the audit log shows, with every value the contracts allow. */
const CODED: [entityType: string, field: string, values: readonly string[]][] = [
  ['hazard', 'state', HAZARD_STATES],
  ['hazard', 'level', HAZARD_LEVELS],
  ['hazard', 'source', HAZARD_SOURCES],
  ['risk_point', 'riskLevel', RISK_LEVELS],
  ['risk_point', 'riskType', RISK_TYPES],
  ['risk_point', 'checkResult', RISK_CHECK_RESULTS],
  ['risk_point', 'status', RISK_STATUSES],
  ['household', 'status', HOUSEHOLD_STATUSES],
  ['vulnerable_person', 'category', VULNERABLE_CATEGORIES],
  ['vulnerable_person', 'status', VULNERABLE_STATUSES],
  ['patrol', 'finding', PatrolCheckinView.shape.finding.options],
];

describe('audit value labels', () => {
  it.each(CODED)('%s.%s reads as words in both languages', (entityType, field, values) => {
    for (const value of values) {
      const key = valueLabelKey(entityType, field, value);
      expect(key, `${entityType}.${field}=${value}`).not.toBeNull();
      expect(zh).toHaveProperty([key!]);
      expect(en).toHaveProperty([key!]);
    }
  });

  it('reads a level by its record type: a hazard is 一般/重大, a unit is a level of the hierarchy', () => {
    expect(zh[valueLabelKey('hazard', 'level', 'major') as keyof typeof zh]).toBe('重大隐患');
    expect(valueLabelKey('unit', 'level', 'village')).toBe('level.village');
  });

  it('knows a status only by its record type, and leaves free text alone', () => {
    expect(valueLabelKey('unit', 'status', 'retired')).toBe('unitStatus.retired');
    expect(valueLabelKey('import', 'status', 'x')).toBeNull();
    expect(valueLabelKey('hazard', 'description', 'reported')).toBeNull();
    expect(valueLabelKey('hazard', 'constructor', 'x')).toBeNull();
  });

  it('names every record type and the hazard fields, the type’s own name first', () => {
    for (const type of AUDIT_ENTITY_TYPES) expect(zh).toHaveProperty([`entity.${type}`]);
    expect(fieldLabelKeys('hazard', 'level')).toEqual(['field.hazard.level', 'field.level']);
    for (const field of ['state', 'supervised', 'source', 'deadline']) expect(zh).toHaveProperty([`field.${field}`]);
    expect(zh['field.supervised']).toBe('挂牌督办');
  });
});
