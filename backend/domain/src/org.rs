//! Organisations are a dated tree (SPEC §2): a node is in force on a day when the day lies
//! within [valid_from, valid_to].

use chrono::NaiveDate;
use uuid::Uuid;

pub fn is_in_force(valid_from: NaiveDate, valid_to: Option<NaiveDate>, on: NaiveDate) -> bool {
    valid_from <= on && valid_to.is_none_or(|to| on <= to)
}

/// Whether `node_path` (root first, ending at the node) lies inside the subtree rooted at
/// `root`.
pub fn in_subtree(node_path: &[Uuid], root: Uuid) -> bool {
    node_path.contains(&root)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn district_one_is_in_force_until_abolition() {
        let from = d(1976, 5, 1);
        let to = Some(d(2025, 6, 30));
        assert!(is_in_force(from, to, d(2023, 4, 26)));
        assert!(is_in_force(from, to, d(2025, 6, 30)));
        assert!(!is_in_force(from, to, d(2025, 7, 1)));
        assert!(is_in_force(d(2025, 7, 1), None, d(2026, 1, 1)));
    }

    #[test]
    fn subtree_membership_uses_the_path() {
        let (city, district, school) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let path = [city, district, school];
        assert!(in_subtree(&path, city));
        assert!(in_subtree(&path, school));
        assert!(!in_subtree(&[city, district], school));
    }
}
