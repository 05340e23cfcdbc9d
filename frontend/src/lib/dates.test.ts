import { formatDateTime, formatDateTimeMinutes, vietnamDayEnd, vietnamDayStart } from './dates';

describe('formatDateTime', () => {
  it('shows an instant as dd/MM/yyyy HH:mm:ss in Vietnam time', () => {
    expect(formatDateTime('2023-04-20T03:00:00Z')).toBe('20/04/2023 10:00:00');
    expect(formatDateTime('2023-12-31T17:30:05.123Z')).toBe('01/01/2024 00:30:05');
    expect(formatDateTime('2023-04-20T10:00:00+07:00')).toBe('20/04/2023 10:00:00');
  });

  it('leaves empty or unparsable values alone', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('formatDateTimeMinutes', () => {
  it('shows an instant as dd/MM/yyyy HH:mm in Vietnam time', () => {
    expect(formatDateTimeMinutes('2023-04-20T03:00:59Z')).toBe('20/04/2023 10:00');
    expect(formatDateTimeMinutes('2023-12-31T17:30:05Z')).toBe('01/01/2024 00:30');
    expect(formatDateTimeMinutes(undefined)).toBe('');
  });
});

describe('Vietnamese day bounds', () => {
  it('starts a day at midnight UTC+7 and ends it at the next midnight (exclusive)', () => {
    expect(vietnamDayStart('2023-04-01')).toBe('2023-04-01T00:00:00+07:00');
    expect(vietnamDayEnd('2023-04-30')).toBe('2023-05-01T00:00:00+07:00');
    expect(vietnamDayEnd('2023-12-31')).toBe('2024-01-01T00:00:00+07:00');
    expect(vietnamDayEnd('2024-02-28')).toBe('2024-02-29T00:00:00+07:00');
  });
});
