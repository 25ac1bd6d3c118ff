/**
 * IndexedDB in real Chromium with 100,000 historical records in the extension's own database
 * (the testing build's origin), the shape platform/extension/db.ts creates: opening it cold (what
 * a restarted background pays before its first answer), the pending query every check and badge
 * runs, and inserting one record.
 */
import { CHROME_BUILD } from '../test/e2e/harness/env';
import { chromiumContext } from '../test/e2e/harness/session';
import { ms, percentile } from './machine';

const HISTORICAL = 100_000;
const PENDING = 50;
const RUNS = 25;

export interface IdbBench {
  records: number;
  openMedian: number;
  pendingMedian: number;
  pendingP95: number;
  insertMedian: number;
}

export async function benchIdb(): Promise<IdbBench> {
  const ext = await chromiumContext(CHROME_BUILD);
  try {
    const page = await ext.context.newPage();
    await page.goto(`${ext.extensionOrigin}/options.html`);
    // tsx keeps function names with a helper the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    // Fill the database the background uses (through the same store and indexes).
    await page.evaluate(
      async ({ historical, pending }) => {
        const open = () =>
          new Promise<IDBDatabase>((resolve, reject) => {
            const req = indexedDB.open('voucher-watch');
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
        // Let the background create the schema first (it opens the database at its first answer).
        await (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({
          type: 'records/summary',
        });
        const db = await open();
        const now = Date.now();
        const tx = db.transaction('records', 'readwrite');
        const store = tx.objectStore('records');
        for (let i = 0; i < historical + pending; i++) {
          const status = i < pending ? 'awaiting' : i % 10 === 0 ? 'failed' : 'created';
          const at = now - (historical - i) * 60_000;
          store.put({
            id: `https://laas.dla.go.th|u|x|r${i}`,
            origin: 'https://laas.dla.go.th',
            unit: 'u',
            user: `x${i % 40}`,
            dekaNo: `${i}/2569`,
            payee: 'ผู้รับเงิน',
            amount: 100_000 + i,
            payDate: '2026-06-10',
            fiscalYear: 2569,
            recordedAt: at,
            elaasId: null,
            ref: `PAY2569-${i}`,
            status,
            voucherNo: status === 'created' ? `PV2569-${i}` : null,
            voucherCreatedAt: status === 'created' ? at + 60_000 : null,
            failureReason: status === 'failed' ? 'งบประมาณไม่พอ' : null,
            history: [{ status: 'awaiting', at, source: 'capture' }],
            lastCheckedAt: null,
            capturedFrom: 'api',
          });
        }
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { historical: HISTORICAL, pending: PENDING },
    );
    const times = await page.evaluate(
      async ({ runs }) => {
        const out = { open: [] as number[], pending: [] as number[], insert: [] as number[] };
        const req = <T>(r: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => {
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
        for (let i = 0; i < runs; i++) {
          let t = performance.now();
          const db = await req(indexedDB.open('voucher-watch'));
          out.open.push(performance.now() - t);
          t = performance.now();
          const tx = db.transaction('records');
          const index = tx.objectStore('records').index('byStatus');
          const [a, p] = await Promise.all([req(index.getAll('awaiting')), req(index.getAll('processing'))]);
          out.pending.push(performance.now() - t);
          if (a.length + p.length < 50) throw new Error('pending records missing');
          t = performance.now();
          const w = db.transaction('records', 'readwrite');
          w.objectStore('records').put({ ...(a[0] as object), id: `insert-${i}` });
          await new Promise((resolve) => {
            w.oncomplete = resolve;
          });
          out.insert.push(performance.now() - t);
          db.close();
        }
        return out;
      },
      { runs: RUNS },
    );
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const pending = sorted(times.pending);
    return {
      records: HISTORICAL + PENDING,
      openMedian: percentile(sorted(times.open), 50),
      pendingMedian: percentile(pending, 50),
      pendingP95: percentile(pending, 95),
      insertMedian: percentile(sorted(times.insert), 50),
    };
  } finally {
    await ext.close();
  }
}

export function idbReport(r: IdbBench): string {
  return [
    '## IndexedDB with 100,000 records (real Chromium)',
    '',
    `The extension's database holding ${r.records.toLocaleString('en-US')} records (${PENDING} waiting, the rest history), median of ${RUNS} runs:`,
    '',
    '| figure | value | goal | |',
    '|---|---|---|---|',
    `| opening the database (a restarted background's first step) | ${ms(r.openMedian)} | — | |`,
    `| the pending query (every check, every badge update), median / p95 | ${ms(r.pendingMedian)} / ${ms(r.pendingP95)} | ≤ 10 ms | ${r.pendingMedian <= 10 ? 'met' : '**missed**'} |`,
    `| inserting one record | ${ms(r.insertMedian)} | — | |`,
    '',
  ].join('\n');
}
