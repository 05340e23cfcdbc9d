import type { ReactElement } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { Me } from '@/lib/auth';
import { menuItems, selectedMenuKey } from './menu';

const t = (k: string) => ({ 'shell.campaigns': 'Kế hoạch thi đua', 'shell.myInitiatives': 'Sáng kiến của tôi', 'shell.unitInitiatives': 'Sáng kiến của đơn vị', 'shell.reports': 'Báo cáo', 'shell.organizations': 'Tổ chức', 'shell.users': 'Người dùng', 'shell.audit': 'Nhật ký hệ thống', 'shell.apiDocs': 'Tài liệu API', 'shell.registrations': 'Bản đăng ký thi đua', 'shell.registrationInbox': 'Hộp thư đăng ký', 'shell.evaluation': 'Đánh giá sáng kiến', 'shell.mySheets': 'Phiếu chấm của tôi', 'awards.menu': 'Khen thưởng', 'awards.nav.mine': 'Khen thưởng của tôi', 'showcase.menu': 'Điển hình tiên tiến', 'showcase.tracking.menu': 'Theo dõi nhân rộng', 'records.menu': 'Xếp loại & kỷ luật' })[k] ?? k;

const me = (capabilities: string[], roles: string[] = []): Me =>
  ({ user: {}, organization: { id: 'o', code: 'O', name: 'Org' }, roles: roles.map((role) => ({ role })), capabilities }) as unknown as Me;

function labels(m: Me, data?: Parameters<typeof menuItems>[2]) {
  render(
    <MemoryRouter>
      <ul>
        {menuItems(m, t, data).map((item) => (
          <li key={String(item?.key)}>{(item as { label: ReactElement }).label}</li>
        ))}
      </ul>
    </MemoryRouter>,
  );
  return screen.getAllByRole('link').map((a) => a.textContent);
}

