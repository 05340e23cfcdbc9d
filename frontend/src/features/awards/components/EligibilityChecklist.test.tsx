import { cleanup, screen, within } from '@testing-library/react';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { renderPage } from '@/test/render';
import { EligibilityChecklist } from './EligibilityChecklist';
import { acceptedRule, eligibility, formRule, rule, violationRule } from './fixtures.test-data';

const ratingRule = rule({
  code: 'person_rating',
  title_vi: 'Xếp loại năm từ “Hoàn thành tốt nhiệm vụ” trở lên (mục II.2.2)',
  title_en: 'Annual rating “completed tasks well” or higher (§II.2.2)',
  outcome: 'overridden',
  reason_vi: 'Xếp loại năm 2025: Hoàn thành nhiệm vụ.',
  reason_en: 'Rated for 2025: completed tasks.',
  records: [{ kind: 'staff_rating', id: 'sr1', label: 'Năm 2025: Hoàn thành nhiệm vụ' }],
});

const item = (title: string) => {
  const list = screen.getByRole('list', { name: 'Điều kiện khen thưởng' });
  return within(list)
    .getAllByRole('listitem')
    .find((li) => li.textContent?.includes(title)) as HTMLElement;
};

describe('EligibilityChecklist', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(async () => {
    await changeLanguage('vi');
  });

  it('shows each rule green, red or amber with its reason and links to the records it rests on', () => {
    renderPage(
      <EligibilityChecklist
        eligibility={eligibility({
          eligible: true,
          rules: [formRule, acceptedRule, violationRule, ratingRule],
          override: { rule: 'person_rating', reason: 'Có thành tích đột xuất trong phòng chống dịch', by: { id: 'u-nv', display_name: 'Lê Thị Thanh Tâm' }, at: '2025-11-21T03:30:00Z' },
        })}
      />,
    );
    expect(screen.getByText('Đủ điều kiện')).toBeInTheDocument();
    expect(screen.getByText('Xét ngày 20/11/2025, năm thi đua 2025')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Điều kiện khen thưởng' })).getAllByRole('listitem')).toHaveLength(4);

    // Passed: the award form is named, not linked; the round links to its page.
    const form = item(formRule.title_vi);
    expect(within(form).getByText('Đạt')).toBeInTheDocument();
    expect(form).toHaveAttribute('data-outcome', 'pass');
    expect(within(form).getByText(formRule.reason_vi)).toBeInTheDocument();
    expect(within(form).queryByRole('link')).not.toBeInTheDocument();
    expect(within(item(acceptedRule.title_vi)).getByRole('link', { name: 'Hội đồng sáng kiến Trường Mầm non Cô Giang năm 2025' })).toHaveAttribute('href', '/evaluation/rounds/r1');

    // Failed: red, with the violation record to open.
    const violation = item(violationRule.title_vi);
    expect(within(violation).getByText('Không đạt')).toBeInTheDocument();
    expect(violation).toHaveAttribute('data-outcome', 'fail');
    expect(within(violation).getByText(violationRule.reason_vi)).toBeInTheDocument();
    expect(within(violation).getByRole('link', { name: /Lê Thị Thu Trang — Vi phạm quy tắc ứng xử/ })).toHaveAttribute('href', '/records/violations/v1');

    // Overridden: amber, the rating links to the ratings page, and the exception is explained.
    const rating = item(ratingRule.title_vi);
    expect(within(rating).getByText('Ngoại lệ')).toBeInTheDocument();
    expect(within(rating).getByRole('link', { name: 'Năm 2025: Hoàn thành nhiệm vụ' })).toHaveAttribute('href', '/records/ratings');
    expect(screen.getByTestId('override-note')).toHaveTextContent(
      'Ngoại lệ: Xếp loại năm từ “Hoàn thành tốt nhiệm vụ” trở lên (mục II.2.2) — Lý do: Có thành tích đột xuất trong phòng chống dịch, Lê Thị Thanh Tâm, 21/11/2025 10:30',
    );
  });

  it('says when the nominee is not eligible, names a record the caller may not open without a link, and speaks English', async () => {
    const hidden = rule({ ...violationRule, records: [{ kind: 'violation_record', id: null, label: 'Một hồ sơ vi phạm' }] });
    renderPage(<EligibilityChecklist eligibility={eligibility({ eligible: false, rules: [formRule, hidden] })} />);
    expect(screen.getByText('Chưa đủ điều kiện')).toBeInTheDocument();
    expect(item(violationRule.title_vi)).toHaveTextContent('Căn cứ: Một hồ sơ vi phạm');
    expect(within(item(violationRule.title_vi)).queryByRole('link')).not.toBeInTheDocument();

    cleanup();
    await changeLanguage('en');
    renderPage(<EligibilityChecklist eligibility={eligibility({ eligible: false, rules: [violationRule] })} />);
    const list = screen.getByRole('list', { name: 'Award eligibility' });
    expect(within(list).getByText('No violation in the year (§II.3.2)')).toBeInTheDocument();
    expect(within(list).getByText('Failed')).toBeInTheDocument();
    expect(within(list).getByText(violationRule.reason_en)).toBeInTheDocument();
  });
});
