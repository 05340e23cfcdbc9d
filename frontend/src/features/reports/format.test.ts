import { attachmentLabel, formatFigure } from './format';

describe('formatFigure', () => {
  it('writes figures the Vietnamese way, or the English way, and leaves a missing one blank', () => {
    expect(formatFigure(1234.5, 'vi')).toBe('1.234,5');
    expect(formatFigure(1234.5, 'en')).toBe('1,234.5');
    expect(formatFigure(0, 'vi')).toBe('0');
    expect(formatFigure(null, 'vi')).toBe('');
    expect(formatFigure(undefined, 'en')).toBe('');
  });
});

describe('attachmentLabel', () => {
  const rows = [
    { id: 'a', indicator: 'Tỷ lệ hồ sơ trực tuyến' },
    { id: 'b', indicator: 'Số lượt tư vấn' },
  ];
  const labels = { row: (n: number, indicator: string) => `Dòng ${n}: ${indicator}`, initiative: 'Tài liệu của sáng kiến', report: 'Cả báo cáo' };

  it('names the line a file backs, by its place in the table', () => {
    expect(attachmentLabel({ report_id: 'r', report_row_id: 'b', initiative_id: null }, rows, labels)).toBe('Dòng 2: Số lượt tư vấn');
  });

  it('says the whole report when the file backs no line, or a line no longer in the table', () => {
    expect(attachmentLabel({ report_id: 'r', report_row_id: null, initiative_id: null }, rows, labels)).toBe('Cả báo cáo');
    expect(attachmentLabel({ report_id: 'r', report_row_id: 'gone', initiative_id: null }, rows, labels)).toBe('Cả báo cáo');
  });

  it('tells the initiative’s own evidence apart (an acceptance report carries it)', () => {
    expect(attachmentLabel({ report_id: null, report_row_id: null, initiative_id: 'i1' }, rows, labels)).toBe('Tài liệu của sáng kiến');
  });
});
