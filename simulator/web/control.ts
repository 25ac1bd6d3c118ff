/**
 * The control surface for tests, demos and trainers, at /__sim/: scenario, clock, failures,
 * faults, page variant; the ground truth and request counts as JSON; a page to do it by hand.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { queueStats, SCENARIOS, setScenario, truth } from '../model/model';
import type { ModeSetting, Scenario } from '../model/types';
import type { Malformed, SimContext, Variant } from './context';
import { dateTimeBE, isoBangkok } from './format';
import { html, readForm, readJson, redirect, sendHtml, sendJson } from './http';
import { page } from './layout';
import { paymentJson } from './views';

export const CONTROL = '/__sim';

const SCENARIO_NAMES: Record<Scenario, string> = {
  normal: 'ปกติ (วินาที)',
  'month-end': 'สิ้นเดือน (นาที)',
  'year-end': 'ปลายปีงบประมาณ 25–30 ก.ย. (ชั่วโมง)',
};
const MODES: ModeSetting[] = ['auto', 'before', 'after'];
const VARIANTS: Variant[] = ['default', 'reordered', 'reworded'];
const MALFORMED: (Malformed | 'none')[] = ['none', 'truncated', 'garbage', 'html'];

export function snapshot(ctx: SimContext) {
  const now = ctx.now();
  return {
    design: ctx.design,
    now: isoBangkok(now),
    nowMs: now,
    speed: ctx.clock.speed(),
    config: { ...ctx.state.config },
    variant: ctx.variant,
    faults: { ...ctx.faults },
    auth: { ...ctx.auth.config },
    queue: queueStats(ctx.state, now),
  };
}

/** Apply a change; unknown keys and wrong values are refused with a reason. */
export function applyChange(ctx: SimContext, body: Record<string, unknown>): string | null {
  const real = ctx.realNow();
  for (const [key, v] of Object.entries(body)) {
    switch (key) {
      case 'scenario':
        if (typeof v !== 'string' || !(v in SCENARIOS))
          return `scenario: one of ${Object.keys(SCENARIOS).join(', ')}`;
        setScenario(ctx.state, v as Scenario);
        break;
      case 'mode':
        if (!MODES.includes(v as ModeSetting)) return `mode: one of ${MODES.join(', ')}`;
        ctx.state.config.mode = v as ModeSetting;
        break;
      case 'speed':
        if (typeof v !== 'number' || !(v > 0) || v > 100_000) return 'speed: a number above 0';
        ctx.clock.setSpeed(v, real);
        break;
      case 'failureRate':
        if (typeof v !== 'number' || v < 0 || v > 1) return 'failureRate: 0 to 1';
        ctx.state.config.failureRate = v;
        break;
      case 'failNext':
        if (!Number.isInteger(v) || (v as number) < 0) return 'failNext: a whole number';
        ctx.state.config.failNext = v as number;
        break;
      case 'clock':
        if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) return 'clock: an ISO time';
        ctx.clock.set(Date.parse(v), real);
        break;
      case 'advanceMs':
        if (typeof v !== 'number' || v < 0) return 'advanceMs: milliseconds';
        ctx.clock.advance(v, real);
        break;
      case 'variant':
        if (!VARIANTS.includes(v as Variant)) return `variant: one of ${VARIANTS.join(', ')}`;
        ctx.variant = v as Variant;
        break;
      case 'maintenance':
        if (typeof v !== 'boolean') return 'maintenance: true or false';
        ctx.faults.maintenance = v;
        break;
      case 'offline':
        if (typeof v !== 'boolean') return 'offline: true or false';
        ctx.faults.offline = v;
        break;
      case 'latencyMs':
        if (typeof v !== 'number' || v < 0 || v > 120_000) return 'latencyMs: 0 to 120000';
        ctx.faults.latencyMs = v;
        break;
      case 'unauthorizedNext':
        if (!Number.isInteger(v) || (v as number) < 0) return 'unauthorizedNext: a whole number';
        ctx.faults.unauthorizedNext = v as number;
        break;
      case 'malformed':
        if (v !== null && !MALFORMED.includes(v as Malformed))
          return `malformed: null or one of ${MALFORMED.join(', ')}`;
        ctx.faults.malformed = v === 'none' ? null : (v as Malformed | null);
        break;
      case 'expireTokens':
        if (v === true) ctx.auth.expireAccessTokens();
        break;
      case 'logoutAll':
        if (v === true) ctx.auth.logoutAll();
        break;
      case 'accessTtlMs':
      case 'idleMs':
        if (typeof v !== 'number' || v < 1000) return `${key}: at least 1000`;
        ctx.auth.config[key] = v;
        break;
      default:
        return `unknown setting: ${key}`;
    }
  }
  return null;
}

