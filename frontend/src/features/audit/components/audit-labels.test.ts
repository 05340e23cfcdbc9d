import i18n, { changeLanguage } from '@/i18n';
import { actionLabel, AUDIT_ACTIONS, entityTypeLabel } from './audit-labels';

describe('actionLabel', () => {
  beforeEach(async () => {
    await changeLanguage('vi');
  });

  it('names known actions in Vietnamese', () => {
    expect(actionLabel(i18n.t, 'auth.login')).toBe('Đăng nhập');
    expect(actionLabel(i18n.t, 'campaign.open')).toBe('Triển khai kế hoạch');
    expect(actionLabel(i18n.t, 'user.grant_role')).toBe('Cấp vai trò');
    expect(actionLabel(i18n.t, 'campaign.milestone_delete')).toBe('Xóa mốc thời gian');
    expect(actionLabel(i18n.t, 'demo.seed')).toBe('Nạp dữ liệu mẫu');
    expect(actionLabel(i18n.t, 'initiative.roadmap_add')).toBe('Thêm bước lộ trình');
    expect(actionLabel(i18n.t, 'registration.submit')).toBe('Gửi bản đăng ký thi đua');
    expect(actionLabel(i18n.t, 'registration.return')).toBe('Trả lại bản đăng ký');
  });

  it('has a label, not the key, for every known action in both languages', async () => {
    for (const lang of ['vi', 'en'] as const) {
      await changeLanguage(lang);
      for (const a of AUDIT_ACTIONS) {
        const label = actionLabel(i18n.t, a);
        expect(label).not.toBe(a);
        expect(label).not.toMatch(/^audit\./);
      }
    }
  });

  it('falls back to the raw code for actions it does not know', () => {
    expect(actionLabel(i18n.t, 'campaign.teleport')).toBe('campaign.teleport');
    expect(actionLabel(i18n.t, 'campaign')).toBe('campaign');
    expect(actionLabel(i18n.t, 'auth.')).toBe('auth.');
    expect(actionLabel(i18n.t, '')).toBe('');
  });

  it('speaks English when asked', async () => {
    await changeLanguage('en');
    expect(actionLabel(i18n.t, 'auth.logout')).toBe('Signed out');
    expect(actionLabel(i18n.t, 'registration.receive')).toBe('Received registration');
    expect(actionLabel(i18n.t, 'initiative.withdraw')).toBe('Withdrew initiative');
  });
});

describe('entityTypeLabel', () => {
  it('translates known entity types and keeps unknown ones', async () => {
    await changeLanguage('vi');
    expect(entityTypeLabel(i18n.t, 'campaign')).toBe('Kế hoạch thi đua');
    expect(entityTypeLabel(i18n.t, 'system')).toBe('Hệ thống');
    expect(entityTypeLabel(i18n.t, 'initiative')).toBe('Sáng kiến');
    expect(entityTypeLabel(i18n.t, 'registration')).toBe('Bản đăng ký thi đua');
    expect(entityTypeLabel(i18n.t, 'dossier')).toBe('dossier');
  });
});
