import type { z } from 'zod';
import { GEOMETRY_ISSUES, GridGeometry, type GridGeometryView } from '../../../contracts';

export type GeoInputError = 'not_json' | 'no_geometry' | 'many_features' | 'wrong_type';

/**
 * The geometry of pasted or uploaded GeoJSON: a Polygon or MultiPolygon itself, or the only
 * Feature of a Feature or FeatureCollection. Other members (properties, bbox, crs) are dropped.
 */
export function geometryOf(text: string): { geometry: unknown } | { error: GeoInputError; count?: number } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'not_json' };
  }
  const obj = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null);
  let g = obj(value);
  if (g?.type === 'FeatureCollection') {
    const features = Array.isArray(g.features) ? g.features : [];
    if (features.length === 0) return { error: 'no_geometry' };
    if (features.length > 1) return { error: 'many_features', count: features.length };
    g = obj(features[0]);
  }
  if (g?.type === 'Feature') g = obj(g.geometry);
  if (!g) return { error: 'no_geometry' };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return { error: 'wrong_type' };
  return { geometry: { type: g.type, coordinates: g.coordinates } };
}

export type GeometryCheck = { ok: true; geometry: GridGeometryView } | { ok: false; issues: z.core.$ZodIssue[] };

/** Checks a geometry with the same contract as the server. */
export function checkGeometry(geometry: unknown): GeometryCheck {
  const result = GridGeometry.safeParse(geometry);
  return result.success ? { ok: true, geometry: result.data } : { ok: false, issues: result.error.issues };
}

export type IssueKey = 'grids.geo.tooFewPoints' | 'grids.geo.outOfRange' | 'grids.geo.tooMany' | 'grids.geo.notNumber' | 'grids.geo.invalid';

/** What a zod issue of the geometry means for a person, as the text of the contract or a dictionary key. */
export function issueText(issue: z.core.$ZodIssue, locale: 'zh-CN' | 'en', t: (key: IssueKey) => string): string {
  const named = GEOMETRY_ISSUES[issue.message as keyof typeof GEOMETRY_ISSUES];
  if (named) return locale === 'en' ? named.en : named.zh;
  if (issue.code === 'too_small') return t(issue.origin === 'array' ? 'grids.geo.tooFewPoints' : 'grids.geo.outOfRange');
  if (issue.code === 'too_big') return t(issue.origin === 'array' ? 'grids.geo.tooMany' : 'grids.geo.outOfRange');
  if (issue.code === 'invalid_type') return t('grids.geo.notNumber');
  return t('grids.geo.invalid');
}

/** coordinates[0][3]: where in the geometry the issue is. */
export const issuePlace = (issue: z.core.$ZodIssue) =>
  issue.path.length === 0 ? '' : issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
