import { fireEvent } from '@testing-library/dom';
import { describe, expect, it, vi } from 'vitest';
import {
  byAttention,
  countByFilter,
  createPendingPanel,
  FILTERS,
  PANEL_FIRST,
  type PendingPanelProps,
  passes,
} from '../../components/PendingPanel';
import { translator } from '../../core/i18n';
import { panelRecords } from '../../core/records';
import { record, T0 } from '../fixtures/records';

const MIN = 60_000;
const DAY = 24 * 3600_000;

describe('what the panel lists', () => {
  it('waiting and failed (a week) for as long as they need the clerk, the rest until the day ends', () => {
    const now = Date.parse('2026-06-10T10:00:00Z'); // 17:00 in Bangkok
    const finished = (id: string, status: 'created' | 'failed' | 'cancelled', at: number) =>
      record({ id, status, recordedAt: at, history: [{ status, at, source: 'check' }] });
    const records = [
      record({ id: 'waiting-old', recordedAt: now - 3 * DAY }),
      finished('created-today', 'created', Date.parse('2026-06-09T17:30:00Z')), // 00:30 Bangkok
      finished('created-yesterday', 'created', Date.parse('2026-06-09T16:30:00Z')), // 23:30 Bangkok
      finished('failed-6d', 'failed', now - 6 * DAY),
      finished('failed-8d', 'failed', now - 8 * DAY),
    ];
    expect(panelRecords(records, now).map((r) => r.id)).toEqual([
      'created-today',
      'waiting-old',
      'failed-6d',
    ]);
  });

  it('filters by status and searches ฎีกาเลขที่, payee and voucher number', () => {
    const now = T0 + 45 * MIN;
    const waiting = record({ id: 'w' });
    const created = record({ id: 'c', status: 'created', voucherNo: 'PV2569-000777', payee: 'ร้านก้าวหน้า' });
    expect(passes(waiting, 'overdue', '', now, 30 * MIN)).toBe(true);
    expect(passes(waiting, 'overdue', '', T0 + 5 * MIN, 30 * MIN)).toBe(false);
    expect(passes(created, 'pending', '', now, 30 * MIN)).toBe(false);
    expect(passes(created, 'created', '000777', now, 30 * MIN)).toBe(true);
    expect(passes(created, 'all', 'ก้าวหน้า', now, 30 * MIN)).toBe(true);
    expect(passes(waiting, 'all', 'ก้าวหน้า', now, 30 * MIN)).toBe(false);
  });

  it('counts each filter in one pass as each filter alone would', () => {
    const now = T0 + 45 * MIN;
    const records = [
      record({ id: 'w' }),
      record({ id: 'w2', recordedAt: T0 + 40 * MIN }),
      record({ id: 'p', status: 'processing', recordedAt: T0 + 44 * MIN }),
      record({ id: 'c', status: 'created', voucherNo: 'PV2569-000777' }),
      record({ id: 'f', status: 'failed' }),
      record({ id: 'x', status: 'cancelled' }),
    ];
    const counts = countByFilter(records, now, 30 * MIN);
    for (const f of FILTERS)
      expect(counts[f], f).toBe(records.filter((r) => passes(r, f, '', now, 30 * MIN)).length);
    expect(counts).toEqual({ all: 6, pending: 3, overdue: 1, failed: 1, created: 1 });
  });
});

/** The panel drawn into the document, and a way to draw it again with other props. */
function render(p: PendingPanelProps) {
  const panel = createPendingPanel();
  panel.update(p);
  const container = document.createElement('div');
  container.append(panel.el);
  document.body.replaceChildren(container);
  return { container, rerender: (next: PendingPanelProps) => panel.update(next) };
}

function props(patch: Partial<PendingPanelProps> = {}): PendingPanelProps {
  return {
    records: [
      record({ id: 'w', recordedAt: T0 }),
      record({
        id: 'c',
        dekaNo: '102/2569',
        status: 'created',
        voucherNo: 'PV2569-000123',
        voucherCreatedAt: T0 + 4 * MIN,
        history: [
          { status: 'awaiting', at: T0, source: 'capture' },
          { status: 'created', at: T0 + 4 * MIN, source: 'check' },
        ],
      }),
    ],
    poller: { lastCheckAt: T0 + 40 * MIN, nextCheckAt: T0 + 50 * MIN, paused: null },
    now: T0 + 42 * MIN + 7000,
    ticker: { now: () => T0 + 42 * MIN + 7000, subscribe: () => () => undefined },
    overdueMs: 30 * MIN,
    lang: 'th',
    thaiDigits: false,
    t: translator('th'),
    open: true,
    dock: 'top',
    filter: 'all',
    query: '',
    showAll: false,
    onShowAll: vi.fn(),
    checking: false,
    checkError: '',
    unreadable: false,
    voucherHref: (no, print) => `https://e/${no}${print ? '?print=1' : ''}`,
    announcement: '',
    offerNotifications: false,
    onToggle: vi.fn(),
    onDock: vi.fn(),
    onFilter: vi.fn(),
    onQuery: vi.fn(),
    onCheckNow: vi.fn(),
    onOfferNotifications: vi.fn(),
    onSettings: vi.fn(),
    ...patch,
  };
}