function controlPage(ctx: SimContext, message: string | null): string {
  const s = snapshot(ctx);
  const payments = truth(ctx.state, s.nowMs).slice(-15).reverse();
  const radio = <T extends string>(
    name: string,
    legend: string,
    values: readonly T[],
    current: T,
    label: (v: T) => string,
  ) =>
    html`<fieldset><legend>${legend}</legend>${values.map(
      (v) =>
        html`<label><input type="radio" name="${name}" value="${v}"${current === v ? html` checked` : ''}> ${label(v)}</label> `,
    )}</fieldset>`;
  return page(
    'แผงควบคุมระบบจำลอง',
    html`<main class="control"><h1>แผงควบคุมระบบจำลอง e-LAAS (แบบ ${s.design})</h1>
${message ? html`<p role="status" class="notice">${message}</p>` : ''}
<p>เวลาจำลอง <strong id="sim-now">${dateTimeBE(s.nowMs)}</strong> ความเร็ว ×${s.speed} · คิว: รอ ${s.queue.waiting} กำลังประมวลผล ${s.queue.processing} / ${s.queue.workers} ตัวประมวลผล</p>
<form method="post" action="${CONTROL}/form" class="control-form">
${radio('scenario', 'สถานการณ์ (ความล่าช้าในการสร้างใบผ่านรายการจ่าย)', Object.keys(SCENARIOS) as Scenario[], s.config.scenario, (v) => SCENARIO_NAMES[v])}
${radio('mode', 'การสร้างใบผ่านรายการจ่าย', MODES, s.config.mode, (v) => ({ auto: 'ตามวันที่ (10 มิ.ย. 2569)', before: 'ก่อนเปลี่ยนแปลง', after: 'หลังเปลี่ยนแปลง' })[v])}
${radio('variant', 'รูปแบบหน้ารายการ', VARIANTS, s.variant, (v) => ({ default: 'หน้าปกติ', reordered: 'สลับคอลัมน์', reworded: 'เปลี่ยนคำ' })[v])}
<fieldset><legend>เวลาและความล้มเหลว</legend>
<label>ความเร็วนาฬิกา <input name="speed" type="number" min="0.1" step="any" value="${s.speed}"></label>
<label>อัตราประมวลผลไม่สำเร็จ (0–1) <input name="failureRate" type="number" min="0" max="1" step="0.05" value="${s.config.failureRate}"></label>
<label>ให้ล้มเหลว N รายการถัดไป <input name="failNext" type="number" min="0" value="${s.config.failNext}"></label>
<label>ข้ามเวลา (นาที) <input name="advanceMinutes" type="number" min="0" value="0"></label>
</fieldset>
<fieldset><legend>ความผิดพลาด</legend>
<label><input type="checkbox" name="maintenance"${s.faults.maintenance ? html` checked` : ''}> ระบบปิดปรับปรุง (503)</label>
<label><input type="checkbox" name="offline"${s.faults.offline ? html` checked` : ''}> เครือข่ายขัดข้อง (ไม่ตอบ)</label>
<label>หน่วงเวลา (ms) <input name="latencyMs" type="number" min="0" value="${s.faults.latencyMs}"></label>
<label>ตอบ 401 อีก N ครั้ง <input name="unauthorizedNext" type="number" min="0" value="${s.faults.unauthorizedNext}"></label>
${radio('malformed', 'ข้อมูลที่ตอบกลับ', MALFORMED, s.faults.malformed ?? 'none', (v) => ({ none: 'ปกติ', truncated: 'ข้อมูลขาด', garbage: 'ข้อมูลเสีย', html: 'HTML แทน JSON' })[v])}
<label><input type="checkbox" name="expireTokens"> ให้ token หมดอายุทันที</label>
<label><input type="checkbox" name="logoutAll"> ออกจากระบบทุกคน</label>
</fieldset>
<div class="buttons"><button type="submit">นำไปใช้</button></div>
</form>
<form method="post" action="${CONTROL}/api/reset"><button type="submit">เริ่มใหม่ (ล้างรายการทั้งหมด)</button></form>
<p><a href="${CONTROL}/api/truth">ข้อมูลจริง (JSON)</a> · <a href="${CONTROL}/api/requests">จำนวนคำขอ (JSON)</a> · <a href="${CONTROL}/api/state">สถานะ (JSON)</a></p>
<table class="grid" id="truth"><caption>รายการล่าสุด (ข้อมูลจริง)</caption><thead><tr><th>อ้างอิง</th><th>ฎีกา</th><th>สถานะ</th><th>ใบผ่านรายการจ่าย</th></tr></thead>
<tbody>${payments.map((p) => html`<tr><td>${p.ref}</td><td>${p.dekaNo}</td><td>${p.status}${p.failureReason ? ` (${p.failureReason})` : ''}</td><td>${p.voucherNo ?? '-'}</td></tr>`)}</tbody></table>
</main>`,
  );
}

