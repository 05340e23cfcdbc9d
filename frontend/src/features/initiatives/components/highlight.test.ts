import { foldVietnamese, highlightRanges, highlightSegments, queryWords } from './highlight';

const pieces = (text: string, query: string) => highlightRanges(text, query).map((r) => text.slice(r.start, r.end));

describe('foldVietnamese', () => {
  it('drops diacritics, folds đ to d and lowers the case', () => {
    expect(foldVietnamese('Cải cách thủ tục hành chính')).toBe('cai cach thu tuc hanh chinh');
    expect(foldVietnamese('ĐỔI MỚI Đồng bộ')).toBe('doi moi dong bo');
    expect(foldVietnamese('Ứng dụng')).toBe('ung dung');
  });

  it('splits queries into folded words', () => {
    expect(queryWords('  "Cải cách", thủ-tục! ')).toEqual(['cai', 'cach', 'thu', 'tuc']);
    expect(queryWords(' !!! ')).toEqual([]);
  });
});

describe('highlightRanges', () => {
  it('"cai cach" highlights "Cải cách" in "Cải cách thủ tục"', () => {
    const text = 'Cải cách thủ tục';
    expect(highlightRanges(text, 'cai cach')).toEqual([{ start: 0, end: 8 }]);
    expect(pieces(text, 'cai cach')).toEqual(['Cải cách']);
  });

  it('finds every word, ignoring case and diacritics, with ranges in the original text', () => {
    const text = 'Rút gọn THỦ TỤC xác nhận; cải cách thủ tục tuyển sinh';
    expect(pieces(text, 'cai cach thu tuc')).toEqual(['THỦ TỤC', 'cải cách thủ tục']);
  });

  it('matches whole words, the last query word also as the start of a longer word', () => {
    expect(pieces('Số hóa hồ sơ', 'so')).toEqual(['Số', 'sơ']);
    expect(pieces('Cách làm hay', 'ca')).toEqual(['Cá']);
    expect(pieces('Cách làm hay', 'ca lam')).toEqual(['làm']); // "ca" is not a whole word here
    expect(pieces('Tác giả, tập thể', 'ta')).toEqual(['Tá', 'tậ']);
    expect(pieces('Đăng ký', 'dang')).toEqual(['Đăng']);
  });

  it('keeps decomposed (NFD) text and its combining marks whole', () => {
    const text = 'Cải cách'.normalize('NFD');
    const [range] = highlightRanges(text, 'CAI');
    expect(range).toEqual({ start: 0, end: 'Cải'.normalize('NFD').length });
    expect(text.slice(range!.start, range!.end).normalize('NFC')).toBe('Cải');
  });

  it('finds nothing for an empty or unmatched query', () => {
    expect(highlightRanges('Cải cách', '')).toEqual([]);
    expect(highlightRanges('Cải cách', '   ')).toEqual([]);
    expect(highlightRanges('', 'cai')).toEqual([]);
    expect(highlightRanges('Cải cách', 'xyz')).toEqual([]);
  });

  it('cuts the text into plain and highlighted segments', () => {
    expect(highlightSegments('Đề án cải cách thủ tục', 'cai cach')).toEqual([
      { text: 'Đề án ', match: false },
      { text: 'cải cách', match: true },
      { text: ' thủ tục', match: false },
    ]);
  });
});
