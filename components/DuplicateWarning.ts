/**
 * The duplicate-payment guard's dialog: this ฎีกา already has a payment waiting for its voucher,
 * or one whose voucher was made.
 * The safe choice has the focus; Escape cancels. Props in, callbacks out; drawn by DOM calls.
 */
import { formatTime, type Lang } from '../core/dates';
import type { Translate } from '../core/i18n';
import { type PaymentRecord, unconfirmed } from '../core/records';
import { h } from './dom';
import { STATUS_KEY } from './Status';

export interface DuplicateWarningProps {
  dekaNo: string;
  earlier: PaymentRecord[];
  lang: Lang;
  thaiDigits: boolean;
  t: Translate;
  onCancel(): void;
  onProceed(): void;
}

/** The dialog; the caller puts it in the page and then focuses its safe choice (`.evw-dup-cancel`). */
export function renderDuplicateWarning(p: DuplicateWarningProps): HTMLElement {
  // Only saves whose answer never came: e-LAAS may not have any of them; the check will say.
  const unsure = p.earlier.every(unconfirmed);
  return h(
    'div',
    { class: 'evw-backdrop' },
    h(
      'div',
      {
        class: 'evw-dialog',
        role: 'alertdialog',
        'aria-modal': 'true',
        'aria-labelledby': 'evw-dup-title',
        'aria-describedby': 'evw-dup-explain',
        'data-unconfirmed': unsure && 'true',
        lang: p.lang,
        onKeyDown: (e) => {
          if ((e as KeyboardEvent).key === 'Escape') p.onCancel();
        },
      },
      h(
        'h2',
        { id: 'evw-dup-title' },
        p.t(unsure ? 'duplicateUnconfirmedTitle' : 'duplicateTitle', { deka: p.dekaNo }),
      ),
      h(
        'ul',
        { class: 'evw-dup-earlier' },
        ...p.earlier.map((r) =>
          h(
            'li',
            null,
            p.t('duplicateEarlier', {
              time: formatTime(r.recordedAt, p.thaiDigits),
              status: p.t(unconfirmed(r) ? 'statusUnconfirmed' : STATUS_KEY[r.status]),
            }),
          ),
        ),
      ),
      h(
        'p',
        { id: 'evw-dup-explain' },
        p.t(
          unsure
            ? 'duplicateUnconfirmedExplain'
            : p.earlier.some((r) => r.status === 'created')
              ? 'duplicateCreatedExplain'
              : 'duplicateExplain',
        ),
      ),
      h(
        'div',
        { class: 'evw-dialog__actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'evw-button evw-button--primary evw-dup-cancel',
            onClick: () => p.onCancel(),
          },
          p.t('duplicateCancel'),
        ),
        h(
          'button',
          { type: 'button', class: 'evw-button evw-dup-proceed', onClick: () => p.onProceed() },
          p.t('duplicateProceed'),
        ),
      ),
    ),
  );
}
