/** The Thai texts of the simulated e-LAAS (DOMAIN.md glossary; inferred where it says so). */
import type { PaymentMethod, PaymentStatus } from './types';

export const STATUS_TH: Record<PaymentStatus, string> = {
  awaiting: 'รอประมวลผล',
  processing: 'อยู่ระหว่างประมวลผล',
  created: 'สร้างใบผ่านรายการจ่ายแล้ว',
  failed: 'ประมวลผลไม่สำเร็จ',
  cancelled: 'ยกเลิก',
};

/** The "reworded" page variant: how a later e-LAAS release might phrase the same statuses. */
export const STATUS_TH_REWORDED: Record<PaymentStatus, string> = {
  awaiting: 'รอดำเนินการ',
  processing: 'กำลังประมวลผล',
  created: 'ออกใบผ่านรายการจ่ายแล้ว',
  failed: 'ไม่สำเร็จ',
  cancelled: 'ยกเลิกแล้ว',
};

export const METHOD_TH: Record<PaymentMethod, string> = { cheque: 'เช็ค', transfer: 'โอนเงิน' };

export const FAILURE_REASONS = [
  'งบประมาณคงเหลือไม่เพียงพอ',
  'รหัสบัญชีเงินฝากธนาคารไม่ตรงกับทะเบียน',
  'ระบบบัญชีแยกประเภทไม่ตอบสนอง กรุณาตรวจสอบและบันทึกใหม่',
] as const;

export const DUPLICATE_REASON = (dekaNo: string) => `ฎีกาเลขที่ ${dekaNo} มีการจ่ายเงินแล้ว (รายการซ้ำ)`;
