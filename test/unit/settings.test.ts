import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  POLICY_KEYS,
  resolveSettings,
  SETTINGS,
  validateUserPatch,
} from '../../core/settings';

describe('settings resolution: defaults < user < policy', () => {
  it('uses the defaults when nothing is stored', () => {
    const r = resolveSettings(undefined, undefined);
    expect(r.values).toEqual(defaultSettings());
    expect(r.values.changeEffectiveDate).toBe('2026-06-10');
    expect(r.locked).toEqual([]);
    expect(Object.values(r.source).every((s) => s === 'default')).toBe(true);
  });

  it('lets the clerk change user settings only', () => {
    const r = resolveSettings({ language: 'en', thaiDigits: true, changeEffectiveDate: '2030-01-01' }, {});
    expect(r.values.language).toBe('en');
    expect(r.values.thaiDigits).toBe(true);
    expect(r.values.changeEffectiveDate).toBe('2026-06-10');
    expect(r.source.language).toBe('user');
  });

  it('lets policy win, locks what it sets, and reports every key', () => {
    const r = resolveSettings(
      { language: 'en' },
      { language: 'th', noticeDismissible: false, noticeManualUrl: 'https://kmlaas.dla.go.th/manual' },
    );
    expect(r.values.language).toBe('th');
    expect(r.values.noticeDismissible).toBe(false);
    expect(r.locked.sort()).toEqual(['language', 'noticeDismissible', 'noticeManualUrl']);
    expect(r.policy.every((p) => p.applied)).toBe(true);
  });

  it('ignores and reports wrong policy values instead of failing', () => {
    const r = resolveSettings(
      {},
      {
        language: 'fr',
        thaiDigits: 'yes',
        changeEffectiveDate: '2026-02-30',
        noticeManualUrl: 'http://insecure.example/',
        noticeTextTh: 'x'.repeat(4001),
        noticeTextEn: 'bell\u0007',
        surprise: 1,
      },
    );
    expect(r.values).toEqual(defaultSettings());
    expect(r.locked).toEqual([]);
    const reasons = Object.fromEntries(r.policy.map((p) => [p.key, p.reason]));
    expect(reasons).toEqual({
      language: 'expected one of th, en',
      thaiDigits: 'expected true or false',
      changeEffectiveDate: 'expected a date as YYYY-MM-DD',
      noticeManualUrl: 'expected an https:// address',
      noticeTextTh: 'longer than 4000 characters',
      noticeTextEn: 'contains control characters',
      surprise: 'unknown key',
    });
  });

  it('survives any shape from storage', () => {
    for (const junk of [null, 42, 'x', [], [1, 2], { __proto__: { language: 'en' } }, { language: null }]) {
      expect(resolveSettings(junk, junk).values).toEqual(defaultSettings());
    }
  });
});

describe('validateUserPatch', () => {
  it('accepts valid user settings', () => {
    expect(validateUserPatch({ language: 'en', thaiDigits: false }, [])).toEqual({
      ok: true,
      value: { language: 'en', thaiDigits: false },
    });
  });
  it('refuses admin-only, locked, unknown and invalid values', () => {
    expect(validateUserPatch({ noticeShown: false }, [])).toMatchObject({ ok: false });
    expect(validateUserPatch({ language: 'en' }, ['language'])).toEqual({
      ok: false,
      reason: 'language is set by policy',
    });
    expect(validateUserPatch({ nope: 1 }, [])).toMatchObject({ ok: false });
    expect(validateUserPatch({ thaiDigits: 'on' }, [])).toMatchObject({ ok: false });
    expect(validateUserPatch('language=en', [])).toMatchObject({ ok: false });
  });
});

describe('public/managed_schema.json', () => {
  const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as {
    type: string;
    properties: Record<string, { type: string; enum?: string[]; minimum?: number; maximum?: number }>;
  };
  it('describes every setting with the type of its default', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    for (const key of POLICY_KEYS) {
      const declared = schema.properties[key]?.type;
      const type = declared === 'integer' ? 'number' : declared === 'array' ? 'object' : declared;
      expect(type, key).toBe(typeof SETTINGS[key].default);
    }
    expect(schema.properties.language?.enum).toEqual(['th', 'en']);
    for (const key of ['pollMinSeconds', 'pollMaxSeconds', 'overdueMinutes', 'retentionDays'] as const) {
      expect([schema.properties[key]?.minimum, schema.properties[key]?.maximum], key).toEqual([
        SETTINGS[key].min,
        SETTINGS[key].max,
      ]);
    }
  });
});