describe('menuItems', () => {
  it('shows staff the campaigns, the initiatives, their own awards, the showcase and the API reference only', () => {
    expect(labels(me([]))).toEqual(['Kế hoạch thi đua', 'Sáng kiến của tôi', 'Sáng kiến của đơn vị', 'Báo cáo', 'Khen thưởng của tôi', 'Điển hình tiên tiến', 'Tài liệu API']);
  });

  it('adds users for unit heads and organisations for admins, from capabilities', () => {
    expect(labels(me(['users.view', 'users.manage', 'campaigns.create']))).toEqual(['Kế hoạch thi đua', 'Sáng kiến của tôi', 'Sáng kiến của đơn vị', 'Báo cáo', 'Khen thưởng của tôi', 'Điển hình tiên tiến', 'Người dùng', 'Tài liệu API']);
  });

  it('gives admins everything', () => {
    expect(labels(me(['organizations.manage', 'users.view', 'users.manage', 'audit.view']))).toEqual([
      'Kế hoạch thi đua',
      'Sáng kiến của tôi',
      'Sáng kiến của đơn vị',
      'Báo cáo',
      'Khen thưởng của tôi',
      'Điển hình tiên tiến',
      'Tổ chức',
      'Người dùng',
      'Nhật ký hệ thống',
      'Tài liệu API',
    ]);
  });

  it('shows the audit log to whoever may read it', () => {
    expect(labels(me(['audit.view']))).toEqual(['Kế hoạch thi đua', 'Sáng kiến của tôi', 'Sáng kiến của đơn vị', 'Báo cáo', 'Khen thưởng của tôi', 'Điển hình tiên tiến', 'Nhật ký hệ thống', 'Tài liệu API']);
  });

  it('shows the registration to unit heads and focal officers, and the inbox to authority officers', () => {
    expect(labels(me([], ['unit_focal']))).toEqual(['Kế hoạch thi đua', 'Sáng kiến của tôi', 'Sáng kiến của đơn vị', 'Báo cáo', 'Khen thưởng của tôi', 'Điển hình tiên tiến', 'Theo dõi nhân rộng', 'Bản đăng ký thi đua', 'Tài liệu API']);
    cleanup();
    expect(labels(me(['campaigns.extend_deadlines']))).toEqual(['Kế hoạch thi đua', 'Sáng kiến của tôi', 'Sáng kiến của đơn vị', 'Báo cáo', 'Khen thưởng của tôi', 'Điển hình tiên tiến', 'Hộp thư đăng ký', 'Tài liệu API']);
    expect(selectedMenuKey('/registrations/inbox')).toBe('/registrations/inbox');
    expect(selectedMenuKey('/registrations/r1')).toBe('/registrations');
  });

  it('shows the evaluation rounds and the score sheets to those the data says take part', () => {
    expect(labels(me([]), { evaluation: true, mySheets: true })).toEqual([
      'Kế hoạch thi đua',
      'Sáng kiến của tôi',
      'Sáng kiến của đơn vị',
      'Báo cáo',
      'Đánh giá sáng kiến',
      'Phiếu chấm của tôi',
      'Khen thưởng của tôi',
      'Điển hình tiên tiến',
      'Tài liệu API',
    ]);
    cleanup();
    expect(labels(me([]), { evaluation: true, mySheets: false })).toContain('Đánh giá sáng kiến');
    expect(selectedMenuKey('/evaluation/rounds/r1')).toBe('/evaluation');
    expect(selectedMenuKey('/evaluation/new')).toBe('/evaluation');
    expect(selectedMenuKey('/evaluation/sheets')).toBe('/evaluation/sheets');
    expect(selectedMenuKey('/evaluation/sheets/a1')).toBe('/evaluation/sheets');
  });

  it('shows awards to unit heads, authority officers and administrators only', () => {
    const head = labels(me([], ['unit_head']));
    expect(head).toContain('Khen thưởng');
    expect(screen.getByRole('link', { name: 'Khen thưởng' })).toHaveAttribute('href', '/awards');
    cleanup();
    expect(labels(me(['campaigns.extend_deadlines'], ['authority_officer']))).toContain('Khen thưởng');
    cleanup();
    expect(labels(me(['organizations.manage'], ['admin']))).toContain('Khen thưởng');
    cleanup();
    expect(labels(me([], ['staff', 'unit_focal', 'evaluator']))).not.toContain('Khen thưởng');
    expect(selectedMenuKey('/awards/nominations/n1')).toBe('/awards');
    expect(selectedMenuKey('/awards/decisions/new')).toBe('/awards');
  });

  it('shows “Khen thưởng của tôi” to everyone signed in, staff included', () => {
    const staff = labels(me([], ['staff']));
    expect(staff).toContain('Khen thưởng của tôi');
    expect(staff).not.toContain('Khen thưởng');
    expect(screen.getByRole('link', { name: 'Khen thưởng của tôi' })).toHaveAttribute('href', '/awards/mine');
    cleanup();
    for (const role of ['unit_head', 'unit_focal', 'evaluator', 'authority_officer', 'admin']) {
      expect(labels(me([], [role]))).toContain('Khen thưởng của tôi');
      cleanup();
    }
    // A head sees both, the nominations first.
    const head = labels(me([], ['unit_head']));
    expect(head.indexOf('Khen thưởng')).toBe(head.indexOf('Khen thưởng của tôi') - 1);
    // The own awards page is its own entry; the other award pages belong to "Khen thưởng".
    expect(selectedMenuKey('/awards/mine')).toBe('/awards/mine');
    expect(selectedMenuKey('/awards')).toBe('/awards');
    expect(selectedMenuKey('/awards/review')).toBe('/awards');
  });

  it('shows the showcase to everyone signed in, replications to those who track them, records to heads and authorities', () => {
    expect(labels(me([], ['staff']))).toContain('Điển hình tiên tiến');
    expect(screen.getByRole('link', { name: 'Điển hình tiên tiến' })).toHaveAttribute('href', '/showcase');
    expect(screen.queryByRole('link', { name: 'Theo dõi nhân rộng' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Xếp loại & kỷ luật' })).not.toBeInTheDocument();
    cleanup();
    expect(labels(me([], ['unit_focal']))).not.toContain('Xếp loại & kỷ luật');
    cleanup();
    for (const role of ['unit_head', 'authority_officer', 'admin']) {
      const shown = labels(me([], [role]));
      expect(shown).toContain('Theo dõi nhân rộng');
      expect(shown).toContain('Xếp loại & kỷ luật');
      expect(screen.getByRole('link', { name: 'Xếp loại & kỷ luật' })).toHaveAttribute('href', '/records/ratings');
      cleanup();
    }
    expect(labels(me([], ['evaluator']))).not.toContain('Xếp loại & kỷ luật');
    expect(selectedMenuKey('/showcase/m1')).toBe('/showcase');
    expect(selectedMenuKey('/replications/r1')).toBe('/replications');
    expect(selectedMenuKey('/records/violations/v1')).toBe('/records');
    expect(selectedMenuKey('/records/ratings')).toBe('/records');
  });

  it('selects the initiatives entry the page belongs to', () => {
    expect(selectedMenuKey('/initiatives/mine')).toBe('/initiatives/mine');
    expect(selectedMenuKey('/initiatives/new')).toBe('/initiatives/mine');
    expect(selectedMenuKey('/initiatives')).toBe('/initiatives');
    expect(selectedMenuKey('/initiatives/0190-abc')).toBe('/initiatives');
    expect(selectedMenuKey('/campaigns/x')).toBe('/campaigns');
    expect(selectedMenuKey('/reports/0190-abc')).toBe('/reports');
  });

  it('opens the API reference in a new tab', () => {
    labels(me([]));
    const docs = screen.getByRole('link', { name: 'Tài liệu API' });
    expect(docs).toHaveAttribute('href', '/api/docs');
    expect(docs).toHaveAttribute('target', '_blank');
  });
});
