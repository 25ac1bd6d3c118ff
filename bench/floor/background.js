// The floor's background: ten payments, as a background that kept them in memory would answer.
const records = Array.from({ length: 10 }, (_, i) => ({
  dekaNo: `${1000 + i}/2569`,
  payee: `ผู้รับเงิน ${i + 1}`,
  amount: `฿${(12345.5 + i).toFixed(2)}`,
  status: 'รอประมวลผล',
}));
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type === 'records') sendResponse({ records });
});
