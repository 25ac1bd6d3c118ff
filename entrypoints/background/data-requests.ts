/** The extension's own pages' requests for the clerk's data as a whole (see messages.ts). */
import type { Reply, Request } from '../../core/protocol';
import { clearAll, exportRecords, importRecords, purgeExpired, summary } from './data';

export async function dataRequests(
  req: Extract<
    Request,
    { type: 'records/summary' | 'records/export' | 'records/import' | 'records/purge' | 'records/clear' }
  >,
): Promise<Reply<unknown>> {
  switch (req.type) {
    case 'records/summary':
      return { ok: true, data: await summary() };
    case 'records/export':
      return { ok: true, data: await exportRecords() };
    case 'records/import':
      return { ok: true, data: await importRecords(req.records) };
    case 'records/purge':
      return { ok: true, data: { deleted: await purgeExpired() } };
    case 'records/clear':
      await clearAll();
      return { ok: true, data: undefined };
  }
}
