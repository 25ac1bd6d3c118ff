/**
 * The site profile an admin may override (policy, admin issue): the defaults, with every value
 * of the override checked against the default's shape. A wrong value is left at its default and
 * reported; an unknown key is reported. Never throws.
 */
import type { VoucherStatus } from '../core/records';
import { DEFAULT_PROFILE, type SiteProfile } from './profile';

const STATUSES: readonly VoucherStatus[] = ['awaiting', 'processing', 'created', 'failed', 'cancelled'];
const MAX_TEXT = 500;
/** Maps whose keys are data (status codes and texts), not part of the profile's shape. */
const MAPS = new Set(['api.statusCodes', 'statusTexts']);
/** Regular expressions: they must compile. */
const REGEXES = /^(pages\.[\w-]+\.urlPatterns|api\.(record|token)\.path)$/;
const NUMBERS: Record<string, [number, number]> = {
  'api.list.pageSize': [1, 500],
  'api.list.maxPages': [1, 20],
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validText(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;
}

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function checkLeaf(path: string, def: unknown, value: unknown): string | null {
  if (Array.isArray(def)) {
    if (!Array.isArray(value) || value.length === 0 || value.length > 20 || !value.every(validText)) {
      return 'expected a list of 1 to 20 texts';
    }
    if (REGEXES.test(path) && !value.every(compiles)) return 'not a valid regular expression';
    return null;
  }
  if (typeof def === 'number') {
    const [min, max] = NUMBERS[path] ?? [0, Number.MAX_SAFE_INTEGER];
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? null
      : `expected a whole number from ${min} to ${max}`;
  }
  if (typeof def === 'string') {
    if (!validText(value)) return `expected text of 1 to ${MAX_TEXT} characters`;
    if (REGEXES.test(path) && !compiles(value)) return 'not a valid regular expression';
    return null;
  }
  return 'unexpected value';
}

function merge(
  def: Record<string, unknown>,
  over: Record<string, unknown>,
  path: string,
  problems: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...def };
  for (const [key, value] of Object.entries(over)) {
    const here = path ? `${path}.${key}` : key;
    if (MAPS.has(path)) continue; // handled by the caller
    if (!Object.hasOwn(def, key)) {
      problems.push(`${here}: unknown key`);
      continue;
    }
    const d = def[key];
    if (MAPS.has(here)) {
      if (!isRecord(value) || Object.keys(value).length === 0) {
        problems.push(`${here}: expected a map of texts to statuses`);
        continue;
      }
      const bad = Object.entries(value).find(
        ([k, v]) => !validText(k) || !STATUSES.includes(v as VoucherStatus),
      );
      if (bad) problems.push(`${here}: "${bad[0]}" must map to one of ${STATUSES.join(', ')}`);
      else out[key] = { ...value };
      continue;
    }
    if (isRecord(d)) {
      if (!isRecord(value)) problems.push(`${here}: expected an object`);
      else out[key] = merge(d, value, here, problems);
      continue;
    }
    const problem = checkLeaf(here, d, value);
    if (problem) problems.push(`${here}: ${problem}`);
    else out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}

export function resolveProfile(override: unknown): { profile: SiteProfile; problems: string[] } {
  const problems: string[] = [];
  if (override === undefined || override === null) return { profile: DEFAULT_PROFILE, problems };
  if (!isRecord(override)) return { profile: DEFAULT_PROFILE, problems: ['expected an object'] };
  const merged = merge(DEFAULT_PROFILE as unknown as Record<string, unknown>, override, '', problems);
  return { profile: merged as unknown as SiteProfile, problems };
}
