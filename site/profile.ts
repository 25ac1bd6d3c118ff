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

export interface SiteProfile {
  /** A date-stamped name, shown in diagnostics. */
  id: string;
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
  };
}

export const DEFAULT_PROFILE: SiteProfile = {
  id: 'default-2569-06',
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
  },
};

/** The order in which pages are tried: the most specific first. */
export const PAGE_ORDER: Exclude<PageKind, 'other'>[] = [
  'login',
  'payment-record',
  'voucher',
  'payment-list',
];
