/**
 * Testing builds only (compiled away in the store build): a moment on the page's timeline,
 * `evw:<name>`, where `npm run bench` stops counting (bench/panel.ts).
 */
export function marked(name: string): void {
  if (import.meta.env.MODE !== 'testing') return;
  performance.mark(`evw:${name}`);
}
