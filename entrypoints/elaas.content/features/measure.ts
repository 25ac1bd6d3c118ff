/**
 * Testing builds only (compiled away in the store build): the script time of a feature's own
 * work, as User Timing entries `evw:<feature>` on the page's timeline, for `npm run bench`.
 */
export function measured(feature: string, start: number): void {
  if (import.meta.env.MODE !== 'testing') return;
  performance.measure(`evw:${feature}`, { start, end: performance.now() });
}