describe('settings only the clerk sets', () => {
  it('ignores and reports panelOpen in policy, but lets the clerk set it', () => {
    const r = resolveSettings({ panelOpen: false }, { panelOpen: true, retentionDays: 30 });
    expect(r.values.panelOpen).toBe(false);
    expect(r.values.retentionDays).toBe(30);
    expect(r.policy).toContainEqual({
      key: 'panelOpen',
      value: true,
      applied: false,
      reason: 'unknown key',
      why: { code: 'whyUnknownKey' },
    });
    expect(POLICY_KEYS).not.toContain('panelOpen');
  });
});

describe('notifications: forced or only a default', () => {
  it('notificationsDefault sets the starting value; the clerk may still change it', () => {
    const fresh = resolveSettings({}, { notificationsDefault: false });
    expect(fresh.values.notifications).toBe(false);
    expect(fresh.source.notifications).toBe('policy-default');
    expect(fresh.locked).not.toContain('notifications');
    expect(fresh.locked).not.toContain('notificationsDefault');
    expect(fresh.policy).toContainEqual({ key: 'notificationsDefault', value: false, applied: true });

    const chosen = resolveSettings({ notifications: true }, { notificationsDefault: false });
    expect(chosen.values.notifications).toBe(true);
    expect(chosen.source.notifications).toBe('user');
    expect(validateUserPatch({ notifications: true }, chosen.locked)).toMatchObject({ ok: true });
  });

  it('notifications set by policy is forced over the default and the clerk', () => {
    const r = resolveSettings({ notifications: true }, { notifications: false, notificationsDefault: true });
    expect(r.values.notifications).toBe(false);
    expect(r.locked).toContain('notifications');
    expect(validateUserPatch({ notifications: true }, r.locked)).toMatchObject({ ok: false });
  });

  it('a wrong notificationsDefault is ignored and reported', () => {
    const r = resolveSettings({}, { notificationsDefault: 'no' });
    expect(r.values.notifications).toBe(true);
    expect(r.policy).toContainEqual({
      key: 'notificationsDefault',
      value: 'no',
      applied: false,
      reason: 'expected true or false',
      why: { code: 'whyBoolean' },
    });
  });

  it('trainingAvailable is the admin’s alone', () => {
    expect(resolveSettings({}, { trainingAvailable: false }).values.trainingAvailable).toBe(false);
    expect(resolveSettings({ trainingAvailable: false }, {}).values.trainingAvailable).toBe(true);
    expect(validateUserPatch({ trainingAvailable: false }, [])).toMatchObject({ ok: false });
  });
});

describe('policy values as Windows registry gives them to Firefox', () => {
  it('takes 1 and 0 for true and false, and a list as text separated by commas or lines', () => {
    const r = resolveSettings(
      {},
      {
        noticeDismissible: 0,
        trainingAvailable: 1,
        featuresOff: 'change-notice, list-status',
        elaasOrigins: 'https://laas.dla.go.th\nhttps://x.laas.go.th',
      },
    );
    expect(r.values.noticeDismissible).toBe(false);
    expect(r.values.trainingAvailable).toBe(true);
    expect(r.values.featuresOff).toEqual(['change-notice', 'list-status']);
    expect(r.values.elaasOrigins).toEqual(['https://laas.dla.go.th', 'https://x.laas.go.th']);
    expect(resolveSettings({}, { noticeShown: 2 }).policy[0]).toMatchObject({ applied: false });
    expect(resolveSettings({}, { featuresOff: 'Not A Feature' }).policy[0]).toMatchObject({ applied: false });
  });
});

describe('docs/admin.md', () => {
  const doc = readFileSync('docs/admin.md', 'utf8');
  it('has a row for every policy key, with its default', () => {
    for (const key of POLICY_KEYS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${key}\``));
      expect(row, key).toBeDefined();
      const def = SETTINGS[key].default;
      if (typeof def === 'string' && def !== '') expect(row, key).toContain(`\`${def}\``);
      if (typeof def === 'number' || typeof def === 'boolean') expect(row, key).toContain(`\`${def}\``);
    }
  });
});
