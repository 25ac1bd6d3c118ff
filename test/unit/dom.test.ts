import { describe, expect, it, vi } from 'vitest';
import { h, replaceKeepingFocus, setChildren } from '../../components/dom';

describe('drawing by DOM calls', () => {
  it('makes elements with classes, attributes, listeners and text that is only ever text', () => {
    const onClick = vi.fn();
    const el = h(
      'button',
      { class: 'evw-button', 'aria-expanded': 'false', hidden: false, title: null, onClick },
      '<b>ไม่ใช่ markup</b>',
      null,
      false,
    );
    expect(el.outerHTML).toBe(
      '<button class="evw-button" aria-expanded="false">&lt;b&gt;ไม่ใช่ markup&lt;/b&gt;</button>',
    );
    el.click();
    expect(onClick).toHaveBeenCalledOnce();
    expect(h('select', { disabled: true }).outerHTML).toBe('<select disabled=""></select>');
  });

  it('changes a parent’s children without moving those that stay, so focus and typing survive', () => {
    const parent = h('div', null);
    document.body.replaceChildren(parent);
    const input = h('input', { class: 'evw-search' }) as HTMLInputElement;
    const a = h('p', null, 'a');
    setChildren(parent, [a, input]);
    input.focus();
    input.value = 'ก้าว';
    const removed = vi.fn();
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.removedNodes) if (n === input) removed();
    }).observe(parent, { childList: true });
    const b = h('p', null, 'b');
    setChildren(parent, [b, input, 'text', null]);
    setChildren(parent, [input, h('p', null, 'c')]);
    expect(Array.from(parent.childNodes, (n) => n.textContent)).toEqual(['', 'c']);
    expect(input.value).toBe('ก้าว');
    expect(parent.firstChild).toBe(input);
    expect(document.activeElement).toBe(input);
    expect(removed).not.toHaveBeenCalled();
  });

  it('draws a view afresh and gives the focus back to the same control', () => {
    const container = h('div', null);
    document.body.replaceChildren(container);
    const draw = (label: string) =>
      h(
        'div',
        null,
        h('button', { class: 'evw-button evw-lang' }, label),
        h('button', { class: 'evw-dismiss' }, 'x'),
      );
    replaceKeepingFocus(container, draw('English'));
    (container.querySelector('.evw-lang') as HTMLElement).focus();
    replaceKeepingFocus(container, draw('ไทย'));
    expect(document.activeElement?.textContent).toBe('ไทย');
    expect(container.querySelectorAll('button')).toHaveLength(2);
  });
});
