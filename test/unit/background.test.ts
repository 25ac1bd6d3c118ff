/** The background's message handling, with WXT's fake browser. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { noticeVersion } from '../../core/notice';
import type { OverlayState } from '../../core/protocol';
import type { PaymentRecord } from '../../core/records';
import { defaultSettings, type ResolvedSettings } from '../../core/settings';
import { onMessage } from '../../entrypoints/background/messages';
import { record, rowOf, T0 } from '../fixtures/records';
import { optionsSender } from './background-transport';

const page = { id: fakeBrowser.runtime.id, url: 'https://laas.dla.go.th/#/expenditure/payments' };
const optionsPage = optionsSender();
const stranger = { id: 'someone-else', url: 'https://evil.example/' };

describe('background messages', () => {
  it('refuses malformed messages, other extensions, and privileged requests from web pages', async () => {
    expect(await onMessage({ type: 'nope' }, page)).toEqual({ ok: false, error: 'refused' });
    expect(await onMessage({ type: 'overlay/state', userKey: 'k' }, stranger)).toEqual({
      ok: false,
      error: 'refused',
    });
    expect(await onMessage({ type: 'notice/reset' }, page)).toEqual({ ok: false, error: 'refused' });
    expect(await onMessage({ type: 'settings/get' }, page)).toEqual({ ok: false, error: 'refused' });
    expect((await onMessage({ type: 'settings/get' }, optionsPage)).ok).toBe(true);
  });

  it('remembers a dismissal per e-LAAS user, for the current version only', async () => {
    const version = noticeVersion(defaultSettings());
    const a = 'https://laas.dla.go.th|สมศรี ใจดี';
    const b = 'https://laas.dla.go.th|สมชาย รักดี';
    expect(await onMessage({ type: 'notice/dismiss', userKey: a, version: '00000000' }, page)).toEqual({
      ok: false,
      error: 'notice has changed',
    });
    expect((await onMessage({ type: 'notice/dismiss', userKey: a, version }, page)).ok).toBe(true);
    const stateA = (await onMessage({ type: 'overlay/state', userKey: a }, page)) as { data: OverlayState };
    const stateB = (await onMessage({ type: 'overlay/state', userKey: b }, page)) as { data: OverlayState };
    expect(stateA.data.dismissedVersion).toBe(version);
    expect(stateB.data.dismissedVersion).toBeNull();
    expect((await onMessage({ type: 'notice/reset' }, optionsPage)).ok).toBe(true);
    const after = (await onMessage({ type: 'overlay/state', userKey: a }, page)) as { data: OverlayState };
    expect(after.data.dismissedVersion).toBeNull();
  });

  it('saves user settings, refuses invalid ones, and lets policy win', async () => {
    const set = await onMessage({ type: 'settings/set', patch: { language: 'en' } }, page);
    expect((set as { data: ResolvedSettings }).data.values.language).toBe('en');
    expect(await onMessage({ type: 'settings/set', patch: { language: 'xx' } }, page)).toEqual({
      ok: false,
      error: 'language: expected one of th, en',
    });
    expect(await onMessage({ type: 'settings/set', patch: { noticeShown: false } }, page)).toMatchObject({
      ok: false,
    });

    // The last policy seen is cached in storage.local by the background.
    await fakeBrowser.storage.local.set({ policyCache: { language: 'th', noticeDismissible: false } });
    const got = (await onMessage({ type: 'settings/get' }, optionsPage)) as { data: ResolvedSettings };
    expect(got.data.values.language).toBe('th');
    expect(got.data.locked).toContain('language');
    expect(await onMessage({ type: 'settings/set', patch: { language: 'en' } }, page)).toEqual({
      ok: false,
      error: 'language is set by policy',
    });
    const version = noticeVersion(got.data.values);
    expect(await onMessage({ type: 'notice/dismiss', userKey: 'k', version }, page)).toEqual({
      ok: false,
      error: 'notice is not dismissible',
    });
  });

  it('uses the testing clock only when it is a valid time', async () => {
    await fakeBrowser.storage.local.set({ devClock: '2026-06-01T03:00:00.000Z' });
    const state = (await onMessage({ type: 'overlay/state', userKey: 'k' }, page)) as { data: OverlayState };
    // Unit tests run with MODE "test", so the clock is the real one: the override is for testing builds.
    expect(Math.abs(state.data.now - Date.now())).toBeLessThan(60_000);
  });
});

describe('who is the clerk while the page has not said yet', () => {
  it('uses the last e-LAAS user seen on that origin, and switches when another appears', async () => {
    const origin = 'https://laas.dla.go.th';
    const version = noticeVersion(defaultSettings());
    await onMessage({ type: 'notice/dismiss', userKey: `${origin}|สมศรี ใจดี`, version }, page);
    const early = (await onMessage({ type: 'overlay/state', userKey: `${origin}|*` }, page)) as {
      data: OverlayState;
    };
    expect(early.data.dismissedVersion).toBe(version);
    const other = (await onMessage({ type: 'overlay/state', userKey: `${origin}|สมชาย รักงาน` }, page)) as {
      data: OverlayState;
    };
    expect(other.data.dismissedVersion).toBeNull();
    const next = (await onMessage({ type: 'overlay/state', userKey: `${origin}|*` }, page)) as {
      data: OverlayState;
    };
    expect(next.data.dismissedVersion).toBeNull();
    const elsewhere = (await onMessage(
      { type: 'overlay/state', userKey: 'https://other.laas.go.th|*' },
      page,
    )) as {
      data: OverlayState;
    };
    expect(elsewhere.data.dismissedVersion).toBeNull();
  });
});

describe('capture', () => {
  const scope = { unit: 'องค์การบริหารส่วนตำบลนาโพธิ์', user: 'สมศรี ใจดี' };
  const payment = {
    elaasId: 'p000001',
    ref: 'PAY2569-000001',
    dekaNo: '101/2569',
    payee: 'ร้านศรีสุขการค้า',
    amount: 123450,
    payDate: '2026-06-10',
    fiscalYear: 2569,
    status: 'awaiting' as const,
    voucherNo: null,
    voucherCreatedAt: null,
  };
  // The dialog's capture guesses the fiscal year from the pay date; e-LAAS' answer knows it.
  const fromDialog = { ...payment, elaasId: null, fiscalYear: 2570 };

  it('keeps one record when the API and the dialog capture the same save at the same moment', async () => {
    const { capture } = await import('../../entrypoints/background/tracking');
    const { allRecords } = await import('../../platform/extension/db');
    const [a, b] = await Promise.all([
      capture('https://laas.dla.go.th', scope, fromDialog, 'form'),
      capture('https://laas.dla.go.th', scope, payment, 'api'),
    ]);
    expect(a.id).toBe(b.id);
    const records = (await allRecords()).filter((r) => r.dekaNo === '101/2569');
    expect(records).toHaveLength(1);
    expect(records[0]?.elaasId).toBe('p000001');
    expect(records[0]?.fiscalYear).toBe(2569);
    expect(records[0]?.capturedFrom).toBe('api');
  });

  it('keeps a deliberate second payment of the same ฎีกา as its own record', async () => {
    const { capture } = await import('../../entrypoints/background/tracking');
    const { allRecords } = await import('../../platform/extension/db');
    await capture(
      'https://laas.dla.go.th',
      scope,
      { ...payment, dekaNo: '102/2569', elaasId: 'p2', ref: 'PAY2' },
      'api',
    );
    await capture(
      'https://laas.dla.go.th',
      scope,
      { ...payment, dekaNo: '102/2569', elaasId: 'p3', ref: 'PAY3' },
      'api',
    );
    await capture(
      'https://laas.dla.go.th',
      scope,
      { ...payment, dekaNo: '102/2569', elaasId: null, ref: 'PAY3' },
      'form',
    );
    expect((await allRecords()).filter((r) => r.dekaNo === '102/2569')).toHaveLength(2);
  });

  it('keeps a deliberate second save on a server-rendered e-LAAS: two dialogs, two references', async () => {
    const { capture } = await import('../../entrypoints/background/tracking');
    const { allRecords } = await import('../../platform/extension/db');
    // Design B: no API answer; each dialog shows its own reference, no e-LAAS id.
    const dialog = { ...payment, dekaNo: '103/2569', elaasId: null };
    await capture('https://laas.dla.go.th', scope, { ...dialog, ref: 'PAY4' }, 'form');
    await capture('https://laas.dla.go.th', scope, { ...dialog, ref: 'PAY5' }, 'form');
    // The second dialog seen again (the next page takes up what the tab wrote down): still two.
    await capture('https://laas.dla.go.th', scope, { ...dialog, ref: 'PAY5' }, 'form');
    const kept = (await allRecords()).filter((r) => r.dekaNo === '103/2569');
    expect(kept.map((r) => r.ref).sort()).toEqual(['PAY4', 'PAY5']);
  });

  it('never writes over what the list said meanwhile: a capture and the list at the same moment', async () => {
    const { capture, applyRows } = await import('../../entrypoints/background/tracking');
    const { allRecords } = await import('../../platform/extension/db');
    const origin = 'https://laas.dla.go.th';
    const saved = { ...payment, dekaNo: '104/2569', elaasId: 'p104', ref: 'PAY104' };
    await capture(origin, scope, { ...saved, elaasId: null }, 'form');
    // The save's API answer comes in as the list on screen shows its voucher: without the turns,
    // the capture read the record as awaiting and wrote it back so, over the list's 'created'.
    const created = { ...saved, status: 'created' as const, voucherNo: 'PV104', failureReason: null };
    const [kept] = await Promise.all([
      capture(origin, scope, saved, 'api'),
      applyRows(origin, scope.unit, [{ ...created, voucherCreatedAt: T0 }], 'list'),
    ]);
    const [record] = (await allRecords()).filter((r) => r.dekaNo === '104/2569');
    expect(record).toMatchObject({ status: 'created', voucherNo: 'PV104', elaasId: 'p104' });
    // What the capture answered was the record as it stood in its turn, before the list's.
    expect(kept.record?.status).toBe('awaiting');
    // Both at once the other way round.
    const later = { ...saved, dekaNo: '105/2569', elaasId: 'p105', ref: 'PAY105' };
    await capture(origin, scope, { ...later, elaasId: null }, 'form');
    const [, again] = await Promise.all([
      applyRows(
        origin,
        scope.unit,
        [{ ...later, status: 'created', voucherNo: 'PV105', voucherCreatedAt: T0, failureReason: null }],
        'list',
      ),
      capture(origin, scope, later, 'api'),
    ]);
    expect(again.record).toMatchObject({ status: 'created', elaasId: 'p105' });
    expect((await allRecords()).find((r) => r.dekaNo === '105/2569')).toMatchObject({
      status: 'created',
      elaasId: 'p105',
    });
  });

  it('a busy tab holds no capture back; a burst is told to it once more, not once per capture (the soak)', async () => {
    const { capture } = await import('../../entrypoints/background/tracking');
    const { extensionHost } = await import('../../platform/extension/host');
    const { allRecords } = await import('../../platform/extension/db');
    vi.spyOn(extensionHost, 'tabsOf').mockResolvedValue([{ id: 7, url: 'https://laas.dla.go.th/#/home' }]);
    const burstKept = async () => (await allRecords()).filter((r) => r.ref?.startsWith('BURST')).length;
    let told = 0;
    let answered = 0;
    let keptWhenTold = 0;
    // The tab answers "records changed" only once the whole burst is kept: busy drawing, say.
    // (Waiting for it before answering the next capture, as the background once did, never ends.)
    vi.spyOn(extensionHost, 'sendToTab').mockImplementation(async () => {
      told += 1;
      keptWhenTold = await burstKept();
      while ((await burstKept()) < 20) await new Promise((r) => setTimeout(r, 1));
      answered += 1;
      return true;
    });
    const badges: string[] = [];
    vi.spyOn(extensionHost, 'badge').mockImplementation(async (look) => {
      badges.push(look.text);
    });
    const burst = Array.from({ length: 20 }, (_, i) =>
      capture(
        'https://laas.dla.go.th',
        scope,
        { ...payment, dekaNo: `${200 + i}/2569`, elaasId: `b${i}`, ref: `BURST${i}` },
        'api',
      ),
    );
    // Every capture answered while the tab was still busy with the first word.
    const kept = await Promise.all(burst);
    expect(new Set(kept.map((k) => k.id)).size).toBe(20);
    expect(answered).toBe(0);
    // Told as the first was kept (or, still in the gap after an earlier word, once for all), and
    // at most once more, a second on, for those kept meanwhile: the last word has all 20.
    await vi.waitFor(() => expect(keptWhenTold).toBe(20), { timeout: 3000 });
    expect(told).toBeLessThanOrEqual(2);
    const awaiting = String((await allRecords()).filter((r) => r.status === 'awaiting').length);
    await vi.waitFor(() => expect(badges.at(-1)).toBe(awaiting), { timeout: 3000 });
    vi.restoreAllMocks();
  });

  it('ends a pause of checking when e-LAAS answers a save; a save it did not answer does not', async () => {
    const { capture, CHECK_ALARM } = await import('../../entrypoints/background/tracking');
    const now = Date.now();
    // A check a minute ago met e-LAAS' maintenance page: the next would be five minutes on.
    const paused = { lastCheckAt: now - 60_000, failures: 2, paused: 'maintenance' };
    await fakeBrowser.storage.local.set({ poller: paused });
    const poller = async () => (await fakeBrowser.storage.local.get('poller')).poller;
    await capture(
      'https://laas.dla.go.th',
      scope,
      { ...payment, dekaNo: '301/2569', elaasId: null, ref: null },
      'unanswered',
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(await poller()).toEqual(paused);
    await capture(
      'https://laas.dla.go.th',
      scope,
      { ...payment, dekaNo: '302/2569', elaasId: 'p302', ref: 'PAY302' },
      'api',
    );
    // (A burst before may still be in its one-second gap: up to a second or so.)
    await vi.waitFor(async () => expect(await poller()).toEqual({ ...paused, paused: null, failures: 0 }), {
      timeout: 3000,
    });
    // The next check at the usual pace again: no earlier than the minimum interval after the last.
    await vi.waitFor(
      async () => {
        const alarm = await fakeBrowser.alarms.get(CHECK_ALARM);
        expect(alarm?.scheduledTime).toBeLessThan(now + 60_000);
      },
      { timeout: 3000 },
    );
  });
});

describe("the clerk's data as a whole (popup, options)", () => {
  const origin = 'https://laas.dla.go.th';
  const finished = (id: string, at: number) =>
    record({
      id,
      origin,
      status: 'created',
      recordedAt: at,
      history: [{ status: 'created', at, source: 'check' }],
    });

  it('is reachable from extension pages only', async () => {
    for (const type of ['records/summary', 'records/export', 'records/purge', 'records/clear']) {
      expect(await onMessage({ type }, page), type).toEqual({ ok: false, error: 'refused' });
    }
    expect(await onMessage({ type: 'records/import', records: [] }, page)).toEqual({
      ok: false,
      error: 'refused',
    });
  });

  it('imports a backup without duplicates, refuses a bad one whole, exports, purges and clears', async () => {
    const { putRecords, allRecords, clearRecords } = await import('../../platform/extension/db');
    await clearRecords();
    const now = Date.now();
    await putRecords([
      record({
        id: 'a',
        origin,
        ref: 'P-1',
        recordedAt: now,
        history: [{ status: 'awaiting', at: now, source: 'capture' }],
      }),
    ]);

    const bad = await onMessage(
      { type: 'records/import', records: [finished('x', now), { id: 'broken' }] },
      optionsPage,
    );
    expect(bad).toEqual({ ok: true, data: { refused: 2 } });
    expect((await allRecords()).map((r) => r.id)).toEqual(['a']);

    const old = now - 200 * 24 * 3600_000;
    const imported = await onMessage(
      {
        type: 'records/import',
        records: [
          finished('b', now),
          finished('old', old),
          record({
            id: 'a',
            origin,
            ref: 'P-1',
            recordedAt: now,
            history: [{ status: 'awaiting', at: now, source: 'capture' }],
          }),
        ],
      },
      optionsPage,
    );
    expect(imported).toEqual({ ok: true, data: { added: 2, updated: 0, unchanged: 1 } });

    const summary = (await onMessage({ type: 'records/summary' }, optionsPage)) as {
      data: { counts: Record<string, number>; total: number; elaasUrl: string };
    };
    expect(summary.data.total).toBe(3);
    expect(summary.data.counts).toMatchObject({ awaiting: 1, created: 2 });
    expect(summary.data.elaasUrl).toBe(`${origin}/#/expenditure/payments`);

    const exported = (await onMessage({ type: 'records/export' }, optionsPage)) as { data: PaymentRecord[] };
    expect(exported.data.map((r) => r.id)).toEqual(['old', 'a', 'b']);

    expect(await onMessage({ type: 'records/purge' }, optionsPage)).toEqual({
      ok: true,
      data: { deleted: 1 },
    });
    expect((await allRecords()).map((r) => r.id).sort()).toEqual(['a', 'b']);

    expect((await onMessage({ type: 'records/clear' }, optionsPage)).ok).toBe(true);
    expect(await allRecords()).toEqual([]);
  });
});

describe('checking politely', () => {
  it('shares a running check instead of starting a second one', async () => {
    const { runCheck } = await import('../../entrypoints/background/tracking');
    const a = runCheck();
    const b = runCheck();
    expect(b).toBe(a);
    await a;
    const c = runCheck();
    expect(c).not.toBe(a);
    await c;
  });
});

describe('a list longer than the pages one check reads', () => {
  it('is read in turns: the next check goes on where the last stopped, then starts over', async () => {
    const { runCheck } = await import('../../entrypoints/background/tracking');
    const { putRecords, clearRecords, allRecords } = await import('../../platform/extension/db');
    const { extensionHost } = await import('../../platform/extension/host');
    await clearRecords();
    const old = record({ id: 'old', elaasId: 'p000001', dekaNo: '101/2569' });
    const fresh = record({ id: 'fresh', elaasId: 'p000600', dekaNo: '700/2569' });
    await putRecords([old, fresh]);
    const asked: number[] = [];
    // Pages 1–5 show only the newer payment; the older one is on page 6.
    vi.spyOn(extensionHost, 'tabsOf').mockResolvedValue([{ id: 7, url: `${old.origin}/#/home` }]);
    vi.spyOn(extensionHost, 'sendToTab').mockImplementation(async (_id, message) => {
      const m = message as { type: string; firstPage: number };
      if (m.type !== 'check/run') return true; // "records changed": the panel re-reads
      const first = m.firstPage;
      asked.push(first);
      return first === 1
        ? { ok: true, rows: [rowOf(fresh, 'awaiting')], nextPage: 6 }
        : { ok: true, rows: [rowOf(old, 'created')], nextPage: null };
    });
    await runCheck();
    await runCheck();
    await runCheck();
    expect(asked).toEqual([1, 6, 1]);
    const byId = new Map((await allRecords()).map((r) => [r.id, r]));
    expect(byId.get('old')?.status).toBe('created');
    expect(byId.get('fresh')?.status).toBe('awaiting');
  });

  it('accepts only a page to go on from that a list can have', async () => {
    const { parseCheckResult } = await import('../../core/protocol');
    expect(parseCheckResult({ ok: true, rows: [], nextPage: null })).toEqual({
      ok: true,
      rows: [],
      nextPage: null,
    });
    expect(parseCheckResult({ ok: true, rows: [], nextPage: 6 })).toEqual({
      ok: true,
      rows: [],
      nextPage: 6,
    });
    for (const bad of [0, 1, 1.5, -3, '6', 20_000, undefined]) {
      expect(parseCheckResult({ ok: true, rows: [], nextPage: bad }), String(bad)).toBeNull();
    }
  });
});

/** What a payment form said: no e-LAAS id, the fiscal year guessed from the pay date. */
const save = (dekaNo: string) => ({
  elaasId: null,
  ref: null,
  dekaNo,
  payee: 'ร้านศรีสุขการค้า',
  amount: 50_000,
  payDate: '2026-06-10',
  fiscalYear: 2569,
  status: 'awaiting' as const,
  voucherNo: null,
  voucherCreatedAt: null,
});

