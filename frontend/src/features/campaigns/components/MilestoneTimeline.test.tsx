import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import i18n, { changeLanguage } from '@/i18n';
import type { Extension, Milestone } from '../api/campaigns';
import { MilestoneTimeline } from './MilestoneTimeline';

const milestone = (over: Partial<Milestone>): Milestone => ({
  id: 'm',
  kind: 'other',
  title: 'Mốc',
  starts_on: null,
  due_on: '2023-04-22',
  effective_due_on: '2023-04-22',
  days_left: 0,
  late_policy: 'accept_late',
  sort_order: 0,
  etag: '"x.1"',
  ...over,
});

const registration = milestone({ id: 'reg', kind: 'registration', title: 'Đăng ký trực tuyến, tổng hợp danh sách theo Mẫu 1' });
const phase1 = milestone({
  id: 'p1',
  kind: 'phase1_report',
  title: 'Báo cáo kết quả Đợt 1',
  starts_on: '2023-04-26',
  due_on: '2023-06-10',
  effective_due_on: '2023-06-15',
  late_policy: 'refuse',
});
const extension: Extension = {
  id: 'e1',
  milestone_id: 'p1',
  organization: { id: 'cogiang', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' },
  due_on: '2023-06-15',
  reason: 'Đơn vị tổ chức hội diễn',
  granted_by: { id: 'u', display_name: 'Lê Thị Thanh Tâm' },
  created_at: '2023-06-01T00:00:00Z',
  updated_at: '2023-06-01T00:00:00Z',
};

// 10:00 on 20/04/2023 in Hồ Chí Minh City.
const now = new Date('2023-04-20T03:00:00Z');

function renderTimeline() {
  return render(
    <I18nextProvider i18n={i18n}>
      <MilestoneTimeline milestones={[phase1, registration]} extensions={[extension]} unitId="cogiang" now={now} />
    </I18nextProvider>,
  );
}

describe('MilestoneTimeline', () => {
  beforeEach(async () => {
    await changeLanguage('vi');
  });

  it('lists milestones by date with dd/MM/yyyy deadlines, days left and the late policy', () => {
    renderTimeline();
    const items = screen.getAllByRole('article');
    expect(items.map((a) => a.getAttribute('aria-label'))).toEqual([registration.title, phase1.title]);

    const reg = within(items[0]!);
    expect(reg.getByText('Hạn: 22/04/2023')).toBeInTheDocument();
    expect(reg.getByText('còn 2 ngày')).toBeInTheDocument();
    expect(reg.getByText('Đăng ký thi đua')).toBeInTheDocument();
    expect(reg.getByText(/Nhận và đánh dấu trễ hạn/)).toBeInTheDocument();
  });

  it("counts the unit's own extension and shows who got more time and why", () => {
    renderTimeline();
    const p1 = within(screen.getAllByRole('article')[1]!);
    expect(p1.getByText('Từ 26/04/2023 đến 10/06/2023')).toBeInTheDocument();
    expect(p1.getByText('còn 56 ngày')).toBeInTheDocument(); // to 15/06, the extended date
    expect(p1.getByText(/Gia hạn đến 15\/06\/2023 — Trường Mầm non Cô Giang: Đơn vị tổ chức hội diễn/)).toBeInTheDocument();
    expect(p1.getByText(/Không nhận hồ sơ trễ hạn/)).toBeInTheDocument();
  });

  it('marks overdue deadlines and speaks English when asked', async () => {
    await changeLanguage('en');
    render(
      <I18nextProvider i18n={i18n}>
        <MilestoneTimeline milestones={[registration]} extensions={[]} now={new Date('2023-04-23T03:00:00Z')} />
      </I18nextProvider>,
    );
    expect(screen.getByText('1 day overdue')).toBeInTheDocument();
    expect(screen.getByText('Due: 22/04/2023')).toBeInTheDocument();
  });
});
