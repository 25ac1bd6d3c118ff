import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Testing builds only (called behind `if (import.meta.env.MODE === 'testing')`, which the store
 * build and the userscript compile away, hook and all): a moment on the page's timeline,
 * `evw:<name>`, at the first render where `drawn` holds, where `npm run bench` stops counting
 * (bench/panel.ts).
 */
export function useMark(name: string, drawn: boolean): void {
  const done = useRef(false);
  useLayoutEffect(() => {
    if (done.current || !drawn) return;
    done.current = true;
    performance.mark(`evw:${name}`);
  });
}
