/**
 * The training page around the practice e-LAAS: the guided steps (coach), the presenter's
 * controls, a simulated browser toolbar (the badge) and notification, and the printable handout.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../core/dates';
import type { TrainingView } from './host';
import { Replica } from './Replica';
import { CHANGE_AT, STEPS, stepDone } from './steps';
import { type TrainingT, trainingText } from './text';
import { SPEEDS, type World } from './world';

export interface TrainingProps {
  world: World;
  view: TrainingView;
  route: string;
  lang: Lang;
  step: number;
  big: boolean;
  onStep(step: number): void;
  onLang(lang: Lang): void;
  onBig(big: boolean): void;
  onReset(): void;
  onCloseToast(): void;
}

function SimTime({ world, t }: { world: World; t: TrainingT }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  const when = new Date(world.now() + 7 * 3600_000);
  const text = `${when.getUTCDate()}/${when.getUTCMonth() + 1}/${when.getUTCFullYear() + 543} ${String(when.getUTCHours()).padStart(2, '0')}:${String(when.getUTCMinutes()).padStart(2, '0')}`;
  return (
    <p class="tr-simtime">
      {t('simTime')}: <time dateTime={new Date(world.now()).toISOString()}>{text}</time>
    </p>
  );
}

function Presenter({
  world,
  t,
  big,
  onBig,
  onReset,
}: Pick<TrainingProps, 'world' | 'big' | 'onBig' | 'onReset'> & { t: TrainingT }) {
  const after = world.now() >= CHANGE_AT;
  return (
    <section class="tr-presenter" aria-labelledby="tr-presenter-title">
      <h2 id="tr-presenter-title">{t('presenter')}</h2>
      <fieldset>
        <legend>{t('period')}</legend>
        <label>
          <input
            type="radio"
            name="period"
            id="period-before"
            checked={!after}
            onChange={() => world.setPeriod('before')}
          />
          {t('before')}
        </label>
        <label>
          <input
            type="radio"
            name="period"
            id="period-after"
            checked={after}
            onChange={() => world.setPeriod('after')}
          />
          {t('after')}
        </label>
      </fieldset>
      <label class="tr-row">
        {t('speed')}{' '}
        <select
          id="speed"
          value={String(world.clock.speed())}
          onChange={(e) => world.setSpeed(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              ×{s}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="tr-button" id="fail-next" onClick={() => world.failNext()}>
        {t('failNext')}
      </button>
      {world.sim.config.failNext > 0 ? (
        <p class="tr-note">{t('failQueued', { n: world.sim.config.failNext })}</p>
      ) : null}
      <label class="tr-row">
        <input
          type="checkbox"
          id="month-end"
          checked={world.monthEnd()}
          onChange={(e) => world.setMonthEnd((e.currentTarget as HTMLInputElement).checked)}
        />
        {t('monthEnd')}
      </label>
      <button type="button" class="tr-button" id="skip-30" onClick={() => world.skip(30 * 60_000)}>
        {t('skip30')}
      </button>
      <label class="tr-row">
        <input
          type="checkbox"
          id="big-text"
          checked={big}
          onChange={(e) => onBig((e.currentTarget as HTMLInputElement).checked)}
        />
        {t('bigText')}
      </label>
      <div class="tr-buttons">
        <button type="button" class="tr-button" id="reset" onClick={onReset}>
          {t('reset')}
        </button>
        <button type="button" class="tr-button" id="print-handout" onClick={() => window.print()}>
          {t('handout')}
        </button>
      </div>
    </section>
  );
}

function Coach({
  world,
  t,
  step,
  onStep,
}: Pick<TrainingProps, 'world' | 'step' | 'onStep'> & { t: TrainingT }) {
  const current = STEPS[step] ?? STEPS[0];
  if (!current) return null;
  return (
    <section class="tr-coach" aria-labelledby="tr-steps-title">
      <h2 id="tr-steps-title">{t('steps')}</h2>
      <ol class="tr-steps">
        {STEPS.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              class="tr-step"
              data-step={s.id}
              aria-current={i === step ? 'step' : undefined}
              onClick={() => onStep(i)}
            >
              <span class="tr-step-title">{t(s.title)}</span>
              {stepDone(s, world) ? <span class="tr-done">✓ {t('done')}</span> : null}
            </button>
          </li>
        ))}
      </ol>
      <div class="tr-current" aria-live="polite">
        <p class="tr-count">{t('step', { n: step + 1, total: STEPS.length })}</p>
        <h3 id="tr-step-heading">{t(current.title)}</h3>
        <p>
          <strong>{t('todo')}:</strong> {t(current.body)}
        </p>
        <p>
          <strong>{t('whatToDo')}:</strong> {t(current.advice)}
        </p>
      </div>
      <div class="tr-buttons">
        <button
          type="button"
          class="tr-button"
          id="step-prev"
          disabled={step === 0}
          onClick={() => onStep(step - 1)}
        >
          {t('previous')}
        </button>
        <button
          type="button"
          class="tr-button tr-primary"
          id="step-next"
          disabled={step === STEPS.length - 1}
          onClick={() => onStep(step + 1)}
        >
          {t('next')}
        </button>
        <button type="button" class="tr-button" id="step-restart" onClick={() => onStep(-1)}>
          {t('restart')}
        </button>
      </div>
    </section>
  );
}

function Toolbar({
  view,
  t,
  onCloseToast,
  children,
}: {
  view: TrainingView;
  t: TrainingT;
  onCloseToast(): void;
  children: preact.ComponentChildren;
}) {
  return (
    <section class="tr-browser" aria-label={t('stage')}>
      <div class="tr-toolbar" title={t('toolbar')}>
        <span class="tr-address">https://laas.dla.go.th/</span>
        <span class="tr-action" title={view.badge.title || t('badgeNone')}>
          <img src="/icon/32.png" alt="" width="20" height="20" />
          {view.badge.text ? (
            <span class="tr-badge" id="tr-badge" style={{ background: view.badge.color }}>
              {view.badge.text}
            </span>
          ) : null}
          <span class="evw-visually-hidden">{view.badge.title || t('badgeNone')}</span>
        </span>
      </div>
      <div class="tr-toast-area" role="status" aria-label={t('notification')}>
        {view.toast ? (
          <div class="tr-toast" id="tr-toast">
            <img src="/icon/48.png" alt="" width="32" height="32" />
            <div>
              <p class="tr-toast-title">{view.toast.title}</p>
              <p class="tr-toast-message">{view.toast.message}</p>
            </div>
            <button type="button" class="tr-button" onClick={onCloseToast}>
              {t('close')}
            </button>
          </div>
        ) : null}
      </div>
      {children}
    </section>
  );
}

export function Handout({ t }: { t: TrainingT }) {
  return (
    <section class="tr-handout" aria-labelledby="tr-handout-title">
      <h2 id="tr-handout-title">{t('hTitle')}</h2>
      <p>{t('hChange')}</p>
      <h3>{t('hStatuses')}</h3>
      <dl>
        <dt>รอประมวลผล</dt>
        <dd>{t('hAwaiting')}</dd>
        <dt>อยู่ระหว่างประมวลผล</dt>
        <dd>{t('hProcessing')}</dd>
        <dt>สร้างใบผ่านรายการจ่ายแล้ว</dt>
        <dd>{t('hCreated')}</dd>
        <dt>ประมวลผลไม่สำเร็จ</dt>
        <dd>{t('hFailed')}</dd>
        <dt>เกินกำหนด</dt>
        <dd>{t('hOverdue')}</dd>
      </dl>
      <h3>{t('hRules')}</h3>
      <ol>
        <li>{t('hRule1')}</li>
        <li>{t('hRule2')}</li>
        <li>{t('hRule3')}</li>
      </ol>
    </section>
  );
}

export function Training(p: TrainingProps) {
  const t = trainingText(p.lang);
  return (
    <div class={`tr-page${p.big ? ' tr-big' : ''}`}>
      <header class="tr-header">
        <h1>{t('title')}</h1>
        <p>{t('intro')}</p>
        <button
          type="button"
          class="tr-button"
          id="training-language"
          lang={p.lang === 'th' ? 'en' : 'th'}
          onClick={() => p.onLang(p.lang === 'th' ? 'en' : 'th')}
        >
          {t('language')}
        </button>
      </header>
      <div class="tr-layout">
        <div class="tr-side">
          <Coach world={p.world} t={t} step={p.step} onStep={p.onStep} />
          <Presenter world={p.world} t={t} big={p.big} onBig={p.onBig} onReset={p.onReset} />
        </div>
        <div class="tr-stage">
          <Toolbar view={p.view} t={t} onCloseToast={p.onCloseToast}>
            <SimTime world={p.world} t={t} />
          </Toolbar>
          <Replica world={p.world} route={p.route} />
        </div>
      </div>
      <Handout t={t} />
    </div>
  );
}
