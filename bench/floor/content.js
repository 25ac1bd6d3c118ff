// The floor's overlay: ask the background for the payments, draw them as a list in a shadow root
// at the top of the page's content, with a little CSS, by DOM calls and textContent. No framework,
// no validation, no page reading beyond the content area, no notice, no page-world bridge.
chrome.runtime.sendMessage({ type: 'records' }).then(({ records }) => {
  const host = document.createElement('evw-panel');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent =
    ':host{all:initial;display:block}ul{margin:8px 12px;padding:8px;border:1px solid #123c69;font:15px/1.6 sans-serif}li{display:flex;gap:12px}';
  const list = document.createElement('ul');
  for (const r of records) {
    const item = document.createElement('li');
    item.className = 'evw-record';
    for (const text of [r.dekaNo, r.payee, r.amount, r.status]) {
      const cell = document.createElement('span');
      cell.textContent = text;
      item.append(cell);
    }
    list.append(item);
  }
  shadow.append(style, list);
  (document.querySelector('main') ?? document.body).prepend(host);
  performance.mark('evw:panel-mounted');
});
