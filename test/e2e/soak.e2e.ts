/**
 * feature: pending-panel
 * The soak: many payments recorded through the simulator's New e-LAAS in three tabs at once, by
 * clerks who retry what went wrong, while random faults hit: maintenance (503), latency up to
 * 30 s, 401s and expired tokens, truncated, garbled and HTML answers, offline spells, the check
 * alarm firing at any moment, and in Chromium the service worker stopped and the browser restarted
 * mid-wait. Then the faults end, the vouchers come, and what the extension keeps is compared with
 * the simulator's ground truth: lost, duplicated and stuck are printed, and must be zero.
 *
 * Size by environment: EVW_SOAK_PAYMENTS (Chromium, default 1,000), EVW_SOAK_FIREFOX_PAYMENTS
 * (default 60), EVW_SOAK_SEED (replays a run's faults and timing choices; printed each run).
 * Firefox runs shorter and without the worker stop and the restart: its background is an event
 * page automation cannot stop, and an add-on a test installs is gone after a restart.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../simulator/server';
import { type ExportedRecord, expectPanelShowsTruth, exportedRecords } from './harness/elaas';
import { type BrowserName, tmpDir } from './harness/env';
import { getStorage, readPanel } from './harness/overlay';
import { launch, type Session, type TestPage } from './harness/session';
import {
  backToRecordPage,
  chaos,
  countAgainstTruth,
  type Outcome,
  recordByNumber,
  seeded,
  within,
} from './harness/soak';

function whole(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}

const CHROMIUM_PAYMENTS = whole(process.env.EVW_SOAK_PAYMENTS, 1000);
const FIREFOX_PAYMENTS = whole(process.env.EVW_SOAK_FIREFOX_PAYMENTS, 60);
const SEED = whole(process.env.EVW_SOAK_SEED, 1 + Math.floor(Math.random() * 2 ** 30));
/** EVW_SOAK_FAULTS: a comma-separated list of fault kinds to cause (default: all; `none`: none). */
const ONLY_FAULTS = process.env.EVW_SOAK_FAULTS?.split(',').map((k) => k.trim()) ?? null;
/** EVW_SOAK_RESTART=0: no browser restart (to tell its effects from the faults'). */
const RESTART = process.env.EVW_SOAK_RESTART !== '0';
const TABS = 3;
/** Payments between two pauses in which the extension catches up with the clerks. */
const BATCH = 50;
/** After the change: vouchers come later, within seconds on a normal day. */
const JUNE_15 = Date.parse('2026-06-15T02:00:00Z');
/** Each wait in a step: longer than the longest latency spell's answer (30 s). */
const STEP_TIMEOUT_MS = 40_000;
/** A whole step, from outside: a page that navigated mid-call may never answer it. */
const STEP_GUARD_MS = 3 * STEP_TIMEOUT_MS;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The panel's "check now", pressed as the clerk does (not waiting for a button that is busy). */
function checkNow(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    const button = document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-check-now');
    if (button instanceof HTMLButtonElement && !button.disabled) button.click();
  }, null);
}

interface Job {
  deka: string;
  tries: number;
  /** Not before this time (an earlier save is being checked: the clerk comes back later). */
  notBefore: number;
  /** What the screen said at the last try. */
  note: string;
}

