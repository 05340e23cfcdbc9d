import { ApiError, errorMessage, fieldPath, formFieldErrors, problemMessage } from './problem';

const wrongPassword = {
  type: 'https://thidua.example/problems/invalid_credentials',
  title: 'Sai thông tin đăng nhập',
  status: 401,
  detail: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  code: 'invalid_credentials',
  message_vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  message_en: 'Incorrect username or password.',
  errors: [],
  request_id: 'abc',
};

const texts = { generic: 'generic', network: 'network' };

describe('problemMessage', () => {
  it('picks the message written for the UI language', () => {
    expect(problemMessage(wrongPassword, 'vi', 'x')).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(problemMessage(wrongPassword, 'en', 'x')).toBe('Incorrect username or password.');
  });

  it('falls back to detail, then title, then the other language, then the fallback', () => {
    expect(problemMessage({ detail: 'Chi tiết', title: 'Tiêu đề', message_en: 'E' }, 'vi', 'x')).toBe('Chi tiết');
    expect(problemMessage({ title: 'Tiêu đề', message_en: 'E' }, 'vi', 'x')).toBe('Tiêu đề');
    expect(problemMessage({ message_en: 'English only', message_vi: '' }, 'vi', 'x')).toBe('English only');
    expect(problemMessage({}, 'vi', 'fallback')).toBe('fallback');
    expect(problemMessage(null, 'en', 'fallback')).toBe('fallback');
  });
});

describe('errorMessage', () => {
  it('handles API errors, network failures and anything else', () => {
    expect(errorMessage(new ApiError(401, wrongPassword), 'vi', texts)).toBe(wrongPassword.message_vi);
    expect(errorMessage(new ApiError(502, '<html>Bad gateway</html>'), 'vi', texts)).toBe('generic');
    expect(errorMessage(new TypeError('Failed to fetch'), 'en', texts)).toBe('network');
    expect(errorMessage(new Error('bug'), 'en', texts)).toBe('generic');
  });
});

describe('ApiError', () => {
  it('keeps the status, code and Retry-After', () => {
    const e = new ApiError(429, { ...wrongPassword, code: 'too_many_attempts', status: 429 }, '30');
    expect(e.status).toBe(429);
    expect(e.code).toBe('too_many_attempts');
    expect(e.retryAfter).toBe(30);
    expect(new ApiError(500, null).retryAfter).toBeNull();
  });
});

describe('form field errors', () => {
  it('turns API field names into antd name paths', () => {
    expect(fieldPath('username')).toEqual(['username']);
    expect(fieldPath('milestones[1].due_on')).toEqual(['milestones', 1, 'due_on']);
    expect(fieldPath('milestones.0.title')).toEqual(['milestones', 0, 'title']);
  });

  it('groups messages per field and ignores anything that is not an API error', () => {
    const e = new ApiError(422, {
      code: 'validation_failed',
      errors: [
        { field: 'username', code: 'taken', message: 'Tên đăng nhập đã tồn tại.' },
        { field: 'password', code: 'too_short', message: 'Quá ngắn.' },
        { field: 'password', code: 'no_digit', message: '' },
      ],
    });
    expect(formFieldErrors(e)).toEqual([
      { name: ['username'], errors: ['Tên đăng nhập đã tồn tại.'] },
      { name: ['password'], errors: ['Quá ngắn.', 'no_digit'] },
    ]);
    expect(formFieldErrors(new Error('x'))).toEqual([]);
  });
});