describe('a save whose answer never came', () => {
  const scope = { unit: 'อบต.นาโพธิ์', user: 'สมศรี ใจดี' };

  it('is confirmed by its answer or by the list, and settled as never received only by a whole read begun well after it', async () => {
    const { capture, runCheck, UNANSWERED_GRACE_MS } = await import('../../entrypoints/background/tracking');
    const { clearRecords, allRecords } = await import('../../platform/extension/db');
    const { extensionHost } = await import('../../platform/extension/host');
    await clearRecords();
    await fakeBrowser.storage.local.remove(['checkCursor', 'checkPassStart']);
    const origin = 'https://laas.dla.go.th';
    let now = T0;
    vi.spyOn(extensionHost, 'now').mockImplementation(async () => now);
    const row = (dekaNo: string, elaasId: string) => ({
      elaasId,
      ref: null,
      dekaNo,
      amount: 50_000,
      payDate: '2026-06-10',
      status: 'awaiting' as const,
      voucherNo: null,
      voucherCreatedAt: null,
      failureReason: null,
    });
    // Three saves left without an answer; the first one's answer arrives after all.
    for (const deka of ['201/2569', '202/2569', '203/2569'])
      await capture(origin, scope, save(deka), 'unanswered');
    await capture(origin, scope, { ...save('201/2569'), elaasId: 'p201', ref: 'PAY201' }, 'api');
    // One more, made just before the read below begins: e-LAAS may still be working on it.
    now = T0 + UNANSWERED_GRACE_MS + 30_000;
    await capture(origin, scope, save('204/2569'), 'unanswered');
    const byDeka = async () => new Map((await allRecords()).map((r) => [r.dekaNo, r]));
    expect((await byDeka()).get('201/2569')).toMatchObject({ capturedFrom: 'api', elaasId: 'p201' });
    expect(await allRecords()).toHaveLength(4);

    // The list is read in two turns: the first holds 202 (e-LAAS has it), the second nothing more.
    now = T0 + UNANSWERED_GRACE_MS + 60_000;
    vi.spyOn(extensionHost, 'tabsOf').mockResolvedValue([{ id: 7, url: `${origin}/#/home` }]);
    const asked: number[] = [];
    vi.spyOn(extensionHost, 'sendToTab').mockImplementation(async (_id, message) => {
      const m = message as { type: string; firstPage: number };
      if (m.type !== 'check/run') return true;
      asked.push(m.firstPage);
      return m.firstPage === 1
        ? {
            ok: true,
            rows: [row('202/2569', 'p202'), row('201/2569', 'p201')],
            nextPage: 6,
          }
        : { ok: true, rows: [], nextPage: null };
    });
    await runCheck();
    let got = await byDeka();
    expect(got.get('202/2569')).toMatchObject({ capturedFrom: 'form', elaasId: 'p202', status: 'awaiting' });
    // Half the list read: nothing is settled yet.
    expect(got.get('203/2569')).toMatchObject({ capturedFrom: 'unanswered', status: 'awaiting' });
    now += 60_000;
    await runCheck();
    expect(asked).toEqual([1, 6]);
    got = await byDeka();
    // Read through from a start well after it, and not there: e-LAAS never received it.
    expect(got.get('203/2569')).toMatchObject({ capturedFrom: 'unanswered', status: 'failed' });
    // Made 30 s before that read began: still a question.
    expect(got.get('204/2569')).toMatchObject({ capturedFrom: 'unanswered', status: 'awaiting' });

    // Recorded again, and this time answered: a payment of its own, the failed save stays as it was.
    await capture(origin, scope, { ...save('203/2569'), elaasId: 'p203', ref: 'PAY203' }, 'api');
    const again = (await allRecords()).filter((r) => r.dekaNo === '203/2569');
    expect(again.map((r) => `${r.capturedFrom} ${r.status}`).sort()).toEqual([
      'api awaiting',
      'unanswered failed',
    ]);
    vi.restoreAllMocks();
  });

  it('taken up by a later page minutes on, is the save its answer already kept, not a second one', async () => {
    const { capture } = await import('../../entrypoints/background/tracking');
    const { clearRecords, allRecords } = await import('../../platform/extension/db');
    const { extensionHost } = await import('../../platform/extension/host');
    await clearRecords();
    let now = T0;
    vi.spyOn(extensionHost, 'now').mockImplementation(async () => now);
    // The answer was garbled (kept from the form); the page went away before the background said
    // it had it, and the tab's next page, five minutes on, offers the save again as unanswered.
    await capture('https://laas.dla.go.th', scope, save('238/2569'), 'unreadable');
    now += 5 * 60_000;
    await capture('https://laas.dla.go.th', scope, save('238/2569'), 'unanswered');
    expect((await allRecords()).map((r) => r.capturedFrom)).toEqual(['unreadable']);

    // Another tab saved ฎีกา 239 and read e-LAAS' answer; this tab's save of it, a second earlier,
    // got none: two saves, two records (the check says whether e-LAAS has the second).
    await capture(
      'https://laas.dla.go.th',
      scope,
      { ...save('239/2569'), elaasId: 'p239', ref: 'PAY239' },
      'api',
    );
    await capture('https://laas.dla.go.th', scope, save('239/2569'), 'unanswered');
    expect(
      (await allRecords())
        .filter((r) => r.dekaNo === '239/2569')
        .map((r) => r.capturedFrom)
        .sort(),
    ).toEqual(['api', 'unanswered']);
    vi.restoreAllMocks();
  });

  it('is accepted from the page only as one of the known ways of capture', async () => {
    const { parseRequest } = await import('../../core/protocol');
    const payment = save('201/2569');
    const message = (capturedFrom: unknown) => ({ type: 'payment/recorded', scope, payment, capturedFrom });
    expect(parseRequest(message('unanswered'))).not.toBeNull();
    expect(parseRequest(message('guessed'))).toBeNull();
  });
});

