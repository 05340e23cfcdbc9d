import { formatSize, periodLabel, quarterOf, quarterRange, reformAreaName, replicationPeriod, toFigures } from './format';

describe('quarters', () => {
  it('spans each quarter from its first to its last day, leap years included', () => {
    expect(quarterRange(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterRange(2024, 2)).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(quarterRange(2024, 3)).toEqual({ from: '2024-07-01', to: '2024-09-30' });
    expect(quarterRange(2024, 4)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
  });

  it('recognises a period that is exactly one quarter, and nothing else', () => {
    expect(quarterOf('2024-01-01', '2024-03-31')).toEqual({ year: 2024, quarter: 1 });
    expect(quarterOf('2024-10-01', '2024-12-31')).toEqual({ year: 2024, quarter: 4 });
    expect(quarterOf('2024-01-01', '2024-06-30')).toBeNull();
    expect(quarterOf('2024-02-01', '2024-04-30')).toBeNull();
    expect(quarterOf(null, '2024-03-31')).toBeNull();
  });

  it('names a period as the API does in Vietnamese, and in English', () => {
    expect(periodLabel('2024-01-01', '2024-03-31', 'vi')).toBe('Quý I năm 2024');
    expect(periodLabel('2024-07-01', '2024-09-30', 'vi')).toBe('Quý III năm 2024');
    expect(periodLabel('2024-07-01', '2024-09-30', 'en')).toBe('Q3 2024');
    expect(periodLabel('2024-01-01', '2024-12-31', 'vi')).toBe('Năm 2024');
    expect(periodLabel('2024-02-15', '2024-05-31', 'vi')).toBe('15/02/2024 – 31/05/2024');
  });
});

describe('reformAreaName', () => {
  const area = { reform_area: 'digital_government', reform_area_vi: 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', reform_area_en: 'E-government and digital government' };
  it('uses the name the API gives in the page’s language', () => {
    expect(reformAreaName(area, 'vi')).toBe('Xây dựng và phát triển Chính phủ điện tử, Chính phủ số');
    expect(reformAreaName(area, 'en')).toBe('E-government and digital government');
    expect(reformAreaName({ ...area, reform_area_en: '' }, 'en')).toBe('Xây dựng và phát triển Chính phủ điện tử, Chính phủ số');
  });
});

describe('replicationPeriod', () => {
  const r = { planned_from: '2024-01-01', planned_to: '2024-03-31', period_label_vi: 'Quý I năm 2024', period_label_en: 'Q1 2024' };
  it('uses the API’s words in either language, else names the dates', () => {
    expect(replicationPeriod(r, 'vi')).toBe('Quý I năm 2024');
    expect(replicationPeriod(r, 'en')).toBe('Q1 2024');
    expect(replicationPeriod({ ...r, period_label_en: '' }, 'en')).toBe('Q1 2024');
    expect(replicationPeriod({ planned_from: '2024-02-15', planned_to: '2024-05-31', period_label_vi: '', period_label_en: '' }, 'vi')).toBe('15/02/2024 – 31/05/2024');
  });
});

describe('toFigures', () => {
  it('trims, leaves out blank parts and drops empty rows', () => {
    expect(
      toFigures([
        { label: ' Thời gian trả lời phụ huynh ', unit: ' giờ ', before: 48, after: 4 },
        { label: 'Tỷ lệ hài lòng', unit: '', before: null, after: 95.5 },
        { label: '', unit: '', before: null, after: null },
        undefined,
      ]),
    ).toEqual([
      { label: 'Thời gian trả lời phụ huynh', unit: 'giờ', before: 48, after: 4 },
      { label: 'Tỷ lệ hài lòng', after: 95.5 },
    ]);
    expect(toFigures(undefined)).toEqual([]);
  });
});

describe('formatSize', () => {
  it('writes sizes with the language’s decimal mark', () => {
    expect(formatSize(512, 'vi')).toBe('512 B');
    expect(formatSize(20480, 'vi')).toBe('20 KB');
    expect(formatSize(1572864, 'vi')).toBe('1,5 MB');
    expect(formatSize(1572864, 'en')).toBe('1.5 MB');
  });
});
