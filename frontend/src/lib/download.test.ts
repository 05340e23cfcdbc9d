import { describe, expect, it } from 'vitest';
import { downloadName } from './download';

describe('downloadName', () => {
  it('prefers the UTF-8 name', () => {
    const header = `attachment; filename="Mau1-dang-ky.xlsx"; filename*=UTF-8''M%E1%BA%ABu%201%20-%20B%E1%BA%A3n%20%C4%91%C4%83ng%20k%C3%BD.xlsx`;
    expect(downloadName(header, 'x.xlsx')).toBe('Mẫu 1 - Bản đăng ký.xlsx');
  });
  it('falls back to the plain name, then to the default', () => {
    expect(downloadName('attachment; filename="Mau1.docx"', 'x.docx')).toBe('Mau1.docx');
    expect(downloadName(null, 'x.docx')).toBe('x.docx');
  });
});
