import { checkUpload, formatFileSize } from './format';

describe('formatFileSize', () => {
  it('uses binary units and the language’s decimal mark', () => {
    expect(formatFileSize(512, 'vi')).toBe('512 B');
    expect(formatFileSize(1536, 'vi')).toBe('1,5 KB');
    expect(formatFileSize(1.2 * 1024 * 1024, 'vi')).toBe('1,2 MB');
    expect(formatFileSize(1.2 * 1024 * 1024, 'en')).toBe('1.2 MB');
    expect(formatFileSize(25 * 1024 * 1024, 'vi')).toBe('25 MB');
    expect(formatFileSize(3 * 1024 ** 3, 'vi')).toBe('3 GB');
    expect(formatFileSize(0, 'vi')).toBe('0 B');
  });
});

describe('checkUpload', () => {
  it('flags files over 25 MiB and unknown extensions', () => {
    expect(checkUpload({ name: 'Kế hoạch.DOCX', size: 10 })).toBeNull();
    expect(checkUpload({ name: 'anh.jpeg', size: 25 * 1024 * 1024 })).toBeNull();
    expect(checkUpload({ name: 'anh.jpeg', size: 25 * 1024 * 1024 + 1 })).toBe('too_large');
    expect(checkUpload({ name: 'setup.exe', size: 10 })).toBe('bad_type');
    expect(checkUpload({ name: 'pdf', size: 10 })).toBe('bad_type');
  });
});
