import { z } from 'zod';

/**
 * A grid's boundary (网格边界): a GeoJSON Polygon or MultiPolygon in WGS84 (RFC 7946), positions as
 * [longitude, latitude]. The input schema checks what a map needs to draw it and a person needs to
 * trust it: closed rings of at least 4 positions, coordinates in range, rings that do not cross
 * themselves, and a bounded size.
 */
export const GEOMETRY_LIMITS = {
  /** Positions in all rings together. A hand-drawn grid has tens; a surveyed one a few hundred. */
  verticesMax: 2000,
  /** Rings of one polygon: the outer ring and its holes. */
  ringsMax: 20,
  /** Polygons of a MultiPolygon (a grid split by a road or river). */
  polygonsMax: 20,
} as const;

/**
 * The names of the rules a geometry can break beyond types and ranges, as the zod issue's
 * `message`, with their texts for forms (the API answers them as field errors at the ring's path).
 */
export const GEOMETRY_ISSUES = {
  position_dims: { zh: '坐标应为 [经度, 纬度]（可带高程）', en: 'A position is [longitude, latitude] (altitude optional)' },
  ring_not_closed: { zh: '边界未闭合：首尾坐标应相同', en: 'The ring is not closed: its first and last positions must be equal' },
  ring_degenerate: { zh: '边界面积为零（点重合或在一条直线上）', en: 'The ring has no area (repeated or collinear points)' },
  ring_self_intersects: { zh: '边界线自相交', en: 'The ring crosses itself' },
  too_many_vertices: { zh: `顶点过多（最多 ${GEOMETRY_LIMITS.verticesMax} 个）`, en: `Too many positions (at most ${GEOMETRY_LIMITS.verticesMax})` },
} as const;
export type GeometryIssue = keyof typeof GEOMETRY_ISSUES;

export type GeoPosition = [number, number];
export type GeoRing = GeoPosition[];

const Longitude = z.number().min(-180).max(180);
const Latitude = z.number().min(-90).max(90);

/** [lng, lat] or [lng, lat, altitude]; an altitude (which GPS tools add) is dropped. */
const PositionInput = z
  .tuple([Longitude, Latitude], z.number())
  .refine((p) => p.length <= 3, { message: 'position_dims' })
  .transform((p): GeoPosition => [p[0], p[1]]);

const same = (a: GeoPosition, b: GeoPosition) => a[0] === b[0] && a[1] === b[1];

/** Twice the signed area of a closed ring (shoelace formula), in square degrees. */
export function ringArea2(ring: GeoRing): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

const orient = (a: GeoPosition, b: GeoPosition, c: GeoPosition) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
const within = (a: GeoPosition, b: GeoPosition, c: GeoPosition) =>
  Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1]);

/** Whether segments ab and cd share any point (crossing, touching or overlapping). */
function segmentsMeet(a: GeoPosition, b: GeoPosition, c: GeoPosition, d: GeoPosition): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && within(a, b, c)) || (o2 === 0 && within(a, b, d)) || (o3 === 0 && within(c, d, a)) || (o4 === 0 && within(c, d, b));
}

/**
 * Whether a closed ring crosses or touches itself (a "bow tie", or a loop through one vertex).
 * Repeated consecutive positions are ignored. Quadratic, with a bounding-box test first: for the
 * 2,000 positions allowed that is at most two million cheap comparisons.
 */
export function ringSelfIntersects(ring: GeoRing): boolean {
  const pts = ring.filter((p, i) => i === 0 || !same(p, ring[i - 1]!));
  const n = pts.length - 1;
  if (n < 3) return false;
  for (let i = 0; i < n; i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    const minX = Math.min(a[0], b[0]);
    const maxX = Math.max(a[0], b[0]);
    const minY = Math.min(a[1], b[1]);
    const maxY = Math.max(a[1], b[1]);
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // the first and last segments meet at the closing vertex
      const c = pts[j]!;
      const d = pts[j + 1]!;
      if (Math.max(c[0], d[0]) < minX || Math.min(c[0], d[0]) > maxX || Math.max(c[1], d[1]) < minY || Math.min(c[1], d[1]) > maxY) continue;
      if (segmentsMeet(a, b, c, d)) return true;
    }
  }
  return false;
}

const issue = (message: GeometryIssue, path: (string | number)[]) => ({ code: 'custom' as const, message, path });

const RingInput = z
  .array(PositionInput)
  .min(4)
  .max(GEOMETRY_LIMITS.verticesMax)
  .superRefine((ring, ctx) => {
    // Zod runs refinements after failed length checks too: an empty ring has no first position, and
    // an oversized one must not reach the quadratic crossing test.
    if (ring.length < 4 || ring.length > GEOMETRY_LIMITS.verticesMax) return;
    if (!same(ring[0]!, ring[ring.length - 1]!)) {
      ctx.addIssue(issue('ring_not_closed', [ring.length - 1]));
      return;
    }
    // Crossing first: a symmetric bow tie also has zero area, but its problem is the crossing.
    if (ringSelfIntersects(ring)) ctx.addIssue(issue('ring_self_intersects', []));
    else if (ringArea2(ring) === 0) ctx.addIssue(issue('ring_degenerate', []));
  });

const PolygonRingsInput = z.array(RingInput).min(1).max(GEOMETRY_LIMITS.ringsMax);

const countPositions = (polygons: GeoRing[][]) => polygons.reduce((n, rings) => n + rings.reduce((m, r) => m + r.length, 0), 0);

/** The boundary as a client sends it. */
export const GridGeometry = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: PolygonRingsInput }).strict(),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(PolygonRingsInput).min(1).max(GEOMETRY_LIMITS.polygonsMax) }).strict(),
  ])
  .superRefine((g, ctx) => {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    if (countPositions(polygons) > GEOMETRY_LIMITS.verticesMax) ctx.addIssue(issue('too_many_vertices', ['coordinates']));
  });
export type GridGeometry = z.output<typeof GridGeometry>;

/** The boundary as the server answers it (stored already checked; the shape only). */
const PositionOut = z.tuple([z.number(), z.number()]);
export const GridGeometryView = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(PositionOut)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(PositionOut))) }),
]);
export type GridGeometryView = z.infer<typeof GridGeometryView>;
