import { daysUntil, deadlineState, formatDate, hasEnded, vietnamToday } from './deadline';

describe('vietnamToday', () => {
  it('uses the Vietnam calendar day, not UTC', () => {
    // 17:30 UTC on 21 April is already 00:30 on 22 April in Hồ Chí Minh City (UTC+7).
    expect(vietnamToday(new Date('2023-04-21T17:30:00Z'))).toBe('2023-04-22');
    expect(vietnamToday(new Date('2023-04-21T16:59:59Z'))).toBe('2023-04-21');
  });
});

describe('daysUntil', () => {
  const now = new Date('2023-04-20T03:00:00Z'); // 10:00 on 20/04/2023 in Vietnam

  it('counts whole calendar days to the deadline', () => {
    expect(daysUntil('2023-04-22', now)).toBe(2);
    expect(daysUntil('2023-06-10', now)).toBe(51);
  });

  it('is zero on the day and negative after it', () => {
    expect(daysUntil('2023-04-20', now)).toBe(0);
    expect(daysUntil('2023-04-19', now)).toBe(-1);
  });

  it('crosses month and year ends and leap days', () => {
    expect(daysUntil('2024-03-01', new Date('2024-02-28T12:00:00Z'))).toBe(2);
    expect(daysUntil('2024-01-01', new Date('2023-12-31T16:59:00Z'))).toBe(1);
    expect(daysUntil('2024-01-01', new Date('2023-12-31T17:00:00Z'))).toBe(0);
  });

  it('rejects anything that is not an ISO date', () => {
    expect(() => daysUntil('22/04/2023', now)).toThrow(RangeError);
  });
});

describe('deadlineState', () => {
  const now = new Date('2023-04-22T01:00:00Z');
  it('classifies upcoming, today and overdue', () => {
    expect(deadlineState('2023-04-25', now)).toEqual({ kind: 'upcoming', days: 3 });
    expect(deadlineState('2023-04-22', now)).toEqual({ kind: 'today', days: 0 });
    expect(deadlineState('2023-04-12', now)).toEqual({ kind: 'overdue', days: 10 });
  });
});

describe('formatDate', () => {
  it('formats ISO dates as dd/MM/yyyy', () => {
    expect(formatDate('2023-04-22')).toBe('22/04/2023');
    expect(formatDate('2023-12-05T10:00:00Z')).toBe('05/12/2023');
    expect(formatDate(null)).toBe('');
  });
});

describe('hasEnded', () => {
  it('marks an organisation abolished after its valid_to day', () => {
    expect(hasEnded('2025-06-30', new Date('2025-06-30T16:00:00Z'))).toBe(false);
    expect(hasEnded('2025-06-30', new Date('2025-06-30T17:00:00Z'))).toBe(true);
    expect(hasEnded(null)).toBe(false);
  });
});
