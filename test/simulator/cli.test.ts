// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../../simulator/cli';

describe('simulator options from the environment', () => {
  it('has defaults and reads valid values', () => {
    expect(optionsFromEnv({})).toEqual({
      port: 8569,
      design: 'A',
      speed: 1,
      scenario: 'normal',
      mode: 'auto',
      failureRate: 0,
    });
    expect(
      optionsFromEnv({
        PORT: '0',
        SIM_DESIGN: 'B',
        SIM_SPEED: '60',
        SIM_SCENARIO: 'month-end',
        SIM_MODE: 'before',
        SIM_FAILURE_RATE: '0.2',
      }),
    ).toEqual({
      port: 0,
      design: 'B',
      speed: 60,
      scenario: 'month-end',
      mode: 'before',
      failureRate: 0.2,
    });
  });
  it('stops with the reason on a wrong value', () => {
    expect(() => optionsFromEnv({ SIM_DESIGN: 'C' })).toThrow('SIM_DESIGN must be one of A, B (got C)');
    expect(() => optionsFromEnv({ PORT: 'abc' })).toThrow('PORT is out of range (got abc)');
    expect(() => optionsFromEnv({ SIM_FAILURE_RATE: '2' })).toThrow(
      'SIM_FAILURE_RATE is out of range (got 2)',
    );
    expect(() => optionsFromEnv({ SIM_SCENARIO: 'holiday' })).toThrow(
      'SIM_SCENARIO must be one of normal, month-end, year-end',
    );
  });
});
