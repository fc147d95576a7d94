import { describe, expect, it } from 'vitest';
import { checkGeometry, geometryOf, issuePlace, issueText } from './geo-input';

const ring = [
  [118.638, 24.758],
  [118.642, 24.758],
  [118.642, 24.761],
  [118.638, 24.758],
];
const polygon = { type: 'Polygon', coordinates: [ring] };
const t = (key: string) => key;

describe('pasted GeoJSON', () => {
  it('takes a geometry, the geometry of a Feature, or of the only Feature of a collection, without other members', () => {
    expect(geometryOf(JSON.stringify(polygon))).toEqual({ geometry: polygon });
    expect(geometryOf(JSON.stringify({ type: 'Feature', properties: { name: '第一网格' }, geometry: { ...polygon, bbox: [0, 0, 1, 1] } }))).toEqual({ geometry: polygon });
    expect(geometryOf(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: polygon }] }))).toEqual({ geometry: polygon });
  });

  it('says what is wrong with anything else', () => {
    expect(geometryOf('{"type":')).toEqual({ error: 'not_json' });
    expect(geometryOf(JSON.stringify({ type: 'FeatureCollection', features: [] }))).toEqual({ error: 'no_geometry' });
    expect(geometryOf(JSON.stringify({ type: 'FeatureCollection', features: [{}, {}] }))).toEqual({ error: 'many_features', count: 2 });
    expect(geometryOf(JSON.stringify({ type: 'Point', coordinates: [118.64, 24.76] }))).toEqual({ error: 'wrong_type' });
    expect(geometryOf('null')).toEqual({ error: 'no_geometry' });
  });

  it('checks with the server’s contract and words the problems', () => {
    expect(checkGeometry(polygon).ok).toBe(true);
    const open = checkGeometry({ type: 'Polygon', coordinates: [ring.slice(0, 3).concat([[118.64, 24.76]])] });
    expect(open.ok).toBe(false);
    if (open.ok) return;
    expect(issuePlace(open.issues[0]!)).toBe('coordinates[0][3]');
    expect(issueText(open.issues[0]!, 'zh-CN', t)).toBe('边界未闭合：首尾坐标应相同');
    const swapped = checkGeometry({ type: 'Polygon', coordinates: [ring.map(([x, y]) => [y, x])] });
    if (swapped.ok) throw new Error('swapped coordinates accepted');
    expect(issueText(swapped.issues[0]!, 'en', t)).toBe('grids.geo.outOfRange');
  });
});
