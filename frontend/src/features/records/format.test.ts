import type { StaffRating } from './api/records';
import { defaultRecordsYear, parseYear, ratingsByPerson, yearOptions } from './format';

const rating = (over: Partial<StaffRating>): StaffRating => ({
  id: 'sr',
  person: { id: 'u1', display_name: 'Lý Thị Mỹ Duyên', position: 'Giáo viên', organization: { id: 'o', code: 'O', name: 'Trường Mầm non Cô Giang' } },
  year: 2023,
  period: 'year',
  rating: 'good',
  rating_label_vi: 'Hoàn thành tốt nhiệm vụ',
  note: null,
  recorded_by: 'u-ht',
  updated_at: '2024-01-10T02:00:00Z',
  ...over,
});

describe('records format', () => {
  it('opens on the previous year in Vietnam, whatever the browser’s time zone', () => {
    // 31/12/2024 18:00 UTC is already 1/1/2025 in Vietnam.
    expect(defaultRecordsYear(new Date('2024-12-31T18:00:00Z'))).toBe(2024);
    expect(defaultRecordsYear(new Date('2024-06-01T00:00:00Z'))).toBe(2023);
  });

  it('offers recent years, keeping one chosen further back', () => {
    const now = new Date('2024-06-01T00:00:00Z');
    expect(yearOptions(2023, now).slice(0, 3)).toEqual([2025, 2024, 2023]);
    expect(yearOptions(2005, now)).toContain(2005);
    expect(parseYear('2023')).toBe(2023);
    expect(parseYear('1999')).toBeNull();
    expect(parseYear('abc')).toBeNull();
  });

  it('groups a year’s ratings by person and period', () => {
    const map = ratingsByPerson(
      [rating({ id: 'a' }), rating({ id: 'b', period: 'q2', rating: 'excellent' }), rating({ id: 'c', year: 2022 }), rating({ id: 'd', person: { ...rating({}).person, id: 'u2' } })],
      2023,
    );
    expect(map.get('u1')?.year?.id).toBe('a');
    expect(map.get('u1')?.q2?.rating).toBe('excellent');
    expect(map.get('u1')?.q1).toBeUndefined();
    expect(map.get('u2')?.year?.id).toBe('d');
  });
});
