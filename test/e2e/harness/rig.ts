/**
 * The usual end-to-end set-up in one call: a simulator and a real browser with the extension for
 * the describe block, and for each test a fresh simulator state, a reset extension and a new page.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type Simulator, startSimulator } from '../../../simulator/server';
import type { SimOptions } from '../../../simulator/web/context';
import type { BrowserName } from './env';
import { resetExtension } from './overlay';
import { launch, type Session, type TestPage } from './session';

export interface Rig {
  sim: Simulator;
  session: Session;
  page: TestPage;
}

/** Registers the hooks; `set` receives each value as it is made (the tests keep their variables). */
export function useRig(
  browserName: BrowserName,
  simOptions: SimOptions,
  clockIso: string | null,
  set: (values: Partial<Rig>) => void,
): void {
  let sim: Simulator | undefined;
  let session: Session | undefined;
  let page: TestPage | undefined;
  beforeAll(async () => {
    sim = await startSimulator(simOptions);
    session = await launch(browserName);
    set({ sim, session });
  });
  afterAll(async () => {
    await session?.close();
    await sim?.close();
  });
  beforeEach(async () => {
    if (!sim || !session) throw new Error('rig not started');
    sim.ctx.reset();
    await resetExtension(session, clockIso);
    page = await session.newPage();
    set({ page });
  });
  afterEach(async () => {
    await page?.close();
  });
}
