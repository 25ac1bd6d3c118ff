/**
 * The change notice: a full notice on payment pages, a compact strip that expands elsewhere.
 * Props in, callbacks out; every text arrives already translated. Drawn afresh by DOM calls on
 * each change (components/dom.ts); the caller keeps the focus (replaceKeepingFocus).
 */
import type { Lang } from '../core/dates';
import { switchLanguageLang, type Translate } from '../core/i18n';
import type { NoticeModel } from '../core/notice';
import { h } from './dom';

export interface NoticeProps {
  model: NoticeModel;
  lang: Lang;
  t: Translate;
  variant: 'full' | 'strip';
  /** The strip's details shown (the clerk's "more"). */
  expanded?: boolean;
  /** Hide the language switch when policy fixes the language. */
  canSwitchLanguage: boolean;
  error?: string | null;
  onDismiss(): void;
  onSwitchLanguage(): void;
  /** The strip's "more" / "less". */
  onExpand?(expanded: boolean): void;
}

function noticeBody({ model, t }: NoticeProps): HTMLElement {
  if (model.customText.length > 0) {
    return h('div', { class: 'evw-notice__body' }, ...model.customText.map((p) => h('p', null, p)));
  }
  return h(
    'div',
    { class: 'evw-notice__body' },
    h('h3', null, t('noticeWhatChangesHeading')),
    h('p', null, t('noticeWhatChanges')),
    h('h3', null, t('noticeWhatToDoHeading')),
    h(
      'ul',
      null,
      h('li', null, t('noticeDoOnce')),
      h('li', null, t('noticeDoWatch')),
      h('li', null, t('noticeDoFailed')),
    ),
  );
}

function noticeFooter(p: NoticeProps): HTMLElement[] {
  const { model, t } = p;
  return [
    h(
      'p',
      { class: 'evw-notice__links' },
      h(
        'a',
        { class: 'evw-manual', href: model.manualUrl, target: '_blank', rel: 'noopener noreferrer' },
        t('noticeManual'),
      ),
      h('span', { class: 'evw-source' }, t('noticeSource')),
    ),
    ...(p.error ? [h('p', { class: 'evw-error', role: 'alert' }, p.error)] : []),
    h(
      'div',
      { class: 'evw-notice__actions' },
      p.canSwitchLanguage &&
        h(
          'button',
          {
            type: 'button',
            class: 'evw-button evw-lang',
            lang: switchLanguageLang[p.lang],
            title: t('switchLanguageLabel'),
            onClick: () => p.onSwitchLanguage(),
          },
          t('switchLanguage'),
        ),
      model.dismissible &&
        h(
          'button',
          {
            type: 'button',
            class: 'evw-button evw-button--primary evw-dismiss',
            onClick: () => p.onDismiss(),
          },
          t('noticeDismiss'),
        ),
    ),
  ];
}

export function renderNotice(p: NoticeProps): HTMLElement {
  const { model, t, lang } = p;
  const phaseClass = `evw-status evw-status--${model.phase}`;

  if (p.variant === 'strip') {
    const expanded = p.expanded === true;
    return h(
      'section',
      { class: 'evw-notice evw-notice--strip', lang, 'aria-label': t('noticeRegion') },
      h(
        'div',
        { class: 'evw-strip' },
        h('span', { class: phaseClass }, model.status),
        h('span', { class: 'evw-strip__summary' }, model.summary),
        h(
          'button',
          {
            type: 'button',
            class: 'evw-button evw-more',
            'aria-expanded': String(expanded),
            'aria-controls': 'evw-notice-details',
            onClick: () => p.onExpand?.(!expanded),
          },
          expanded ? t('noticeShowLess') : t('noticeShowMore'),
        ),
      ),
      h(
        'div',
        { id: 'evw-notice-details', class: 'evw-notice__details', hidden: !expanded },
        ...(expanded ? [noticeBody(p), ...noticeFooter(p)] : []),
      ),
    );
  }

  return h(
    'section',
    { class: 'evw-notice evw-notice--full', lang, 'aria-labelledby': 'evw-notice-title' },
    h(
      'div',
      { class: 'evw-notice__head' },
      h('span', { class: phaseClass }, model.status),
      h('h2', { id: 'evw-notice-title', class: 'evw-notice__title' }, model.title),
    ),
    model.startsOn && h('p', { class: 'evw-starts' }, model.startsOn),
    noticeBody(p),
    ...noticeFooter(p),
  );
}
