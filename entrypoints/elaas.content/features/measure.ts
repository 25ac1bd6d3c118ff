/**
 * Testing builds only (called behind `if (import.meta.env.MODE === 'testing')`, which the store
 * build and the userscript compile away): a moment on the page's timeline, `evw:<name>`, where
 * `npm run bench` stops counting (bench/panel.ts). The panel sets it once it is in the page with
 * the clerk's payments in it.
 */
export function mark(name: string): void {
  performance.mark(`evw:${name}`);
}
