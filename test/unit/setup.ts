import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogFile, catalogs } from '../../core/i18n';
import { dataRequests } from '../../entrypoints/background/data-requests';
import { answerDataRequests } from '../../entrypoints/background/messages';
import { extensionHost } from '../../platform/extension/host';
import { setHost } from '../../platform/host';

// The background's logic runs against the extension's host (on WXT's fake browser) unless a
// test sets another.
setHost(extensionHost);
// As the extension's background does; the userscript and the training page do not.
answerDataRequests(dataRequests);

// The catalog files the build writes into the package (wxt.config.ts), served from the extension's
// own URL as the browser does; anything else goes to the real fetch.
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  for (const lang of ['th', 'en'] as const) {
    if (url === fakeBrowser.runtime.getURL(`/${catalogFile(lang)}` as '/')) {
      return new Response(JSON.stringify(catalogs[lang]), {
        headers: { 'content-type': 'application/json' },
      });
    }
  }
  return realFetch(input, init);
};
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
