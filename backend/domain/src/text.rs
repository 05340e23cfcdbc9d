//! Vietnamese text folding for search that ignores diacritics and case: "Cải cách thủ tục"
//! and "cai cach thu tuc" fold to the same string.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Diacritics removed, case kept: "Kế hoạch Đợt 1" → "Ke hoach Dot 1" (an ASCII fallback for
/// a file name).
pub fn strip_marks(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

/// Lower-cases, strips combining marks after canonical decomposition, and maps `đ` to `d`
/// (đ is a letter of its own, not d with a mark, so decomposition leaves it alone).
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Escapes `%`, `_` and `\` for use inside a SQL `LIKE` pattern.
pub fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_marks_and_keeps_case() {
        assert_eq!(strip_marks("Kế hoạch Đợt 1.pdf"), "Ke hoach Dot 1.pdf");
    }

    #[test]
    fn folds_vietnamese() {
        assert_eq!(
            fold("Cải cách thủ tục hành chính"),
            "cai cach thu tuc hanh chinh"
        );
        assert_eq!(fold("ĐẢNG ỦY Đơn vị"), "dang uy don vi");
        assert_eq!(fold("Trường Mầm non Cô Giang"), "truong mam non co giang");
        // precomposed and decomposed input fold alike
        assert_eq!(fold("Ho\u{0300}a"), fold("Hòa"));
    }

    #[test]
    fn escapes_like_metacharacters() {
        assert_eq!(escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
