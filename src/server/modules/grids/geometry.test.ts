import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GEOMETRY_LIMITS, GridGeometry, ringSelfIntersects, type GeoPosition } from '../../../contracts/grids';

/** A convex polygon: n points on a circle at increasing angles, closed. Always a valid ring. */
const convexRing = (minPoints = 3) =>
  fc
    .record({
      lng: fc.double({ min: -179, max: 179, noNaN: true }),
      lat: fc.double({ min: -89, max: 89, noNaN: true }),
      radius: fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
      n: fc.integer({ min: minPoints, max: 60 }),
      start: fc.double({ min: 0, max: Math.PI, noNaN: true }),
      jitter: fc.array(fc.double({ min: 0, max: 0.4, noNaN: true }), { minLength: 60, maxLength: 60 }),
    })
    .map(({ lng, lat, radius, n, start, jitter }) => {
      const ring: GeoPosition[] = Array.from({ length: n }, (_, k) => {
        const angle = start + ((k + jitter[k]!) * 2 * Math.PI) / n;
        return [lng + radius * Math.cos(angle), lat + radius * Math.sin(angle)];
      });
      return [...ring, ring[0]!];
    });

const polygon = (ring: GeoPosition[] | number[][]) => ({ type: 'Polygon', coordinates: [ring] });
const messages = (input: unknown) => GridGeometry.safeParse(input).error?.issues.map((i) => i.message) ?? [];
const paths = (input: unknown) => GridGeometry.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

// A grid near 宝盖镇, as a grid worker would draw it.
const baogai: GeoPosition[] = [
  [118.638, 24.758],
  [118.642, 24.758],
  [118.642, 24.761],
  [118.638, 24.761],
  [118.638, 24.758],
];

