import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Testing builds only (the store build and the userscript call it not at all, as
 * `import.meta.env.MODE === 'testing' && useMark(…)`, compiled away): a moment on the page's
 * timeline, `evw:<name>`, at the first render where `drawn` holds, where `npm run bench` stops
 * counting (bench/panel.ts).
 */
export function useMark(name: string, drawn: boolean): void {
  const done = useRef(false);
  useLayoutEffect(() => {
    if (done.current || !drawn) return;
    done.current = true;
    performance.mark(`evw:${name}`);
  });
}
