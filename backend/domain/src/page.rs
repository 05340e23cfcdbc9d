//! Paging and sorting of lists: `page` from 1, `per_page` 1–100, `sort` a field name with an
//! optional `-` for descending, chosen from the fields each list allows.

use crate::validation::FieldError;

pub const DEFAULT_PER_PAGE: i64 = 20;
pub const MAX_PER_PAGE: i64 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub page: i64,
    pub per_page: i64,
}

impl Page {
    pub fn parse(page: Option<i64>, per_page: Option<i64>) -> Result<Self, FieldError> {
        let page = page.unwrap_or(1);
        let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
        if !(1..=1_000_000).contains(&page) {
            return Err(FieldError::new(
                "page",
                "out_of_range",
                "Số trang phải từ 1 đến 1 000 000.",
                "page must be between 1 and 1,000,000.",
            ));
        }
        if !(1..=MAX_PER_PAGE).contains(&per_page) {
            return Err(FieldError::new(
                "per_page",
                "out_of_range",
                format!("Số dòng mỗi trang phải từ 1 đến {MAX_PER_PAGE}."),
                format!("per_page must be between 1 and {MAX_PER_PAGE}."),
            ));
        }
        Ok(Self { page, per_page })
    }

    pub fn offset(self) -> i64 {
        (self.page - 1) * self.per_page
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<F> {
    pub field: F,
    pub descending: bool,
}

/// Parses `sort` against the fields a list allows, given as (name, value) pairs; the first
/// pair is the default.
pub fn parse_sort<F: Copy>(
    raw: Option<&str>,
    allowed: &[(&str, F)],
    default_desc: bool,
) -> Result<Sort<F>, FieldError> {
    let Some(first) = allowed.first() else {
        return Err(FieldError::new(
            "sort",
            "invalid_sort",
            "Không sắp xếp được.",
            "Cannot sort.",
        ));
    };
    let raw = match raw.map(str::trim) {
        None | Some("") => {
            return Ok(Sort {
                field: first.1,
                descending: default_desc,
            });
        }
        Some(r) => r,
    };
    let (name, descending) = match raw.strip_prefix('-') {
        Some(rest) => (rest, true),
        None => (raw, false),
    };
    allowed
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| Sort {
            field: *f,
            descending,
        })
        .ok_or_else(|| {
            let names: Vec<&str> = allowed.iter().map(|(n, _)| *n).collect();
            FieldError::new(
                "sort",
                "invalid_sort",
                format!("Chỉ sắp xếp được theo: {}.", names.join(", ")),
                format!("Sort by one of: {}.", names.join(", ")),
            )
        })
}

/// What a list request asks for: one page, in one order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListRequest<F> {
    pub page: Page,
    pub sort: Sort<F>,
}

impl<F: Copy> ListRequest<F> {
    /// Parses `page`, `per_page` and `sort` (see [`parse_sort`]).
    pub fn parse(
        page: Option<i64>,
        per_page: Option<i64>,
        sort: Option<&str>,
        allowed: &[(&str, F)],
        default_desc: bool,
    ) -> Result<Self, FieldError> {
        Ok(Self {
            page: Page::parse(page, per_page)?,
            sort: parse_sort(sort, allowed, default_desc)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_limits() {
        assert_eq!(
            Page::parse(None, None),
            Ok(Page {
                page: 1,
                per_page: 20
            })
        );
        assert_eq!(Page::parse(Some(3), Some(100)).map(Page::offset), Ok(200));
        assert!(Page::parse(Some(0), None).is_err());
        assert!(Page::parse(None, Some(101)).is_err());
        assert!(Page::parse(None, Some(0)).is_err());
    }

    #[test]
    fn sorting() {
        let allowed = [("name", 1), ("code", 2)];
        assert_eq!(
            parse_sort(None, &allowed, false),
            Ok(Sort {
                field: 1,
                descending: false
            })
        );
        assert_eq!(
            parse_sort(Some("-code"), &allowed, false),
            Ok(Sort {
                field: 2,
                descending: true
            })
        );
        assert!(parse_sort(Some("password_hash"), &allowed, false).is_err());
    }
}
