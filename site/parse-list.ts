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

/** Cells of a row: a table row's own, natively; plain DOM walking for anything else. */
export function cellsOf(row: Element): ArrayLike<Element> {
  return (
    (row as HTMLTableRowElement).cells ??
    Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
  );
}

function headerRow(table: Element): Element | null {
  return table.querySelector('thead tr') ?? table.querySelector('tr');
}

function headerCells(table: Element): string[] {
  const head = headerRow(table);
  return head ? Array.from(cellsOf(head), (c) => normaliseText(c.textContent ?? '')) : [];
}

/** The table's own rows but the header (not those of a table nested in a cell). */
function bodyRows(table: Element): Element[] {
  const head = headerRow(table);
  const own = (table as HTMLTableElement).rows;
  const rows = own
    ? Array.from(own)
    : Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  return rows.filter((tr) => tr !== head);
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

/**
 * `wanted`: the ฎีกา numbers worth reading (the clerk's own payments). Other rows are listed
 * with `row: null` after reading one cell, so a list of 1,000 rows costs little. Omit it to
 * read every row (the status check reads whole pages).
 */
export function readListTable(
  profile: ListPageProfile,
  statusTexts: Record<string, VoucherStatus>,
  doc: Document,
  wanted?: ReadonlySet<string>,
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
    const body = bodyRows(table);
    if (wanted?.size === 0)
      return { table, columns, rows: body.map((element) => ({ element, row: null, voucherHref: null })) };
    const dekaColumn = columns.dekaNo;
    const rows = body.map((element) => {
      const cells = cellsOf(element);
      // The ฎีกา cell alone first: most rows of a long list are not the clerk's and stop here.
      const dekaText = cells[dekaColumn]?.textContent ?? '';
      const plain = dekaText.trim();
      if (wanted && !wanted.has(plain)) {
        // Only Thai digits or inner white space could still make it one of ours once normalised.
        if (!/[\u0e50-\u0e59\s]/.test(plain)) return { element, row: null, voucherHref: null };
        const code = parseCode(dekaText);
        if (!code || !wanted.has(code)) return { element, row: null, voucherHref: null };
      }
      const at = (c: Column) => (columns[c] === undefined ? undefined : cells[columns[c] as number]);
      const dekaNo = parseCode(dekaText);
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