describe('the panel', () => {
  it('shows each payment with a status in words, elapsed time, overdue, voucher and print links', () => {
    const { container } = render(props());
    const waiting = container.querySelector('[data-record-id="w"]');
    expect(waiting?.textContent).toContain('รอประมวลผล');
    expect(waiting?.textContent).toContain('เกินกำหนด');
    expect(waiting?.textContent).toContain('รอมาแล้ว 42 นาที 07 วินาที');
    expect(waiting?.textContent).toContain('฿1,234.50');
    const created = container.querySelector('[data-record-id="c"]');
    expect(created?.querySelector('a.evw-voucher')?.getAttribute('href')).toBe('https://e/PV2569-000123');
    expect(created?.querySelector('a.evw-print')?.getAttribute('href')).toBe(
      'https://e/PV2569-000123?print=1',
    );
    expect(created?.querySelector('a.evw-print')?.getAttribute('aria-label')).toBe(
      'พิมพ์ใบผ่านรายการจ่าย PV2569-000123',
    );
    expect(created?.textContent).toContain('ใช้เวลา 4 นาที 00 วินาที');
    expect(container.querySelector('.evw-checks')?.textContent).toBe('ตรวจสอบล่าสุด 10:40 · ครั้งถัดไป 10:50');
  });

  it('says a save whose answer never came is being checked, and one e-LAAS never received is to be recorded again', () => {
    const { container } = render(
      props({
        records: [
          record({ id: 'u', capturedFrom: 'unanswered' }),
          record({ id: 'n', dekaNo: '103/2569', capturedFrom: 'unanswered', status: 'failed' }),
        ],
      }),
    );
    const asking = container.querySelector('[data-record-id="u"]');
    expect(asking?.querySelector('.evw-chip')?.textContent).toBe('? ไม่ทราบผล');
    expect(asking?.querySelector('.evw-reason')?.textContent).toBe(
      'e-LAAS ไม่ตอบขณะบันทึก กำลังตรวจสอบ อย่าเพิ่งบันทึกซ้ำ',
    );
    const never = container.querySelector('[data-record-id="n"]');
    expect(never?.querySelector('.evw-chip')?.textContent).toBe('✕ ประมวลผลไม่สำเร็จ');
    expect(never?.querySelector('.evw-reason')?.textContent).toBe('e-LAAS ไม่ได้รับรายการนี้ กรุณาบันทึกใหม่');
  });

  it('filters, searches, docks, collapses and checks through its callbacks', () => {
    const p = props();
    const { container, rerender } = render(p);
    const select = container.querySelector('select.evw-filter') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
      'ทั้งหมด (2)',
      'รอใบผ่านรายการจ่าย (1)',
      'เกินกำหนด (1)',
      'ไม่สำเร็จ (0)',
      'สร้างแล้ววันนี้ (1)',
    ]);
    fireEvent.change(select, { target: { value: 'created' } });
    expect(p.onFilter).toHaveBeenCalledWith('created');
    rerender({ ...p, filter: 'created' });
    expect(container.querySelectorAll('.evw-record')).toHaveLength(1);
    rerender({ ...p, query: 'zzz' });
    expect(container.querySelector('.evw-empty')?.textContent).toBe('ไม่มีรายการตามที่เลือก');
    fireEvent.click(container.querySelector('.evw-panel__dock') as Element);
    expect(p.onDock).toHaveBeenCalled();
    fireEvent.click(container.querySelector('.evw-check-now') as Element);
    expect(p.onCheckNow).toHaveBeenCalled();
    const toggle = container.querySelector('.evw-panel__toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    rerender({ ...p, open: false });
    expect((container.querySelector('#evw-panel-body') as HTMLElement).hidden).toBe(true);
  });

  it('explains a pause, an unreadable page and a failed check in words', () => {
    const { container } = render(
      props({
        poller: { lastCheckAt: null, nextCheckAt: null, paused: 'logged-out' },
        unreadable: true,
        checkError: 'x',
      }),
    );
    expect(container.querySelector('.evw-paused')?.textContent).toContain('ออกจากระบบ e-LAAS แล้ว');
    expect(container.querySelector('.evw-unreadable')?.textContent).toContain('อ่านตารางในหน้านี้ไม่ได้');
    expect(container.querySelector('.evw-check-error')?.textContent).toBe('ตรวจสอบไม่สำเร็จ: x');
  });
});

