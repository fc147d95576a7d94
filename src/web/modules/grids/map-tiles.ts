/**
 * The base map of the grid boundary map: a tile URL ({z}/{x}/{y}), or null for none. The default is
 * none, since no tile server is reachable offline; the map then draws the grid polygons on a plain
 * background. A deployment with a tile service (天地图 in production) sets it here and allows the
 * tile host in the server's Content-Security-Policy (img-src).
 */
export const TILE_URL: string | null = null;
export const TILE_ATTRIBUTION = '';

/** Where the map opens without any polygon to show: the middle of 石狮市. */
export const DEFAULT_CENTER: [number, number] = [24.76, 118.66];
