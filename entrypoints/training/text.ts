/** The training page's own words, Thai first. (The overlay on it speaks its own catalog.) */
import type { Lang } from '../../core/dates';
import { interpolate } from '../../core/i18n';

const th = {
  title: 'ฝึกใช้งาน: การบันทึกการจ่ายเงินหลังวันที่ 10 มิ.ย. 2569',
  intro:
    'หน้านี้จำลองระบบ New e-LAAS ไว้ฝึกและสาธิต ไม่ต้องใช้บัญชี e-LAAS ไม่มีข้อมูลใดส่งออกไปนอกเบราว์เซอร์ และไม่ปนกับรายการจริงของคุณ',
  disabled: 'หน่วยงานของคุณปิดการฝึกใช้งานไว้ ติดต่อผู้ดูแลระบบหากต้องการใช้',
  steps: 'ขั้นตอน',
  step: 'ขั้นที่ {n} จาก {total}',
  next: 'ขั้นต่อไป',
  previous: 'ย้อนกลับ',
  restart: 'เริ่มใหม่ทั้งหมด',
  done: 'ทำแล้ว',
  todo: 'สิ่งที่ต้องทำ',
  whatToDo: 'ควรทำอย่างไร',
  presenter: 'ควบคุมการสาธิต',
  period: 'ช่วงเวลา',
  before: 'ก่อน 10 มิ.ย. 2569',
  after: 'ตั้งแต่ 10 มิ.ย. 2569',
  speed: 'ความเร็วของเวลาในระบบจำลอง',
  failNext: 'ให้รายการถัดไปประมวลผลไม่สำเร็จ',
  failQueued: 'รายการถัดไปจะไม่สำเร็จ ({n})',
  monthEnd: 'ช่วงสิ้นเดือน สิ้นปีงบประมาณ (ประมวลผลช้าเป็นชั่วโมง)',
  skip30: 'ข้ามเวลาไป 30 นาที',
  bigText: 'ตัวอักษรใหญ่สำหรับจอฉาย',
  reset: 'ล้างข้อมูลฝึก',
  handout: 'พิมพ์เอกสารสรุป',
  language: 'English',
  simTime: 'เวลาในระบบจำลอง',
  toolbar: 'แถบเครื่องมือของเบราว์เซอร์ (จำลอง)',
  stage: 'ระบบ e-LAAS จำลอง',
  badgeNone: 'ไม่มีรายการที่รอ',
  notification: 'การแจ้งเตือน (จำลอง)',
  close: 'ปิด',
  s1Title: 'ก่อนวันที่ 10 มิ.ย. 2569: ได้ใบผ่านรายการจ่ายทันที',
  s1Body:
    'เลือกช่วงเวลา "ก่อน 10 มิ.ย. 2569" แล้วไปที่ บันทึกการจ่ายเงิน เลือกฎีกา 1 รายการ แล้วกด บันทึก ระบบแสดงเลขที่ใบผ่านรายการจ่ายทันทีเหมือนที่คุ้นเคย',
  s1Do: 'จดเลขที่ใบผ่านรายการจ่ายไว้ได้เลย',
  s2Title: 'ตั้งแต่วันที่ 10 มิ.ย. 2569: ใบผ่านรายการจ่ายมาทีหลัง',
  s2Body:
    'เปลี่ยนเป็น "ตั้งแต่ 10 มิ.ย. 2569" แล้วบันทึกการจ่ายเงินอีก 1 รายการ ระบบตอบว่าอยู่ระหว่างประมวลผล ยังไม่มีเลขที่ใบผ่านรายการจ่าย แผงติดตามด้านบนแสดงรายการว่า รอประมวลผล',
  s2Do: 'ไม่ต้องรีเฟรชหรือบันทึกซ้ำ แผงติดตามจะตรวจสอบให้เอง',
  s3Title: 'รอใบผ่านรายการจ่าย: แผงติดตาม ตัวเลขบนไอคอน และการแจ้งเตือน',
  s3Body:
    'ดูแผงติดตาม: สถานะเปลี่ยนจาก รอประมวลผล เป็น อยู่ระหว่างประมวลผล แล้วเป็น สร้างใบผ่านรายการจ่ายแล้ว พร้อมเลขที่และลิงก์ ตัวเลขบนไอคอนลดลง และมีการแจ้งเตือนเมื่อสร้างเสร็จ',
  s3Do: 'เปิดใบผ่านรายการจ่ายจากลิงก์ในแผงติดตาม หรือพิมพ์ได้ทันที',
  s4Title: 'เมื่อประมวลผลไม่สำเร็จ',
  s4Body:
    'กด "ให้รายการถัดไปประมวลผลไม่สำเร็จ" แล้วบันทึกการจ่ายเงินอีก 1 รายการ แผงติดตามแสดงว่า ประมวลผลไม่สำเร็จ พร้อมสาเหตุจาก e-LAAS',
  s4Do: 'อ่านสาเหตุ แก้ไขตามนั้น (เช่น ตรวจสอบงบประมาณหรือบัญชี) แล้วจึงบันทึกใหม่ หากไม่แน่ใจให้ติดต่อผู้อำนวยการกองคลัง',
  s5Title: 'เมื่อรอนานเกินกำหนด',
  s5Body:
    'เปิด "ช่วงสิ้นเดือน สิ้นปีงบประมาณ" แล้วบันทึกอีก 1 รายการ กด "ข้ามเวลาไป 30 นาที" เมื่อรอนานกว่า 30 นาที แผงติดตามจะแสดง เกินกำหนด',
  s5Do: 'อย่าบันทึกซ้ำ ตรวจดูหน้ารายการจ่ายเงิน หากยังไม่มีความคืบหน้าให้แจ้งผู้ดูแลระบบ e-LAAS ของจังหวัด',
  s6Title: 'อย่าบันทึกการจ่ายเงินซ้ำ',
  s6Body: 'ขณะที่รายการยังรอใบผ่านรายการจ่าย ลองบันทึกฎีกาเดิมอีกครั้ง ส่วนขยายจะเตือนก่อนบันทึก และบอกว่ารายการเดิมอยู่ในสถานะใด',
  s6Do: 'เลือก "ไม่บันทึก" แล้วรอผลของรายการเดิม การบันทึกซ้ำทำให้จ่ายเงินซ้ำได้',
  hTitle: 'สรุป: การบันทึกการจ่ายเงินใน New e-LAAS ตั้งแต่วันที่ 10 มิถุนายน 2569',
  hChange:
    'ตั้งแต่วันที่ 10 มิ.ย. 2569 เมื่อบันทึกการจ่ายเงิน ระบบจะประมวลผลและสร้างใบผ่านรายการจ่ายภายหลัง ไม่ได้เลขที่ใบผ่านรายการจ่ายทันทีเหมือนเดิม',
  hStatuses: 'ความหมายของสถานะ',
  hAwaiting: 'บันทึกแล้ว รอระบบประมวลผล',
  hProcessing: 'ระบบกำลังสร้างใบผ่านรายการจ่าย',
  hCreated: 'ได้เลขที่ใบผ่านรายการจ่ายแล้ว พิมพ์ได้',
  hFailed: 'ไม่สำเร็จ ดูสาเหตุ แก้ไข แล้วบันทึกใหม่',
  hOverdue: 'รอนานเกินกำหนด ตรวจสอบและแจ้งผู้ดูแล อย่าบันทึกซ้ำ',
  hRules: 'ข้อควรปฏิบัติ',
  hRule1: 'บันทึกแต่ละฎีกาครั้งเดียว แล้วรอผล',
  hRule2: 'เปิด e-LAAS ไว้ ส่วนขยายติดตามสถานะและแจ้งเตือนให้เอง',
  hRule3: 'เมื่อไม่สำเร็จ อ่านสาเหตุก่อนบันทึกใหม่',
};

