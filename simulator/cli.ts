/**
 * `npm run simulator`: start the e-LAAS simulator on 127.0.0.1.
 * Environment: PORT (8569), SIM_DESIGN (A or B), SIM_SPEED (1), SIM_SCENARIO (normal),
 * SIM_MODE (auto, before, after), SIM_FAILURE_RATE (0).
 */

import { SEED_PASSWORD, USERS } from './model/seed';
import type { ModeSetting, Scenario } from './model/types';
import { startSimulator } from './server';

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${name} must be one of ${allowed.join(', ')} (got ${value})`);
}

function number(
  name: string,
  value: string | undefined,
  fallback: number,
  ok: (n: number) => boolean,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!ok(n)) throw new Error(`${name} is out of range (got ${value})`);
  return n;
}

/** Read the simulator's options from the environment; a wrong value stops it with the reason. */
export function optionsFromEnv(env: NodeJS.ProcessEnv) {
  return {
    port: number('PORT', env.PORT, 8569, (n) => Number.isInteger(n) && n >= 0 && n < 65536),
    design: oneOf('SIM_DESIGN', env.SIM_DESIGN, ['A', 'B'] as const, 'A'),
    speed: number('SIM_SPEED', env.SIM_SPEED, 1, (n) => n > 0 && n <= 100_000),
    scenario: oneOf<Scenario>(
      'SIM_SCENARIO',
      env.SIM_SCENARIO,
      ['normal', 'month-end', 'year-end'],
      'normal',
    ),
    mode: oneOf<ModeSetting>('SIM_MODE', env.SIM_MODE, ['auto', 'before', 'after'], 'auto'),
    failureRate: number('SIM_FAILURE_RATE', env.SIM_FAILURE_RATE, 0, (n) => n >= 0 && n <= 1),
  };
}

export function describeSimulator(url: string, design: string): string {
  return [
    `e-LAAS simulator (design ${design}): ${url}`,
    `  control surface: ${url}__sim/`,
    `  log in as: ${USERS.filter((u) => u.role === 'finance-officer')
      .map((u) => u.username)
      .join(', ')} (password ${SEED_PASSWORD})`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = optionsFromEnv(process.env);
  const sim = await startSimulator(options);
  console.log(describeSimulator(sim.url, options.design));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void sim.close().then(() => process.exit(0)));
  }
}
