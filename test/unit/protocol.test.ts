import { describe, expect, it } from 'vitest';
import { parseReply, parseRequest } from '../../core/protocol';

describe('parseRequest', () => {
  it('accepts exactly our messages', () => {
    expect(parseRequest({ type: 'overlay/state', userKey: 'https://laas.dla.go.th|สมศรี' })).toEqual({
      type: 'overlay/state',
      userKey: 'https://laas.dla.go.th|สมศรี',
    });
    expect(parseRequest({ type: 'notice/dismiss', userKey: 'k', version: '0a1b2c3d' })).not.toBeNull();
    expect(parseRequest({ type: 'settings/set', patch: { language: 'en' } })).not.toBeNull();
    expect(parseRequest({ type: 'notice/reset' })).toEqual({ type: 'notice/reset' });
  });

  it('refuses anything else', () => {
    const refused = [
      null,
      'overlay/state',
      { type: 'overlay/state' },
      { type: 'overlay/state', userKey: '' },
      { type: 'overlay/state', userKey: 'x'.repeat(301) },
      { type: 'overlay/state', userKey: 'k', extra: 1 },
      { type: 'notice/dismiss', userKey: 'k', version: 'zzzzzzzz' },
      { type: 'notice/dismiss', userKey: 'k', version: '0a1b2c3d0' },
      { type: 'settings/set', patch: [] },
      { type: 'settings/get', x: 1 },
      { type: 'eval', code: 'x' },
    ];
    for (const m of refused) expect(parseRequest(m), JSON.stringify(m)).toBeNull();
  });
});

describe('parseReply', () => {
  it('accepts ok and error replies and turns anything else into an error', () => {
    expect(parseReply({ ok: true, data: 1 })).toEqual({ ok: true, data: 1 });
    expect(parseReply({ ok: false, error: 'refused' })).toEqual({ ok: false, error: 'refused' });
    expect(parseReply(undefined)).toEqual({ ok: false, error: 'no valid reply' });
    // Chromium's JSON messaging drops `data: undefined`: still a success.
    expect(parseReply({ ok: true })).toEqual({ ok: true, data: undefined });
    expect(parseReply({ ok: 'yes' })).toEqual({ ok: false, error: 'no valid reply' });
  });
});
