/**
 * Our status inline on e-LAAS' payments list: each row of a payment we track carries a small
 * chip (icon and text) in its status cell, so the clerk sees it where they already look. The
 * chip's text lives in its own shadow root, so the row's text (which we read) never changes.
 */
import { STATUS_ICON, STATUS_KEY } from '../../../components/Status';
import type { Translate } from '../../../core/i18n';
import { match } from '../../../core/matcher';
import { isOverdue, type PaymentRecord, type StatusRow } from '../../../core/records';
import { cellsOf } from '../../../site/parse-list';
import { createShadowHost } from './shadow-ui';
import type { Feature } from './types';

const CSS =
  '.c{display:inline-block;margin-inline-start:6px;padding:0 6px;border:1px solid #123c69;border-radius:10px;' +
  'font:12px/1.6 Sarabun,Noto Sans Thai,Leelawadee UI,Tahoma,sans-serif;color:#123c69;background:#eef3f9;white-space:nowrap}' +
  '.c[data-status=created]{border-color:#0f5b2d;color:#0f5b2d;background:#e3f4ea}' +
  '.c[data-status=failed],.c[data-overdue]{border-color:#a4161a;color:#a4161a;background:#fdecec}';

export const listStatus: Feature = {
  id: 'list-status',
  pages: ['payment-list'],
  async mount(fx) {
    const chips = new Map<Element, HTMLElement>();

    const chipText = (r: PaymentRecord, now: number, overdueMs: number, t: Translate) => {
      const overdue = isOverdue(r, now, overdueMs);
      const status = `${t(STATUS_KEY[r.status])}${overdue ? ` · ${t('statusOverdue')}` : ''}`;
      return {
        label: t('listStatusLabel', { status }),
        text: `${STATUS_ICON[overdue ? 'overdue' : r.status]} ${status}`,
        overdue,
      };
    };

    const apply = () => {
      const table = fx.tracking.listTable();
      const mine = fx.tracking.get();
      const state = fx.store.get();
      const statusColumn = table?.columns.status;
      const keep = new Set<Element>();
      if (table && mine && state.kind === 'ready' && statusColumn !== undefined) {
        const lang = state.state.settings.values.language;
        const elements = new Map<StatusRow, Element>();
        for (const r of table.rows) if (r.row) elements.set(r.row, r.element);
        for (const m of match(mine.records, [...elements.keys()])) {
          const row = elements.get(m.row);
          const cell = row ? cellsOf(row)[statusColumn] : undefined;
          if (!row || !cell) continue;
          keep.add(row);
          const look = chipText(m.record, mine.now, mine.overdueMs, state.t);
          let host = chips.get(row);
          if (!host || host.parentElement !== cell) {
            host?.remove();
            host = createShadowHost('evw-status', CSS).host;
            host.style.display = 'inline';
            cell.append(host);
            chips.set(row, host);
          }
          const chip = host.shadowRoot?.lastElementChild as HTMLElement | null;
          if (!chip) continue;
          // Touch the DOM only when something changed: our own writes must not wake the page.
          const key = `${m.record.status}|${look.overdue}|${lang}`;
          if (chip.dataset.key === key) continue;
          chip.dataset.key = key;
          chip.className = 'c';
          chip.dataset.status = m.record.status;
          if (look.overdue) chip.dataset.overdue = '';
          else delete chip.dataset.overdue;
          chip.setAttribute('role', 'note');
          chip.setAttribute('aria-label', look.label);
          chip.textContent = look.text;
          host.dataset.recordId = m.record.id;
          host.dataset.status = m.record.status;
        }
      }
      for (const [row, host] of chips) {
        if (!keep.has(row)) {
          host.remove();
          chips.delete(row);
        }
      }
    };

    const a = fx.tracking.subscribe(apply);
    const b = fx.store.subscribe(apply);
    fx.signal.addEventListener(
      'abort',
      () => {
        a();
        b();
        for (const host of chips.values()) host.remove();
        chips.clear();
      },
      { once: true },
    );
    // (Nothing of ours sits in the content area's flow: the router is told of no host.)
    apply();
  },
};
