//! Parsing of user input into values that can only exist when valid ("parse, don't
//! validate"). Every failure names the field and carries a message in both languages.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    pub message_vi: String,
    pub message_en: String,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        code: &'static str,
        message_vi: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code,
            message_vi: message_vi.into(),
            message_en: message_en.into(),
        }
    }

    pub fn required(field: &str) -> Self {
        Self::new(
            field,
            "required",
            "Trường này là bắt buộc.",
            "This field is required.",
        )
    }

    pub fn too_long(field: &str, max: usize) -> Self {
        Self::new(
            field,
            "too_long",
            format!("Không được dài quá {max} ký tự."),
            format!("Must be at most {max} characters."),
        )
    }
}

/// A set of field errors collected while parsing one request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn new() -> Self {
        Self(Vec::new())
    }

    pub fn push(&mut self, e: FieldError) {
        self.0.push(e);
    }

    /// Keeps the value when it parsed, records the error otherwise.
    pub fn check<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl From<FieldError> for ValidationErrors {
    fn from(e: FieldError) -> Self {
        Self(vec![e])
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields: Vec<&str> = self.0.iter().map(|e| e.field.as_str()).collect();
        write!(f, "invalid fields: {}", fields.join(", "))
    }
}

/// Trimmed, non-empty text of bounded length (in characters, not bytes: Vietnamese letters
/// take two or three bytes each).
pub fn required_text(field: &str, value: &str, max_chars: usize) -> Result<String, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::required(field));
    }
    if v.chars().count() > max_chars {
        return Err(FieldError::too_long(field, max_chars));
    }
    if v.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(FieldError::new(
            field,
            "invalid_characters",
            "Chứa ký tự điều khiển không hợp lệ.",
            "Contains invalid control characters.",
        ));
    }
    Ok(v.to_string())
}

/// Optional text: blank becomes `None`.
pub fn optional_text(
    field: &str,
    value: Option<&str>,
    max_chars: usize,
) -> Result<Option<String>, FieldError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => required_text(field, v, max_chars).map(Some),
    }
}

/// A login name: 3–64 characters of `a-z 0-9 . _ -`, starting with a letter or digit, kept in
/// lower case so that "HieuTruong.CoGiang" and "hieutruong.cogiang" are one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        let v = raw.trim().to_lowercase();
        let valid_len = (3..=64).contains(&v.len());
        let valid_first = v.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        let valid_chars = v
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
        if valid_len && valid_first && valid_chars {
            Ok(Self(v))
        } else {
            Err(FieldError::new(
                field,
                "invalid_username",
                "Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang.",
                "A user name has 3–64 characters: letters a–z, digits, dot, underscore or hyphen.",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// A new password: 8–128 characters with at least one letter and one digit. The plain text
/// never leaves this type except to be hashed.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl NewPassword {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        let n = raw.chars().count();
        let has_letter = raw.chars().any(char::is_alphabetic);
        let has_digit = raw.chars().any(|c| c.is_ascii_digit());
        if (8..=128).contains(&n) && has_letter && has_digit {
            Ok(Self(raw.to_string()))
        } else {
            Err(FieldError::new(
                field,
                "weak_password",
                "Mật khẩu cần 8–128 ký tự, có ít nhất một chữ cái và một chữ số.",
                "A password needs 8–128 characters with at least one letter and one digit.",
            ))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A plausible e-mail address (one `@`, a dot in the domain, no spaces); delivery is the
/// only real check.
pub fn email(field: &str, raw: &str) -> Result<String, FieldError> {
    let v = raw.trim();
    let ok = v.chars().count() <= 254
        && !v.contains(char::is_whitespace)
        && v.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        });
    if ok {
        Ok(v.to_lowercase())
    } else {
        Err(FieldError::new(
            field,
            "invalid_email",
            "Địa chỉ thư điện tử không hợp lệ.",
            "Invalid e-mail address.",
        ))
    }
}

/// An organisation code: 1–64 characters of letters, digits, `.`, `_`, `-`.
pub fn org_code(field: &str, raw: &str) -> Result<String, FieldError> {
    let v = raw.trim();
    let ok = (1..=64).contains(&v.len())
        && v.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(v.to_string())
    } else {
        Err(FieldError::new(
            field,
            "invalid_code",
            "Mã gồm 1–64 ký tự: chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang.",
            "A code has 1–64 characters: letters, digits, dot, underscore or hyphen.",
        ))
    }
}

/// A date an administrative record can carry: 1900–2100. Anything else is a typo (or a
/// fuzzer) and would only mislead deadlines and validity checks.
pub fn plausible_date(
    field: &str,
    date: chrono::NaiveDate,
) -> Result<chrono::NaiveDate, FieldError> {
    use chrono::Datelike;
    if (1900..=2100).contains(&date.year()) {
        Ok(date)
    } else {
        Err(FieldError::new(
            field,
            "out_of_range",
            "Ngày phải nằm trong khoảng năm 1900–2100.",
            "The date must be between the years 1900 and 2100.",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_lowercased_and_restricted() {
        assert_eq!(
            Username::parse("u", " HieuTruong.CoGiang ").map(Username::into_inner),
            Ok("hieutruong.cogiang".to_string())
        );
        assert!(Username::parse("u", "ab").is_err());
        assert!(Username::parse("u", ".abc").is_err());
        assert!(Username::parse("u", "hiệu").is_err());
        assert!(Username::parse("u", "a b c").is_err());
        assert!(Username::parse("u", &"a".repeat(65)).is_err());
    }

    #[test]
    fn passwords_need_length_letter_and_digit() {
        assert!(NewPassword::parse("p", "ThiDua@2023").is_ok());
        assert!(NewPassword::parse("p", "short1").is_err());
        assert!(NewPassword::parse("p", "onlyletters").is_err());
        assert!(NewPassword::parse("p", "12345678").is_err());
        assert!(NewPassword::parse("p", "Mậtkhẩu9").is_ok());
        assert_eq!(
            format!("{:?}", NewPassword::parse("p", "ThiDua@2023")),
            "Ok(NewPassword(***))"
        );
    }

    #[test]
    fn text_is_trimmed_and_counted_in_characters() {
        assert_eq!(
            required_text("t", "  Cải cách  ", 10),
            Ok("Cải cách".to_string())
        );
        assert_eq!(
            required_text("t", "   ", 10).map_err(|e| e.code),
            Err("required")
        );
        assert!(required_text("t", "ảảảảả", 5).is_ok());
        assert_eq!(
            required_text("t", "ảảảảảả", 5).map_err(|e| e.code),
            Err("too_long")
        );
        assert_eq!(
            required_text("t", "a\u{0}b", 5).map_err(|e| e.code),
            Err("invalid_characters")
        );
        assert_eq!(optional_text("t", Some("  "), 5), Ok(None));
    }

    #[test]
    fn dates_must_be_plausible() {
        let d = |y| chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default();
        assert!(plausible_date("d", d(2023)).is_ok());
        assert!(plausible_date("d", d(1899)).is_err());
        assert!(plausible_date("d", d(9999)).is_err());
    }

    #[test]
    fn emails_and_codes() {
        assert_eq!(
            email("e", " GV@CoGiang.edu.vn "),
            Ok("gv@cogiang.edu.vn".to_string())
        );
        assert!(email("e", "no-at-sign").is_err());
        assert!(email("e", "a@b").is_err());
        assert!(email("e", "a b@c.vn").is_err());
        assert!(org_code("c", "MN-COGIANG").is_ok());
        assert!(org_code("c", "../x").is_err());
        assert!(org_code("c", "").is_err());
    }
}
