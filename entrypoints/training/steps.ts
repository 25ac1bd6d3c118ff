/**
 * The guided scenario: each step says what to do and what a clerk should do in real life, sets
 * the simulated e-LAAS up when a trainer jumps to it, and knows from the model when it is done.
 */
import { CHANGE_EFFECTIVE_AT } from '../../simulator/model/model';
import type { TrainingKey } from './text';
import type { World } from './world';

export const CHANGE_AT = CHANGE_EFFECTIVE_AT;
const OVERDUE_MS = 30 * 60_000;

export interface Step {
  id: string;
  title: TrainingKey;
  body: TrainingKey;
  advice: TrainingKey;
  /** Where to look: highlighted on the page. */
  target: string;
  /** Put the simulated e-LAAS where the step starts. */
  setup(world: World): void;
  done(world: World): boolean;
}

const after = (world: World) => world.payments().filter((p) => p.recordedAt >= CHANGE_AT);
const toAfter = (world: World) => {
  if (world.now() < CHANGE_AT) world.setPeriod('after');
};

export const STEPS: Step[] = [
  {
    id: 'before',
    title: 's1Title',
    body: 's1Body',
    advice: 's1Do',
    target: '#deka-results',
    setup: (world) => world.setPeriod('before'),
    done: (world) => world.payments().some((p) => p.status === 'created' && p.history.length === 1),
  },
  {
    id: 'after',
    title: 's2Title',
    body: 's2Body',
    advice: 's2Do',
    target: '#deka-results',
    setup: toAfter,
    done: (world) => after(world).length > 0,
  },
  {
    id: 'wait',
    title: 's3Title',
    body: 's3Body',
    advice: 's3Do',
    target: 'evw-panel',
    setup: toAfter,
    done: (world) => after(world).some((p) => p.status === 'created'),
  },
  {
    id: 'failed',
    title: 's4Title',
    body: 's4Body',
    advice: 's4Do',
    target: '#fail-next',
    setup: toAfter,
    done: (world) => world.payments().some((p) => p.status === 'failed'),
  },
  {
    id: 'overdue',
    title: 's5Title',
    body: 's5Body',
    advice: 's5Do',
    target: '#month-end',
    setup: toAfter,
    done: (world) =>
      after(world).some(
        (p) =>
          (p.status === 'awaiting' || p.status === 'processing') && world.now() - p.recordedAt > OVERDUE_MS,
      ),
  },
  {
    id: 'twice',
    title: 's6Title',
    body: 's6Body',
    advice: 's6Do',
    target: '#deka-results',
    setup: toAfter,
    // The duplicate guard's warning is on screen (or was: the world remembers it).
    done: (world) => world.guardSeen,
  },
];

/** Done stays done (a trainer sees the tick after moving on), until the practice is reset. */
export function stepDone(step: Step, world: World): boolean {
  if (world.stepsDone.has(step.id)) return true;
  if (!step.done(world)) return false;
  world.stepsDone.add(step.id);
  return true;
}
