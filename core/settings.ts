/**
 * Settings: one table of keys, each with a default, a validator and whether the clerk may
 * change it. Resolution is defaults < user < managed policy. Anything that fails validation is
 * ignored and reported, never thrown. Pure: no storage here.
 *
 * public/managed_schema.json must describe exactly the keys marked `policy` (a unit test checks).
 */
import { parseIsoDay } from './dates';
import { isRecord } from './validate';
import { type WhyCode, whyText } from './why';

/**
 * Why a value was refused: a code the pages translate (`why…` in core/i18n-pages.ts) and its
 * numbers; `reason` is the same in English, for logs and error replies.
 */
export interface Why {
  code: WhyCode;
  params?: Record<string, string | number>;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; why: Why };

interface KeySpec<T> {
  default: T;
  /**
   * Set only by policy, as the starting value of another key that the clerk may still change
   * (`notificationsDefault` for `notifications`). The key itself locks nothing.
   */
  defaultFor?: string;
  /** The clerk may set it (options page, notice language switch). */
  user: boolean;
  /** An admin may set it by policy (default yes; the panel's own state is the clerk's alone). */
  policy?: false;
  parse(value: unknown): Parsed<T>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(code: WhyCode, params?: Why['params']): Parsed<T> => ({
  ok: false,
  reason: whyText({ code, params }),
  why: params ? { code, params } : { code },
});

function boolean(def: boolean, user: boolean): KeySpec<boolean> {
  return {
    default: def,
    user,
    // 1 and 0 too: what Windows registry policy holds for Firefox (a DWORD; no schema converts it).
    parse: (v) => (typeof v === 'boolean' ? ok(v) : v === 1 || v === 0 ? ok(v === 1) : bad('whyBoolean')),
  };
}

function oneOf<T extends string>(values: readonly T[], def: T, user: boolean): KeySpec<T> {
  return {
    default: def,
    user,
    parse: (v) =>
      typeof v === 'string' && (values as readonly string[]).includes(v)
        ? ok(v as T)
        : bad('whyOneOf', { values: values.join(', ') }),
  };
}

function isoDay(def: string, user: boolean): KeySpec<string> {
  return {
    default: def,
    user,
    parse: (v) => (typeof v === 'string' && parseIsoDay(v) ? ok(v) : bad('whyDate')),
  };
}

function httpsUrl(def: string, user: boolean): KeySpec<string> {
  return {
    default: def,
    user,
    parse: (v) => {
      if (typeof v !== 'string' || v.length > 2000) return bad('whyHttps');
      try {
        const url = new URL(v);
        return url.protocol === 'https:' ? ok(url.href) : bad('whyHttps');
      } catch {
        return bad('whyHttps');
      }
    },
  };
}

function hasControlCharacters(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/** Free text shown as plain text (never markup); empty string means "use the built-in text". */
function text(maxLength: number, user: boolean): KeySpec<string> {
  return {
    default: '',
    user,
    parse: (v) => {
      if (typeof v !== 'string') return bad('whyText');
      if (v.length > maxLength) return bad('whyTooLong', { max: maxLength });
      // Control characters other than line breaks and tabs are refused.
      if (hasControlCharacters(v)) return bad('whyControl');
      return ok(v.trim());
    },
  };
}

function jsonObjectText(maxLength: number, user: boolean): KeySpec<string> {
  return {
    default: '',
    user,
    parse: (v) => {
      if (typeof v !== 'string' || v.length > maxLength) return bad('whyJsonText', { max: maxLength });
      if (v.trim() === '') return ok('');
      try {
        return isRecord(JSON.parse(v)) ? ok(v) : bad('whyJsonObject');
      } catch {
        return bad('whyJsonObject');
      }
    },
  };
}

/** An origin as the browser writes it: scheme, host, port; no path. */
function origin(v: string): boolean {
  try {
    const url = new URL(v);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === v;
  } catch {
    return false;
  }
}

function featureId(v: string): boolean {
  return /^[a-z][a-z-]{1,40}$/.test(v);
}

function stringList(maxItems: number, valid: (v: string) => boolean, user: boolean): KeySpec<string[]> {
  return {
    default: [],
    user,
    parse: (raw) => {
      // A text of values separated by commas or line breaks too: a list as one registry value
      // (Firefox on Windows) or one line of policies.json.
      const v = typeof raw === 'string' ? raw.split(/[\s,]+/).filter(Boolean) : raw;
      return Array.isArray(v) && v.length <= maxItems && v.every((x) => typeof x === 'string' && valid(x))
        ? ok([...new Set(v as string[])])
        : bad('whyList', { max: maxItems });
    },
  };
}

function integer(
  def: number,
  min: number,
  max: number,
  user: boolean,
): KeySpec<number> & { min: number; max: number } {
  return {
    default: def,
    user,
    min,
    max,
    parse: (v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
        ? ok(v)
        : bad('whyWholeNumber', { min, max }),
  };
}

export const SETTINGS = {
  language: oneOf(['th', 'en'] as const, 'th', true),
  thaiDigits: boolean(false, true),
  changeEffectiveDate: isoDay('2026-06-10', false),
  noticeShown: boolean(true, false),
  noticeDismissible: boolean(true, false),
  noticeManualUrl: httpsUrl('https://kmlaas.dla.go.th/', false),
  noticeTextTh: text(4000, false),
  noticeTextEn: text(4000, false),
  pollMinSeconds: integer(30, 15, 600, true),
  pollMaxSeconds: integer(900, 60, 3600, true),
  overdueMinutes: integer(30, 5, 1440, true),
  /** Set by policy it is forced (locked); `notificationsDefault` only changes the default. */
  notifications: boolean(true, true),
  notificationsDefault: { ...boolean(true, false), defaultFor: 'notifications' as const },
  /** The training sandbox (popup, options) is offered. */
  trainingAvailable: boolean(true, false),
  /** Days a finished record is kept (pending ones are kept until they finish). */
  retentionDays: integer(90, 7, 3650, true),
  /** Where the panel sits in the page's flow: above or below e-LAAS' content, never over it. */
  panelDock: oneOf(['top', 'bottom'] as const, 'top', true),
  panelOpen: { ...boolean(true, true), policy: false },
  /**
   * Admins only: overrides of the site profile (routes, selectors, labels, list headers, status
   * texts), as JSON text. Only its shape is checked here; the background merges it over the
   * defaults key by key (site/resolve-profile.ts) and reports what it could not use.
   */
  siteProfile: jsonObjectText(20_000, false),
  /**
   * Admins only: the e-LAAS origins the overlay works on (`https://laas.dla.go.th`); empty means
   * every e-LAAS host the extension may reach. Narrows, never widens, the manifest's hosts.
   */
  elaasOrigins: stringList(50, origin, false),
  /** Admins only: overlay features switched off (`change-notice`, `pending-panel`, …). */
  featuresOff: stringList(20, featureId, false),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: (typeof SETTINGS)[K]['default'] };
/** `policy-default`: the organisation's starting value, which the clerk may change. */
export type SettingSource = 'default' | 'policy-default' | 'user' | 'policy';

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** The keys an admin may set by policy (and that public/managed_schema.json describes). */
export const POLICY_KEYS = SETTING_KEYS.filter((k) => (SETTINGS[k] as KeySpec<unknown>).policy !== false);

export interface PolicyReportEntry {
  key: string;
  value: unknown;
  applied: boolean;
  /** Why it was not (or only partly) applied, in English… */
  reason?: string;
  /** …and as a code the options page says in the clerk's language. */
  why?: Why;
}

export interface ResolvedSettings {
  values: Settings;
  source: Record<SettingKey, SettingSource>;
  /** Keys fixed by policy: the UI shows them locked. */
  locked: SettingKey[];
  /** Every policy key seen, applied or not, for the admin section of the options page. */
  policy: PolicyReportEntry[];
}

export function defaultSettings(): Settings {
  const values = {} as Record<SettingKey, unknown>;
  for (const key of SETTING_KEYS) values[key] = SETTINGS[key].default;
  return values as Settings;
}

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** Validate one value for one key, as the options page does before saving. */
export function parseSetting(key: SettingKey, value: unknown): Parsed<unknown> {
  return (SETTINGS[key] as KeySpec<unknown>).parse(value);
}

/**
 * defaults < user < policy. `user` and `managed` are whatever storage returned: unknown shapes,
 * wrong types and unknown keys are ignored (and, for policy, reported).
 */
export function resolveSettings(user: unknown, managed: unknown): ResolvedSettings {
  const values = defaultSettings() as Record<SettingKey, unknown>;
  const source = {} as Record<SettingKey, SettingSource>;
  for (const key of SETTING_KEYS) source[key] = 'default';

  // An organisation's defaults come first, so the clerk's own choice still wins over them.
  const policy: PolicyReportEntry[] = [];
  const locked: SettingKey[] = [];
  // (A userscript has no policy: its build leaves the policy code out, see vite.userscript.config.ts.)
  const policyIn = !import.meta.env.EVW_USERSCRIPT && isRecord(managed);
  if (policyIn) {
    for (const [key, raw] of Object.entries(managed)) {
      const target = isSettingKey(key) ? (SETTINGS[key] as KeySpec<unknown>).defaultFor : undefined;
      if (!target || !isSettingKey(target)) continue;
      const parsed = parseSetting(key as SettingKey, raw);
      if (parsed.ok) {
        values[target] = parsed.value;
        source[target] = 'policy-default';
      }
    }
  }

  if (isRecord(user)) {
    for (const [key, raw] of Object.entries(user)) {
      if (!isSettingKey(key) || !SETTINGS[key].user) continue;
      const parsed = parseSetting(key, raw);
      if (parsed.ok) {
        values[key] = parsed.value;
        source[key] = 'user';
      }
    }
  }

  if (policyIn) {
    for (const [key, raw] of Object.entries(managed)) {
      if (!isSettingKey(key) || !POLICY_KEYS.includes(key)) {
        policy.push({
          key,
          value: raw,
          applied: false,
          reason: whyText({ code: 'whyUnknownKey' }),
          why: { code: 'whyUnknownKey' },
        });
        continue;
      }
      const parsed = parseSetting(key, raw);
      if (parsed.ok && (SETTINGS[key] as KeySpec<unknown>).defaultFor) {
        values[key] = parsed.value;
        source[key] = 'policy';
        policy.push({ key, value: raw, applied: true });
      } else if (parsed.ok) {
        values[key] = parsed.value;
        source[key] = 'policy';
        locked.push(key);
        policy.push({ key, value: raw, applied: true });
      } else {
        policy.push({ key, value: raw, applied: false, reason: parsed.reason, why: parsed.why });
      }
    }
  }
  return { values: values as Settings, source, locked, policy };
}

/**
 * Check a change the clerk asked for. Returns the validated patch, or the reason it is refused
 * (unknown key, not a user setting, locked by policy, invalid value).
 */
export function validateUserPatch(
  patch: unknown,
  locked: readonly SettingKey[],
): { ok: true; value: Partial<Settings> } | { ok: false; reason: string } {
  const bad = (reason: string) => ({ ok: false as const, reason });
  if (!isRecord(patch)) return bad('expected an object');
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(patch)) {
    if (!isSettingKey(key) || !SETTINGS[key].user) return bad(`${key} is not a user setting`);
    if (locked.includes(key)) return bad(`${key} is set by policy`);
    const parsed = parseSetting(key, raw);
    if (!parsed.ok) return bad(`${key}: ${parsed.reason}`);
    out[key] = parsed.value;
  }
  return { ok: true, value: out as Partial<Settings> };
}
