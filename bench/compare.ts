/**
 * `npm run bench:compare -- <build> <build> …`: the page cost of several builds of the extension
 * side by side, their loads alternating in the same run, so that the machine's drift from one
 * run (or day) to the next does not pass for a change. Built the usual way, then copied aside:
 *
 *   npm run build:testing && cp -r .output/chrome-mv3-testing /tmp/before
 *   (change the overlay) npm run build:testing
 *   npm run bench:compare -- /tmp/before .output/chrome-mv3-testing
 *
 * ROWS (default 1000) and EVW_BENCH_RUNS (default 20) set the page and the loads per build;
 * NOTICE=dismissed loads the page as the clerk sees it once the change notice is dismissed.
 * The builds take turns within each round, and each round starts with the next build. Besides
 * each build's medians it prints each build against the first, round by round (the median
 * difference and its 95% interval): on this machine a change of a few tenths of a millisecond is
 * often inside the interval even at 40 loads, and then this run did not show it.
 * `bench/floor` as a build is the reference extension (bench/floor/README.md): the browser's floor
 * (and so is a copy of it, changed to see what one piece costs on its own).
 */
import { chromiumContext } from '../test/e2e/harness/session';
import { medianOf, ms, pairedDifference } from './machine';
import {
  dismissNotice,
  importRecords,
  isFloorBuild,
  listPage,
  load,
  PARTS,
  serve,
  traceSlackMs,
  trackedRecords,
} from './panel';

const builds = process.argv.slice(2);
if (builds.length < 2) throw new Error('usage: npm run bench:compare -- <build> <build> [<build> …]');
const rows = Number(process.env.ROWS ?? 1000);
const runs = Number(process.env.EVW_BENCH_RUNS ?? 20);
const tracked = rows >= 1000 ? 50 : 10;
const dismissed = process.env.NOTICE === 'dismissed';

const html = await listPage(rows);
const { server, url } = await serve(html);
const floors = builds.map(isFloorBuild);
const records = trackedRecords(html, new URL(url).origin, tracked);
const contexts = [];
try {
  for (const [b, build] of builds.entries()) {
    const ext = await chromiumContext(build);
    contexts.push(ext);
    if (floors[b]) {
      await load(ext.context, url, 'floor', tracked); // warm up
      continue;
    }
    await importRecords(ext, records);
    if (dismissed) await dismissNotice(ext, new URL(url).origin, records[0]?.user ?? '*');
    await load(ext.context, url, 'all', tracked, 0, !dismissed); // warm up
  }
  const seen = builds.map(() => ({
    mounted: [] as number[],
    settled: [] as number[],
    parts: PARTS.map(() => [] as number[]),
  }));
  for (let i = 0; i < runs; i++) {
    // Each round starts with the next build: a load's place in its round moves its figure (two
    // copies of one build, always loaded first and second, measured 0.5 ms apart in 40 rounds).
    for (let j = 0; j < contexts.length; j++) {
      const b = (i + j) % contexts.length;
      const ext = contexts[b];
      if (!ext) continue;
      const mode = floors[b] ? 'floor' : 'traced';
      const traced = await load(ext.context, url, mode, tracked, traceSlackMs(rows), !dismissed);
      const s = seen[b];
      if (!s) continue;
      s.mounted.push(traced.toMounted);
      s.settled.push(traced.firstLook);
      for (const [k, v] of traced.parts.entries()) s.parts[k]?.push(v);
    }
  }
  const median = (xs: number[]) => ms(medianOf(xs));
  const notice = dismissed ? ', the notice dismissed' : '';
  console.log(
    `${rows.toLocaleString('en-US')} rows${notice}, ${runs} loads of each build, taking turns (medians)\n`,
  );
  console.log(['build', 'to panel mounted', 'settled', ...PARTS].join(' | '));
  for (const [b, build] of builds.entries()) {
    const s = seen[b];
    if (s) console.log([build, median(s.mounted), median(s.settled), ...s.parts.map(median)].join(' | '));
  }
  // Each build against the first, round by round (the i-th loads of the builds ran side by side).
  const first = seen[0];
  if (first && seen.length > 1) {
    const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(2)}`;
    const moved = (before: number[], after: number[]) => {
      const d = pairedDifference(before, after);
      return `${signed(d.median)} [${signed(d.low)}, ${signed(d.high)}]`;
    };
    console.log(
      `\nAgainst ${builds[0]}, round by round: median difference in ms [95% interval]; an interval that holds 0 is no change this run can tell\n`,
    );
    console.log(['build', 'to panel mounted', 'settled', ...PARTS].join(' | '));
    for (const [b, s] of seen.entries()) {
      if (b === 0) continue;
      console.log(
        [
          builds[b],
          moved(first.mounted, s.mounted),
          moved(first.settled, s.settled),
          ...s.parts.map((xs, k) => moved(first.parts[k] ?? [], xs)),
        ].join(' | '),
      );
    }
  }
} finally {
  for (const ext of contexts) await ext.close();
  server.close();
}
