/**
 * The site profile in force: the built-in one with the organisation's overrides (policy key
 * `siteProfile`, JSON text) merged over it key by key. What could not be used is added to that
 * key's line of the policy report, so the options page shows it.
 */

import type { ResolvedSettings, Why } from '../../core/settings';
import { whyText } from '../../core/why';
import { host } from '../../platform/host';
import { DEFAULT_PROFILE, type SiteProfile } from '../../site/profile';
import { resolveProfile } from '../../site/resolve-profile';

let cache: { text: string; profile: SiteProfile; problems: string[] } | null = null;

function resolved(text: string): { profile: SiteProfile; problems: string[] } {
  // The userscript has no managed policy (README), so no override: its build leaves the merging
  // code out (the define in vite.userscript.config.ts), which keeps it within its size budget.
  if (import.meta.env.EVW_USERSCRIPT) return { profile: DEFAULT_PROFILE, problems: [] };
  if (cache?.text !== text) {
    const result = resolveProfile(text.trim() === '' ? undefined : (JSON.parse(text) as unknown));
    cache = { text, ...result };
  }
  return cache;
}

export function profileOf(settings: ResolvedSettings): SiteProfile {
  return resolved(settings.values.siteProfile).profile;
}

/** The settings, with the site profile's problems in the policy report. */
export async function settingsWithProfile(): Promise<ResolvedSettings> {
  const settings = await host().loadSettings();
  const { problems } = resolved(settings.values.siteProfile);
  if (problems.length === 0) return settings;
  const partly: Why = { code: 'whyProfilePartly', params: { parts: problems.join('; ') } };
  return {
    ...settings,
    policy: settings.policy.map((entry) =>
      entry.key === 'siteProfile' && entry.applied
        ? {
            ...entry,
            reason: whyText(partly),
            why: partly,
          }
        : entry,
    ),
  };
}
