/**
 * Everything the extension believes about New e-LAAS pages, as data. Nobody on the team can see
 * the real site (DOMAIN.md): each value is an assumption that an admin can override by policy.
 * Keep old selectors beside new ones with a dated comment rather than replacing them.
 */

export type PageKind = 'payment-record' | 'payment-list' | 'voucher' | 'login' | 'other';

export interface PageRule {
  /** Regular expressions tested against path + query + hash (hash routes of the SPA). */
  urlPatterns: string[];
  /** Texts that identify the page in its breadcrumb or heading (Thai, as e-LAAS writes them). */
  titles: string[];
}

import type { VoucherStatus } from '../core/records';

/** Where a value sits in an API object: the first of these property names that is present. */
export type FieldNames = string[];

export interface ApiProfile {
  /** The request that records a payment: method and a regular expression on the URL path. */
  record: { method: string; path: string };
  /** The status request: the payments list, filtered from a pay date, newest first. */
  list: {
    path: string;
    params: { dateFrom: string; fiscalYear: string; page: string; size: string };
    pageSize: number;
    maxPages: number;
  };
  /**
   * The sign-in server's token request (Keycloak's), a regular expression on its URL path: the app
   * renews its access token there by itself, with no API call that would show the new one. The
   * bridge takes the renewed token from that answer, so a check made while the clerk is away does
   * not use an expired one and say the clerk signed out.
   */
  token: { path: string };
  envelope: { code: string; message: string; data: string; rows: string; total: string; success: string[] };
  fields: {
    id: FieldNames;
    ref: FieldNames;
    dekaNo: FieldNames;
    payee: FieldNames;
    amount: FieldNames;
    payDate: FieldNames;
    fiscalYear: FieldNames;
    status: FieldNames;
    voucherNo: FieldNames;
    voucherCreatedAt: FieldNames;
    failureReason: FieldNames;
  };
  /** Status codes in API answers. */
  statusCodes: Record<string, VoucherStatus>;
}

export interface ListPageProfile {
  /**
   * The list page to fetch as the status check where there is no JSON API to use (a
   * server-rendered e-LAAS): `{dateFrom}` (dd/mm/yyyy B.E.) and `{page}` are replaced.
   */
  checkUrl: string;
  /** Tables that may be the payments list; the one whose headers name the columns below wins. */
  table: string;
  /** Column header texts, as e-LAAS labels them (several where wordings differ). */
  headers: Record<
    'dekaNo' | 'payee' | 'amount' | 'payDate' | 'status' | 'voucherNo' | 'voucherCreatedAt',
    string[]
  >;
}

export interface SiteProfile {
  /** A date-stamped name, shown in diagnostics. */
  id: string;
  api: ApiProfile;
  listPage: ListPageProfile;
  /** Status texts on pages and in dialogs. */
  statusTexts: Record<string, VoucherStatus>;
  /** The voucher's page, `{voucherNo}` replaced (relative to the e-LAAS origin). */
  voucherUrl: string;
  /** The voucher's print page, `{voucherNo}` replaced. */
  voucherPrintUrl: string;
  /** Where "open e-LAAS" goes before the clerk has used any e-LAAS in this browser. */
  homeUrl: string;
  /** The payments list page (relative to the e-LAAS origin). */
  listUrl: string;
  /** The payment form on บันทึกการจ่ายเงิน: where it is and which ฎีกา it pays. */
  recordForm: {
    form: string;
    /** Elements whose value or text holds the ฎีกา number (the first that does wins). */
    dekaNo: string[];
    payee: string;
    payDate: string;
    netAmount: string;
    /** The dialog e-LAAS shows after a successful save, and texts that say it succeeded. */
    successDialog: string;
    successTexts: string[];
    /** In the dialog: the voucher number (before the change) and e-LAAS' reference. */
    voucherNo: string;
    ref: string;
  };
  pages: Record<Exclude<PageKind, 'other'>, PageRule>;
  selectors: {
    /** Where the page names itself: breadcrumb, then headings. */
    pageTitle: string;
    /** The logged-in e-LAAS user in the top bar. */
    currentUser: string;
    /** Where the login form is (Keycloak). */
    loginForm: string;
    /** Our notice goes at the top of this element (first match), else at the top of <body>. */
    noticeAnchor: string;
    /** The unit (อปท.) in the top bar. */
    currentUnit: string;
  };
}

