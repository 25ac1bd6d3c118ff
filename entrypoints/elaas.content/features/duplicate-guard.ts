/**
 * The duplicate-payment guard: on บันทึกการจ่ายเงิน, before a payment is submitted for a ฎีกา that
 * already has a payment waiting for its voucher, or one whose voucher was made, say so (when and in
 * what state) and let the clerk stop, or go on deliberately. Only the submit is held; nothing else on the page changes.
 * Its dialog is put in the page when it has something to say, and taken out when it closes.
 */
import { renderDuplicateWarning } from '../../../components/DuplicateWarning';
import dialogCss from '../../../components/styles/dialog.css?inline';
import { isPending } from '../../../core/records';
import { isRecordForm, readFormDekaNo } from '../../../site/detect';
import { resubmit } from '../line';
import { shadowUi } from './shadow-ui';
import type { Feature } from './types';

export const duplicateGuard: Feature = {
  id: 'duplicate-guard',
  pages: ['payment-record'],
  async mount(fx) {
    const ui = shadowUi(fx, {
      name: 'evw-guard',
      anchor: () => document.body,
      append: 'last',
      outOfFlow: true,
      css: dialogCss,
    });

    /** The ฎีกา the clerk chose to record again: its next submit goes through. */
    let allowed: string | null = null;
    const close = () => ui.hide();

    document.addEventListener(
      'submit',
      (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !isRecordForm(fx.profile, form)) return;
        const dekaNo = readFormDekaNo(fx.profile, form);
        if (!dekaNo) return;
        if (allowed === dekaNo) {
          allowed = null;
          return;
        }
        // Waiting for its voucher, or with its voucher made (the panel keeps today's): a second
        // save pays twice. (The soak: a clerk told of a garbled answer saved again two minutes
        // on, after the first payment's voucher was made, and the guard let it through.)
        const earlier = (fx.tracking.get()?.records ?? []).filter(
          (r) => r.dekaNo === dekaNo && (isPending(r) || r.status === 'created'),
        );
        const state = fx.store.get();
        // Without our text (the background not answering yet) e-LAAS' own save goes on untouched.
        if (earlier.length === 0 || state.kind !== 'ready') return;
        // Hold this submit before e-LAAS' own handlers see it.
        event.preventDefault();
        event.stopImmediatePropagation();
        const submitter = (event as SubmitEvent).submitter as HTMLElement | null;
        const s = state.state.settings.values;
        const dialog = ui.show();
        if (!dialog) return;
        dialog.container.replaceChildren(
          renderDuplicateWarning({
            dekaNo,
            earlier,
            lang: s.language,
            thaiDigits: s.thaiDigits,
            t: state.t,
            onCancel() {
              close();
              submitter?.focus();
            },
            onProceed() {
              close();
              allowed = dekaNo;
              resubmit(form, submitter);
            },
          }),
        );
        (dialog.container.querySelector('.evw-dup-cancel') as HTMLElement | null)?.focus();
      },
      { capture: true, signal: fx.signal },
    );
  },
};
