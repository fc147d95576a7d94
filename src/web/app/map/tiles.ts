/**
 * The base map of every map in the product (desktop and phone): a tile URL ({z}/{x}/{y}), or null
 * for none. The default is none, since no tile server is reachable offline; the maps then draw their
 * layers on a plain background. A deployment with a tile service (天地图 in production) sets it here,
 * and must also allow the tile host in the server's Content-Security-Policy: `imgSrc` in
 * src/server/app.ts, or the browser refuses every tile.
 *
 * This file imports nothing, so the phone app can share it without pulling in the desktop app.
 */
export const TILE_URL: string | null = null;
export const TILE_ATTRIBUTION = '';

/** Where a desktop map opens without anything to show: the middle of 石狮市. */
export const DEFAULT_CENTER: [number, number] = [24.76, 118.66];
