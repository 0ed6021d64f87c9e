/**
 * Geography helpers. Distances in metres on a sphere of radius 6,371,008.8 m (the IUGG mean
 * Earth radius); local projection: equirectangular around an origin, accurate to well under 1%
 * within a city (the Melbourne CBD is ~2 km across).
 */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Signal speed in fibre: 2/3 of the speed of light, m/s. */
export const FIBRE_SPEED_M_PER_S = (2 / 3) * 299_792_458;

export interface LatLon {
  lat: number;
  lon: number;
}

const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance between two points, metres (haversine). */
export function haversineM(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Projects lat/lon to local planar metres (x east, y north) around `origin`. */
export function projectLocal(point: LatLon, origin: LatLon): { x: number; y: number } {
  return {
    x: rad(point.lon - origin.lon) * Math.cos(rad(origin.lat)) * EARTH_RADIUS_M,
    y: rad(point.lat - origin.lat) * EARTH_RADIUS_M,
  };
}

/** Propagation delay over fibre for a great-circle distance, seconds. */
export function fibreDelayS(distanceM: number): number {
  return distanceM / FIBRE_SPEED_M_PER_S;
}

/** The centroid (mean lat/lon) of points — a projection origin. */
export function centroid(points: readonly LatLon[]): LatLon {
  let lat = 0;
  let lon = 0;
  for (const p of points) {
    lat += p.lat;
    lon += p.lon;
  }
  return { lat: lat / points.length, lon: lon / points.length };
}