/** `boundMs`: the test's own bound; the run stops short of it and says how far it got. */
async function soak(browser: BrowserName, payments: number, boundMs: number): Promise<void> {
  const begun = Date.now();
  const random = seeded(SEED + (browser === 'firefox' ? 1 : 0));
  const sim: Simulator = await startSimulator({
    design: 'A',
    start: JUNE_15,
    seed: SEED % 100_000,
    scenario: 'normal',
    failureRate: 0.03,
    dekasPerUnit: payments,
  });
  const restartable = browser === 'chromium';
  const profileDir = restartable ? tmpDir('chromium-soak-') : undefined;
  let session: Session = await launch(browser, 'testing', profileDir ? { profileDir } : {});
  const started = Date.now();
  const log = (line: string) =>
    process.stderr.write(`[soak ${browser} +${((Date.now() - started) / 1000).toFixed(1)} s] ${line}\n`);
  // First, so that a run stopped by its bound can be replayed.
  log(`seed ${SEED} (EVW_SOAK_SEED=${SEED} replays it), ${payments} payments`);
  const outcomes = { saved: 0, guarded: 0, done: 0, retried: 0, reopened: 0, unsure: 0 };
  let restarts = 0;
  /** ฎีกา → where and when the clerk finished it, for the failure message. */
  const where = new Map<string, string>();
  /** ฎีกา → the attempts that did not finish it, for the failure message. */
  const tried = new Map<string, string[]>();
  try {
    const queue: Job[] = sim.ctx.state.dekas
      .filter((d) => d.unitId === 'U4801' && d.fiscalYear === 2569)
      .slice(0, payments)
      .map((d) => ({ deka: d.no, tries: 0, notBefore: 0, note: '' }));
    expect(queue).toHaveLength(payments);

    const pages: TestPage[] = [];
    const openTabs = async () => {
      pages.length = 0;
      for (let i = 0; i < TABS; i++) {
        const page = await session.newPage();
        // Signing in may meet a fault too: tried again until it works.
        await backToRecordPage(page, sim.url);
        pages.push(page);
      }
    };
    await openTabs();

    // The browser restarts once, mid-wait, somewhere in the middle of the run (Chromium).
    const restartAfter =
      restartable && RESTART ? Math.floor(payments * (0.4 + 0.3 * random())) : Number.POSITIVE_INFINITY;
    let finished = 0;
    let restarting: Promise<void> | null = null;
    let active = 0;
    let recording = true;
    /**
     * Past this, the run stops with how far it got (rather than the test runner's bare "timed
     * out", which says nothing of the seed or the state).
     */
    const deadline = begun + boundMs - 20_000;
    /** What each tab's clerk is at. */
    const doing: string[] = Array.from({ length: TABS }, () => 'starting');
    const overTime = (stage: string) => {
      if (Date.now() < deadline) return;
      // What held back the ฎีกา still to record: their attempts, the last ten each (the four once
      // shown hid the first save of a ฎีกา held back by two unanswered saves in a row).
      const left = queue
        .slice(0, 3)
        .map((j) => `${j.deka}: ${(tried.get(j.deka) ?? []).slice(-10).join(' | ') || 'not tried'}`);
      throw new Error(
        `soak ${browser}, seed ${SEED}: over its ${(boundMs / 60_000).toFixed(1)} min ${stage}: ${finished} of ${payments} recorded, ${queue.length} still to record, clerks ${JSON.stringify(outcomes)}, browser restarts ${restarts}; the tabs: ${doing.join(' | ')}${batchPause ? ', waiting for the extension to catch up' : ''}${restarting ? ', restarting' : ''}; left: ${left.join(' ;; ')}`,
      );
    };

    /**
     * Wait (at most `ms`) until the extension keeps every payment e-LAAS has; seconds waited. When
     * it does not, say which it is missing and how the clerk finished them: a lost capture shows
     * here, minutes before the final count.
     */
    let toldLogs = false;
    const caughtUp = async (ms: number) => {
      const from = Date.now();
      let kept: ExportedRecord[] = [];
      while (Date.now() - from < ms) {
        kept = await exportedRecords(session).catch(() => kept);
        // Every payment e-LAAS has, kept (a count would be fooled by saves the extension knows
        // e-LAAS never received: they are records, not payments).
        if (countAgainstTruth(kept, sim.ctx.state.payments).lost === 0) return (Date.now() - from) / 1000;
        await sleep(250);
      }
      const have = new Set(kept.map((r) => r.dekaNo));
      const missing = sim.ctx.state.payments.filter((p) => !have.has(p.dekaNo));
      for (const p of missing.slice(0, 5))
        log(
          `not kept: ${p.dekaNo}, recorded ${((sim.ctx.clock.now(Date.now()) - p.recordedAt) / sim.ctx.clock.speed() / 1000).toFixed(1)} s ago; the clerk: ${where.get(p.dekaNo) ?? 'not finished'}; tries: ${(tried.get(p.dekaNo) ?? []).join(' | ')}`,
        );
      if (missing.length > 0 && !toldLogs) {
        toldLogs = true;
        for (const [i, page] of pages.entries())
          for (const l of page
            .logs()
            .filter((l) => l.includes('Voucher Watch'))
            .slice(-8))
            log(`tab ${i + 1}: ${l}`);
        for (const l of (session.backgroundLogs?.() ?? []).slice(-10)) log(`background: ${l}`);
      }
      return (Date.now() - from) / 1000;
    };

    const restart = async () => {
      while (active > 0) await sleep(50);
      // Mid-wait: every payment recorded so far is kept and waits for its voucher.
      const waited = await caughtUp(60_000);
      log(`browser: closing, payments waiting (kept all after ${waited.toFixed(1)} s)`);
      await session.close();
      session = await launch(browser, 'testing', { profileDir });
      await openTabs();
      restarts += 1;
      log('browser: open again on the same profile');
    };

    // The clerks save 10 to 20 payments a second, a hundred times a clerk's pace; the extension
    // takes each in a tenth of a second or so, with a thousand records. Every BATCH payments they
    // let it catch up (docs/tracking.md: the soak's limit), so a burst never outruns it for long.
    let batchPause: Promise<void> | null = null;
    /**
     * The batch last caught up with: once per batch. (Each retry at a count that is a multiple of
     * the batch paused again, up to 30 s each while a payment was still on its way: a run crawled
     * for minutes near its end, with many retries and no payment finished.)
     */
    let caughtUpAt = 0;
    const catchUp = async () => {
      const waited = await caughtUp(30_000);
      if (waited > 5) log(`the extension took ${waited.toFixed(1)} s to keep the last batch`);
    };

    const clerk = async (tab: number) => {
      /** Attempts in a row that went wrong: the clerk waits a little longer after each. */
      let failing = 0;
      for (;;) {
        if (restarting) await restarting;
        if (batchPause) await batchPause;
        overTime('while recording');
        const job = queue.shift();
        if (!job) {
          if (active === 0) return;
          await sleep(100);
          continue;
        }
        if (job.notBefore > Date.now()) {
          queue.push(job);
          await sleep(200);
          continue;
        }
        active += 1;
        doing[tab] = `${job.deka} since +${((Date.now() - started) / 1000).toFixed(0)} s`;
        let outcome: Outcome;
        const stepStart = Date.now();
        try {
          ({ outcome, note: job.note } = await within(
            recordByNumber(pages[tab] as TestPage, job.deka, STEP_TIMEOUT_MS),
            STEP_GUARD_MS,
          ));
        } catch (error) {
          outcome = 'off-page'; // the page navigated away mid-step (to the login page, say)
          job.note = String(error).slice(0, 200);
        }
        if (Date.now() - stepStart > 20_000) {
          log(
            `tab ${tab + 1}, ${job.deka}: ${outcome} after ${((Date.now() - stepStart) / 1000).toFixed(0)} s (${job.note.slice(0, 120)})`,
          );
        }
        // An empty search can be the late answer to an earlier one: the clerk is done only when
        // e-LAAS has the payment.
        if (outcome === 'done' && !sim.ctx.state.payments.some((p) => p.dekaNo === job.deka))
          outcome = 'retry';
        if (outcome === 'saved' || outcome === 'guarded' || outcome === 'done') {
          outcomes[outcome] += 1;
          where.set(
            job.deka,
            `${outcome} in tab ${tab + 1} at +${((Date.now() - started) / 1000).toFixed(1)} s, launch ${restarts + 1}`,
          );
          finished += 1;
          if (finished % Math.max(1, Math.round(payments / 10)) === 0)
            log(`${finished} of ${payments} recorded`);
        } else if (outcome === 'unsure') {
          // Our guard: an earlier save got no answer and is being checked. The clerk presses the
          // panel's "check now" (a check after e-LAAS' maintenance page waits five minutes
          // otherwise) and comes back in a while.
          outcomes.unsure += 1;
          tried.set(job.deka, [
            ...(tried.get(job.deka) ?? []),
            `tab ${tab + 1} unsure at +${((Date.now() - started) / 1000).toFixed(1)} s`,
          ]);
          await checkNow(pages[tab] as TestPage).catch(() => undefined);
          // Still unsure after a minute or so: what the extension's checks are at, for the log.
          if ((tried.get(job.deka) ?? []).filter((t) => t.includes('unsure')).length % 3 === 0) {
            const [poller, cursor, pass, kept] = await Promise.all([
              getStorage(session, 'poller'),
              getStorage(session, 'checkCursor'),
              getStorage(session, 'checkPassStart'),
              exportedRecords(session),
            ]).catch((error: unknown) => [String(error), null, null, []] as const);
            log(
              `${job.deka} still unsure: poller ${JSON.stringify(poller)}, cursor ${JSON.stringify(cursor)}, pass from ${JSON.stringify(pass)}, kept ${JSON.stringify((kept as ExportedRecord[]).filter((r) => r.dekaNo === job.deka))}`,
            );
          }
          job.notBefore = Date.now() + 15_000;
          job.note = '';
          queue.push(job);
        } else {
          outcomes.retried += 1;
          job.tries += 1;
          tried.set(job.deka, [
            ...(tried.get(job.deka) ?? []),
            `tab ${tab + 1} ${outcome} at +${((Date.now() - started) / 1000).toFixed(1)} s after ${((Date.now() - stepStart) / 1000).toFixed(1)} s: ${job.note.slice(0, 100)}`,
          ]);
          if (job.tries > 20)
            throw new Error(`${job.deka}: could not be recorded in 20 tries; last: ${job.note}`);
          // As a clerk told "cannot connect" does: not again at once, and less often each time
          // (at the end of the run, with few left, a quick retry would meet the same spell).
          // A page that went away mid-save: the clerk opens it again before trying that ฎีกา
          // anywhere else (e-LAAS may have it; the tab's next page tells the extension).
          job.notBefore =
            Date.now() + Math.max(outcome === 'off-page' ? 10_000 : 0, Math.min(8000, 250 * 2 ** job.tries));
          queue.push(job);
          if (outcome === 'off-page') {
            outcomes.reopened += 1;
            await backToRecordPage(pages[tab] as TestPage, sim.url, log);
          }
          // e-LAAS is down or slow: the next ฎีกา would meet the same. A short pause first.
          failing += 1;
          await sleep(Math.min(4000, 250 * 2 ** failing));
        }
        if (outcome === 'saved' || outcome === 'guarded' || outcome === 'done') failing = 0;
        active -= 1;
        doing[tab] = 'between payments';
        if (finished % BATCH === 0 && finished !== caughtUpAt && !batchPause && !restarting) {
          caughtUpAt = finished;
          batchPause = catchUp().finally(() => {
            batchPause = null;
          });
        }
        if (finished >= restartAfter && restarts === 0 && !restarting) {
          restarting = restart().finally(() => {
            restarting = null;
          });
        }
      }
    };

    const faults = chaos(
      sim,
      () => session,
      random,
      () => !recording,
      restartable,
      log,
      ONLY_FAULTS,
    );
    try {
      await Promise.all(Array.from({ length: TABS }, (_, tab) => clerk(tab)));
    } finally {
      recording = false;
    }
    const caused = await faults;
    log('recording over; faults off');
    Object.assign(sim.ctx.faults, { maintenance: false, offline: false, malformed: null, latencyMs: 0 });
    sim.ctx.faults.unauthorizedNext = 0;
    expect(finished).toBe(payments);

    // The faults are over. Hours pass; e-LAAS has made every voucher (or failed it). The clerk's
    // pages may show e-LAAS' maintenance page from the last spell: back to work, then check.
    sim.ctx.clock.advance(2 * 3600_000, Date.now());
    const truth = () => sim.ctx.state.payments;
    for (const page of pages) await backToRecordPage(page, sim.url);
    let counts = countAgainstTruth(await exportedRecords(session), truth());
    // (A save whose answer never came is settled by a whole read of the list begun a minute
    // after it: up to three minutes of checks.)
    // A lost payment can only come back from a tab taking up a save an earlier page left: that
    // happens as the pages open again, within seconds; after that it stays lost.
    let kept = await exportedRecords(session);
    const unsettled = () => kept.some((r) => r.capturedFrom === 'unanswered' && r.status !== 'failed');
    for (
      let round = 0;
      round < 90 && (counts.duplicated + counts.stuck > 0 || unsettled() || (counts.lost > 0 && round < 10));
      round++
    ) {
      overTime('while the extension settled the last payments');
      await checkNow(pages[0] as TestPage);
      await sleep(2000);
      kept = await exportedRecords(session);
      counts = countAgainstTruth(kept, truth());
      log(
        `after check ${round + 1}: lost ${counts.lost}, duplicated ${counts.duplicated}, stuck ${counts.stuck}`,
      );
    }

    const spilled = await getStorage(session, 'spilledRecords');
    const problem = await getStorage(session, 'storageProblem');
    const minutes = ((Date.now() - started) / 60_000).toFixed(1);
    console.log(
      [
        `soak ${browser}: seed ${SEED}, ${payments} ฎีกา in ${TABS} tabs, ${minutes} min`,
        `  e-LAAS payments ${truth().length}: created ${truth().filter((p) => p.status === 'created').length}, failed ${truth().filter((p) => p.status === 'failed').length}`,
        `  clerks: saved ${outcomes.saved}, stopped by the duplicate guard ${outcomes.guarded}, already paid ${outcomes.done}, retried ${outcomes.retried} (page reopened ${outcomes.reopened}), told an earlier save was being checked ${outcomes.unsure}`,
        `  saves with no answer that e-LAAS never received (the extension says so; not payments): ${counts.notReceived}`,
        `  faults: ${Object.entries(caused)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}, browser restarts ${restarts}`,
        `  kept aside (database not taking writes): ${Array.isArray(spilled) ? spilled.length : 0}${problem ? ` (${String(problem)})` : ''}`,
        `  LOST ${counts.lost} · DUPLICATED ${counts.duplicated} · STUCK ${counts.stuck} · paid twice in e-LAAS ${counts.paidTwice}`,
        ...counts.details.slice(0, 20).flatMap((d) => {
          const deka = d.split(':')[0] ?? '';
          return [
            `    ${d}: ${where.get(deka) ?? ''}`,
            ...(tried.get(deka) ?? []).map((t) => `      tried: ${t}`),
          ];
        }),
        ...(counts.details.length === 0
          ? []
          : pages.flatMap((page, i) =>
              page
                .logs()
                .filter((l) => l.includes('Voucher Watch'))
                .slice(-10)
                .map((l) => `    tab ${i + 1}: ${l}`),
            )),
        ...(counts.details.length === 0
          ? []
          : (session.backgroundLogs?.() ?? []).slice(-15).map((l) => `    background: ${l}`)),
      ].join('\n'),
    );
    expect(counts.details).toEqual([]);
    expect([counts.lost, counts.duplicated, counts.stuck, counts.paidTwice]).toEqual([0, 0, 0, 0]);
    expect(truth()).toHaveLength(payments);

    // And what the panel shows in each tab is e-LAAS' truth for each payment it lists.
    for (const page of pages) {
      const shown = (await readPanel(page))?.records ?? [];
      expect(shown.length).toBeGreaterThan(0);
      // (A save the extension says e-LAAS never received lists its ฎีกา too; the payment made
      // when it was recorded again may be further down than the panel shows.)
      const listed = new Set(shown.filter((r) => !r.notReceived).map((r) => r.deka));
      expectPanelShowsTruth(
        shown,
        truth().filter((p) => listed.has(p.dekaNo)),
      );
    }
  } finally {
    await session.close();
    await sim.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * The bound on each run, at most; at the default sizes both together take about 7 minutes here,
 * within the issue's 10 in CI (Chromium about 5½, Firefox 1½: a save left unanswered is settled
 * only by a read of the list begun a minute after it, so a run ends a minute or two after its last
 * such save). A longer run gets proportionally more. The bounds are for a run gone wrong, not a
 * run's usual length: one that meets them has the seed replayed (EVW_SOAK_SEED) and its cause found.
 */
const bound = (payments: number, atDefault: number, defaultPayments: number) =>
  Math.max(1, payments / defaultPayments) * atDefault;

const CHROMIUM_BOUND = bound(CHROMIUM_PAYMENTS, 8 * 60_000, 1000);
// Two minutes was too tight: with seed 664855379 faults came thick through the last batch and
// the clerks' retries took 1.9 min to finish it (LOST 0 when let finish); the test stopped at
// 2 min, looking like a hang at 54 of 60. Three were too tight as well: with seed 958006797 (CI,
// replayed twice) one ฎีกา was saved into a 401 at +27 s and left unanswered; its check settled it
// as never received at about +105 s (a whole read begun a minute after the save, the clerk's "check
// now" at +86 s coming 2 s early); saved again at +119 s, into a latency spell and another 401, it
// was left unanswered again, and could not be settled before +196 s. The extension did as it
// should each time; a run's end can hold two such rounds of a minute's grace and more.
const FIREFOX_BOUND = bound(FIREFOX_PAYMENTS, 5 * 60_000, 60);

describe('soak: payments under random faults, three tabs', () => {
  it(
    `chromium: ${CHROMIUM_PAYMENTS} payments, the service worker stopped, the browser restarted`,
    async () => {
      await soak('chromium', CHROMIUM_PAYMENTS, CHROMIUM_BOUND);
    },
    CHROMIUM_BOUND,
  );

  it(
    `firefox: ${FIREFOX_PAYMENTS} payments`,
    async () => {
      await soak('firefox', FIREFOX_PAYMENTS, FIREFOX_BOUND);
    },
    FIREFOX_BOUND,
  );
});
