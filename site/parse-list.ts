/**
 * Reading the payments list page (รายการจ่ายเงิน / ใบผ่านรายการจ่าย) as status rows: columns are
 * found by their header text, never by position; Thai and Arabic digits are both read.
 * Returns null when no table on the page has the columns we need (say so; touch nothing).
 */
import type { StatusRow, VoucherStatus } from '../core/records';
import { normaliseText } from './detect';
import type { ListPageProfile } from './profile';
import { parseAmount, parseCode, parseDateTime, parseDay, parseText } from './values';

type Column = keyof ListPageProfile['headers'];

export interface ListTable {
  table: Element;
  columns: Partial<Record<Column, number>>;
  rows: { element: Element; row: StatusRow | null; voucherHref: string | null }[];
}

/** Cells of a row (plain DOM walking: works in every browser and test DOM). */
export function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
}

function headerRow(table: Element): Element | null {
  return table.querySelector('thead tr') ?? table.querySelector('tr');
}

function headerCells(table: Element): string[] {
  const head = headerRow(table);
  return head ? cellsOf(head).map((c) => normaliseText(c.textContent ?? '')) : [];
}

function bodyRows(table: Element): Element[] {
  const head = headerRow(table);
  return Array.from(table.querySelectorAll('tr')).filter(
    (tr) => tr !== head && tr.closest('table') === table,
  );
}

function findColumns(headers: string[], profile: ListPageProfile): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  for (const [key, labels] of Object.entries(profile.headers) as [Column, string[]][]) {
    const wanted = labels.map(normaliseText);
    // Exact label first, so "สถานะ" does not take "สถานะรายการ"'s column or the other way round.
    let i = headers.findIndex((h) => wanted.includes(h));
    if (i < 0) i = headers.findIndex((h) => wanted.some((w) => h.startsWith(w)));
    if (i >= 0) columns[key] = i;
  }
  return columns;
}

function statusOf(cell: Element | undefined, texts: Record<string, VoucherStatus>): VoucherStatus | null {
  if (!cell) return null;
  // The status is the first line of the cell; a failure reason may follow it.
  const first = normaliseText(
    cell.querySelector('.status, span, strong')?.textContent ?? cell.textContent ?? '',
  );
  for (const [text, status] of Object.entries(texts)) if (first === normaliseText(text)) return status;
  for (const [text, status] of Object.entries(texts))
    if (first.startsWith(normaliseText(text))) return status;
  return null;
}

export function readListTable(
  profile: ListPageProfile,
  statusTexts: Record<string, VoucherStatus>,
  doc: Document,
): ListTable | null {
  let tables: Element[];
  try {
    tables = Array.from(doc.querySelectorAll(profile.table));
  } catch {
    return null;
  }
  for (const table of tables) {
    const columns = findColumns(headerCells(table), profile);
    if (columns.dekaNo === undefined || columns.status === undefined) continue;
    const rows = bodyRows(table).map((element) => {
      const cells = cellsOf(element);
      const at = (c: Column) => (columns[c] === undefined ? undefined : cells[columns[c] as number]);
      const dekaNo = parseCode(at('dekaNo')?.textContent);
      const status = statusOf(at('status'), statusTexts);
      const voucherCell = at('voucherNo');
      const voucherNo = parseCode(voucherCell?.textContent);
      const reason = at('status')?.querySelector('small, .reason')?.textContent;
      const row: StatusRow | null =
        dekaNo && status
          ? {
              elaasId: parseCode(element.getAttribute('data-payment-id')),
              ref: null,
              dekaNo,
              amount: parseAmount(at('amount')?.textContent ?? ''),
              payDate: parseDay(at('payDate')?.textContent ?? ''),
              status,
              voucherNo: voucherNo && voucherNo !== '-' ? voucherNo : null,
              voucherCreatedAt: parseDateTime(at('voucherCreatedAt')?.textContent ?? ''),
              failureReason: parseText(reason),
            }
          : null;
      return { element, row, voucherHref: voucherCell?.querySelector('a')?.getAttribute('href') ?? null };
    });
    return { table, columns, rows };
  }
  return null;
}
