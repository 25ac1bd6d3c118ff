/**
 * One summary notification per check when vouchers were created or processing failed. Which page
 * a click opens is kept in storage, so a click still works after the service worker restarted.
 */
import { notReceived, type PaymentRecord } from '../../core/records';
import { host } from '../../platform/host';
import { type SiteProfile, voucherLink } from '../../site/profile';
import { profileOf } from './profile';

const PREFIX = 'evw-';
const MAP_KEY = 'notificationTargets';
export const LAST_KEY = 'lastNotification';
const MAX_LINES = 4;

type Targets = Record<string, string>;

async function targets(): Promise<Targets> {
  const v = await host().kv.get(MAP_KEY);
  return typeof v === 'object' && v !== null ? (v as Targets) : {};
}

function voucherUrl(r: PaymentRecord, profile: SiteProfile): string {
  return voucherLink(profile, r.origin, r.voucherNo ?? '');
}

/** The notification's text, in the clerk's language. */
export function summary(changed: PaymentRecord[], lang: 'th' | 'en'): { title: string; message: string } {
  const created = changed.filter((r) => r.status === 'created');
  const failed = changed.filter((r) => r.status === 'failed');
  const parts =
    lang === 'th'
      ? [
          created.length ? `สร้างแล้ว ${created.length} รายการ` : '',
          failed.length ? `ไม่สำเร็จ ${failed.length} รายการ` : '',
        ]
      : [created.length ? `${created.length} created` : '', failed.length ? `${failed.length} failed` : ''];
  const title = `${lang === 'th' ? 'ใบผ่านรายการจ่าย' : 'Payment vouchers'}: ${parts.filter(Boolean).join(', ')}`;
  const lines = [...created, ...failed]
    .slice(0, MAX_LINES)
    .map((r) =>
      r.status === 'created'
        ? `${lang === 'th' ? 'ฎีกา' : 'Request'} ${r.dekaNo} → ${r.voucherNo}`
        : `${lang === 'th' ? 'ฎีกา' : 'Request'} ${r.dekaNo}: ${
            notReceived(r)
              ? lang === 'th'
                ? 'e-LAAS ไม่ได้รับ กรุณาบันทึกใหม่'
                : 'never received; record it again'
              : (r.failureReason ?? (lang === 'th' ? 'ประมวลผลไม่สำเร็จ' : 'processing failed'))
          }`,
    );
  const more = created.length + failed.length - lines.length;
  if (more > 0) lines.push(lang === 'th' ? `และอีก ${more} รายการ` : `and ${more} more`);
  return { title, message: lines.join('\n') };
}

export async function notifyChanges(changed: PaymentRecord[]): Promise<string | null> {
  const done = changed.filter((r) => r.status === 'created' || r.status === 'failed');
  if (done.length === 0) return null;
  const resolved = await host().loadSettings();
  const settings = resolved.values;
  if (!settings.notifications) return null;
  const profile = profileOf(resolved);
  const { title, message } = summary(done, settings.language);
  const id = `${PREFIX}${Date.now().toString(36)}`;
  // One voucher: open it. Several, or a failure: open the payments list, where all of them are.
  const first = done[0] as PaymentRecord;
  const target =
    done.length === 1 && first.status === 'created'
      ? voucherUrl(first, profile)
      : new URL(profile.listUrl, first.origin).href;
  const allowed = await host().notifications.allowed();
  if (!allowed) {
    // Not granted yet: the panel offers it. Keep what would have been said.
    await host().kv.set({ [LAST_KEY]: { id, title, message, target, at: Date.now(), shown: false } });
    return null;
  }
  const map = await targets();
  map[id] = target;
  // The last one is kept too (the popup can show it again; a desktop without a notification
  // service closes notifications at once).
  await host().kv.set({
    [MAP_KEY]: map,
    [LAST_KEY]: { id, title, message, target, at: Date.now(), shown: true },
  });
  await host().notifications.show(id, title, message);
  return id;
}

/** A click on one of our notifications opens its page in e-LAAS. */
export async function onNotificationClicked(id: string): Promise<void> {
  if (!id.startsWith(PREFIX)) return;
  const map = await targets();
  const url = map[id];
  delete map[id];
  await host().kv.set({ [MAP_KEY]: map });
  await host().notifications.clear(id);
  if (url) await host().openTab(url);
}

/** Forget targets of notifications that are gone. */
export async function onNotificationClosed(id: string): Promise<void> {
  if (!id.startsWith(PREFIX)) return;
  const map = await targets();
  if (id in map) {
    delete map[id];
    await host().kv.set({ [MAP_KEY]: map });
  }
}
