/**
 * The duplicate-payment guard's dialog: this ฎีกา already has a payment waiting for its voucher,
 * or one whose voucher was made.
 * The safe choice has the focus; Escape cancels. Props in, callbacks out.
 */
import { useEffect, useRef } from 'preact/hooks';
import { formatTime, type Lang } from '../core/dates';
import type { Translate } from '../core/i18n';
import { type PaymentRecord, unconfirmed } from '../core/records';
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

export function DuplicateWarning(p: DuplicateWarningProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Only saves whose answer never came: e-LAAS may not have any of them; the check will say.
  const unsure = p.earlier.every(unconfirmed);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="evw-backdrop">
      <div
        class="evw-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="evw-dup-title"
        aria-describedby="evw-dup-explain"
        data-unconfirmed={unsure ? 'true' : undefined}
        lang={p.lang}
        onKeyDown={(e) => {
          if (e.key === 'Escape') p.onCancel();
        }}
      >
        <h2 id="evw-dup-title">
          {p.t(unsure ? 'duplicateUnconfirmedTitle' : 'duplicateTitle', { deka: p.dekaNo })}
        </h2>
        <ul class="evw-dup-earlier">
          {p.earlier.map((r) => (
            <li key={r.id}>
              {p.t('duplicateEarlier', {
                time: formatTime(r.recordedAt, p.thaiDigits),
                status: p.t(unconfirmed(r) ? 'statusUnconfirmed' : STATUS_KEY[r.status]),
              })}
            </li>
          ))}
        </ul>
        <p id="evw-dup-explain">
          {p.t(
            unsure
              ? 'duplicateUnconfirmedExplain'
              : p.earlier.some((r) => r.status === 'created')
                ? 'duplicateCreatedExplain'
                : 'duplicateExplain',
          )}
        </p>
        <div class="evw-dialog__actions">
          <button
            ref={cancel}
            type="button"
            class="evw-button evw-button--primary evw-dup-cancel"
            onClick={p.onCancel}
          >
            {p.t('duplicateCancel')}
          </button>
          <button type="button" class="evw-button evw-dup-proceed" onClick={p.onProceed}>
            {p.t('duplicateProceed')}
          </button>
        </div>
      </div>
    </div>
  );
}
