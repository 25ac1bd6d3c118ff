/**
 * The options page body. Props in, callbacks out. Settings fixed by policy are shown disabled
 * with "กำหนดโดยหน่วยงานของคุณ".
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../core/dates';
import type { PageMessageKey, PageTranslate } from '../core/i18n-pages';
import { parseSetting, type ResolvedSettings, SETTINGS, type SettingKey } from '../core/settings';

export interface OptionsProps {
  settings: ResolvedSettings;
  t: PageTranslate;
  /** A short message for the live region: saved, failed, exported, imported. */
  status: string;
  /** How many payments are kept in this browser (null while unknown). */
  recordCount: number | null;
  onChange(patch: Partial<Record<SettingKey, unknown>>): void;
  onResetNotice(): void;
  /** The training sandbox's address; absent when the organisation switched it off. */
  trainingHref?: string;
  /** Whether the browser lets us show notifications (an optional permission). */
  notificationsAllowed: boolean;
  onAllowNotifications(): void;
  onPurge(): void;
  onExport(format: 'csv' | 'json'): void;
  onImport(file: File): void;
  onClear(): void;
}

type NumberKey = 'pollMinSeconds' | 'pollMaxSeconds' | 'overdueMinutes' | 'retentionDays';

const NUMBER_LABEL: Record<NumberKey, PageMessageKey> = {
  pollMinSeconds: 'optionsPollMin',
  pollMaxSeconds: 'optionsPollMax',
  overdueMinutes: 'optionsOverdue',
  retentionDays: 'optionsRetention',
};

/** The bounds the settings table allows, for the input and its hint. */
const bounds = (key: NumberKey): [number, number] => [SETTINGS[key].min, SETTINGS[key].max];

/** A policy value as text (shown as text, never markup), shortened. */
function policyValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function LockedNote({ id, t }: { id: string; t: PageTranslate }) {
  return (
    <span id={id} class="evw-locked">
      {t('lockedByPolicy')}
    </span>
  );
}

/** Validate the number fields; returns an error per field (and the pair rule), or none. */
export function checkNumbers(
  values: Record<NumberKey, string>,
  t: PageTranslate,
): Partial<Record<NumberKey, string>> {
  const errors: Partial<Record<NumberKey, string>> = {};
  for (const key of Object.keys(values) as NumberKey[]) {
    const text = values[key].trim();
    const parsed = /^\d+$/.test(text) ? parseSetting(key, Number(text)) : null;
    if (!parsed?.ok) {
      const [min, max] = bounds(key);
      errors[key] = t('optionsInvalidNumber', { label: t(NUMBER_LABEL[key]), min, max });
    }
  }
  if (!errors.pollMinSeconds && !errors.pollMaxSeconds) {
    if (Number(values.pollMinSeconds) > Number(values.pollMaxSeconds))
      errors.pollMinSeconds = t('optionsPollOrder');
  }
  return errors;
}

