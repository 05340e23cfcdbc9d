import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import LoginPage from './LoginPage';

const invalidCredentials = {
  code: 'invalid_credentials',
  detail: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  message_vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  message_en: 'Incorrect username or password.',
  errors: [],
  request_id: 'r1',
};

type Handler = (req: Request) => Response | Promise<Response>;

function stubApi(routes: Record<string, Handler>) {
  const seen: Request[] = [];
  vi.stubGlobal('fetch', async (input: Request) => {
    seen.push(input.clone());
    const path = new URL(input.url).pathname;
    const handler = routes[`${input.method} ${path}`];
    return handler ? handler(input) : problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

describe('LoginPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('renders an accessible Vietnamese form once the start-up refresh says there is no session', async () => {
    stubApi({ 'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }) });
    renderPage(<LoginPage />, { path: '/login' });

    expect(await screen.findByLabelText('Tên đăng nhập')).toBeInTheDocument();
    expect(screen.getByLabelText('Mật khẩu')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeEnabled();
    expect(screen.getByRole('button', { name: /English/ })).toBeInTheDocument();
  });

  it('shows the API message for a wrong password, in Vietnamese, and sends Accept-Language', async () => {
    const seen = stubApi({
      'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }),
      'POST /api/v1/auth/login': () => problemResponse(401, invalidCredentials),
    });
    renderPage(<LoginPage />, { path: '/login' });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'hieutruong.cogiang');
    await user.type(screen.getByLabelText('Mật khẩu'), 'sai-mat-khau');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Tên đăng nhập hoặc mật khẩu không đúng.');
    const login = seen.find((r) => r.url.endsWith('/api/v1/auth/login'));
    expect(login?.headers.get('Accept-Language')).toBe('vi');
    expect(await login?.json()).toEqual({ username: 'hieutruong.cogiang', password: 'sai-mat-khau' });
  });

  it('shows the English message after switching language', async () => {
    stubApi({
      'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }),
      'POST /api/v1/auth/login': () => problemResponse(401, invalidCredentials),
    });
    renderPage(<LoginPage />, { path: '/login' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: /English/ }));
    await user.type(await screen.findByLabelText('Username'), 'someone');
    await user.type(screen.getByLabelText('Password'), 'wrong-password1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Incorrect username or password.');
  });

  it('shows how long to wait when login is throttled', async () => {
    stubApi({
      'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }),
      'POST /api/v1/auth/login': () =>
        problemResponse(429, { code: 'too_many_attempts', message_vi: 'Quá nhiều lần đăng nhập sai.', message_en: 'Too many failed attempts.' }, { 'Retry-After': '60' }),
    });
    renderPage(<LoginPage />, { path: '/login' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'admin');
    await user.type(screen.getByLabelText('Mật khẩu'), 'x');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau 60 giây.');
  });

  it('validates required fields before calling the API', async () => {
    const seen = stubApi({ 'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }) });
    renderPage(<LoginPage />, { path: '/login' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Vui lòng nhập tên đăng nhập.')).toBeInTheDocument();
    expect(seen.some((r) => r.url.endsWith('/auth/login'))).toBe(false);
  });

  it('tells the user when the session expired', async () => {
    stubApi({ 'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }) });
    renderPage(<LoginPage />, { path: '/login', state: { reason: 'expired' } });
    expect(await screen.findByText(/Phiên đăng nhập đã hết hạn/)).toBeInTheDocument();
  });

  it('signs in and leaves the login page', async () => {
    stubApi({
      'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }),
      'POST /api/v1/auth/login': () => jsonResponse(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 900 }),
    });
    renderPage(<LoginPage />, { path: '/login' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'admin');
    await user.type(screen.getByLabelText('Mật khẩu'), 'ThiDua@2023');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await waitFor(() => expect(screen.getByText('elsewhere')).toBeInTheDocument());
  });
});
