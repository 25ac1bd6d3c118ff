/**
 * The options page body. Props in, callbacks out. Settings fixed by policy are shown disabled
 * with "กำหนดโดยหน่วยงานของคุณ".
 */
import type { Lang } from '../core/dates';
import type { Translate } from '../core/i18n';
import type { ResolvedSettings, SettingKey } from '../core/settings';

export interface OptionsProps {
  settings: ResolvedSettings;
  t: Translate;
  /** A short message for the live region: saved, failed, notice reset. */
  status: string;
  onChange(patch: Partial<Record<SettingKey, unknown>>): void;
  onResetNotice(): void;
  /** Whether the browser lets us show notifications (an optional permission). */
  notificationsAllowed: boolean;
  onAllowNotifications(): void;
}

function LockedNote({ id, t }: { id: string; t: Translate }) {
  return (
    <span id={id} class="evw-locked">
      {t('lockedByPolicy')}
    </span>
  );
}

export function Options({
  settings,
  t,
  status,
  onChange,
  onResetNotice,
  notificationsAllowed,
  onAllowNotifications,
}: OptionsProps) {
  const v = settings.values;
  const locked = (key: SettingKey) => settings.locked.includes(key);
  const langs: Lang[] = ['th', 'en'];
  return (
    <main class="evw-page" lang={v.language}>
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="evw-display">
        <h2 id="evw-display">{t('optionsDisplay')}</h2>
        <fieldset
          disabled={locked('language')}
          aria-describedby={locked('language') ? 'lock-language' : undefined}
        >
          <legend>{t('optionsLanguage')}</legend>
          {langs.map((lang) => (
            <label key={lang} class="evw-choice">
              <input
                type="radio"
                name="language"
                value={lang}
                checked={v.language === lang}
                onChange={() => onChange({ language: lang })}
              />
              <span lang={lang}>{lang === 'th' ? t('optionsLanguageTh') : t('optionsLanguageEn')}</span>
            </label>
          ))}
          {locked('language') ? <LockedNote id="lock-language" t={t} /> : null}
        </fieldset>
        <label class="evw-choice">
          <input
            type="checkbox"
            name="thaiDigits"
            checked={v.thaiDigits}
            disabled={locked('thaiDigits')}
            aria-describedby={locked('thaiDigits') ? 'lock-thaiDigits' : undefined}
            onChange={(e) => onChange({ thaiDigits: (e.currentTarget as HTMLInputElement).checked })}
          />
          <span>{t('optionsThaiDigits')}</span>
          {locked('thaiDigits') ? <LockedNote id="lock-thaiDigits" t={t} /> : null}
        </label>
      </section>
      <section aria-labelledby="evw-notifications" id="notifications">
        <h2 id="evw-notifications">{t('optionsNotifications')}</h2>
        <p>{t('optionsNotificationsExplain')}</p>
        {notificationsAllowed ? (
          <p class="evw-allowed">{t('optionsNotificationsAllowed')}</p>
        ) : (
          <button type="button" class="evw-button" id="allow-notifications" onClick={onAllowNotifications}>
            {t('optionsNotificationsAllow')}
          </button>
        )}
      </section>
      <section aria-labelledby="evw-notice-settings">
        <h2 id="evw-notice-settings">{t('optionsNotice')}</h2>
        <button type="button" class="evw-button" id="reset-notice" onClick={onResetNotice}>
          {t('optionsNoticeReset')}
        </button>
      </section>
      <p class="evw-status-line" role="status">
        {status}
      </p>
    </main>
  );
}