describe('a save whose answer came back unreadable', () => {
  const scope = { unit: 'อบต.นาโพธิ์', user: 'สมศรี ใจดี' };
  const origin = 'https://laas.dla.go.th';
  const answered = (dekaNo: string, id: string) => ({ ...save(dekaNo), elaasId: id, ref: `PAY${id}` });
  const kept = async (dekaNo: string) => {
    const { allRecords } = await import('../../platform/extension/db');
    return (await allRecords())
      .filter((r) => r.dekaNo === dekaNo)
      .map((r) => `${r.capturedFrom} ${r.elaasId ?? '-'}`)
      .sort();
  };

  /** The background's clock, moved by the tests; each starts with no records. */
  let now = T0;
  beforeEach(async () => {
    const { clearRecords } = await import('../../platform/extension/db');
    const { extensionHost } = await import('../../platform/extension/host');
    await clearRecords();
    now = T0;
    vi.spyOn(extensionHost, 'now').mockImplementation(async () => now);
  });
  afterEach(() => vi.restoreAllMocks());

  it("is never merged with another tab's save of the ฎีกา whose answer was read (the soak's lost payment)", async () => {
    const { capture } = await import('../../entrypoints/background/tracking');
    // Tab 1's save of ฎีกา 250 got a garbled answer (kept from its form); four seconds on, the
    // clerk saved it again in tab 2, which had not heard of the first, and read e-LAAS' answer.
    await capture(origin, scope, save('250/2569'), 'unreadable');
    now += 4_000;
    await capture(origin, scope, answered('250/2569', 'p250'), 'api');
    expect(await kept('250/2569')).toEqual(['api p250', 'unreadable -']);
    // The other way round: tab 2's answer is kept first.
    await capture(origin, scope, answered('251/2569', 'p251'), 'api');
    now += 4_000;
    await capture(origin, scope, save('251/2569'), 'unreadable');
    expect(await kept('251/2569')).toEqual(['api p251', 'unreadable -']);
  });

  it('is one record however often it is offered: by its dialog, again by the next page, after the list gave it an id', async () => {
    const { capture, applyRows } = await import('../../entrypoints/background/tracking');
    await capture(origin, scope, save('252/2569'), 'unreadable');
    await capture(origin, scope, save('252/2569'), 'form');
    expect(await kept('252/2569')).toEqual(['unreadable -']);
    // The list confirms it (and gives its id); the page had gone before the background said it
    // had the save, and the tab's next page offers it again, six minutes on.
    await applyRows(origin, scope.unit, [{ ...answered('252/2569', 'p252'), failureReason: null }], 'list');
    expect(await kept('252/2569')).toEqual(['unreadable p252']);
    now += 6 * 60_000;
    await capture(origin, scope, save('252/2569'), 'unreadable');
    expect(await kept('252/2569')).toEqual(['unreadable p252']);
  });
});

