import { screen } from '@testing-library/react';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { problemResponse, renderPage } from '@/test/render';
import { PublicLayout } from './PublicLayout';

describe('PublicLayout', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
    // No refresh cookie: the visitor has no session, and is not sent anywhere.
    vi.stubGlobal('fetch', async () => problemResponse(401, { code: 'unauthorized' }));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('gives a visitor the app’s name and a sign-in link, without sending them to the login page', async () => {
    renderPage(<PublicLayout shell={<div>app shell</div>} />, { path: '/showcase', route: '/showcase?q=so%20lien%20lac' });
    const login = await screen.findByRole('link', { name: /Đăng nhập/ });
    expect(login).toHaveAttribute('href', '/login');
    expect(screen.getByRole('link', { name: 'Thi đua CCHC' })).toHaveAttribute('href', '/showcase');
    expect(screen.queryByText('app shell')).not.toBeInTheDocument();
    expect(screen.queryByText('elsewhere')).not.toBeInTheDocument();
  });

  it('keeps someone signed in inside the app’s shell, with its menu', async () => {
    session.setToken('tok');
    renderPage(<PublicLayout shell={<div>app shell</div>} />, { path: '/showcase' });
    expect(await screen.findByText('app shell')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Đăng nhập/ })).not.toBeInTheDocument();
  });
});