const en: Record<keyof typeof th, string> = {
  title: 'Practice: recording payments after 10 June 2026',
  intro:
    'This page simulates New e-LAAS for practice and demonstrations. No e-LAAS account is needed, nothing leaves the browser, and nothing mixes with your real records.',
  disabled: 'Your organisation has switched training off. Ask your IT admin if you need it.',
  steps: 'Steps',
  step: 'Step {n} of {total}',
  next: 'Next step',
  previous: 'Back',
  restart: 'Start over',
  done: 'Done',
  todo: 'What to do',
  whatToDo: 'What a clerk should do',
  presenter: 'Presenter controls',
  period: 'Period',
  before: 'Before 10 June 2026',
  after: 'From 10 June 2026',
  speed: 'Speed of simulated time',
  failNext: 'Make the next payment fail',
  failQueued: 'The next payment will fail ({n})',
  monthEnd: 'Month-end, year-end (processing takes hours)',
  skip30: 'Skip 30 minutes ahead',
  bigText: 'Large text for projectors',
  reset: 'Clear practice data',
  handout: 'Print the handout',
  language: 'ไทย',
  simTime: 'Simulated time',
  toolbar: 'Browser toolbar (simulated)',
  stage: 'Simulated e-LAAS',
  badgeNone: 'Nothing waiting',
  notification: 'Notification (simulated)',
  close: 'Close',
  s1Title: 'Before 10 June 2026: the voucher at once',
  s1Body:
    'Choose "Before 10 June 2026", go to บันทึกการจ่ายเงิน (record payment), pick a request and save. The voucher number shows at once, as clerks are used to.',
  s1Do: 'Note the voucher number straight away.',
  s2Title: 'From 10 June 2026: the voucher comes later',
  s2Body:
    'Switch to "From 10 June 2026" and record another payment. e-LAAS says it is processing: no voucher number yet. The panel at the top shows the payment as awaiting.',
  s2Do: 'Do not refresh or record again: the panel checks for you.',
  s3Title: 'Waiting for the voucher: panel, badge and notification',
  s3Body:
    'Watch the panel: awaiting, then processing, then created, with the number and a link. The badge on the icon counts down, and a notification says when it is done.',
  s3Do: 'Open or print the voucher from the panel.',
  s4Title: 'When processing fails',
  s4Body:
    'Press "Make the next payment fail" and record another payment. The panel shows it failed, with e-LAAS\' reason.',
  s4Do: 'Read the reason, fix what it says (budget, account), then record again. If unsure, ask the finance director.',
  s5Title: 'When it takes too long',
  s5Body:
    'Turn on "Month-end, year-end", record another payment and press "Skip 30 minutes ahead". After 30 minutes of waiting the panel marks it overdue.',
  s5Do: "Do not record it again. Check the payments list; if nothing moves, tell your province's e-LAAS admin.",
  s6Title: 'Never record a payment twice',
  s6Body:
    'While a payment still waits for its voucher, try to record the same request again. The extension warns before saving and says where the first one stands.',
  s6Do: 'Choose not to record, and wait for the first one. Recording twice can pay twice.',
  hTitle: 'Summary: recording payments in New e-LAAS from 10 June 2026',
  hChange:
    'From 10 June 2026, when a payment is recorded e-LAAS processes it and creates the payment voucher later, instead of giving the voucher number at once.',
  hStatuses: 'What each status means',
  hAwaiting: 'Recorded, waiting for processing',
  hProcessing: 'e-LAAS is creating the voucher',
  hCreated: 'The voucher exists; it can be printed',
  hFailed: 'Failed: read the reason, fix it, record again',
  hOverdue: 'Waiting too long: check and report; do not record again',
  hRules: 'Good practice',
  hRule1: 'Record each request once, then wait for the result.',
  hRule2: 'Keep e-LAAS open: the extension follows and notifies you.',
  hRule3: 'When it fails, read the reason before recording again.',
};

export type TrainingKey = keyof typeof th;
const CATALOGS: Record<Lang, Record<TrainingKey, string>> = { th, en };

export function trainingText(lang: Lang) {
  return (key: TrainingKey, params?: Record<string, string | number>) =>
    interpolate(CATALOGS[lang][key], params);
}
export type TrainingT = ReturnType<typeof trainingText>;
