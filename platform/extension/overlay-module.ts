/**
 * Chromium's overlay module (entrypoints/elaas-overlay.ts) as built, and the loader that imports
 * it (entrypoints/elaas-loader.ts), both declared in wxt.config.ts.
 */
export const OVERLAY_MODULE = 'elaas-overlay.js';
export const OVERLAY_LOADER = 'elaas-loader.js';
