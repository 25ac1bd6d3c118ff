/**
 * Chromium's overlay module (entrypoints/elaas-overlay.ts) as built: entrypoints/elaas-line.ts
 * imports it, wxt.config.ts makes it web-accessible to e-LAAS pages.
 */
export const OVERLAY_MODULE = 'elaas-overlay.js';