/** What e-LAAS' JSON API looks like: also all the page-world bridge needs (a smaller script). */
export const DEFAULT_API: ApiProfile = {
  record: { method: 'POST', path: '/api/v1/expenditure/payments$' },
  list: {
    path: '/api/v1/expenditure/payments',
    params: { dateFrom: 'dateFrom', fiscalYear: 'fiscalYear', page: 'page', size: 'size' },
    pageSize: 100,
    maxPages: 5,
  },
  token: { path: '/protocol/openid-connect/token$' },
  envelope: {
    code: 'code',
    message: 'message',
    data: 'data',
    rows: 'rows',
    total: 'total',
    success: ['S'],
  },
  fields: {
    id: ['id'],
    ref: ['ref'],
    dekaNo: ['dekaNo'],
    payee: ['payee'],
    amount: ['netAmount', 'amount'],
    payDate: ['payDate'],
    fiscalYear: ['fiscalYear'],
    status: ['status'],
    voucherNo: ['voucherNo'],
    voucherCreatedAt: ['voucherCreatedAt'],
    failureReason: ['failureReason'],
  },
  statusCodes: {
    AWAITING: 'awaiting',
    PROCESSING: 'processing',
    CREATED: 'created',
    FAILED: 'failed',
    CANCELLED: 'cancelled',
  },
};

export const DEFAULT_PROFILE: SiteProfile = {
  id: 'default-2569-06',
  api: DEFAULT_API,
  listPage: {
    checkUrl: '/payment/list?from={dateFrom}&size=20&page={page}',
    table: 'table',
    headers: {
      dekaNo: ['ฎีกาเลขที่'],
      payee: ['ผู้รับเงิน'],
      amount: ['จำนวนเงิน'],
      payDate: ['วันที่จ่าย'],
      status: ['สถานะ'],
      voucherNo: ['เลขที่ใบผ่านรายการจ่าย'],
      voucherCreatedAt: ['วันเวลาที่สร้างใบผ่าน'],
    },
  },
  statusTexts: {
    รอประมวลผล: 'awaiting',
    อยู่ระหว่างประมวลผล: 'processing',
    สร้างใบผ่านรายการจ่ายแล้ว: 'created',
    ประมวลผลไม่สำเร็จ: 'failed',
    ยกเลิก: 'cancelled',
  },
  voucherUrl: '/#/expenditure/vouchers/{voucherNo}',
  voucherPrintUrl: '/#/expenditure/vouchers/{voucherNo}?print=1',
  // DOMAIN.md: inferred, low confidence.
  homeUrl: 'https://laas.dla.go.th/',
  listUrl: '/#/expenditure/payments',
  recordForm: {
    form: '#payment-form, form[name="paymentForm"]',
    dekaNo: ['input[name="dekaNo"]', 'legend', '.deka-info'],
    payee: '#payee-name, .deka-info strong',
    payDate: 'input[name="payDate"]',
    netAmount: 'input[name="netAmount"]',
    successDialog: '[role="dialog"], .modal',
    successTexts: ['บันทึกการจ่ายเงินเรียบร้อยแล้ว', 'บันทึกข้อมูลสำเร็จ'],
    voucherNo: '.voucher-no',
    ref: '.payment-ref',
  },
  pages: {
    login: {
      urlPatterns: ['/realms/[^/]+/protocol/openid-connect/auth', '#/login\\b'],
      titles: ['กรุณาลงชื่อเข้าใช้เพื่อเข้าสู่ระบบ'],
    },
    'payment-record': {
      urlPatterns: ['#/[\\w/-]*payments?/record\\b', '#/[\\w/-]*payment-record\\b'],
      titles: ['บันทึกการจ่ายเงิน'],
    },
    'payment-list': {
      urlPatterns: ['#/[\\w/-]*payments?(/list)?/?$', '#/[\\w/-]*payment-vouchers?/?$'],
      titles: ['รายการจ่ายเงิน', 'ใบผ่านรายการจ่าย'],
    },
    voucher: {
      urlPatterns: ['#/[\\w/-]*vouchers?/[^/]+$'],
      titles: ['ใบผ่านรายการจ่ายเลขที่'],
    },
  },
  selectors: {
    pageTitle: '[data-page-title], .breadcrumb, nav[aria-label="breadcrumb"], main h1, h1, h2',
    currentUser: '[data-current-user], .current-user, .navbar .user-name',
    loginForm: 'form#kc-form-login, form[action*="login-actions"]',
    noticeAnchor: 'main, #app-content, .content-wrapper',
    currentUnit: '[data-current-unit], .navbar .unit',
  },
};

/** The order in which pages are tried: the most specific first. */
export const PAGE_ORDER: Exclude<PageKind, 'other'>[] = [
  'login',
  'payment-record',
  'voucher',
  'payment-list',
];

/** The absolute address of a voucher's page (or its print page) on an e-LAAS origin. */
export function voucherLink(
  profile: Pick<SiteProfile, 'voucherUrl' | 'voucherPrintUrl'>,
  origin: string,
  voucherNo: string,
  print = false,
): string {
  const pattern = print ? profile.voucherPrintUrl : profile.voucherUrl;
  return new URL(pattern.replace('{voucherNo}', encodeURIComponent(voucherNo)), origin).href;
}
