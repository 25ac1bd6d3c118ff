import { describe, expect, it } from 'vitest';
import { translator } from '../../core/i18n';
import { buildNotice, noticeVersion, noticeVisible } from '../../core/notice';
import { defaultSettings, type Settings } from '../../core/settings';

const notice = (s: Settings, now: number) => buildNotice(s, now, translator(s.language));

const JUNE_1 = Date.parse('2026-06-01T03:00:00Z');
const JUNE_10 = Date.parse('2026-06-09T17:00:00Z');
const settings = (patch: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...patch });

describe('the change notice', () => {
  it('counts down before the change and says "in effect" from the day', () => {
    const before = notice(settings(), JUNE_1);
    expect(before).toMatchObject({
      phase: 'before',
      daysLeft: 9,
      status: 'อีก 9 วัน',
      startsOn: 'เริ่มมีผล 10 มิ.ย. 2569',
    });
    const after = notice(settings(), JUNE_10);
    expect(after).toMatchObject({
      phase: 'in-effect',
      daysLeft: 0,
      status: 'มีผลตั้งแต่ 10 มิ.ย. 2569',
      startsOn: '',
    });
  });

  it('follows the language, Thai digits and the effective-date setting', () => {
    expect(notice(settings({ language: 'en' }), JUNE_1).status).toBe('9 days to go');
    const thai = notice(settings({ thaiDigits: true }), JUNE_1);
    expect(thai.status).toBe('อีก ๙ วัน');
    expect(thai.summary).toBe('ตั้งแต่ ๑๐ มิ.ย. ๒๕๖๙ ใบผ่านรายการจ่ายจะสร้างภายหลังการบันทึกการจ่ายเงิน');
    const moved = notice(settings({ changeEffectiveDate: '2026-07-01' }), JUNE_10);
    expect(moved.status).toBe('อีก 21 วัน');
    expect(notice(settings({ changeEffectiveDate: '2027-07-01' }), JUNE_10).status).toBe('อีก 386 วัน');
  });

  it("uses the admin's text as plain paragraphs, falling back to the other language", () => {
    const s = settings({ noticeTextTh: 'ย่อหน้าแรก\n\nย่อหน้าที่สอง <script>x</script>' });
    expect(notice(s, JUNE_1).customText).toEqual(['ย่อหน้าแรก', 'ย่อหน้าที่สอง <script>x</script>']);
    expect(notice({ ...s, language: 'en' }, JUNE_1).customText).toHaveLength(2);
    expect(notice(settings(), JUNE_1).customText).toEqual([]);
  });

  it('gets a new version whenever what it says changes, and only then', () => {
    const base = noticeVersion(settings());
    expect(base).toMatch(/^[0-9a-f]{8}$/);
    expect(noticeVersion(settings({ language: 'en', thaiDigits: true }))).toBe(base);
    expect(noticeVersion(settings({ noticeTextTh: 'ใหม่' }))).not.toBe(base);
    expect(noticeVersion(settings({ noticeTextEn: 'new' }))).not.toBe(base);
    expect(noticeVersion(settings({ changeEffectiveDate: '2026-07-01' }))).not.toBe(base);
    expect(noticeVersion(settings({ noticeManualUrl: 'https://example.org/manual' }))).not.toBe(base);
  });

  it('is visible until this version is dismissed, unless policy forbids dismissing or hides it', () => {
    const s = settings();
    expect(noticeVisible(s, null)).toBe(true);
    expect(noticeVisible(s, noticeVersion(s))).toBe(false);
    expect(noticeVisible(s, '00000000')).toBe(true);
    expect(noticeVisible(settings({ noticeDismissible: false }), noticeVersion(s))).toBe(true);
    expect(noticeVisible(settings({ noticeShown: false }), null)).toBe(false);
  });
});
