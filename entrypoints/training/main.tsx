/**
 * The training page: the practice e-LAAS (simulator model, in the page), the background's own
 * logic on an in-page host, and the real overlay on top, talking to that logic instead of the
 * extension's background. Nothing here reaches the clerk's real records, badge or alarms.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pageContext } from '../../platform/page-context';
import '../../components/styles/tokens.css';
import '../../components/styles/controls.css';
import '../../simulator/pages/elaas.css';
import './training.css';
import type { Lang } from '../../core/dates';
import { parseReply } from '../../core/protocol';
import type { ResolvedSettings } from '../../core/settings';
import { clearRecords, useDatabaseName } from '../../platform/extension/db';
import { setHost } from '../../platform/host';
import { inPageTransport } from '../background/in-page';
import { CHECK_ALARM, recordsChanged, runCheck, schedule } from '../background/tracking';
import { startOverlay } from '../elaas.content/overlay';
import { createTrainingHost, TRAINING_ORIGIN } from './host';
import { ROUTES } from './Replica';
import { STEPS } from './steps';
import { Training } from './Training';
import { trainingText } from './text';
import { createWorld } from './world';

useDatabaseName('voucher-watch-training');
const world = createWorld();
const host = createTrainingHost(world);
setHost(host);
host.onTimer(CHECK_ALARM, () => void runCheck());

/** The overlay talks to that logic in the page; the e-LAAS it serves is the practice one. */
const transport = inPageTransport(host, () => `${TRAINING_ORIGIN}/${location.hash}`);

function App({ initialLang }: { initialLang: Lang }) {
  const [route, setRoute] = useState(location.hash);
  const [lang, setLang] = useState<Lang>(initialLang);
  const [step, setStep] = useState(0);
  const [big, setBig] = useState(false);
  const [, redraw] = useState(0);
  const [view, setView] = useState(host.view());

  useEffect(() => {
    const onHash = () => setRoute(location.hash);
    window.addEventListener('hashchange', onHash);
    const offWorld = world.subscribe(() => redraw((n) => n + 1));
    const offView = host.onView(() => setView(host.view()));
    // Time passes in the practice e-LAAS: e-LAAS works through its queue, the steps tick.
    const timer = setInterval(() => redraw((n) => n + 1), 1000);
    return () => {
      window.removeEventListener('hashchange', onHash);
      offWorld();
      offView();
      clearInterval(timer);
    };
  }, []);

  // Coach mark: the place the current step is about.
  useEffect(() => {
    const target = document.querySelector(STEPS[step]?.target ?? '');
    target?.classList.add('tr-target');
    return () => target?.classList.remove('tr-target');
  });

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = trainingText(lang)('title');
  }, [lang]);

  const reset = async () => {
    // Records first: clearing the host tells the overlay to read them again.
    await clearRecords();
    sessionStorage.clear();
    world.reset();
    host.clear();
    await schedule();
    await recordsChanged(null);
  };

  return (
    <Training
      world={world}
      view={view}
      route={route}
      lang={lang}
      step={step}
      big={big}
      onStep={(next) => {
        if (next < 0) {
          void reset().then(() => setStep(0));
          STEPS[0]?.setup(world);
          location.hash = ROUTES.record;
          return;
        }
        STEPS[next]?.setup(world);
        setStep(next);
      }}
      onLang={(next) => {
        setLang(next);
        void host.saveUserSettings({ language: next });
      }}
      onBig={setBig}
      onReset={() => void reset()}
      onCloseToast={() => {
        const id = host.view().toast?.id;
        if (id) void host.notifications.clear(id);
      }}
    />
  );
}

/**
 * Links the overlay builds point at e-LAAS' own routes (a voucher, the list) on this page's
 * origin: in the practice e-LAAS they change the route instead. (The panel's links live in its
 * shadow root: the click's composed path names them.)
 */
function followPracticeLinks(): void {
  document.addEventListener('click', (event) => {
    const link = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.href !== '');
    if (!link) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || url.pathname === location.pathname || !url.hash.startsWith('#/'))
      return;
    event.preventDefault();
    location.hash = url.hash;
  });
}

/** The last step's lesson: the duplicate guard warned (seen in its open shadow root, at once). */
function watchGuard(): void {
  const seen = () => {
    if (!document.querySelector('evw-guard')?.shadowRoot?.querySelector('[role="alertdialog"]')) return;
    if (!world.guardSeen) {
      world.guardSeen = true;
      world.changed();
    }
  };
  const watched = new WeakSet<ShadowRoot>();
  new MutationObserver(() => {
    const root = document.querySelector('evw-guard')?.shadowRoot;
    if (root && !watched.has(root)) {
      watched.add(root);
      new MutationObserver(seen).observe(root, { childList: true, subtree: true });
    }
    seen();
  }).observe(document.body, { childList: true });
}

async function main(): Promise<void> {
  const root = document.getElementById('app') as HTMLElement;
  // The organisation may switch training off (policy `trainingAvailable`).
  const reply = parseReply<ResolvedSettings>(
    await browser.runtime.sendMessage({ type: 'settings/get' }).catch(() => null),
  );
  const settings = reply.ok ? reply.data : null;
  const lang: Lang = settings?.values.language ?? 'th';
  if (settings && !settings.values.trainingAvailable) {
    const p = document.createElement('p');
    p.className = 'tr-disabled';
    p.setAttribute('role', 'alert');
    p.textContent = trainingText(lang)('disabled');
    root.append(p);
    return;
  }
  await host.saveUserSettings({ language: lang });
  await clearRecords();
  if (!location.hash) location.hash = ROUTES.record;
  render(<App initialLang={lang} />, root);
  followPracticeLinks();
  watchGuard();
  startOverlay(pageContext(), transport);
  if (import.meta.env.MODE === 'testing') {
    // The end-to-end tests compare what the overlay shows with the model's truth.
    (window as unknown as Record<string, unknown>).evwTraining = { world, host };
  }
}

void main();
