import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWarningIdentifier, parseWarningIdentifier } from '.';

describe('GB/T 35965 warning identifiers', () => {
  it('writes ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N in Beijing time, 31 characters', () => {
    // 00:30 UTC on 1 August is 08:30 in Beijing.
    const id = makeWarningIdentifier({ regionCode: '350581', orgCode: '041', issuedAt: new Date('2025-08-01T00:30:05Z'), sequence: 0 });
    expect(id).toBe('35058104100000_20250801083005_0');
    expect(id).toHaveLength(31);
  });

  it('crosses midnight by Beijing time, not UTC', () => {
    const id = makeWarningIdentifier({ regionCode: '350581', orgCode: '04100101', issuedAt: new Date('2025-12-31T16:00:00Z'), sequence: 9 });
    expect(id).toBe('35058104100101_20260101000000_9');
  });

  it('reads an identifier back into its parts', () => {
    expect(parseWarningIdentifier('35058104100101_20260101000000_9')).toEqual({
      regionCode: '350581',
      orgCode: '04100101',
      departmentCode: '041',
      unitCode: '001',
      extensionCode: '01',
      issuerCode: '35058104100101',
      issuedAt: new Date('2025-12-31T16:00:00Z'),
      sequence: 9,
    });
  });

  it('refuses malformed identifiers and impossible times', () => {
    for (const bad of ['', '3505810410000_20250801083005_0', '35058104100000-20250801083005-0', '35058104100000_20250230083005_0', '35058104100000_20250801243005_0', '35058104100000_20250801083005_10']) {
      expect(parseWarningIdentifier(bad)).toBeNull();
    }
  });

  it('refuses bad inputs', () => {
    const ok = { regionCode: '350581', orgCode: '041', issuedAt: new Date(), sequence: 0 };
    expect(() => makeWarningIdentifier({ ...ok, regionCode: '35058' })).toThrow(RangeError);
    expect(() => makeWarningIdentifier({ ...ok, orgCode: '04' })).toThrow(RangeError);
    expect(() => makeWarningIdentifier({ ...ok, sequence: 10 })).toThrow(RangeError);
    expect(() => makeWarningIdentifier({ ...ok, issuedAt: new Date('x') })).toThrow(RangeError);
  });

  it('property: make → parse gives back the inputs (to the second)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.stringMatching(/^\d{8}$/),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 9 }),
        (regionCode, orgCode, issuedAt, sequence) => {
          const parts = parseWarningIdentifier(makeWarningIdentifier({ regionCode, orgCode, issuedAt, sequence }));
          expect(parts).toMatchObject({ regionCode, orgCode, sequence });
          expect(parts!.issuedAt.getTime()).toBe(Math.floor(issuedAt.getTime() / 1000) * 1000);
        },
      ),
    );
  });
});