function formToChange(form: URLSearchParams): Record<string, unknown> {
  const change: Record<string, unknown> = {
    maintenance: form.has('maintenance'),
    offline: form.has('offline'),
    expireTokens: form.has('expireTokens'),
    logoutAll: form.has('logoutAll'),
  };
  for (const key of ['scenario', 'mode', 'variant', 'malformed']) {
    const v = form.get(key);
    if (v) change[key] = v;
  }
  for (const key of ['speed', 'failureRate', 'failNext', 'latencyMs', 'unauthorizedNext']) {
    const v = form.get(key);
    if (v !== null && v !== '') change[key] = Number(v);
  }
  const minutes = Number(form.get('advanceMinutes'));
  if (minutes > 0) change.advanceMs = minutes * 60_000;
  return change;
}

export async function handleControl(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname.slice(CONTROL.length) || '/';
  const method = req.method ?? 'GET';
  if (path === '/' && method === 'GET') {
    sendHtml(res, 200, controlPage(ctx, url.searchParams.get('msg')));
  } else if (path === '/form' && method === 'POST') {
    const error = applyChange(ctx, formToChange(await readForm(req)));
    redirect(res, `${CONTROL}/?msg=${encodeURIComponent(error ?? 'นำไปใช้แล้ว')}`);
  } else if (path === '/api/state' && method === 'GET') {
    sendJson(res, 200, snapshot(ctx));
  } else if (path === '/api/config' && method === 'POST') {
    const body = await readJson(req);
    const error =
      body && typeof body === 'object' && !Array.isArray(body)
        ? applyChange(ctx, body as Record<string, unknown>)
        : 'expected a JSON object';
    sendJson(res, error ? 400 : 200, error ? { error } : snapshot(ctx));
  } else if (path === '/api/truth' && method === 'GET') {
    const now = ctx.now();
    sendJson(res, 200, {
      now: isoBangkok(now),
      nowMs: now,
      payments: truth(ctx.state, now).map((p) => ({ ...p, view: paymentJson(p, 'default') })),
    });
  } else if (path === '/api/requests' && method === 'GET') {
    sendJson(res, 200, Object.fromEntries([...ctx.counts.entries()].sort()));
  } else if (path === '/api/requests/reset' && method === 'POST') {
    ctx.counts.clear();
    sendJson(res, 200, {});
  } else if (path === '/api/reset' && method === 'POST') {
    ctx.reset();
    if ((req.headers['content-type'] ?? '').includes('form'))
      redirect(res, `${CONTROL}/?msg=${encodeURIComponent('เริ่มใหม่แล้ว')}`);
    else sendJson(res, 200, snapshot(ctx));
  } else {
    sendJson(res, 404, { error: 'not found' });
  }
}
