import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import RegistrationsHomePage from './RegistrationsHomePage';

const cogiang = { id: 'org-cg', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' };
const q1 = { id: 'org-q1', code: 'Q1', name: 'Ủy ban nhân dân Quận 1' };

describe('RegistrationsHomePage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('offers the plans of the authorities above the unit, not its own plan', async () => {
    vi.stubGlobal('fetch', async (input: Request) => {
      const key = `${input.method} ${new URL(input.url).pathname}`;
      if (key === 'POST /api/v1/auth/refresh') return jsonResponse(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 900 });
      if (key === 'GET /api/v1/me')
        return jsonResponse(200, {
          user: { id: 'u1', username: 'hieutruong.cogiang', display_name: 'Nguyễn Thị Minh Hạnh', organization: cogiang },
          organization: cogiang,
          roles: [{ id: 'g1', role: 'unit_head', organization: cogiang }],
          capabilities: ['registrations.submit'],
        });
      if (key === 'GET /api/v1/campaigns')
        return jsonResponse(200, {
          items: [
            { id: 'c175', code: '175/KH-UBND', title: 'Phát động phong trào thi đua cải cách hành chính', organization: q1 },
            { id: 'c112', code: '112/KH-MNCG', title: 'Kế hoạch thi đua của trường', organization: cogiang },
          ],
          total: 2,
          page: 1,
          per_page: 100,
        });
      if (key === 'GET /api/v1/registrations') return jsonResponse(200, { items: [], total: 0, page: 1, per_page: 100 });
      return problemResponse(404, { code: 'not_found' });
    });
    renderPage(<RegistrationsHomePage />, { path: '/registrations' });

    // The unit's own plan (112/KH-MNCG) is not one it registers for.
    const select = await screen.findByRole('combobox', { name: 'Kế hoạch thi đua' });
    await userEvent.click(select);
    const listbox = await screen.findByRole('listbox');
    await within(document.body).findByText(/175\/KH-UBND/);
    expect(within(document.body).queryByText(/112\/KH-MNCG/)).not.toBeInTheDocument();
    expect(listbox).toBeInTheDocument();
  });
});
