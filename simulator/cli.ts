/**
 * `npm run simulator`: start the e-LAAS simulator on 127.0.0.1.
 * Environment: PORT (8569), SIM_DESIGN (A or B), SIM_SPEED (1), SIM_SCENARIO (normal),
 * SIM_MODE (auto, before, after), SIM_FAILURE_RATE (0).
 */

import { SEED_PASSWORD, USERS } from './model/seed';
import type { ModeSetting, Scenario } from './model/types';
import { startSimulator } from './server';

export function optionsFromEnv(env: NodeJS.ProcessEnv) {
  const port = Number(env.PORT ?? 8569);
  return {
    port: Number.isInteger(port) ? port : 8569,
    design: env.SIM_DESIGN === 'B' ? ('B' as const) : ('A' as const),
    speed: Number(env.SIM_SPEED ?? 1) || 1,
    scenario: (env.SIM_SCENARIO ?? 'normal') as Scenario,
    mode: (env.SIM_MODE ?? 'auto') as ModeSetting,
    failureRate: Number(env.SIM_FAILURE_RATE ?? 0) || 0,
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
