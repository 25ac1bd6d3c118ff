/** Seed data: units, users, bank accounts and approved, unpaid ฎีกา with realistic Thai payees. */
import { createRandom } from './random';
import type { BankAccount, Deka, Unit, User } from './types';

export const UNITS: Unit[] = [
  { id: 'U4801', name: 'องค์การบริหารส่วนตำบลนาโพธิ์', province: 'นครพนม' },
  { id: 'U4802', name: 'เทศบาลตำบลท่าอุเทน', province: 'นครพนม' },
  { id: 'U4803', name: 'องค์การบริหารส่วนจังหวัดนครพนม', province: 'นครพนม' },
];

/** Demo and test credentials (a simulator only: nothing here is a real account). */
export const SEED_PASSWORD = 'elaas2569';

export const USERS: User[] = [
  {
    username: 'somsri',
    password: SEED_PASSWORD,
    displayName: 'สมศรี ใจดี',
    unitId: 'U4801',
    role: 'finance-officer',
  },
  {
    username: 'somchai',
    password: SEED_PASSWORD,
    displayName: 'สมชาย รักงาน',
    unitId: 'U4801',
    role: 'finance-officer',
  },
  {
    username: 'wilai',
    password: SEED_PASSWORD,
    displayName: 'วิไล ศรีสุข',
    unitId: 'U4801',
    role: 'finance-director',
  },
  {
    username: 'prasit',
    password: SEED_PASSWORD,
    displayName: 'ประสิทธิ์ มั่นคง',
    unitId: 'U4802',
    role: 'finance-officer',
  },
  {
    username: 'kanya',
    password: SEED_PASSWORD,
    displayName: 'กัญญา พรหมมา',
    unitId: 'U4803',
    role: 'finance-officer',
  },
];

export const BANK_ACCOUNTS: BankAccount[] = UNITS.flatMap((u, i) => [
  { no: `020-1-0${i}123-4`, name: 'ธนาคารกรุงไทย ออมทรัพย์ (เงินงบประมาณ)', unitId: u.id },
  { no: `401-6-0${i}789-0`, name: 'ธ.ก.ส. กระแสรายวัน', unitId: u.id },
]);

const PAYEES = [
  'ห้างหุ้นส่วนจำกัด นครพนมวัสดุก่อสร้าง',
  'บริษัท ไทยออฟฟิศซัพพลาย จำกัด',
  'ร้านศรีสุขการค้า',
  'นายสมบัติ แก้วมณี',
  'นางสาวพรทิพย์ วงศ์ไทย',
  'สหกรณ์การเกษตรท่าอุเทน จำกัด',
  'บริษัท อีสานคอมพิวเตอร์ จำกัด',
  'ห้างหุ้นส่วนจำกัด โขงรุ่งเรืองการโยธา',
  'การไฟฟ้าส่วนภูมิภาค สาขานครพนม',
  'นายวีระ ทองดี',
  'ร้านนาโพธิ์พาณิชย์',
  'บริษัท ริมโขงปิโตรเลียม จำกัด',
];

const BUDGET_LINES = [
  'แผนงานบริหารงานทั่วไป งานบริหารทั่วไป ค่าวัสดุสำนักงาน',
  'แผนงานเคหะและชุมชน งานไฟฟ้าถนน ค่าบำรุงรักษาและปรับปรุงที่ดินและสิ่งก่อสร้าง',
  'แผนงานการศึกษา งานระดับก่อนวัยเรียนและประถมศึกษา ค่าอาหารเสริม (นม)',
  'แผนงานสาธารณสุข งานบริการสาธารณสุข ค่าวัสดุวิทยาศาสตร์หรือการแพทย์',
  'แผนงานบริหารงานทั่วไป งานบริหารงานคลัง ค่าสาธารณูปโภค',
  'แผนงานการเกษตร งานส่งเสริมการเกษตร ค่าใช้สอย',
];

/** `count` approved, unpaid ฎีกา per unit for fiscal year `fiscalYear` (B.E.). */
export function seedDekas(fiscalYear: number, count: number, seed = 2569): Deka[] {
  const rnd = createRandom(seed);
  const dekas: Deka[] = [];
  for (const unit of UNITS) {
    for (let i = 1; i <= count; i++) {
      const baht = Math.round(rnd.between(350, 480_000));
      const satang = rnd.next() < 0.6 ? Math.floor(rnd.next() * 100) : 0;
      const month = 1 + Math.floor(rnd.next() * 12);
      dekas.push({
        no: `${100 + i}/${fiscalYear}`,
        unitId: unit.id,
        fiscalYear,
        payee: rnd.pick(PAYEES),
        amount: baht * 100 + satang,
        budgetLine: rnd.pick(BUDGET_LINES),
        approvedOn: `${fiscalYear - 543 - (month >= 10 ? 1 : 0)}-${String(month).padStart(2, '0')}-15`,
      });
    }
  }
  return dekas;
}
