/**
 * The change notice: a full notice on payment pages, a compact strip that expands elsewhere.
 * Props in, callbacks out; every text arrives already translated.
 */
import { useState } from 'preact/hooks';
import type { Lang } from '../core/dates';
import { switchLanguageLang, type Translate } from '../core/i18n';
import type { NoticeModel } from '../core/notice';

export interface NoticeProps {
  model: NoticeModel;
  lang: Lang;
  t: Translate;
  variant: 'full' | 'strip';
  /** Hide the language switch when policy fixes the language. */
  canSwitchLanguage: boolean;
  error?: string | null;
  onDismiss(): void;
  onSwitchLanguage(): void;
}

function NoticeBody({ model, t }: Pick<NoticeProps, 'model' | 't'>) {
  if (model.customText.length > 0) {
    return (
      <div class="evw-notice__body">
        {model.customText.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
    );
  }
  return (
    <div class="evw-notice__body">
      <h3>{t('noticeWhatChangesHeading')}</h3>
      <p>{t('noticeWhatChanges')}</p>
      <h3>{t('noticeWhatToDoHeading')}</h3>
      <ul>
        <li>{t('noticeDoOnce')}</li>
        <li>{t('noticeDoWatch')}</li>
        <li>{t('noticeDoFailed')}</li>
      </ul>
    </div>
  );
}

function NoticeFooter(props: NoticeProps) {
  const { model, t } = props;
  return (
    <>
      <p class="evw-notice__links">
        <a class="evw-manual" href={model.manualUrl} target="_blank" rel="noopener noreferrer">
          {t('noticeManual')}
        </a>
        <span class="evw-source">{t('noticeSource')}</span>
      </p>
      {props.error ? (
        <p class="evw-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <div class="evw-notice__actions">
        {props.canSwitchLanguage ? (
          <button
            type="button"
            class="evw-button evw-lang"
            lang={switchLanguageLang[props.lang]}
            title={t('switchLanguageLabel')}
            onClick={props.onSwitchLanguage}
          >
            {t('switchLanguage')}
          </button>
        ) : null}
        {model.dismissible ? (
          <button type="button" class="evw-button evw-button--primary evw-dismiss" onClick={props.onDismiss}>
            {t('noticeDismiss')}
          </button>
        ) : null}
      </div>
    </>
  );
}

export function Notice(props: NoticeProps) {
  const { model, t, lang } = props;
  const [expanded, setExpanded] = useState(false);
  const phaseClass = `evw-status evw-status--${model.phase}`;

  if (props.variant === 'strip') {
    return (
      <section class="evw-notice evw-notice--strip" lang={lang} aria-label={t('noticeRegion')}>
        <div class="evw-strip">
          <span class={phaseClass}>{model.status}</span>
          <span class="evw-strip__summary">{model.summary}</span>
          <button
            type="button"
            class="evw-button evw-more"
            aria-expanded={expanded}
            aria-controls="evw-notice-details"
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? t('noticeShowLess') : t('noticeShowMore')}
          </button>
        </div>
        <div id="evw-notice-details" class="evw-notice__details" hidden={!expanded}>
          {expanded ? (
            <>
              <NoticeBody model={model} t={t} />
              <NoticeFooter {...props} />
            </>
          ) : null}
        </div>
      </section>
    );
  }

  return (
    <section class="evw-notice evw-notice--full" lang={lang} aria-labelledby="evw-notice-title">
      <div class="evw-notice__head">
        <span class={phaseClass}>{model.status}</span>
        <h2 id="evw-notice-title" class="evw-notice__title">
          {model.title}
        </h2>
      </div>
      {model.startsOn ? <p class="evw-starts">{model.startsOn}</p> : null}
      <NoticeBody model={model} t={t} />
      <NoticeFooter {...props} />
    </section>
  );
}