describe('grid boundary geometry', () => {
  it('accepts a polygon, a polygon with a hole and a multipolygon near 宝盖镇', () => {
    expect(GridGeometry.safeParse(polygon(baogai)).success).toBe(true);
    const hole: GeoPosition[] = [
      [118.639, 24.759],
      [118.639, 24.76],
      [118.64, 24.76],
      [118.639, 24.759],
    ];
    expect(GridGeometry.safeParse({ type: 'Polygon', coordinates: [baogai, hole] }).success).toBe(true);
    expect(GridGeometry.safeParse({ type: 'MultiPolygon', coordinates: [[baogai], [baogai.map(([x, y]) => [x + 0.01, y])]] }).success).toBe(true);
  });

  it('accepts every convex polygon anywhere on earth', () => {
    fc.assert(fc.property(convexRing(), (ring) => GridGeometry.safeParse(polygon(ring)).success));
  });

  it('drops an altitude and refuses a fourth number', () => {
    const parsed = GridGeometry.parse(polygon(baogai.map(([x, y]) => [x, y, 12])));
    expect(parsed.coordinates[0]![0]).toEqual([118.638, 24.758]);
    expect(messages(polygon(baogai.map(([x, y]) => [x, y, 12, 0])))).toContain('position_dims');
  });

  it('refuses a ring that is not closed, at the ring’s last position', () => {
    fc.assert(
      fc.property(convexRing(4), (ring) => {
        const open = ring.slice(0, -1);
        expect(messages(polygon(open))).toEqual(['ring_not_closed']);
        expect(paths(polygon(open))).toEqual([`coordinates.0.${open.length - 1}`]);
      }),
    );
  });

  it('refuses rings of fewer than 4 positions', () => {
    expect(GridGeometry.safeParse(polygon([baogai[0]!, baogai[1]!, baogai[0]!])).error?.issues[0]).toMatchObject({ code: 'too_small', path: ['coordinates', 0] });
  });

  it('refuses coordinates out of range, such as latitude and longitude swapped', () => {
    const swapped = baogai.map(([x, y]) => [y, x]);
    expect(GridGeometry.safeParse(polygon(swapped)).error?.issues.some((i) => i.code === 'too_big' && i.path.join('.') === 'coordinates.0.0.1')).toBe(true);
    fc.assert(
      fc.property(
        convexRing(4),
        fc.integer({ min: 0, max: 1 }),
        fc.oneof(fc.double({ min: 180.000001, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: -180.000001, noNaN: true })),
        (ring, axis, bad) => {
          const broken = ring.map((p) => [...p]);
          broken[1]![axis] = bad;
          expect(GridGeometry.safeParse(polygon(broken)).success).toBe(false);
        },
      ),
    );
  });

  it('refuses a ring with no area and a ring that crosses itself', () => {
    const line = [
      [118.64, 24.76],
      [118.641, 24.76],
      [118.642, 24.76],
      [118.64, 24.76],
    ];
    expect(messages(polygon(line))).toEqual(['ring_degenerate']);
    const bowTie = [baogai[0]!, baogai[2]!, baogai[1]!, baogai[3]!, baogai[0]!];
    expect(messages(polygon(bowTie))).toEqual(['ring_self_intersects']);
  });

  it('finds the crossing made by swapping two vertices of a convex ring', () => {
    fc.assert(
      fc.property(
        convexRing(5).chain((ring) => {
          const n = ring.length - 1;
          return fc.tuple(fc.constant(ring), fc.integer({ min: 1, max: n - 1 }), fc.integer({ min: 1, max: n - 1 })).filter(([, i, j]) => Math.abs(i - j) >= 2);
        }),
        ([ring, i, j]) => {
          const swapped = [...ring];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          expect(ringSelfIntersects(ring)).toBe(false);
          expect(ringSelfIntersects(swapped)).toBe(true);
          expect(messages(polygon(swapped))).toEqual(['ring_self_intersects']);
        },
      ),
    );
  });

  it('refuses more positions than the limit, in one ring or over several polygons', () => {
    const big = (n: number): GeoPosition[] => {
      const ring = Array.from({ length: n }, (_, k): GeoPosition => [118.64 + 0.001 * Math.cos((2 * Math.PI * k) / n), 24.76 + 0.001 * Math.sin((2 * Math.PI * k) / n)]);
      return [...ring, ring[0]!];
    };
    expect(GridGeometry.safeParse(polygon(big(GEOMETRY_LIMITS.verticesMax - 1))).success).toBe(true);
    expect(GridGeometry.safeParse(polygon(big(GEOMETRY_LIMITS.verticesMax))).error?.issues[0]).toMatchObject({ code: 'too_big', path: ['coordinates', 0] });
    const half = big(GEOMETRY_LIMITS.verticesMax / 2);
    expect(messages({ type: 'MultiPolygon', coordinates: [[half], [half.map(([x, y]) => [x + 0.01, y])]] })).toEqual(['too_many_vertices']);
  });

  it('refuses a ring far over the limit without running the quadratic crossing test on it', () => {
    // A simple (convex) ring: the crossing test would have to compare every pair of its segments.
    const circle = Array.from({ length: 40_000 }, (_, k): GeoPosition => [118.64 + 0.01 * Math.cos((2 * Math.PI * k) / 40_000), 24.76 + 0.01 * Math.sin((2 * Math.PI * k) / 40_000)]);
    const started = performance.now();
    expect(GridGeometry.safeParse(polygon([...circle, circle[0]!])).success).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses other geometry types and unknown keys', () => {
    expect(GridGeometry.safeParse({ type: 'LineString', coordinates: baogai }).success).toBe(false);
    expect(GridGeometry.safeParse({ type: 'Point', coordinates: baogai[0] }).success).toBe(false);
    expect(GridGeometry.safeParse({ ...polygon(baogai), crs: 'EPSG:4326' }).success).toBe(false);
  });

  it('answers any input with a result, never an exception', () => {
    const coordinate = fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.string());
    const ring = fc.array(fc.array(coordinate, { maxLength: 4 }), { maxLength: 8 });
    const near = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon'), coordinates: fc.anything() }),
      fc.record({ type: fc.constant('Polygon'), coordinates: fc.array(ring, { maxLength: 3 }) }),
      fc.record({ type: fc.constant('MultiPolygon'), coordinates: fc.array(fc.array(ring, { maxLength: 3 }), { maxLength: 3 }) }),
    );
    fc.assert(fc.property(near, (input) => typeof GridGeometry.safeParse(input).success === 'boolean'));
  });
});