describe('a tab that never answers', () => {
  it('is given up on after the time allowed, so checking never stalls', async () => {
    const { answerWithin } = await import('../../entrypoints/background/tracking');
    vi.useFakeTimers();
    try {
      const never = new Promise<string>(() => undefined);
      const given = answerWithin(never, 1000);
      vi.advanceTimersByTime(1001);
      await expect(given).rejects.toThrow('no answer in time');
      await expect(answerWithin(Promise.resolve('rows'), 1000)).resolves.toBe('rows');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('several tabs of one e-LAAS', () => {
  it('asks the next tab when one is signed out, and pauses for sign-in only when every tab is', async () => {
    const { runCheck } = await import('../../entrypoints/background/tracking');
    const { putRecords, clearRecords, allRecords } = await import('../../platform/extension/db');
    const { extensionHost } = await import('../../platform/extension/host');
    await clearRecords();
    await fakeBrowser.storage.local.remove(['checkCursor', 'checkPassStart', 'poller']);
    const waiting = record({ id: 'waiting', elaasId: 'p000042', dekaNo: '42/2569' });
    await putRecords([waiting]);
    // Tab 7 idles with an expired token (design A keeps it in the tab); the clerk works in tab 8.
    let signedIn = new Set([8]);
    const asked: number[] = [];
    vi.spyOn(extensionHost, 'tabsOf').mockResolvedValue([
      { id: 7, url: `${waiting.origin}/#/home` },
      { id: 8, url: `${waiting.origin}/#/expenditure/payment/record` },
    ]);
    vi.spyOn(extensionHost, 'sendToTab').mockImplementation(async (id, message) => {
      if ((message as { type: string }).type !== 'check/run') return true;
      asked.push(id);
      return signedIn.has(id)
        ? { ok: true, rows: [rowOf(waiting, 'awaiting')], nextPage: null }
        : { ok: false, reason: 'logged-out' };
    });
    await runCheck();
    expect(asked).toEqual([7, 8]);
    expect(await fakeBrowser.storage.local.get('poller')).toMatchObject({ poller: { paused: null } });
    // The next check asks the tab that answered first: no request e-LAAS refuses each time.
    asked.length = 0;
    await runCheck();
    expect(asked).toEqual([8]);

    // Every tab signed out: checking waits for a sign-in, and says so.
    signedIn = new Set();
    asked.length = 0;
    await runCheck();
    expect(asked).toEqual([8, 7]);
    expect(await fakeBrowser.storage.local.get('poller')).toMatchObject({ poller: { paused: 'logged-out' } });

    // The idle tab signed in again answers, and is asked first from then on; its voucher is made.
    signedIn = new Set([7]);
    asked.length = 0;
    await runCheck();
    expect(asked).toEqual([8, 7]);
    asked.length = 0;
    vi.spyOn(extensionHost, 'sendToTab').mockImplementation(async (id, message) => {
      if ((message as { type: string }).type !== 'check/run') return true;
      asked.push(id);
      return { ok: true, rows: [rowOf(waiting, 'created')], nextPage: null };
    });
    await runCheck();
    expect(asked).toEqual([7]);
    expect((await allRecords()).find((r) => r.id === 'waiting')).toMatchObject({
      status: 'created',
      voucherNo: 'PV-42/2569',
    });
    vi.restoreAllMocks();
  });
});

describe('the site profile an admin overrides', () => {
  it('is not sent when there is no override: every overlay has the built-in one', async () => {
    const state = (await onMessage({ type: 'overlay/state', userKey: 'k' }, page)) as { data: OverlayState };
    expect(state.data.profile).toBeNull();
    await fakeBrowser.storage.local.set({ policyCache: { siteProfile: '' } });
    const empty = (await onMessage({ type: 'overlay/state', userKey: 'k' }, page)) as { data: OverlayState };
    expect(empty.data.profile).toBeNull();
  });

  it('is merged over the defaults, sent with the overlay state, and what is unusable is reported', async () => {
    const override = {
      listPage: { headers: { dekaNo: ['เลขที่ฎีกา'], status: ['สถานะรายการ'] } },
      statusTexts: { รอดำเนินการ: 'awaiting' },
      nonsense: 1,
    };
    await fakeBrowser.storage.local.set({ policyCache: { siteProfile: JSON.stringify(override) } });
    const state = (await onMessage({ type: 'overlay/state', userKey: 'k' }, page)) as {
      data: OverlayState & {
        profile: { listPage: { headers: Record<string, string[]> }; statusTexts: Record<string, string> };
      };
    };
    expect(state.data.profile.listPage.headers.dekaNo).toEqual(['เลขที่ฎีกา']);
    expect(state.data.profile.listPage.headers.payee).toEqual(['ผู้รับเงิน']); // the default, kept
    expect(state.data.profile.statusTexts.รอดำเนินการ).toBe('awaiting');
    const got = (await onMessage({ type: 'settings/get' }, optionsPage)) as { data: ResolvedSettings };
    const entry = got.data.policy.find((e) => e.key === 'siteProfile');
    expect(entry?.applied).toBe(true);
    expect(entry?.reason).toMatch(/^partly used; not used: .*nonsense/);

    await fakeBrowser.storage.local.set({ policyCache: { siteProfile: '[1, 2]' } });
    const refused = (await onMessage({ type: 'settings/get' }, optionsPage)) as { data: ResolvedSettings };
    expect(refused.data.policy.find((e) => e.key === 'siteProfile')).toMatchObject({
      applied: false,
      reason: 'expected a JSON object',
    });
  });
});

describe('e-LAAS addresses the organisation enabled', () => {
  it('refuses captures and reads from an e-LAAS not in the policy list', async () => {
    const scope = { unit: 'u', user: 'x' };
    await fakeBrowser.storage.local.set({ policyCache: { elaasOrigins: ['https://other.dla.go.th'] } });
    expect(await onMessage({ type: 'records/mine', scope }, page)).toEqual({
      ok: false,
      error: 'not from an e-LAAS page the organisation enabled',
    });
    await fakeBrowser.storage.local.set({ policyCache: { elaasOrigins: ['https://laas.dla.go.th'] } });
    expect((await onMessage({ type: 'records/mine', scope }, page)).ok).toBe(true);
    await fakeBrowser.storage.local.set({ policyCache: { elaasOrigins: ['https://laas.dla.go.th/path'] } });
    const got = (await onMessage({ type: 'settings/get' }, optionsPage)) as { data: ResolvedSettings };
    expect(got.data.policy.find((e) => e.key === 'elaasOrigins')?.applied).toBe(false);
  });
});
