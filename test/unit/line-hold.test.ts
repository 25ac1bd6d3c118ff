/**
 * The line (line.ts), there from the page's start, and a form submitted before the overlay has
 * started: one the browser would post is held for the overlay (which judges it with the duplicate
 * guard and submits it again), and let go after 3 s if the overlay never comes; others are only
 * noted; a form with a password in it is left alone.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const HELD = Symbol.for('evw-bridge-line');

async function freshLine() {
  // Each page has its own isolated world: a line of its own.
  delete (globalThis as unknown as Record<symbol, unknown>)[HELD];
  vi.resetModules();
  const line = await import('../../entrypoints/elaas.content/line');
  line.holdBridgeLine();
  return line;
}

/** A form on the page; `posted`: the submits that reached the page (not held). */
function form(html: string) {
  document.body.innerHTML = html;
  const f = document.querySelector('form') as HTMLFormElement;
  const posted: Event[] = [];
  f.addEventListener('submit', (e) => {
    posted.push(e);
    e.preventDefault(); // (the test page does not go anywhere)
  });
  return { f, posted };
}

const submit = (f: HTMLFormElement) => f.requestSubmit();

describe('the line, before the overlay has started', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds a form the browser would post, and lets it go after 3 s if no overlay comes', async () => {
    const line = await freshLine();
    const { f, posted } = form('<form method="post"><input name="dekaNo" value="1/2569"></form>');
    submit(f);
    expect(posted).toHaveLength(0);
    vi.advanceTimersByTime(2900);
    expect(posted).toHaveLength(0);
    vi.advanceTimersByTime(200);
    expect(posted).toHaveLength(1); // let go: the page posts it
    // Noted, not held, so that a page that goes writes it down.
    const noted = line.takeSubmitted();
    expect(noted?.held).toBe(false);
    expect(noted?.form).toBe(f);
  });

  it("reads how the form is sent from its attributes (e-LAAS' form has a field named method)", async () => {
    const line = await freshLine();
    const { f, posted } = form(
      '<form method="post"><select name="method"><option>TRANSFER</option></select></form>',
    );
    submit(f);
    expect(posted).toHaveLength(0);
    expect(line.takeSubmitted()?.held).toBe(true);
  });

  it('gives a held form to the overlay when it starts, and never lets it go itself', async () => {
    const line = await freshLine();
    const { f, posted } = form('<form method="post"><input name="dekaNo" value="2/2569"></form>');
    submit(f);
    const taken = line.takeSubmitted();
    expect(taken).toMatchObject({ form: f, held: true });
    vi.advanceTimersByTime(5000);
    expect(posted).toHaveLength(0); // the overlay submits it again once judged
    // Once the overlay has started, nothing more is held here.
    submit(f);
    expect(posted).toHaveLength(1);
  });

  it('only notes a form the page handles itself (no post), and leaves a sign-in form alone', async () => {
    const line = await freshLine();
    const search = form('<form method="get"><input name="q" value="x"></form>');
    submit(search.f);
    expect(search.posted).toHaveLength(1);
    expect(line.takeSubmitted()).toMatchObject({ form: search.f, held: false });
    const line2 = await freshLine();
    const login = form('<form method="post"><input name="u"><input type="password" name="p"></form>');
    submit(login.f);
    expect(login.posted).toHaveLength(1);
    expect(line2.takeSubmitted()).toBeNull();
  });
});

/**
 * A page that goes before our overlay took up the tab's leftovers writes down when it started: a
 * save posted before then had its answer there, unseen, and the same form on a later page is the
 * clerk's, not e-LAAS sending it back (test/unit/leftovers.test.ts).
 */
describe('the line, as its page goes', () => {
  afterEach(() => sessionStorage.clear());

  it('writes down when a page that went by unseen started', async () => {
    const before = Date.now();
    await freshLine();
    const after = Date.now();
    window.dispatchEvent(new Event('pagehide'));
    const at = Number(sessionStorage.getItem('evw-page-went-by'));
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);
  });

  it('writes nothing when the overlay took up the leftovers there', async () => {
    await new Promise((r) => setTimeout(r, 5));
    const before = Date.now();
    const line = await freshLine();
    line.noteLeftoversTaken();
    window.dispatchEvent(new Event('pagehide'));
    // (The lines of the tests before, each a page of its own here, still listen on this window
    // and write when they started; in a tab they went with their pages. Nothing from this one.)
    const written = sessionStorage.getItem('evw-page-went-by');
    expect(written === null || Number(written) < before).toBe(true);
  });
});
