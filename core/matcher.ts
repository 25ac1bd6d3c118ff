/**
 * Match rows from e-LAAS (a status check, or the payments list on screen) to the records we
 * keep. By e-LAAS id or reference first; otherwise by ฎีกา number, amount and pay date, oldest
 * record first, each row used once. Pure.
 */
import type { PaymentRecord, StatusRow } from './records';

export interface Match {
  record: PaymentRecord;
  row: StatusRow;
}

function sameDetails(r: PaymentRecord, row: StatusRow): boolean {
  return (
    r.dekaNo === row.dekaNo &&
    (row.amount === null || row.amount === r.amount) &&
    (row.payDate === null || row.payDate === r.payDate)
  );
}

export function match(records: readonly PaymentRecord[], rows: readonly StatusRow[]): Match[] {
  const out: Match[] = [];
  const usedRecords = new Set<string>();
  const usedRows = new Set<number>();
  const byElaasId = new Map<string, PaymentRecord>();
  const byRef = new Map<string, PaymentRecord>();
  for (const r of records) {
    if (r.elaasId) byElaasId.set(r.elaasId, r);
    if (r.ref) byRef.set(r.ref, r);
  }
  rows.forEach((row, i) => {
    const r = (row.elaasId && byElaasId.get(row.elaasId)) || (row.ref && byRef.get(row.ref)) || undefined;
    if (r && !usedRecords.has(r.id)) {
      out.push({ record: r, row });
      usedRecords.add(r.id);
      usedRows.add(i);
    }
  });
  // The rest by ฎีกา number, oldest first: one lookup per row instead of a scan.
  const byDeka = new Map<string, PaymentRecord[]>();
  for (const r of records) {
    if (usedRecords.has(r.id)) continue;
    const list = byDeka.get(r.dekaNo);
    if (list) list.push(r);
    else byDeka.set(r.dekaNo, [r]);
  }
  for (const list of byDeka.values()) list.sort((a, b) => a.recordedAt - b.recordedAt);
  rows.forEach((row, i) => {
    if (usedRows.has(i)) return;
    // A row with an id we do not know belongs to a record without one (captured from the form).
    const r = byDeka
      .get(row.dekaNo)
      ?.find((x) => !usedRecords.has(x.id) && !(x.elaasId && row.elaasId) && sameDetails(x, row));
    if (r) {
      out.push({ record: r, row });
      usedRecords.add(r.id);
    }
  });
  return out;
}
