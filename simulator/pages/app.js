// The simulator's single-page app: hash routes, pages rendered in the browser after a short
// delay, as New e-LAAS (a Vite SPA) does. Plain DOM, no framework, no innerHTML.
(() => {
  const content = document.getElementById('content');

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  }

  function breadcrumb(...items) {
    return el('nav', { 'aria-label': 'breadcrumb', class: 'breadcrumb' }, items.join(' > '));
  }

  function field(label, input) {
    return el('label', { class: 'field' }, el('span', {}, label), input);
  }

  const pages = {
    '/home': () => [
      breadcrumb('หน้าหลัก'),
      el('h1', {}, 'หน้าหลัก'),
      el('p', { id: 'welcome' }, 'ยินดีต้อนรับเข้าสู่ระบบบัญชีคอมพิวเตอร์ขององค์กรปกครองส่วนท้องถิ่น'),
    ],
    '/expenditure/payment/record': () => {
      let saved = 0;
      const result = el('p', { id: 'save-result', role: 'status' });
      const form = el(
        'form',
        {
          id: 'payment-form',
          on: {
            submit: (e) => {
              e.preventDefault();
              saved += 1;
              form.dataset.savedCount = String(saved);
              result.textContent = `บันทึกข้อมูลสำเร็จ (${saved})`;
            },
          },
        },
        field('ฎีกาเลขที่', el('input', { name: 'dekaNo', value: '123/2569' })),
        field('วันที่จ่าย', el('input', { name: 'payDate', value: '25/11/2569' })),
        field('จำนวนเงินสุทธิ', el('input', { name: 'netAmount', value: '12,500.00' })),
        el(
          'div',
          { class: 'buttons' },
          el('button', { type: 'submit', id: 'save' }, 'บันทึก'),
          el('button', { type: 'reset' }, 'ยกเลิก'),
        ),
      );
      return [
        breadcrumb('ระบบรายจ่าย', 'การจ่ายเงิน', 'บันทึกการจ่ายเงิน'),
        el('h1', {}, 'บันทึกการจ่ายเงิน'),
        form,
        result,
      ];
    },
    '/expenditure/payments': () => [
      breadcrumb('ระบบรายจ่าย', 'การจ่ายเงิน', 'รายการจ่ายเงิน'),
      el('h1', {}, 'รายการจ่ายเงิน / ใบผ่านรายการจ่าย'),
      el('p', {}, 'ไม่พบข้อมูล'),
    ],
  };

  function route() {
    const path = location.hash.replace(/^#/, '') || '/home';
    const page = pages[path] || pages['/home'];
    content.replaceChildren();
    // Render a little later, like an SPA fetching its data.
    setTimeout(() => content.replaceChildren(...page()), 30);
  }

  window.addEventListener('hashchange', route);
  route();
})();
