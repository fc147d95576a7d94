import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkChildCode, kindFitsLevel, recodeAfterMove, stationCompliance } from './rules';

describe('station standard (≥ 6 posts, ≥ 2 full-time)', () => {
  let n = 0;
  const post = (employment: 'full_time' | 'part_time', staffed = true) => ({ employment, personId: staffed ? `p${++n}` : null });

  it('meets with 6 staffed posts of which 2 full-time', () => {
    const c = stationCompliance([post('full_time'), post('full_time'), ...Array.from({ length: 4 }, () => post('part_time'))]);
    expect(c).toMatchObject({ posts: 6, staffedPosts: 6, fullTimeStaffed: 2, meets: true });
  });

  it('fails with only one full-time post', () => {
    expect(stationCompliance([post('full_time'), ...Array.from({ length: 6 }, () => post('part_time'))]).meets).toBe(false);
  });

  it('does not count vacant posts', () => {
    const c = stationCompliance([post('full_time'), post('full_time'), ...Array.from({ length: 4 }, () => post('part_time', false))]);
    expect(c).toMatchObject({ posts: 6, staffedPosts: 2, meets: false });
  });

  it('meets exactly when the counts reach the thresholds (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ employment: fc.constantFrom('full_time' as const, 'part_time' as const), personId: fc.option(fc.constantFrom('a', 'b', 'c', 'd')) })), (posts) => {
        const staffed = posts.filter((p) => p.personId);
        const ft = new Set(staffed.filter((p) => p.employment === 'full_time').map((p) => p.personId)).size;
        expect(stationCompliance(posts).meets).toBe(staffed.length >= 6 && ft >= 2);
      }),
    );
  });
});

describe('administrative codes', () => {
  const county = { level: 'county' as const, code: '350581000000' };
  const town = { level: 'township' as const, code: '350581101000' };
  const village = { level: 'village' as const, code: '350581101201' };

  it('accepts a township under its county and a village under its township', () => {
    expect(checkChildCode(county, 'township', '350581107000')).toBeNull();
    expect(checkChildCode(county, 'township', '350581107')).toBeNull();
    expect(checkChildCode(town, 'village', '350581101209')).toBeNull();
    expect(checkChildCode(village, 'grid', '350581101201004')).toBeNull();
  });

  it('refuses codes of another parent, the wrong length, or the parent itself', () => {
    expect(checkChildCode(county, 'township', '350582107000')).toBe('UNIT_CODE_MISMATCH');
    expect(checkChildCode(town, 'village', '350581100201')).toBe('UNIT_CODE_MISMATCH');
    expect(checkChildCode(town, 'village', '350581101000')).toBe('UNIT_CODE_MISMATCH');
    expect(checkChildCode(village, 'grid', '35058110120100')).toBe('UNIT_CODE_MISMATCH');
    expect(checkChildCode(county, 'township', '350581107123')).toBe('UNIT_CODE_MISMATCH');
  });

  it('recodes a moved subtree behind the new prefix', () => {
    expect(recodeAfterMove('350581101201', '350581100207', 'village', '350581101201002')).toBe('350581100207002');
  });
});

describe('kinds', () => {
  it('fit their levels', () => {
    expect(kindFitsLevel('township', 'subdistrict')).toBe(true);
    expect(kindFitsLevel('village', 'town')).toBe(false);
  });
});

describe('full-time posts', () => {
  it('count the people who hold them, not the posts', () => {
    const c = stationCompliance([
      { employment: 'full_time', personId: 'a' },
      { employment: 'full_time', personId: 'a' },
      ...['b', 'c', 'd', 'e'].map((p) => ({ employment: 'part_time' as const, personId: p })),
    ]);
    expect(c).toMatchObject({ staffedPosts: 6, fullTimeStaffed: 1, meets: false });
  });
});