describe('a busy day in the panel', () => {
  it('puts what needs the clerk first, shows ten, and all of them on request', () => {
    const now = T0 + 45 * MIN;
    const records = [
      ...Array.from({ length: 12 }, (_, i) =>
        record({ id: `c${i}`, status: 'created', recordedAt: T0 + (30 + i) * MIN }),
      ),
      record({ id: 'waiting', recordedAt: T0 + 40 * MIN }),
      record({ id: 'overdue', recordedAt: T0 }),
      record({ id: 'failed', status: 'failed', recordedAt: T0 + 20 * MIN }),
    ];
    expect(
      byAttention(records, now, 30 * MIN)
        .slice(0, 4)
        .map((r) => r.id),
    ).toEqual(['failed', 'overdue', 'waiting', 'c11']);
    const p = props({ records, now });
    const { container, rerender } = render(p);
    expect(container.querySelectorAll('.evw-record')).toHaveLength(PANEL_FIRST);
    const more = container.querySelector('.evw-show-all') as HTMLButtonElement;
    expect(more.textContent).toBe('แสดงทั้งหมด 15 รายการ');
    fireEvent.click(more);
    expect(p.onShowAll).toHaveBeenCalled();
    rerender({ ...p, showAll: true });
    expect(container.querySelectorAll('.evw-record')).toHaveLength(15);
    expect(container.querySelector('.evw-show-all')).toBeNull();
  });
});

describe('the panel updated in place', () => {
  it('keeps the search box, its typing and its focus, and each unchanged row, across the checks’ news', () => {
    const p = props();
    const { container, rerender } = render(p);
    const search = container.querySelector('input.evw-search') as HTMLInputElement;
    search.focus();
    search.value = 'PV';
    fireEvent.input(search);
    expect(p.onQuery).toHaveBeenCalledWith('PV');
    const waitingRow = container.querySelector('[data-record-id="w"]');
    const createdRow = container.querySelector('[data-record-id="c"]');
    // The check's news: the waiting payment is processing now; the created one is unchanged.
    const [w, c] = p.records as [PendingPanelProps['records'][0], PendingPanelProps['records'][0]];
    rerender({ ...p, query: 'PV', records: [{ ...w, status: 'processing' }, c] });
    expect(container.querySelector('input.evw-search')).toBe(search);
    expect(document.activeElement).toBe(search);
    expect(search.value).toBe('PV');
    expect(container.querySelector('[data-record-id="c"]')).toBe(createdRow);
    // The search matched the voucher number only: the processing row is not shown.
    expect(container.querySelector('[data-record-id="w"]')).toBeNull();
    rerender({ ...p, records: [{ ...w, status: 'processing' }, c] });
    const redrawn = container.querySelector('[data-record-id="w"]');
    expect(redrawn).not.toBe(waitingRow);
    expect(redrawn?.querySelector('.evw-chip')?.textContent).toBe('⚙ อยู่ระหว่างประมวลผล');
  });

  it('ticks the elapsed times while some payment waits, and stops when none does', () => {
    let now = T0 + 42 * MIN + 7000;
    const listeners = new Set<() => void>();
    const ticker = {
      now: () => now,
      subscribe(l: () => void) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
    const p = props({ ticker });
    const { container, rerender } = render(p);
    const elapsed = container.querySelector('[data-record-id="w"] .evw-record__elapsed');
    expect(elapsed?.textContent).toBe('รอมาแล้ว 42 นาที 07 วินาที');
    now += 3000;
    for (const l of listeners) l();
    expect(elapsed?.textContent).toBe('รอมาแล้ว 42 นาที 10 วินาที');
    expect(listeners.size).toBe(1);
    const [, c] = p.records as [unknown, PendingPanelProps['records'][0]];
    rerender({ ...p, records: [c] });
    expect(listeners.size).toBe(0);
  });
});
