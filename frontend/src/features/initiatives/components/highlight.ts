/**
 * Search highlighting that ignores Vietnamese diacritics and case, the way the API's
 * full-text search does ("cai cach thu tuc" finds "Cải cách thủ tục").
 *
 * Pure functions: the text is folded character by character (NFD, combining marks removed,
 * đ → d, lower case) while remembering where each folded character came from, so matches
 * found in the folded text map back to ranges of the ORIGINAL text — whatever its
 * normalisation (precomposed or decomposed).
 */

export interface Range {
  /** UTF-16 offset of the first character, in the original text. */
  start: number;
  /** UTF-16 offset just past the last character, in the original text. */
  end: number;
}

const COMBINING_MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** One character (code point) folded: no diacritics, đ → d, lower case. May be empty (a lone mark). */
function foldChar(ch: string): string {
  return ch
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');
}

/** The folded form of a whole string ("Cải cách" → "cai cach"). */
export function foldVietnamese(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`: the original range of the character it came from. */
  from: Range[];
}

function foldWithMap(text: string): Folded {
  let folded = '';
  const from: Range[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    const range = { start: offset, end: offset + ch.length };
    if (f === '') {
      // A combining mark (decomposed input) belongs to the character before it.
      const prev = from[from.length - 1];
      if (prev) prev.end = range.end;
    } else {
      for (let i = 0; i < f.length; i++) from.push(range);
      folded += f;
    }
    offset += ch.length;
  }
  // Several folded units may share (and have extended) one range object: copy them apart.
  return { text: folded, from: from.map((r) => ({ ...r })) };
}

/** The words of a query, folded; punctuation separates words as in the API's search. */
export function queryWords(query: string): string[] {
  return foldVietnamese(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const isWordChar = (s: string, i: number) => i >= 0 && i < s.length && WORD_CHAR.test(s[i]!);

/**
 * Ranges of `text` matching the words of `query`, ignoring diacritics and case, sorted and
 * merged (words next to each other, separated only by spaces, form one range). Each word
 * matches at the start of a word of the text; the last one may be the beginning of a longer
 * word ("cai cach thu tu" still highlights "thủ tục"), the others are whole words.
 */
export function highlightRanges(text: string, query: string): Range[] {
  const words = queryWords(query);
  if (words.length === 0 || text === '') return [];
  const folded = foldWithMap(text);
  const hay = folded.text;

  const hits: Range[] = [];
  words.forEach((word, index) => {
    const prefix = index === words.length - 1;
    let at = hay.indexOf(word);
    while (at !== -1) {
      const end = at + word.length;
      if (!isWordChar(hay, at - 1) && (prefix || !isWordChar(hay, end))) {
        hits.push({ start: folded.from[at]!.start, end: folded.from[end - 1]!.end });
      }
      at = hay.indexOf(word, at + 1);
    }
  });
  if (hits.length === 0) return [];

  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [{ ...hits[0]! }];
  for (const h of hits.slice(1)) {
    const last = merged[merged.length - 1]!;
    const gap = text.slice(last.end, h.start);
    if (h.start <= last.end || /^\s+$/u.test(gap)) {
      last.end = Math.max(last.end, h.end);
    } else {
      merged.push({ ...h });
    }
  }
  return merged;
}

/** The text cut into plain and highlighted pieces, in order (for rendering). */
export function highlightSegments(text: string, query: string): { text: string; match: boolean }[] {
  const ranges = highlightRanges(text, query);
  const out: { text: string; match: boolean }[] = [];
  let pos = 0;
  for (const r of ranges) {
    if (r.start > pos) out.push({ text: text.slice(pos, r.start), match: false });
    out.push({ text: text.slice(r.start, r.end), match: true });
    pos = r.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), match: false });
  return out;
}