function NumberField(props: {
  name: NumberKey;
  value: string;
  error: string | undefined;
  locked: boolean;
  t: PageTranslate;
  onInput(value: string): void;
}) {
  const { name, t } = props;
  const [min, max] = bounds(name);
  const hint = `hint-${name}`;
  const described = [hint, props.error ? `error-${name}` : '', props.locked ? `lock-${name}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="evw-number">
      <label for={`field-${name}`}>{t(NUMBER_LABEL[name])}</label>
      <input
        id={`field-${name}`}
        name={name}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={props.value}
        disabled={props.locked}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      <span id={hint} class="evw-hint">
        {t('optionsRange', { min, max })}
      </span>
      {props.error ? (
        <span id={`error-${name}`} class="evw-error">
          {props.error}
        </span>
      ) : null}
      {props.locked ? <LockedNote id={`lock-${name}`} t={t} /> : null}
    </div>
  );
}

function numbersOf(settings: ResolvedSettings): Record<NumberKey, string> {
  const v = settings.values;
  return {
    pollMinSeconds: String(v.pollMinSeconds),
    pollMaxSeconds: String(v.pollMaxSeconds),
    overdueMinutes: String(v.overdueMinutes),
    retentionDays: String(v.retentionDays),
  };
}

export function Options(p: OptionsProps) {
  const { settings, t } = p;
  const v = settings.values;
  const locked = (key: SettingKey) => settings.locked.includes(key);
  const langs: Lang[] = ['th', 'en'];
  const [numbers, setNumbers] = useState(() => numbersOf(settings));
  const [errors, setErrors] = useState<Partial<Record<NumberKey, string>>>({});
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setNumbers(numbersOf(settings)), [settings]);
  // A locked field shows the organisation's value in the same render as its lock, not a render
  // later when the effect above has run (the policy e2e test once read the old value between).
  const policyNumbers = numbersOf(settings);
  const shown = (key: NumberKey) => (locked(key) ? policyNumbers[key] : numbers[key]);

  const saveNumbers = (keys: NumberKey[]) => (e: Event) => {
    e.preventDefault();
    const all = checkNumbers(numbers, t);
    const mine = Object.fromEntries(keys.filter((k) => all[k]).map((k) => [k, all[k]]));
    setErrors((before) => ({ ...before, ...Object.fromEntries(keys.map((k) => [k, mine[k]])) }));
    if (Object.keys(mine).length > 0) return;
    const patch: Partial<Record<SettingKey, unknown>> = {};
    for (const k of keys) if (!locked(k) && Number(numbers[k]) !== v[k]) patch[k] = Number(numbers[k]);
    if (Object.keys(patch).length > 0) p.onChange(patch);
  };

  const choice = (
    key: 'language' | 'panelDock',
    options: { value: string; label: string; lang?: Lang }[],
  ) => (
    <fieldset disabled={locked(key)} aria-describedby={locked(key) ? `lock-${key}` : undefined}>
      <legend>{t(key === 'language' ? 'optionsLanguage' : 'optionsPanelDock')}</legend>
      {options.map((o) => (
        <label key={o.value} class="evw-choice">
          <input
            type="radio"
            name={key}
            value={o.value}
            checked={v[key] === o.value}
            onChange={() => p.onChange({ [key]: o.value })}
          />
          <span lang={o.lang}>{o.label}</span>
        </label>
      ))}
      {locked(key) ? <LockedNote id={`lock-${key}`} t={t} /> : null}
    </fieldset>
  );

  const checkbox = (key: 'thaiDigits' | 'notifications', label: string) => (
    <label class="evw-choice">
      <input
        type="checkbox"
        name={key}
        checked={v[key]}
        disabled={locked(key)}
        aria-describedby={locked(key) ? `lock-${key}` : undefined}
        onChange={(e) => {
          const on = (e.currentTarget as HTMLInputElement).checked;
          p.onChange({ [key]: on });
          // Turned on and not allowed yet: ask the browser now, in the same click.
          if (key === 'notifications' && on && !p.notificationsAllowed) p.onAllowNotifications();
        }}
      />
      <span>{label}</span>
      {locked(key) ? <LockedNote id={`lock-${key}`} t={t} /> : null}
    </label>
  );

  return (
    <main class="evw-page" lang={v.language}>
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="evw-display">
        <h2 id="evw-display">{t('optionsDisplay')}</h2>
        {choice(
          'language',
          langs.map((lang) => ({
            value: lang,
            lang,
            label: lang === 'th' ? t('optionsLanguageTh') : t('optionsLanguageEn'),
          })),
        )}
        {checkbox('thaiDigits', t('optionsThaiDigits'))}
        {choice('panelDock', [
          { value: 'top', label: t('optionsPanelTop') },
          { value: 'bottom', label: t('optionsPanelBottom') },
        ])}
      </section>

      <section aria-labelledby="evw-notifications" id="notifications">
        <h2 id="evw-notifications">{t('optionsNotifications')}</h2>
        <p>{t('optionsNotificationsExplain')}</p>
        {checkbox('notifications', t('optionsNotificationsOn'))}
        {!v.notifications ? null : p.notificationsAllowed ? (
          <p class="evw-allowed">{t('optionsNotificationsAllowed')}</p>
        ) : (
          <button type="button" class="evw-button" id="allow-notifications" onClick={p.onAllowNotifications}>
            {t('optionsNotificationsAllow')}
          </button>
        )}
      </section>

      <section aria-labelledby="evw-checking">
        <h2 id="evw-checking">{t('optionsChecking')}</h2>
        <form
          class="evw-form"
          noValidate
          id="checking-form"
          onSubmit={saveNumbers(['pollMinSeconds', 'pollMaxSeconds', 'overdueMinutes'])}
        >
          {(['pollMinSeconds', 'pollMaxSeconds', 'overdueMinutes'] as const).map((key) => (
            <NumberField
              key={key}
              name={key}
              value={shown(key)}
              error={errors[key]}
              locked={locked(key)}
              t={t}
              onInput={(value) => setNumbers({ ...numbers, [key]: value })}
            />
          ))}
          <button type="submit" class="evw-button evw-button--primary">
            {t('optionsSave')}
          </button>
        </form>
      </section>

      <section aria-labelledby="evw-data">
        <h2 id="evw-data">{t('optionsData')}</h2>
        {p.recordCount !== null ? (
          <p id="record-count">{t('optionsDataCount', { n: p.recordCount })}</p>
        ) : null}
        <form class="evw-form" noValidate id="retention-form" onSubmit={saveNumbers(['retentionDays'])}>
          <NumberField
            name="retentionDays"
            value={shown('retentionDays')}
            error={errors.retentionDays}
            locked={locked('retentionDays')}
            t={t}
            onInput={(value) => setNumbers({ ...numbers, retentionDays: value })}
          />
          <p class="evw-hint">{t('optionsRetentionExplain')}</p>
          <span class="evw-buttons">
            <button type="submit" class="evw-button evw-button--primary">
              {t('optionsSave')}
            </button>
            <button type="button" class="evw-button" id="purge" onClick={p.onPurge}>
              {t('optionsPurge')}
            </button>
          </span>
        </form>
        <p class="evw-buttons">
          <button type="button" class="evw-button" id="export-csv" onClick={() => p.onExport('csv')}>
            {t('optionsExportCsv')}
          </button>
          <button type="button" class="evw-button" id="export-json" onClick={() => p.onExport('json')}>
            {t('optionsExportJson')}
          </button>
        </p>
        <p class="evw-import">
          {/* Our own button in the clerk's language; the browser's file input stays underneath. */}
          <label class="evw-button evw-file">
            {t('optionsImport')}
            <input
              id="import-file"
              class="evw-visually-hidden"
              type="file"
              accept=".json,application/json"
              onChange={(e) => {
                const input = e.currentTarget as HTMLInputElement;
                const file = input.files?.[0];
                if (file) p.onImport(file);
                input.value = '';
              }}
            />
          </label>
        </p>
        {confirming ? (
          <div class="evw-confirm" role="alertdialog" aria-labelledby="clear-question" aria-modal="false">
            <p id="clear-question">{t('optionsClearConfirm', { n: p.recordCount ?? 0 })}</p>
            <span class="evw-buttons">
              <button
                type="button"
                class="evw-button evw-button--danger"
                id="clear-yes"
                onClick={() => {
                  setConfirming(false);
                  p.onClear();
                }}
              >
                {t('optionsClearYes')}
              </button>
              <button
                type="button"
                class="evw-button"
                id="clear-no"
                // biome-ignore lint/a11y/noAutofocus: the safe choice takes the focus in a confirmation
                autoFocus
                onClick={() => setConfirming(false)}
              >
                {t('optionsClearNo')}
              </button>
            </span>
          </div>
        ) : (
          <button
            type="button"
            class="evw-button evw-button--danger"
            id="clear"
            onClick={() => setConfirming(true)}
          >
            {t('optionsClear')}
          </button>
        )}
      </section>

      {settings.policy.length > 0 ? (
        <section aria-labelledby="evw-policy" id="policy">
          <h2 id="evw-policy">{t('optionsPolicy')}</h2>
          <p>{t('optionsPolicyExplain')}</p>
          <table class="evw-policy">
            <thead>
              <tr>
                <th scope="col">{t('optionsPolicyKey')}</th>
                <th scope="col">{t('optionsPolicyValue')}</th>
                <th scope="col">{t('optionsPolicyResult')}</th>
              </tr>
            </thead>
            <tbody>
              {settings.policy.map((entry) => (
                <tr key={entry.key} data-key={entry.key} data-applied={String(entry.applied)}>
                  <th scope="row">
                    <code>{entry.key}</code>
                  </th>
                  <td>
                    <code>{policyValue(entry.value)}</code>
                  </td>
                  <td class={entry.applied ? 'evw-applied' : 'evw-error'}>
                    {entry.applied && entry.why
                      ? t(entry.why.code, entry.why.params)
                      : entry.applied
                        ? t('optionsPolicyApplied')
                        : t('optionsPolicyRefused', {
                            reason: entry.why ? t(entry.why.code, entry.why.params) : (entry.reason ?? ''),
                          })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="evw-notice-settings">
        <h2 id="evw-notice-settings">{t('optionsNotice')}</h2>
        <button type="button" class="evw-button" id="reset-notice" onClick={p.onResetNotice}>
          {t('optionsNoticeReset')}
        </button>
      </section>

      {p.trainingHref ? (
        <section aria-labelledby="evw-training">
          <h2 id="evw-training">{t('optionsTraining')}</h2>
          <p>{t('optionsTrainingExplain')}</p>
          <a class="evw-button" id="open-training" href={p.trainingHref} target="_blank" rel="noopener">
            {t('optionsTrainingOpen')}
          </a>
        </section>
      ) : null}
      <p class="evw-status-line" role="status">
        {p.status}
      </p>
    </main>
  );
}
