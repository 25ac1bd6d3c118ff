import { describe, expect, it } from 'vitest';
import { exists, queryAll, queryFirst, queryFirstOfEach, selectorParts } from '../../site/query';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html; // test fixture only
  return doc;
}

const ids = (els: Element[]) => els.map((el) => el.id);

describe('selectorParts', () => {
  it('splits a list at its top-level commas only', () => {
    expect(selectorParts('[data-page-title], .breadcrumb, nav[aria-label="a, b"], main h1,h1')).toEqual([
      '[data-page-title]',
      '.breadcrumb',
      'nav[aria-label="a, b"]',
      'main h1',
      'h1',
    ]);
    expect(selectorParts(":is(h1, h2) > span, a[title='x,y']")).toEqual([
      ':is(h1, h2) > span',
      "a[title='x,y']",
    ]);
    expect(selectorParts(' , h1 ,, ')).toEqual(['h1']);
  });
});

describe('queryAll, queryFirst and queryFirstOfEach', () => {
  const doc = page(
    '<nav id="n" class="breadcrumb">a</nav><main id="m"><h2 id="h2a">b</h2><h1 id="h1">c</h1><h2 id="h2b">d</h2></main>',
  );

  it('answer in page order, each element once, whatever the order of the list', () => {
    expect(ids(queryAll(doc, 'h2, main h1, h1, .breadcrumb, [id="h2a"]'))).toEqual(['n', 'h2a', 'h1', 'h2b']);
    expect(queryFirst(doc, 'h1, h2, .breadcrumb')?.id).toBe('n');
    expect(queryFirst(doc, 'h1, h2')?.id).toBe('h2a');
    expect(ids(queryAll(doc, 'h2'))).toEqual(['h2a', 'h2b']);
  });

  it('match the same as the browser does with the list as one query', () => {
    const list = 'main > h2:last-child, nav, :is(h1, h2)';
    expect(queryAll(doc, list)).toEqual(Array.from(doc.querySelectorAll(list)));
    expect(queryFirst(doc, list)).toBe(doc.querySelector(list));
  });

  it('skip parts that are not selectors, and never throw', () => {
    expect(ids(queryAll(doc, '>>>, h1, ##'))).toEqual(['h1']);
    expect(queryFirst(doc, '##, h1')?.id).toBe('h1');
    expect(queryAll(doc, '>>>')).toEqual([]);
    expect(queryFirst(doc, '')).toBeNull();
    expect(queryFirst(doc, '.none, #none')).toBeNull();
    expect(exists(doc, '##, h1')).toBe(true);
    expect(exists(doc, '.none, ##, #none')).toBe(false);
  });

  it('queryFirstOfEach: the first match of each part, in page order, each once', () => {
    expect(ids(queryFirstOfEach(doc, 'h2, main h1, h1, .breadcrumb, .none'))).toEqual(['n', 'h2a', 'h1']);
    expect(ids(queryFirstOfEach(doc, '##, h2'))).toEqual(['h2a']);
    expect(queryFirstOfEach(doc, '.none, >>>')).toEqual([]);
  });

  it('query inside an element when given one', () => {
    const main = doc.getElementById('m') as Element;
    expect(ids(queryAll(main, 'nav, h1'))).toEqual(['h1']);
  });
});
