import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionHost } from '../../platform/extension/host';
import { setHost } from '../../platform/host';

// The background's logic runs against the extension's host (on WXT's fake browser) unless a
// test sets another.
setHost(extensionHost);
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
