import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fieldLabel } from './fields';
import { zh, type MessageKey } from './zh';

describe('phone dictionaries', () => {
  it('name server fields by their form labels', () => {
    const t = (key: MessageKey) => zh[key];
    expect(fieldLabel('body.categoryCode', t)).toBe('隐患类别');
    expect(fieldLabel('body.photoIds.2', t)).toBe('现场照片');
    expect(fieldLabel('body.somethingNew', t)).toBe('body.somethingNew');
  });

  it('have the same keys in both languages, and no key left empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const dict of [zh, en]) for (const value of Object.values(dict)) expect(value.length).toBeGreaterThan(0);
  });
});
