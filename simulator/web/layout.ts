/** The page frame both designs share: top bar, side menu, main area (design B renders it). */
import type { Unit, User } from '../model/types';
import { html, type Raw } from './http';

export const THAI_DIGITS = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));

export interface Frame {
  title: string;
  breadcrumb: string[];
  user: User;
  unit: Unit;
  fiscalYear: number;
  links: { home: string; record: string; list: string; logout: string };
  body: Raw;
}

export function page(title: string, body: Raw, extraHead: Raw = html``): string {
  return html`<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - New e-LAAS (จำลอง)</title>
<link rel="stylesheet" href="/static/elaas.css">
${extraHead}
</head>
<body>${body}</body>
</html>`.html;
}

export function frame(f: Frame): string {
  return page(
    f.title,
    html`<header class="navbar">
  <span class="brand">New e-LAAS <small>ระบบจำลองสำหรับทดสอบ</small></span>
  <span class="unit">${f.unit.name}</span>
  <span class="fiscal-year">ปีงบประมาณ ${THAI_DIGITS(String(f.fiscalYear))}</span>
  <span class="user-name">${f.user.displayName}</span>
  <a class="logout" href="${f.links.logout}">ออกจากระบบ</a>
</header>
<div class="layout">
  <nav class="sidebar" aria-label="เมนูหลัก">
    <a href="${f.links.home}">หน้าหลัก</a>
    <span class="menu-group">ระบบรายจ่าย</span>
    <a href="${f.links.record}">บันทึกการจ่ายเงิน</a>
    <a href="${f.links.list}">รายการจ่ายเงิน / ใบผ่านรายการจ่าย</a>
  </nav>
  <main id="content">
    <nav aria-label="breadcrumb" class="breadcrumb">${f.breadcrumb.join(' > ')}</nav>
    <h1>${f.title}</h1>
    ${f.body}
  </main>
</div>`,
  );
}

export function maintenancePage(): string {
  return page(
    'ระบบปิดปรับปรุง',
    html`<main class="maintenance"><h1>ระบบปิดปรับปรุง</h1>
<p>ขณะนี้ระบบบัญชีคอมพิวเตอร์ขององค์กรปกครองส่วนท้องถิ่น (e-LAAS) ปิดปรับปรุงชั่วคราว กรุณาเข้าใช้งานใหม่ภายหลัง</p></main>`,
  );
}

/** The Keycloak-style login page (design A's SSO realm, and design B's own login). */
export function loginPage(
  action: string,
  error: string | null,
  notice: string | null,
  username = '',
): string {
  return page(
    'เข้าสู่ระบบ',
    html`<div class="login-wrap">
<div class="login-card" id="kc-content">
  <h1 id="kc-page-title">กรมส่งเสริมการปกครองท้องถิ่น</h1>
  <p class="login-prompt">กรุณาลงชื่อเข้าใช้เพื่อเข้าสู่ระบบ</p>
  ${notice ? html`<p class="login-notice" role="status">${notice}</p>` : ''}
  ${error ? html`<p class="login-error" role="alert" id="input-error">${error}</p>` : ''}
  <form id="kc-form-login" method="post" action="${action}">
    <label for="username">ชื่อผู้ใช้งาน</label>
    <input id="username" name="username" autocomplete="username" value="${username}" autofocus>
    <label for="password">รหัสผ่าน</label>
    <input id="password" name="password" type="password" autocomplete="current-password">
    <button id="kc-login" type="submit">เข้าสู่ระบบ</button>
  </form>
  <p class="login-alt">หรือ <span class="thaid">เข้าสู่ระบบด้วย ThaiD</span> (ไม่มีในระบบจำลอง)</p>
</div>
</div>`,
  );
}

export const LOGIN_ERROR = 'กรุณาตรวจสอบรหัสผู้ใช้หรือรหัสผ่านให้ถูกต้อง';
export const SESSION_EXPIRED = 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบใหม่';
