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

/** The profile's status texts, normalised once per profile (a long list reads many cells). */
const normalisedTexts = new WeakMap<Record<string, VoucherStatus>, [string, VoucherStatus][]>();

function textsOf(texts: Record<string, VoucherStatus>): [string, VoucherStatus][] {
  let list = normalisedTexts.get(texts);
  if (!list) {
    list = Object.entries(texts).map(([text, status]) => [normaliseText(text), status]);
    normalisedTexts.set(texts, list);
  }
  return list;
}

function statusOf(cell: Element | undefined, texts: Record<string, VoucherStatus>): VoucherStatus | null {
  if (!cell) return null;
  // The status is the first line of the cell; a failure reason may follow it.
  const first = normaliseText(
    cell.querySelector('.status, span, strong')?.textContent ?? cell.textContent ?? '',
  );
  const list = textsOf(texts);
  for (const [text, status] of list) if (first === text) return status;
  for (const [text, status] of list) if (first.startsWith(text)) return status;
  return null;
}

/** The row's cells read into a status row (null when it has no ฎีกา or no known status). */
function readRow(
  element: Element,
  columns: Partial<Record<Column, number>>,
  statusTexts: Record<string, VoucherStatus>,
): ListTable['rows'][number] {
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
}

/**
 * The table's rows whose ฎีกา cell holds one of `wanted`. The ฎีกา cells come in one native
 * query and only they are read: a list of 1,000 rows of which the clerk has 50 costs a cell's
 * text per row, not a row's worth of DOM objects.
 */
function wantedRows(table: Element, dekaColumn: number, wanted: ReadonlySet<string>): Element[] {
  const n = dekaColumn + 1;
  const cells = table.querySelectorAll(
    [':scope > tbody > tr', ':scope > tr', ':scope > tfoot > tr']
      .map((rows) => `${rows} > :nth-child(${n})`)
      .join(', '),
  );
  const found: Element[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as Element;
    const text = cell.textContent ?? '';
    const plain = text.trim();
    // Only Thai digits or inner white space could still make it one of ours once normalised.
    const ours = wanted.has(plain) || (/[\u0e50-\u0e59\s]/.test(plain) && wanted.has(parseCode(text) ?? ''));
    if (ours && cell.parentElement && (cell.tagName === 'TD' || cell.tagName === 'TH')) {
      found.push(cell.parentElement);
    }
  }
  return found;
}

/**
 * `wanted`: the ฎีกา numbers worth reading (the clerk's own payments); only their rows are
 * listed. Omit it to read every row, each listed (`row: null` when unreadable): the status check
 * reads whole pages.
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
    const head = headerRow(table);
    const elements = wanted
      ? wantedRows(table, columns.dekaNo, wanted).filter((tr) => tr !== head)
      : bodyRows(table);
    const rows = elements.map((element) => readRow(element, columns, statusTexts));
    return { table, columns, rows };
  }
  return null;
}
