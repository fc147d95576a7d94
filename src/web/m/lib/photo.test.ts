import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHOTO_LONG_SIDE, scaledSize } from './photo';

describe('photo scaling', () => {
  it('brings the long side down to 1600 px, keeps the shape, never enlarges', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20000 }), fc.integer({ min: 1, max: 20000 }), (w, h) => {
        const s = scaledSize(w, h);
        expect(Math.max(s.width, s.height)).toBeLessThanOrEqual(Math.max(PHOTO_LONG_SIDE, 1));
        expect(s.width).toBeLessThanOrEqual(w);
        expect(s.height).toBeLessThanOrEqual(h);
        expect(Math.min(s.width, s.height)).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
