/**
 * The base map's tile URL ({z}/{x}/{y}), or null for none. The default is none: a grid worker is
 * often offline, and the grid's outline with the worker's position is what matters. A deployment
 * with a tile service (天地图 in production) sets it here and allows its host in the server's
 * Content-Security-Policy (img-src).
 */
export const TILE_URL: string | null = null;
export const TILE_ATTRIBUTION = '';

/** Where the map opens when there is neither a grid outline nor a position: 石狮市. */
export const DEFAULT_CENTER: [number, number] = [24.73, 118.65];
