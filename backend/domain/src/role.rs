//! The roles of SPEC §1. A role is always held within an organisation subtree.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Staff,
    UnitFocal,
    UnitHead,
    Evaluator,
    AuthorityOfficer,
    Admin,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Staff,
        Role::UnitFocal,
        Role::UnitHead,
        Role::Evaluator,
        Role::AuthorityOfficer,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Staff => "staff",
            Role::UnitFocal => "unit_focal",
            Role::UnitHead => "unit_head",
            Role::Evaluator => "evaluator",
            Role::AuthorityOfficer => "authority_officer",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn name_vi(self) -> &'static str {
        match self {
            Role::Staff => "Cán bộ, công chức, viên chức",
            Role::UnitFocal => "Cán bộ tham mưu, đôn đốc",
            Role::UnitHead => "Thủ trưởng đơn vị",
            Role::Evaluator => "Thành viên Ban Chỉ đạo, Hội đồng",
            Role::AuthorityOfficer => "Chuyên viên Phòng/Sở Nội vụ",
            Role::Admin => "Quản trị hệ thống",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Role::Staff => "Staff member",
            Role::UnitFocal => "Unit focal officer",
            Role::UnitHead => "Head of unit",
            Role::Evaluator => "Committee member",
            Role::AuthorityOfficer => "Authority officer",
            Role::Admin => "Administrator",
        }
    }

    /// Roles a unit head may grant inside their own unit; everything else needs an admin
    /// (or, for evaluators, an authority officer who runs the committee).
    pub fn grantable_by_unit_head(self) -> bool {
        matches!(self, Role::Staff | Role::UnitFocal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_codes() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
