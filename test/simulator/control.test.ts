// @vitest-environment node
/** The control surface: validated changes, ground truth, the control page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../simulator/server';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ design: 'A', start: Date.parse('2026-06-10T03:00:00Z') });
});
afterAll(() => sim.close());

const post = (path: string, body: unknown) =>
  fetch(new URL(`__sim/api/${path}`, sim.url), { method: 'POST', body: JSON.stringify(body) });

describe('control surface', () => {
  it('applies valid changes and reports them', async () => {
    const res = await post('config', {
      scenario: 'month-end',
      speed: 60,
      failureRate: 0.25,
      mode: 'after',
      variant: 'reworded',
    });
    expect(res.status).toBe(200);
    const state = await res.json();
    expect(state).toMatchObject({
      design: 'A',
      speed: 60,
      variant: 'reworded',
      config: { scenario: 'month-end', failureRate: 0.25, mode: 'after' },
    });
    expect(state.queue.workers).toBe(2);
  });

  it('refuses wrong values with a reason and changes nothing', async () => {
    for (const [body, reason] of [
      [{ scenario: 'holiday' }, 'scenario: one of normal, month-end, year-end'],
      [{ speed: -1 }, 'speed: a number above 0'],
      [{ failureRate: 2 }, 'failureRate: 0 to 1'],
      [{ clock: 'tomorrow' }, 'clock: an ISO time'],
      [{ malformed: 'sometimes' }, 'malformed: null or one of none, truncated, garbage, html'],
      [{ surprise: 1 }, 'unknown setting: surprise'],
    ] as const) {
      const res = await post('config', body);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe(reason);
    }
    expect((await post('config', ['x'])).status).toBe(400);
  });

  it('jumps the clock and serves the control page in Thai', async () => {
    await post('config', { clock: '2026-09-28T02:00:00Z', speed: 1 });
    const state = await (await fetch(new URL('__sim/api/state', sim.url))).json();
    expect(state.now).toBe('2026-09-28T09:00:00+07:00');
    const page = await (await fetch(new URL('__sim/', sim.url))).text();
    expect(page).toContain('แผงควบคุมระบบจำลอง e-LAAS (แบบ A)');
    expect(page).toContain('28/09/2569 09:00');
    const form = await fetch(new URL('__sim/form', sim.url), {
      method: 'POST',
      body: new URLSearchParams({
        scenario: 'year-end',
        mode: 'auto',
        variant: 'default',
        malformed: 'none',
        speed: '1',
        failureRate: '0',
        failNext: '2',
        latencyMs: '0',
        unauthorizedNext: '0',
      }),
      redirect: 'manual',
    });
    expect(form.status).toBe(303);
    const after = await (await fetch(new URL('__sim/api/state', sim.url))).json();
    expect(after.config).toMatchObject({ scenario: 'year-end', failNext: 2 });
  });

  it('answers unknown control paths with 404 and unknown site paths with a Thai 404', async () => {
    expect((await fetch(new URL('__sim/api/nope', sim.url))).status).toBe(404);
    const res = await fetch(new URL('no/such/page', sim.url));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('ไม่พบหน้าที่ต้องการ');
  });
});
