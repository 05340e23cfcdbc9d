//! The authorisation matrix: every operation of `openapi/openapi.json` × every demo role ×
//! the organisation the target belongs to, against an explicit table of expectations.
//!
//! A new operation fails `every_operation_is_in_the_matrix` until a row is added here, so
//! each later feature states who may use it. Each case gets its own fresh target rows
//! (written straight to the database), so cases never depend on one another.
//!
//! Expectation letters, one per target column:
//!   `A` allowed (2xx)   `F` 403 forbidden   `H` 404 hidden   `U` 401 unauthenticated

use std::collections::{BTreeMap, BTreeSet};

use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{PASSWORD, Resp, TestApp, lit, problem_shape_error, spawn_app};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Admin,
    /// `noivu.quan1`: authority officer over District 1.
    Officer,
    /// `hieutruong.cogiang`: head of Cô Giang.
    Head,
    /// `phohieutruong.cogiang`: unit focal (and staff) of Cô Giang.
    Focal,
    /// `giaovien.cogiang.1`: staff of Cô Giang.
    Staff,
    /// `bcd.quan1.1`: evaluator of the District 1 committee.
    Evaluator,
    Anonymous,
}

const ROLES: [Role; 7] = [
    Role::Admin,
    Role::Officer,
    Role::Head,
    Role::Focal,
    Role::Staff,
    Role::Evaluator,
    Role::Anonymous,
];

impl Role {
    fn username(self) -> Option<&'static str> {
        match self {
            Role::Admin => Some("admin"),
            Role::Officer => Some("noivu.quan1"),
            Role::Head => Some("hieutruong.cogiang"),
            Role::Focal => Some("phohieutruong.cogiang"),
            Role::Staff => Some("giaovien.cogiang.1"),
            Role::Evaluator => Some("bcd.quan1.1"),
            Role::Anonymous => None,
        }
    }

    fn label(self) -> &'static str {
        self.username().unwrap_or("(anonymous)")
    }
}

/// Whose resource the operation is aimed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// Collections and the caller's own session.
    None,
    /// Trường Mầm non Cô Giang: the unit of the head, focal officer and staff.
    CoGiang,
    /// Trường Tiểu học Trần Hưng Đạo: another unit of the same district.
    TranHungDao,
    /// Ủy ban nhân dân Quận 1 itself: above the units, the officer's and evaluators' root.
    District,
    /// Ủy ban nhân dân phường Sài Gòn (2025): outside District 1, beside it under the city.
    Ward,
    /// The caller's own account.
    Myself,
    /// An initiative of Cô Giang by another teacher there (initiatives only; the `CoGiang`
    /// target is then one of `giaovien.cogiang.1`'s).
    Colleague,
}

impl Target {
    fn label(self) -> &'static str {
        match self {
            Target::None => "-",
            Target::CoGiang => "Cô Giang",
            Target::TranHungDao => "Trần Hưng Đạo",
            Target::District => "Quận 1",
            Target::Ward => "P. Sài Gòn",
            Target::Myself => "self",
            Target::Colleague => "Cô Giang, other",
        }
    }
}

const NONE: &[Target] = &[Target::None];
const ORGS: &[Target] = &[
    Target::CoGiang,
    Target::TranHungDao,
    Target::District,
    Target::Ward,
];
const USERS_AND_SELF: &[Target] = &[
    Target::CoGiang,
    Target::TranHungDao,
    Target::District,
    Target::Ward,
    Target::Myself,
];

/// Initiatives: of Cô Giang by `giaovien.cogiang.1` (the staff role), of Cô Giang by a
/// colleague, of Trần Hưng Đạo (same district), of P. Sài Gòn (outside the district).
/// A unit's registration: Cô Giang, Trần Hưng Đạo (district campaigns), P. Sài Gòn.
const UNITS: &[Target] = &[Target::CoGiang, Target::TranHungDao, Target::Ward];
const INITIATIVES: &[Target] = &[
    Target::CoGiang,
    Target::Colleague,
    Target::TranHungDao,
    Target::Ward,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Allow,
    Forbidden,
    Hidden,
    Unauthenticated,
}

impl Expect {
    fn parse(c: char) -> Expect {
        match c {
            'A' => Expect::Allow,
            'F' => Expect::Forbidden,
            'H' => Expect::Hidden,
            'U' => Expect::Unauthenticated,
            other => panic!("unknown expectation letter {other:?}"),
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Expect::Allow => "2xx",
            Expect::Forbidden => "403",
            Expect::Hidden => "404",
            Expect::Unauthenticated => "401",
        }
    }

    fn matches(self, r: &Resp) -> bool {
        match self {
            Expect::Allow => (200..300).contains(&r.status),
            Expect::Forbidden => r.status == 403 && r.body["code"] == "forbidden",
            Expect::Hidden => r.status == 404 && r.body["code"] == "not_found",
            Expect::Unauthenticated => r.status == 401,
        }
    }
}

/// One row: an operation (in a given state of its target) and what each role gets, one
/// letter per target.
struct Op {
    id: &'static str,
    /// The target's state when it matters (a draft is hidden from units).
    state: &'static str,
    targets: &'static [Target],
    admin: &'static str,
    officer: &'static str,
    head: &'static str,
    focal: &'static str,
    staff: &'static str,
    evaluator: &'static str,
    anonymous: &'static str,
}

impl Op {
    fn row(&self, role: Role) -> &'static str {
        match role {
            Role::Admin => self.admin,
            Role::Officer => self.officer,
            Role::Head => self.head,
            Role::Focal => self.focal,
            Role::Staff => self.staff,
            Role::Evaluator => self.evaluator,
            Role::Anonymous => self.anonymous,
        }
    }

    fn expectations(&self, role: Role) -> Vec<Expect> {
        let e: Vec<Expect> = self
            .row(role)
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(Expect::parse)
            .collect();
        assert_eq!(
            e.len(),
            self.targets.len(),
            "matrix row {} ({}) for {}: one letter per target",
            self.id,
            self.state,
            role.label()
        );
        e
    }
}

macro_rules! op {
    ($id:literal, $state:literal, $targets:expr,
     admin $a:literal, officer $o:literal, head $h:literal, focal $f:literal,
     staff $s:literal, evaluator $e:literal, anonymous $n:literal) => {
        Op {
            id: $id,
            state: $state,
            targets: $targets,
            admin: $a,
            officer: $o,
            head: $h,
            focal: $f,
            staff: $s,
            evaluator: $e,
            anonymous: $n,
        }
    };
}

#[rustfmt::skip]
const MATRIX: &[Op] = &[
    // ----- operations and sign-in (no bearer token involved) -----------------------------
    //   login: with the role's own credentials (anonymous: an unknown user name);
    //   refresh/logout: with the role's own refresh cookie (anonymous: none).
    op!("health",               "",       NONE, admin "A", officer "A", head "A", focal "A", staff "A", evaluator "A", anonymous "A"),
    op!("ready",                "",       NONE, admin "A", officer "A", head "A", focal "A", staff "A", evaluator "A", anonymous "A"),
    op!("metrics",              "",       NONE, admin "A", officer "A", head "A", focal "A", staff "A", evaluator "A", anonymous "A"),
    op!("login",                "",       NONE, admin "A", officer "A", head "A", focal "A", staff "A", evaluator "A", anonymous "U"),
    op!("refresh_token",        "",       NONE, admin "A", officer "A", head "A", focal "A", staff "A", evaluator "A", anonymous "U"),
    op!("logout",               "",       NONE, admin "A", officer "A", head "A", focal "A", staff "A", evaluator "A", anonymous "A"),
    op!("get_me",               "",       NONE, admin "A", officer "A", head "A", focal "A", staff "A", evaluator "A", anonymous "U"),
    op!("change_my_password",   "",       NONE, admin "A", officer "A", head "A", focal "A", staff "A", evaluator "A", anonymous "U"),

    // ----- organisations: columns Cô Giang, Trần Hưng Đạo, Quận 1, P. Sài Gòn ------------
    op!("list_organizations",      "", NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("get_organization_tree",   "", NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("list_organization_kinds", "", NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("get_organization",        "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "AHHH", evaluator "AAAH", anonymous "UUUU"),
    // a child of the target organisation is created / a fresh child of it is updated
    op!("create_organization",     "", ORGS, admin "AAAA", officer "FFFH", head "FHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("update_organization",     "", ORGS, admin "AAAA", officer "FFFH", head "FHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),

    // ----- users: a fresh staff account in the target organisation; "self" last ---------
    op!("list_users",          "",         NONE,           admin "A",     officer "A",     head "A",     focal "F",     staff "F",     evaluator "F",     anonymous "U"),
    op!("create_user",         "",         ORGS,           admin "AAAA",  officer "FFFH",  head "AHHH",  focal "FHHH",  staff "FHHH",  evaluator "FFFH",  anonymous "UUUU"),
    op!("get_user",            "",         USERS_AND_SELF, admin "AAAAA", officer "AAAHA", head "AHHHA", focal "HHHHA", staff "HHHHA", evaluator "HHHHA", anonymous "UUUUU"),
    op!("update_user",         "",         USERS_AND_SELF, admin "AAAAA", officer "FFFHF", head "AHHHF", focal "HHHHF", staff "HHHHF", evaluator "HHHHF", anonymous "UUUUU"),
    op!("deactivate_user",     "active",   USERS_AND_SELF, admin "AAAAF", officer "FFFHF", head "AHHHF", focal "HHHHF", staff "HHHHF", evaluator "HHHHF", anonymous "UUUUU"),
    op!("activate_user",       "inactive", ORGS,           admin "AAAA",  officer "FFFH",  head "AHHH",  focal "HHHH",  staff "HHHH",  evaluator "HHHH",  anonymous "UUUU"),
    op!("reset_user_password", "",         USERS_AND_SELF, admin "AAAAF", officer "FFFHF", head "AHHHF", focal "HHHHF", staff "HHHHF", evaluator "HHHHF", anonymous "UUUUU"),
    // unit_focal over the user's own organisation
    op!("grant_user_role",     "",         ORGS,           admin "AAAA",  officer "FFFH",  head "AHHH",  focal "HHHH",  staff "HHHH",  evaluator "HHHH",  anonymous "UUUU"),
    op!("revoke_user_role",    "",         ORGS,           admin "AAAA",  officer "FFFH",  head "AHHH",  focal "HHHH",  staff "HHHH",  evaluator "HHHH",  anonymous "UUUU"),

    // ----- campaigns: issued by the target organisation, in the given state -------------
    // Administrators see every campaign but run none; a unit takes part in the district's
    // campaigns (sees them once open) and runs its own plan (head).
    op!("list_campaigns",   "",       NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("create_campaign",  "",       ORGS, admin "FFFF", officer "AAAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("get_campaign",     "open",   ORGS, admin "AAAA", officer "AAAH", head "AHAH", focal "AHAH", staff "AHAH", evaluator "AAAH", anonymous "UUUU"),
    op!("get_campaign",     "draft",  ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("update_campaign",  "open",   ORGS, admin "FFFF", officer "AAAH", head "AHFH", focal "FHFH", staff "FHFH", evaluator "FFFH", anonymous "UUUU"),
    op!("update_campaign",  "draft",  ORGS, admin "FFFF", officer "AAAH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("open_campaign",    "draft",  ORGS, admin "FFFF", officer "AAAH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("close_campaign",   "open",   ORGS, admin "FFFF", officer "AAAH", head "AHFH", focal "FHFH", staff "FHFH", evaluator "FFFH", anonymous "UUUU"),
    op!("reopen_campaign",  "closed", ORGS, admin "FFFF", officer "AAAH", head "AHFH", focal "FHFH", staff "FHFH", evaluator "FFFH", anonymous "UUUU"),
    op!("archive_campaign", "closed", ORGS, admin "FFFF", officer "AAAH", head "AHFH", focal "FHFH", staff "FHFH", evaluator "FFFH", anonymous "UUUU"),
    op!("create_milestone", "open",   ORGS, admin "FFFF", officer "AAAH", head "AHFH", focal "FHFH", staff "FHFH", evaluator "FFFH", anonymous "UUUU"),
    op!("update_milestone", "open",   ORGS, admin "FFFF", officer "AAAH", head "AHFH", focal "FHFH", staff "FHFH", evaluator "FFFH", anonymous "UUUU"),
    op!("delete_milestone", "draft",  ORGS, admin "FFFF", officer "AAAH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("list_extensions",  "open",   ORGS, admin "AAAA", officer "AAAH", head "AHAH", focal "AHAH", staff "AHAH", evaluator "AAAH", anonymous "UUUU"),
    // for a fresh unit below the issuer
    op!("grant_extension",  "open",   ORGS, admin "FFFF", officer "AAAH", head "FHFH", focal "FHFH", staff "FHFH", evaluator "FFFH", anonymous "UUUU"),
    // the Mẫu 1 summary over all units: the campaign's authority officer
    op!("export_campaign_registrations_xlsx", "open", ORGS, admin "FFFF", officer "AAAH", head "FHFH", focal "FHFH", staff "FHFH", evaluator "FFFH", anonymous "UUUU"),
    op!("export_campaign_registrations_docx", "open", ORGS, admin "FFFF", officer "AAAH", head "FHFH", focal "FHFH", staff "FHFH", evaluator "FFFH", anonymous "UUUU"),
    op!("list_audit_events", "",      NONE, admin "A",    officer "A",    head "A",    focal "F",    staff "F",    evaluator "F",    anonymous "U"),

    // ----- initiatives ------------------------------------------------------------------
    // People of a unit act on its initiatives by their standing: authors edit, submit,
    // start, complete and withdraw; the unit focal officer and head also return, register
    // and may do what authors do except submit. The district's officer and evaluators see
    // the district's initiatives but act on none; administrators see all and act on none.
    // Each case gets a fresh initiative in the row's state (chosen so that the action is
    // possible there: a state-machine refusal is a 409, checked before the role).
    op!("list_reform_areas",      "",            NONE,        admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("list_initiatives",       "",            NONE,        admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    // for the target organisation (a unit, or the district itself), in an open campaign above it
    op!("create_initiative",      "",            ORGS,        admin "FFFF", officer "FFFH", head "AHHH", focal "AHHH", staff "AHHH", evaluator "FFFH", anonymous "UUUU"),
    //   columns: Cô Giang (by giaovien.cogiang.1), Cô Giang (by a colleague), Trần Hưng Đạo, P. Sài Gòn
    op!("get_initiative",         "draft",       INITIATIVES, admin "AAAA", officer "AAAH", head "AAHH", focal "AAHH", staff "AAHH", evaluator "AAAH", anonymous "UUUU"),
    op!("get_initiative",         "in_progress", INITIATIVES, admin "AAAA", officer "AAAH", head "AAHH", focal "AAHH", staff "AAHH", evaluator "AAAH", anonymous "UUUU"),
    // the published results of the rounds it was in: whoever sees the initiative
    op!("list_initiative_evaluations", "in_progress", INITIATIVES, admin "AAAA", officer "AAAH", head "AAHH", focal "AAHH", staff "AAHH", evaluator "AAAH", anonymous "UUUU"),
    // evidence files: seen with the initiative; added and deleted by its contributors
    op!("upload_file",            "in_progress", INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    // a unit's file store: its head, focal officer and the authority over it
    op!("list_organization_files", "",          ORGS,        admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("list_initiative_files",  "in_progress", INITIATIVES, admin "AAAA", officer "AAAH", head "AAHH", focal "AAHH", staff "AAHH", evaluator "AAAH", anonymous "UUUU"),
    op!("download_file",          "in_progress", INITIATIVES, admin "AAAA", officer "AAAH", head "AAHH", focal "AAHH", staff "AAHH", evaluator "AAAH", anonymous "UUUU"),
    op!("delete_file",            "in_progress", INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("get_initiative_history", "submitted",   INITIATIVES, admin "AAAA", officer "AAAH", head "AAHH", focal "AAHH", staff "AAHH", evaluator "AAAH", anonymous "UUUU"),
    op!("update_initiative",      "draft",       INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("update_initiative",      "returned",    INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("submit_initiative",      "draft",       INITIATIVES, admin "FFFF", officer "FFFH", head "FFHH", focal "FFHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("submit_initiative",      "returned",    INITIATIVES, admin "FFFF", officer "FFFH", head "FFHH", focal "FFHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("return_initiative",      "submitted",   INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "FFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("register_initiative",    "submitted",   INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "FFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("start_initiative",       "registered",  INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("complete_initiative",    "in_progress", INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("withdraw_initiative",    "draft",       INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("withdraw_initiative",    "registered",  INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("withdraw_initiative",    "in_progress", INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    // the plan (title, due date) changes in draft or returned; progress while registered or in progress
    op!("add_roadmap_step",       "draft",       INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("update_roadmap_step",    "returned",    INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("update_roadmap_step",    "registered",  INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("update_roadmap_step",    "in_progress", INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    op!("delete_roadmap_step",    "draft",       INITIATIVES, admin "FFFF", officer "FFFH", head "AAHH", focal "AAHH", staff "AFHH", evaluator "FFFH", anonymous "UUUU"),
    // counts over the initiatives in reach, for the target organisation's subtree
    op!("get_initiative_statistics", "",         ORGS,        admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "AHHH", evaluator "AAAH", anonymous "UUUU"),
    // registrations (Mẫu 1): the unit's head and focal officer prepare it, the head sends it,
    // the campaign's authority officer receives or returns it
    op!("list_registrations",       "",          NONE,  admin "A",   officer "A",   head "A",   focal "A",   staff "A",   evaluator "A",   anonymous "U"),
    op!("open_registration",        "",          UNITS, admin "FFF", officer "FFH", head "AHH", focal "AHH", staff "FHH", evaluator "FFH", anonymous "UUU"),
    op!("get_registration",         "draft",     UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("get_registration",         "submitted", UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("get_registration_version", "submitted", UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    // whoever may view the registration may export Mẫu 1
    op!("export_registration_xlsx", "draft",     UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("export_registration_xlsx", "submitted", UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("export_registration_docx", "draft",     UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("export_registration_docx", "returned",  UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("add_commitment",           "draft",     UNITS, admin "FFF", officer "FFH", head "AHH", focal "AHH", staff "FHH", evaluator "FFH", anonymous "UUU"),
    op!("update_commitment",        "returned",  UNITS, admin "FFF", officer "FFH", head "AHH", focal "AHH", staff "FHH", evaluator "FFH", anonymous "UUU"),
    op!("delete_commitment",        "draft",     UNITS, admin "FFF", officer "FFH", head "AHH", focal "AHH", staff "FHH", evaluator "FFH", anonymous "UUU"),
    op!("submit_registration",      "draft",     UNITS, admin "FFF", officer "FFH", head "AHH", focal "FHH", staff "FHH", evaluator "FFH", anonymous "UUU"),
    op!("submit_registration",      "returned",  UNITS, admin "FFF", officer "FFH", head "AHH", focal "FHH", staff "FHH", evaluator "FFH", anonymous "UUU"),
    op!("receive_registration",     "submitted", UNITS, admin "FFF", officer "AAH", head "FHH", focal "FHH", staff "FHH", evaluator "FFH", anonymous "UUU"),
    op!("return_registration",      "submitted", UNITS, admin "FFF", officer "AAH", head "FHH", focal "FHH", staff "FHH", evaluator "FFH", anonymous "UUU"),
    // evaluation: the catalogue is for everyone signed in; a unit's committee round is set up
    // by its head (targets Cô Giang, Trần Hưng Đạo), the authority's by its officer (Quận 1,
    // P. Sài Gòn); rounds are seen by everyone reaching the organisation
    op!("list_criteria_sets",      "", NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("list_evaluation_rounds",  "", NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("create_evaluation_round", "", ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("get_evaluation_round",    "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "AHHH", evaluator "AAAH", anonymous "UUUU"),
    // the board (who scores what) is for the committee and the organiser; here nobody of the
    // matrix sits on it, and set-up is the organiser's (head of Cô Giang, Quận 1's officer)
    op!("list_round_entries",              "", ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("add_round_entries",               "", ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("remove_round_entry",              "", ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("assign_evaluator",                "", ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("assign_evaluators_automatically", "", ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    // one's own assignment only: here bcd.quan1.1's, a member of each round
    op!("recuse_evaluator",                "", ORGS, admin "FFFF", officer "FFFH", head "FHHH", focal "FHHH", staff "FHHH", evaluator "AAAA", anonymous "UUUU"),
    // scoring: one's own sheet (bcd.quan1.1's here); the chair and the organiser see any
    // sheet, open scoring and reopen a submitted sheet
    op!("start_scoring",      "setup",     ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFF", anonymous "UUUU"),
    op!("get_score_sheet",    "scoring",   ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "AAAA", anonymous "UUUU"),
    op!("save_score_sheet",   "scoring",   ORGS, admin "FFFF", officer "FFFH", head "FHHH", focal "FHHH", staff "FHHH", evaluator "AAAA", anonymous "UUUU"),
    op!("submit_score_sheet", "draft",     ORGS, admin "FFFF", officer "FFFH", head "FHHH", focal "FHHH", staff "FHHH", evaluator "AAAA", anonymous "UUUU"),
    op!("reopen_score_sheet", "submitted", ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFF", anonymous "UUUU"),
    op!("get_round_results",  "submitted", ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "AAAA", anonymous "UUUU"),
    op!("list_entry_sheets",  "submitted", ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "AAAA", anonymous "UUUU"),
    // the meeting: decisions by the chair, the secretary or the organiser (bcd.quan1.1 is a
    // plain member here); reminders, closing and publishing by the chair or the organiser;
    // the minutes and the results workbook for the committee and the organiser
    op!("record_round_decision", "submitted", ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFF", anonymous "UUUU"),
    op!("remind_evaluators",     "scoring",   ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFF", anonymous "UUUU"),
    op!("close_round",           "decided",   ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFF", anonymous "UUUU"),
    op!("publish_round",         "closed",    ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFF", anonymous "UUUU"),
    op!("export_round_minutes",  "closed",    ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "AAAA", anonymous "UUUU"),
    op!("export_round_results",  "submitted", ORGS, admin "FFFF", officer "FFAH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "AAAA", anonymous "UUUU"),
    // the evaluator's workspace: one's own assignments (bcd.quan1.1's), their dossiers
    op!("list_my_assignments",   "", NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("get_assignment_dossier", "scoring", ORGS, admin "HHHH", officer "HHHH", head "HHHH", focal "HHHH", staff "HHHH", evaluator "AAAA", anonymous "UUUU"),
    // reports: the unit's people open them; whoever opened one (here giaovien.cogiang.1), the
    // head and the focal officer write and send it; the campaign's authority answers it.
    // Everyone above the unit reads it. Evidence on a report follows the report.
    op!("list_reports",       "",          NONE,  admin "A",   officer "A",   head "A",   focal "A",   staff "A",   evaluator "A",   anonymous "U"),
    op!("open_report",        "",          UNITS, admin "FFF", officer "FFH", head "AHH", focal "AHH", staff "AHH", evaluator "FFH", anonymous "UUU"),
    op!("get_report",         "draft",     UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("get_report",         "submitted", UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("get_report_version", "submitted", UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("export_report_xlsx", "draft",     UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("export_report_docx", "submitted", UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("update_report",      "draft",     UNITS, admin "FFF", officer "FFH", head "AHH", focal "AHH", staff "AHH", evaluator "FFH", anonymous "UUU"),
    op!("update_report",      "returned",  UNITS, admin "FFF", officer "FFH", head "AHH", focal "AHH", staff "AHH", evaluator "FFH", anonymous "UUU"),
    op!("submit_report",      "draft",     UNITS, admin "FFF", officer "FFH", head "AHH", focal "AHH", staff "AHH", evaluator "FFH", anonymous "UUU"),
    op!("submit_report",      "returned",  UNITS, admin "FFF", officer "FFH", head "AHH", focal "AHH", staff "AHH", evaluator "FFH", anonymous "UUU"),
    op!("receive_report",     "submitted", UNITS, admin "FFF", officer "AAH", head "FHH", focal "FHH", staff "FHH", evaluator "FFH", anonymous "UUU"),
    op!("return_report",      "submitted", UNITS, admin "FFF", officer "AAH", head "FHH", focal "FHH", staff "FHH", evaluator "FFH", anonymous "UUU"),
    op!("upload_file",        "report:draft",     UNITS, admin "FFF", officer "FFH", head "AHH", focal "AHH", staff "AHH", evaluator "FFH", anonymous "UUU"),
    op!("download_file",      "report:submitted", UNITS, admin "AAA", officer "AAH", head "AHH", focal "AHH", staff "AHH", evaluator "AAH", anonymous "UUU"),
    op!("delete_file",        "report:returned",  UNITS, admin "FFF", officer "FFH", head "AHH", focal "AHH", staff "AHH", evaluator "FFH", anonymous "UUU"),
    // awards (SPEC §7): the catalogue for everyone, kept by administrators; a person's records
    // (ratings, violations) for their unit head, the authority and administrators — anyone
    // else is told they do not exist; a unit's collective rating by the authority over it
    op!("list_award_forms",        "", NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("create_award_form",       "", NONE, admin "A",    officer "F",    head "F",    focal "F",    staff "F",    evaluator "F",    anonymous "U"),
    op!("update_award_form",       "", NONE, admin "A",    officer "F",    head "F",    focal "F",    staff "F",    evaluator "F",    anonymous "U"),
    op!("list_staff_ratings",      "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("record_staff_rating",     "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("list_unit_ratings",       "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "AHHH", evaluator "AAAH", anonymous "UUUU"),
    op!("record_unit_rating",      "", ORGS, admin "AAAA", officer "AAAH", head "FHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("list_violation_records",  "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("get_violation_record",    "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("create_violation_record", "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    // nominations: the nominee's unit head proposes, edits and submits; the authority over the
    // unit reviews and alone overrides a rule; both (and administrators) see them
    op!("list_nominations",               "",          NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("preview_nomination_eligibility", "",          ORGS, admin "FFFF", officer "FFFH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("create_nomination",              "",          ORGS, admin "FFFF", officer "FFFH", head "AHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("get_nomination",                 "draft",     ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("export_nomination_dossier",      "submitted", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("update_nomination",              "draft",     ORGS, admin "FFFF", officer "FFFH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("delete_nomination",              "draft",     ORGS, admin "FFFF", officer "FFFH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("submit_nomination",              "draft",     ORGS, admin "FFFF", officer "FFFH", head "AHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("approve_nomination",             "submitted", ORGS, admin "FFFF", officer "AAAH", head "FHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("reject_nomination",              "submitted", ORGS, admin "FFFF", officer "AAAH", head "FHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("override_nomination_rule",       "draft",     ORGS, admin "FFFF", officer "AAAH", head "FHHH", focal "HHHH", staff "HHHH", evaluator "HHHH", anonymous "UUUU"),
    op!("export_nominations_xlsx",        "",          NONE, admin "A",    officer "A",    head "A",    focal "F",    staff "F",    evaluator "F",    anonymous "U"),
    op!("export_nominations_docx",        "",          NONE, admin "A",    officer "A",    head "A",    focal "F",    staff "F",    evaluator "F",    anonymous "U"),
    // decisions: recorded by the issuing authority; seen by whoever reaches it or a unit it awards
    op!("export_draft_decision_docx",  "", ORGS, admin "AAAA", officer "AAAH", head "FHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("export_draft_decision_xlsx",  "", ORGS, admin "AAAA", officer "AAAH", head "FHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("create_award_decision",       "", ORGS, admin "AAAA", officer "AAAH", head "FHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("list_award_decisions",        "", NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("get_award_decision",          "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "AHHH", evaluator "AAAH", anonymous "UUUU"),
    op!("export_award_decision_docx",  "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "AHHH", evaluator "AAAH", anonymous "UUUU"),
    op!("list_user_awards",            "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "AHHH", evaluator "AAAH", anonymous "UUUU"),
    op!("list_organization_awards",    "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "AHHH", evaluator "AAAH", anonymous "UUUU"),
    // the showcase is public; the authority over a unit publishes its models; a unit's head,
    // focal officer or authority plans and tracks its replications
    op!("list_showcase",          "", NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "A"),
    op!("get_showcase_model",     "", ORGS, admin "AAAA", officer "AAAA", head "AAAA", focal "AAAA", staff "AAAA", evaluator "AAAA", anonymous "AAAA"),
    op!("download_showcase_file", "", ORGS, admin "AAAA", officer "AAAA", head "AAAA", focal "AAAA", staff "AAAA", evaluator "AAAA", anonymous "AAAA"),
    op!("publish_showcase_model", "", ORGS, admin "AAAA", officer "AAAH", head "FHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("update_showcase_model",  "", ORGS, admin "AAAA", officer "AAAH", head "FHHH", focal "FHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("list_replications",      "", NONE, admin "A",    officer "A",    head "A",    focal "A",    staff "A",    evaluator "A",    anonymous "U"),
    op!("create_replication",     "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
    op!("get_replication",        "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "AHHH", evaluator "AAAH", anonymous "UUUU"),
    op!("update_replication",     "", ORGS, admin "AAAA", officer "AAAH", head "AHHH", focal "AHHH", staff "FHHH", evaluator "FFFH", anonymous "UUUU"),
];

/// The organisation ids behind the targets, and an open campaign over each.
struct Places {
    co_giang: Uuid,
    tran_hung_dao: Uuid,
    district: Uuid,
    ward: Uuid,
    /// `giaovien.cogiang.1`, the author of the `CoGiang` initiatives.
    teacher: Uuid,
    /// Open, issued by Quận 1: Cô Giang and Trần Hưng Đạo take part.
    district_campaign: Uuid,
    /// Open, issued by P. Sài Gòn.
    ward_campaign: Uuid,
}

impl Places {
    async fn load(app: &TestApp) -> Places {
        let district = app.org_id("Q1").await;
        let ward = app.org_id("P-SAIGON").await;
        Places {
            co_giang: app.org_id("Q1-MN-COGIANG").await,
            tran_hung_dao: app.org_id("Q1-TH-TRANHUNGDAO").await,
            district,
            ward,
            teacher: app.user_id("giaovien.cogiang.1").await,
            district_campaign: app.insert_campaign(district, "open").await.0,
            ward_campaign: app.insert_campaign(ward, "open").await.0,
        }
    }

    /// The open campaign a unit of the target takes part in.
    fn campaign(&self, t: Target) -> Uuid {
        if t == Target::Ward {
            self.ward_campaign
        } else {
            self.district_campaign
        }
    }

    fn org(&self, t: Target) -> Uuid {
        match t {
            Target::CoGiang | Target::Colleague | Target::Myself | Target::None => self.co_giang,
            Target::TranHungDao => self.tran_hung_dao,
            Target::District => self.district,
            Target::Ward => self.ward,
        }
    }
}

fn unique(prefix: &str) -> String {
    format!("{prefix}{}", &Uuid::new_v4().simple().to_string()[..10])
}

/// The account the case is about: a fresh one in the target's organisation, or the caller.
async fn target_user(
    app: &TestApp,
    places: &Places,
    role: Role,
    t: Target,
    active: bool,
) -> (Uuid, Uuid) {
    match (t, role.username()) {
        (Target::Myself, Some(name)) => {
            let id = app.user_id(name).await;
            let grant = app
                .uuid(&format!(
                    "SELECT id AS v FROM role_grants WHERE user_id = '{id}' LIMIT 1"
                ))
                .await;
            (id, grant)
        }
        _ => {
            let u = app.insert_user(places.org(t), "staff", active).await;
            (u.id, u.grant_id)
        }
    }
}

/// A fresh initiative of the target in `status`, with one roadmap step due in 2023;
/// (initiative, step).
async fn target_initiative(
    app: &TestApp,
    places: &Places,
    t: Target,
    status: &str,
) -> (Uuid, Uuid) {
    let author = if t == Target::CoGiang {
        places.teacher
    } else {
        app.insert_user(places.org(t), "staff", true).await.id
    };
    let id = app
        .insert_initiative(
            places.org(t),
            places.campaign(t),
            status,
            author,
            &[(author, 100)],
        )
        .await;
    let step = app
        .insert_roadmap_step(id, "Khảo sát thực trạng", "2023-06-30", None, 0)
        .await;
    (id, step)
}

/// A unit's registration in `status` for a fresh open campaign above it, with one
/// commitment and (once sent) one version; (registration, commitment).
async fn target_registration(
    app: &TestApp,
    places: &Places,
    t: Target,
    status: &str,
) -> (Uuid, Uuid) {
    let issuer = if t == Target::Ward {
        places.ward
    } else {
        places.district
    };
    let (campaign, _) = app.insert_campaign(issuer, "open").await;
    let (id, commitment, sent) = (Uuid::new_v4(), Uuid::new_v4(), i32::from(status != "draft"));
    let submitter = places.teacher;
    let mut sql = format!(
        "INSERT INTO registrations (id, campaign_id, organization_id, status, submitted_versions) \
         VALUES ('{id}', '{campaign}', '{}', {}, {sent}); \
         INSERT INTO registration_commitments (id, registration_id, shortcoming, commitment) \
         VALUES ('{commitment}', '{id}', 'Hồ sơ trực tuyến còn ít', 'Đạt 100% hồ sơ trực tuyến');",
        places.org(t),
        lit(status)
    );
    if sent == 1 {
        sql.push_str(&format!(
            "INSERT INTO registration_versions (id, registration_id, number, submitted_by, late, due_on, snapshot) \
             VALUES ('{}', '{id}', 1, '{submitter}', false, '2026-12-31', '{{\"initiatives\": [], \"commitments\": []}}');",
            Uuid::new_v4()
        ));
    }
    app.exec_ok(&sql).await;
    (id, commitment)
}

/// A unit's phase-1 report in `status` for a fresh open campaign above it, opened by
/// `giaovien.cogiang.1`, with its outline written, one line, and (once sent) one version;
/// (report, the campaign's milestone).
async fn target_report(app: &TestApp, places: &Places, t: Target, status: &str) -> (Uuid, Uuid) {
    let issuer = if t == Target::Ward {
        places.ward
    } else {
        places.district
    };
    let (campaign, milestone) = app.insert_campaign(issuer, "open").await;
    let (id, sent) = (Uuid::new_v4(), i32::from(status != "draft"));
    let teacher = places.teacher;
    let mut sql = format!(
        "INSERT INTO reports (id, kind, campaign_id, organization_id, milestone_id, title, \
                              sections, status, submitted_versions, created_by) \
         VALUES ('{id}', 'phase1_result', '{campaign}', '{}', '{milestone}', 'Báo cáo kết quả', \
                 '{{\"situation\": \"Tình hình\"}}', {}, {sent}, '{teacher}'); \
         INSERT INTO report_rows (id, report_id, indicator) \
         VALUES ('{}', '{id}', 'Tỷ lệ hồ sơ trực tuyến');",
        places.org(t),
        lit(status),
        Uuid::new_v4()
    );
    if sent == 1 {
        sql.push_str(&format!(
            "INSERT INTO report_versions (id, report_id, number, submitted_by, late, due_on, snapshot) \
             VALUES ('{}', '{id}', 1, '{teacher}', false, '2026-12-31', \
                     '{{\"title\": \"Báo cáo\", \"sections\": {{}}, \"rows\": [], \"files\": []}}');",
            Uuid::new_v4()
        ));
    }
    app.exec_ok(&sql).await;
    (id, milestone)
}

/// A round of the target's organisation in `setup` (a unit's committee for the schools, the
/// authority's otherwise) with one entry and one scoring member who is neither of the
/// matrix's roles nor an author of the entry; with `own`, `bcd.quan1.1` (the evaluator role)
/// also sits on it and is assigned. With `sheet` (`setup`, `scoring`, `draft`, `submitted`)
/// the round is in set-up or scoring, and his complete sheet a draft or submitted.
/// (round, entry, scorer, that assignment or nil)
async fn target_round(
    app: &TestApp,
    places: &Places,
    t: Target,
    own: bool,
    sheet: Option<&str>,
) -> (Uuid, Uuid, Uuid, Uuid) {
    let (level, scorer_name) = match t {
        Target::CoGiang => ("unit_committee", "congdoan.cogiang"),
        Target::TranHungDao => ("unit_committee", "giaovien.tranhungdao.2"),
        _ => ("authority_committee", "bcd.quan1.3"),
    };
    let (round, entry, assignment) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let scorer = app.user_id(scorer_name).await;
    let evaluator = app.user_id("bcd.quan1.1").await;
    let mut sql = format!(
        "INSERT INTO evaluation_rounds (id, campaign_id, level, organization_id, title, \
         criteria_set_id, scoring_opens_on, scoring_closes_on, created_by) \
         SELECT '{round}', '{}', '{level}', '{}', 'Hội đồng', id, '2026-12-01', '2026-12-15', '{}' \
         FROM criteria_sets WHERE code = 'seed-selection' AND version = 1; \
         INSERT INTO round_members (round_id, user_id, role) VALUES ('{round}', '{scorer}', 'member'); \
         INSERT INTO round_entries (id, round_id, initiative_id, sort_order, added_by) \
         SELECT '{entry}', '{round}', id, 1, '{}' FROM initiatives \
         WHERE title = 'Đặt lịch tiêm chủng qua tổng đài và cổng thông tin';",
        places.campaign(t),
        places.org(t),
        places.teacher,
        places.teacher
    );
    if own {
        sql.push_str(&format!(
            "INSERT INTO round_members (round_id, user_id, role) VALUES ('{round}', '{evaluator}', 'member'); \
             INSERT INTO round_assignments (id, entry_id, evaluator_id, assigned_by) \
             VALUES ('{assignment}', '{entry}', '{evaluator}', '{}');",
            places.teacher
        ));
    }
    if let Some(state) = sheet {
        if state != "setup" {
            sql.push_str(&format!(
                "UPDATE evaluation_rounds SET status = 'scoring' WHERE id = '{round}';"
            ));
        }
        if state == "draft" || state == "submitted" {
            let submitted_at = if state == "submitted" {
                "now()"
            } else {
                "NULL"
            };
            sql.push_str(&format!(
                "INSERT INTO score_sheets (assignment_id, scores, gates, status, submitted_at) \
                 VALUES ('{assignment}', '{{\"solves_problems\": 20, \"social_impact\": 15, \
                 \"superiority\": 10, \"future_development\": 10}}', '{{\"legality\": true}}', \
                 '{state}', {submitted_at});"
            ));
        }
    }
    app.exec_ok(&sql).await;
    (
        round,
        entry,
        scorer,
        if own { assignment } else { Uuid::nil() },
    )
}

/// Sets up the case's target and sends the request as `role`.
async fn perform(app: &TestApp, places: &Places, op: &Op, role: Role, t: Target) -> Resp {
    let token = match role.username() {
        Some(name) => Some(app.token(name).await),
        None => None,
    };
    let tok = token.as_deref();
    let call = move |method: Method,
                     path: String,
                     if_match: Option<&'static str>,
                     body: Option<Value>| async move {
        app.call(method, &path, tok, if_match, body.as_ref()).await
    };
    let org = places.org(t);
    match op.id {
        "health" => call(Method::GET, "/health".into(), None, None).await,
        "ready" => call(Method::GET, "/ready".into(), None, None).await,
        "metrics" => call(Method::GET, "/metrics".into(), None, None).await,
        "login" => {
            let name = role.username().unwrap_or("khong.ton.tai");
            app.login_resp(name, PASSWORD).await
        }
        "refresh_token" | "logout" => {
            let path = if op.id == "logout" {
                "/api/v1/auth/logout"
            } else {
                "/api/v1/auth/refresh"
            };
            match role.username() {
                // The cookie jar of the app's client holds the role's fresh refresh token.
                Some(name) => {
                    app.login_resp(name, PASSWORD).await.expect(200);
                    app.call(Method::POST, path, None, None, None).await
                }
                None => {
                    Resp::read(app.plain_client().post(app.url(path)).send().await.unwrap()).await
                }
            }
        }
        "get_me" => call(Method::GET, "/api/v1/me".into(), None, None).await,
        "change_my_password" => {
            call(
                Method::POST,
                "/api/v1/me/password".into(),
                None,
                Some(json!({ "current_password": PASSWORD, "new_password": "MatKhauMoi@2024" })),
            )
            .await
        }

        "list_organizations" => call(Method::GET, "/api/v1/organizations".into(), None, None).await,
        "get_organization_tree" => {
            call(Method::GET, "/api/v1/organizations/tree".into(), None, None).await
        }
        "list_organization_kinds" => {
            call(Method::GET, "/api/v1/organization-kinds".into(), None, None).await
        }
        "get_organization" => {
            call(
                Method::GET,
                format!("/api/v1/organizations/{org}"),
                None,
                None,
            )
            .await
        }
        "create_organization" => {
            let body = json!({ "code": unique("MX-"), "name": "Đơn vị mới", "kind": "school",
                               "parent_id": org, "valid_from": "2025-07-01" });
            call(
                Method::POST,
                "/api/v1/organizations".into(),
                None,
                Some(body),
            )
            .await
        }
        "update_organization" => {
            let child = app.insert_org(org, "school").await;
            call(
                Method::PATCH,
                format!("/api/v1/organizations/{child}"),
                Some("*"),
                Some(json!({ "short_name": "Tên ngắn mới" })),
            )
            .await
        }

        "list_users" => call(Method::GET, "/api/v1/users".into(), None, None).await,
        "list_audit_events" => call(Method::GET, "/api/v1/audit-events".into(), None, None).await,
        "create_user" => {
            let body = json!({ "username": unique("mx."), "display_name": "Người mới",
                               "organization_id": org, "password": "MatKhau@2024" });
            call(Method::POST, "/api/v1/users".into(), None, Some(body)).await
        }
        "get_user" => {
            let (id, _) = target_user(app, places, role, t, true).await;
            call(Method::GET, format!("/api/v1/users/{id}"), None, None).await
        }
        "update_user" => {
            let (id, _) = target_user(app, places, role, t, true).await;
            call(
                Method::PATCH,
                format!("/api/v1/users/{id}"),
                Some("*"),
                Some(json!({ "position": "Chuyên viên" })),
            )
            .await
        }
        "deactivate_user" => {
            let (id, _) = target_user(app, places, role, t, true).await;
            call(
                Method::POST,
                format!("/api/v1/users/{id}/deactivate"),
                None,
                None,
            )
            .await
        }
        "activate_user" => {
            let (id, _) = target_user(app, places, role, t, false).await;
            call(
                Method::POST,
                format!("/api/v1/users/{id}/activate"),
                None,
                None,
            )
            .await
        }
        "reset_user_password" => {
            let (id, _) = target_user(app, places, role, t, true).await;
            call(
                Method::POST,
                format!("/api/v1/users/{id}/reset-password"),
                None,
                Some(json!({ "new_password": "DatLai@2024" })),
            )
            .await
        }
        "grant_user_role" => {
            let (id, _) = target_user(app, places, role, t, true).await;
            call(
                Method::POST,
                format!("/api/v1/users/{id}/roles"),
                None,
                Some(json!({ "role": "unit_focal", "organization_id": org })),
            )
            .await
        }
        "revoke_user_role" => {
            let (id, grant) = target_user(app, places, role, t, true).await;
            call(
                Method::DELETE,
                format!("/api/v1/users/{id}/roles/{grant}"),
                None,
                None,
            )
            .await
        }

        "list_reform_areas" => call(Method::GET, "/api/v1/reform-areas".into(), None, None).await,
        "list_initiatives" => call(Method::GET, "/api/v1/initiatives".into(), None, None).await,
        "create_initiative" => {
            let body = json!({ "campaign_id": places.campaign(t), "organization_id": org,
                               "kind": "solution", "reform_area": "digital_government",
                               "title": "Số hóa hồ sơ trẻ" });
            call(Method::POST, "/api/v1/initiatives".into(), None, Some(body)).await
        }
        "get_initiative_statistics" => {
            call(
                Method::GET,
                format!("/api/v1/statistics/initiatives?organization_id={org}"),
                None,
                None,
            )
            .await
        }
        "upload_file" | "download_file" | "delete_file" if op.state.starts_with("report:") => {
            let state = op.state.trim_start_matches("report:");
            let (report, _) = target_report(app, places, t, state).await;
            let pdf = b"%PDF-1.4\n% minh chung\n%%EOF\n".to_vec();
            if op.id == "upload_file" {
                return app
                    .upload_form(
                        tok,
                        &[
                            ("category", "photo".to_string()),
                            ("report_id", report.to_string()),
                        ],
                        "ảnh.pdf",
                        pdf,
                    )
                    .await;
            }
            let file = insert_file(app, pdf, Owner::Report(report)).await;
            if op.id == "download_file" {
                call(
                    Method::GET,
                    format!("/api/v1/files/{file}/content"),
                    None,
                    None,
                )
                .await
            } else {
                call(Method::DELETE, format!("/api/v1/files/{file}"), None, None).await
            }
        }
        "upload_file" | "list_initiative_files" | "download_file" | "delete_file" => {
            let (id, _) = target_initiative(app, places, t, op.state).await;
            let pdf = b"%PDF-1.4\n% minh chung\n%%EOF\n".to_vec();
            if op.id == "upload_file" {
                return app
                    .upload_as(tok, id, "photo", "ảnh hoạt động.pdf", pdf)
                    .await;
            }
            let file = insert_file(app, pdf, Owner::Initiative(id)).await;
            match op.id {
                "list_initiative_files" => {
                    call(
                        Method::GET,
                        format!("/api/v1/initiatives/{id}/files"),
                        None,
                        None,
                    )
                    .await
                }
                "download_file" => {
                    call(
                        Method::GET,
                        format!("/api/v1/files/{file}/content"),
                        None,
                        None,
                    )
                    .await
                }
                _ => call(Method::DELETE, format!("/api/v1/files/{file}"), None, None).await,
            }
        }
        "get_initiative"
        | "list_initiative_evaluations"
        | "get_initiative_history"
        | "update_initiative"
        | "submit_initiative"
        | "return_initiative"
        | "register_initiative"
        | "start_initiative"
        | "complete_initiative"
        | "withdraw_initiative"
        | "add_roadmap_step"
        | "update_roadmap_step"
        | "delete_roadmap_step" => {
            let (id, step) = target_initiative(app, places, t, op.state).await;
            let base = format!("/api/v1/initiatives/{id}");
            match op.id {
                "get_initiative" => call(Method::GET, base, None, None).await,
                "list_initiative_evaluations" => {
                    call(Method::GET, format!("{base}/evaluations"), None, None).await
                }
                "get_initiative_history" => {
                    call(Method::GET, format!("{base}/history"), None, None).await
                }
                "update_initiative" => {
                    call(
                        Method::PATCH,
                        base,
                        Some("*"),
                        Some(json!({ "title": "Tên sáng kiến đã sửa" })),
                    )
                    .await
                }
                "return_initiative" => {
                    call(
                        Method::POST,
                        format!("{base}/return"),
                        None,
                        Some(json!({ "reason": "Bổ sung lộ trình thực hiện" })),
                    )
                    .await
                }
                "add_roadmap_step" => {
                    call(
                        Method::POST,
                        format!("{base}/roadmap"),
                        None,
                        Some(json!({ "title": "Tổng kết", "due_on": "2023-11-15" })),
                    )
                    .await
                }
                "update_roadmap_step" => {
                    // The plan in draft or returned; progress once registered.
                    let body = if matches!(op.state, "draft" | "returned") {
                        json!({ "title": "Khảo sát và đánh giá thực trạng" })
                    } else {
                        json!({ "progress": 60 })
                    };
                    call(
                        Method::PATCH,
                        format!("{base}/roadmap/{step}"),
                        Some("*"),
                        Some(body),
                    )
                    .await
                }
                "delete_roadmap_step" => {
                    call(Method::DELETE, format!("{base}/roadmap/{step}"), None, None).await
                }
                action => {
                    let verb = action.trim_end_matches("_initiative");
                    call(Method::POST, format!("{base}/{verb}"), None, None).await
                }
            }
        }

        "list_my_assignments" => {
            call(
                Method::GET,
                "/api/v1/evaluation-assignments".into(),
                None,
                None,
            )
            .await
        }
        "record_round_decision"
        | "remind_evaluators"
        | "close_round"
        | "publish_round"
        | "export_round_minutes"
        | "export_round_results"
        | "get_assignment_dossier" => {
            let sheet_state = match op.state {
                "decided" | "closed" => "submitted",
                s => s,
            };
            let (round, entry, _, assignment) =
                target_round(app, places, t, true, Some(sheet_state)).await;
            // A completed initiative of the round's organisation takes the entry's place, so
            // that it can be decided.
            let initiative = app
                .insert_initiative(
                    places.org(t),
                    places.campaign(t),
                    "completed",
                    places.teacher,
                    &[],
                )
                .await;
            let mut sql = format!(
                "UPDATE round_entries SET initiative_id = '{initiative}' WHERE id = '{entry}';"
            );
            if op.state == "decided" || op.state == "closed" {
                sql.push_str(&format!(
                    "UPDATE round_entries SET decision = 'accepted', selected_for_award = true, \
                     votes_for = 2, votes_against = 0, votes_abstain = 0, decided_at = now() \
                     WHERE id = '{entry}';"
                ));
            }
            if op.state == "closed" {
                sql.push_str(&format!(
                    "UPDATE evaluation_rounds SET status = 'closed', closed_at = now() \
                     WHERE id = '{round}';"
                ));
            }
            app.exec_ok(&sql).await;
            let base = format!("/api/v1/evaluation-rounds/{round}");
            match op.id {
                "record_round_decision" => {
                    let body = json!({ "verdict": "accepted", "selected_for_award": true,
                                       "votes_for": 2, "votes_against": 0, "votes_abstain": 0 });
                    call(
                        Method::PUT,
                        format!("{base}/entries/{entry}/decision"),
                        None,
                        Some(body),
                    )
                    .await
                }
                "remind_evaluators" => {
                    call(Method::POST, format!("{base}/reminders"), None, None).await
                }
                "close_round" => {
                    let body = json!({ "present_member_ids": [] });
                    call(Method::POST, format!("{base}/close"), None, Some(body)).await
                }
                "publish_round" => call(Method::POST, format!("{base}/publish"), None, None).await,
                "export_round_minutes" => {
                    call(Method::GET, format!("{base}/minutes.docx"), None, None).await
                }
                "export_round_results" => {
                    call(Method::GET, format!("{base}/results.xlsx"), None, None).await
                }
                _ => {
                    call(
                        Method::GET,
                        format!("/api/v1/evaluation-assignments/{assignment}/dossier"),
                        None,
                        None,
                    )
                    .await
                }
            }
        }
        "list_criteria_sets" => call(Method::GET, "/api/v1/criteria-sets".into(), None, None).await,
        "list_evaluation_rounds" => {
            call(Method::GET, "/api/v1/evaluation-rounds".into(), None, None).await
        }
        "list_round_entries"
        | "add_round_entries"
        | "remove_round_entry"
        | "assign_evaluator"
        | "assign_evaluators_automatically"
        | "recuse_evaluator" => {
            let (round, entry, scorer, assignment) =
                target_round(app, places, t, op.id == "recuse_evaluator", None).await;
            let base = format!("/api/v1/evaluation-rounds/{round}");
            match op.id {
                "list_round_entries" => {
                    call(Method::GET, format!("{base}/entries"), None, None).await
                }
                "add_round_entries" => {
                    call(
                        Method::POST,
                        format!("{base}/entries"),
                        None,
                        Some(json!({})),
                    )
                    .await
                }
                "remove_round_entry" => {
                    call(
                        Method::DELETE,
                        format!("{base}/entries/{entry}"),
                        None,
                        None,
                    )
                    .await
                }
                "assign_evaluator" => {
                    let body = json!({ "entry_id": entry, "evaluator_id": scorer });
                    call(
                        Method::POST,
                        format!("{base}/assignments"),
                        None,
                        Some(body),
                    )
                    .await
                }
                "assign_evaluators_automatically" => {
                    call(Method::POST, format!("{base}/assignments/auto"), None, None).await
                }
                _ => {
                    let body = json!({ "note": "Người thân là tác giả" });
                    call(
                        Method::POST,
                        format!("/api/v1/evaluation-assignments/{assignment}/recuse"),
                        None,
                        Some(body),
                    )
                    .await
                }
            }
        }
        "start_scoring" | "get_score_sheet" | "save_score_sheet" | "submit_score_sheet"
        | "reopen_score_sheet" | "list_entry_sheets" | "get_round_results" => {
            let (round, entry, _, assignment) =
                target_round(app, places, t, true, Some(op.state)).await;
            let sheet = format!("/api/v1/evaluation-assignments/{assignment}/sheet");
            match op.id {
                "start_scoring" => {
                    call(
                        Method::POST,
                        format!("/api/v1/evaluation-rounds/{round}/start-scoring"),
                        None,
                        None,
                    )
                    .await
                }
                "get_score_sheet" => call(Method::GET, sheet, None, None).await,
                "get_round_results" => {
                    call(
                        Method::GET,
                        format!("/api/v1/evaluation-rounds/{round}/results"),
                        None,
                        None,
                    )
                    .await
                }
                "save_score_sheet" => {
                    let body = json!({ "scores": { "solves_problems": 20 } });
                    call(Method::PUT, sheet, Some("*"), Some(body)).await
                }
                "submit_score_sheet" => {
                    call(Method::POST, format!("{sheet}/submit"), None, None).await
                }
                "reopen_score_sheet" => {
                    let body = json!({ "reason": "Chấm lại tiêu chí 2" });
                    call(Method::POST, format!("{sheet}/reopen"), None, Some(body)).await
                }
                _ => {
                    call(
                        Method::GET,
                        format!("/api/v1/evaluation-rounds/{round}/entries/{entry}/sheets"),
                        None,
                        None,
                    )
                    .await
                }
            }
        }
        "create_evaluation_round" | "get_evaluation_round" => {
            let (level, people) = match t {
                Target::CoGiang => (
                    "unit_committee",
                    [
                        "hieutruong.cogiang",
                        "phohieutruong.cogiang",
                        "congdoan.cogiang",
                    ],
                ),
                Target::TranHungDao => (
                    "unit_committee",
                    [
                        "hieutruong.tranhungdao",
                        "giaovien.tranhungdao.1",
                        "giaovien.tranhungdao.2",
                    ],
                ),
                _ => (
                    "authority_committee",
                    ["bcd.quan1.1", "bcd.quan1.2", "bcd.quan1.3"],
                ),
            };
            let set = app
                .uuid("SELECT id AS v FROM criteria_sets WHERE code = 'seed-selection' AND version = 1")
                .await;
            if op.id == "get_evaluation_round" {
                let id = Uuid::new_v4();
                app.exec_ok(&format!(
                    "INSERT INTO evaluation_rounds (id, campaign_id, level, organization_id, title, \
                     criteria_set_id, scoring_opens_on, scoring_closes_on, created_by) \
                     VALUES ('{id}', '{}', '{level}', '{org}', 'Hội đồng', '{set}', '2026-12-01', \
                     '2026-12-15', '{}')",
                    places.campaign(t),
                    places.teacher
                ))
                .await;
                return call(
                    Method::GET,
                    format!("/api/v1/evaluation-rounds/{id}"),
                    None,
                    None,
                )
                .await;
            }
            let mut members = Vec::new();
            for (n, name) in people.iter().enumerate() {
                let role = ["chair", "secretary", "member"][n];
                members.push(json!({ "user_id": app.user_id(name).await, "role": role }));
            }
            let body = json!({ "campaign_id": places.campaign(t), "level": level,
                               "organization_id": org, "title": "Hội đồng đánh giá",
                               "criteria_set_id": set, "scoring_opens_on": "2026-12-01",
                               "scoring_closes_on": "2026-12-15", "members": members });
            call(
                Method::POST,
                "/api/v1/evaluation-rounds".into(),
                None,
                Some(body),
            )
            .await
        }
        "list_reports" => call(Method::GET, "/api/v1/reports".into(), None, None).await,
        "open_report" => {
            let campaign = places.campaign(t);
            let milestone = app.milestone_id(campaign, "registration").await;
            let body = json!({ "campaign_id": campaign, "organization_id": org,
                               "kind": "phase1_result", "milestone_id": milestone });
            call(Method::POST, "/api/v1/reports".into(), None, Some(body)).await
        }
        "get_report" | "get_report_version" | "export_report_xlsx" | "export_report_docx"
        | "update_report" | "submit_report" | "receive_report" | "return_report" => {
            let (id, _) = target_report(app, places, t, op.state).await;
            let base = format!("/api/v1/reports/{id}");
            match op.id {
                "get_report" => call(Method::GET, base, None, None).await,
                "export_report_xlsx" => {
                    call(Method::GET, format!("{base}/export.xlsx"), None, None).await
                }
                "export_report_docx" => {
                    call(Method::GET, format!("{base}/export.docx"), None, None).await
                }
                "get_report_version" => {
                    call(Method::GET, format!("{base}/versions/1"), None, None).await
                }
                "update_report" => {
                    let body = json!({ "sections": { "results": "Đạt 72% hồ sơ trực tuyến" } });
                    call(Method::PATCH, base, Some("*"), Some(body)).await
                }
                "return_report" => {
                    let body = json!({ "reason": "Bổ sung số liệu" });
                    call(Method::POST, format!("{base}/return"), None, Some(body)).await
                }
                action => {
                    let verb = action.trim_end_matches("_report");
                    call(Method::POST, format!("{base}/{verb}"), None, None).await
                }
            }
        }
        "list_registrations" => call(Method::GET, "/api/v1/registrations".into(), None, None).await,
        "open_registration" => {
            let body = json!({ "campaign_id": places.campaign(t), "organization_id": org });
            call(
                Method::POST,
                "/api/v1/registrations".into(),
                None,
                Some(body),
            )
            .await
        }
        "get_registration"
        | "get_registration_version"
        | "export_registration_xlsx"
        | "export_registration_docx"
        | "add_commitment"
        | "update_commitment"
        | "delete_commitment"
        | "submit_registration"
        | "receive_registration"
        | "return_registration" => {
            let (id, commitment) = target_registration(app, places, t, op.state).await;
            let base = format!("/api/v1/registrations/{id}");
            match op.id {
                "get_registration" => call(Method::GET, base, None, None).await,
                "export_registration_xlsx" => {
                    call(Method::GET, format!("{base}/export.xlsx"), None, None).await
                }
                "export_registration_docx" => {
                    call(Method::GET, format!("{base}/export.docx"), None, None).await
                }
                "get_registration_version" => {
                    call(Method::GET, format!("{base}/versions/1"), None, None).await
                }
                "add_commitment" => {
                    let body =
                        json!({ "shortcoming": "Chậm báo cáo", "commitment": "Báo cáo đúng hạn" });
                    call(
                        Method::POST,
                        format!("{base}/commitments"),
                        Some("*"),
                        Some(body),
                    )
                    .await
                }
                "update_commitment" => {
                    let body = json!({ "status": "in_progress" });
                    call(
                        Method::PATCH,
                        format!("{base}/commitments/{commitment}"),
                        Some("*"),
                        Some(body),
                    )
                    .await
                }
                "delete_commitment" => {
                    call(
                        Method::DELETE,
                        format!("{base}/commitments/{commitment}"),
                        Some("*"),
                        None,
                    )
                    .await
                }
                "return_registration" => {
                    let body = json!({ "reason": "Bổ sung cam kết cụ thể" });
                    call(Method::POST, format!("{base}/return"), None, Some(body)).await
                }
                action => {
                    let verb = action.trim_end_matches("_registration");
                    call(Method::POST, format!("{base}/{verb}"), None, None).await
                }
            }
        }

        "list_award_forms" => call(Method::GET, "/api/v1/award-forms".into(), None, None).await,
        "create_award_form" | "update_award_form" => {
            let body = json!({ "code": unique("gk-"), "name_vi": "Giấy khen thử", "name_en": "Test certificate",
                               "level": "unit", "granting_authority": "Hiệu trưởng", "nominee_kinds": ["person"],
                               "valid_from": "2024-01-01" });
            if op.id == "create_award_form" {
                call(Method::POST, "/api/v1/award-forms".into(), None, Some(body)).await
            } else {
                let id = awards_fx::award_form(app).await;
                call(
                    Method::PUT,
                    format!("/api/v1/award-forms/{id}"),
                    Some("*"),
                    Some(body),
                )
                .await
            }
        }
        "list_staff_ratings" | "list_violation_records" | "list_unit_ratings" => {
            let path = match op.id {
                "list_staff_ratings" => "staff-ratings",
                "list_unit_ratings" => "unit-ratings",
                _ => "violation-records",
            };
            call(
                Method::GET,
                format!("/api/v1/{path}?organization_id={org}&year=2023"),
                None,
                None,
            )
            .await
        }
        "record_staff_rating" => {
            let person = app.insert_user(org, "staff", true).await.id;
            let body =
                json!({ "user_id": person, "year": 2023, "period": "year", "rating": "good" });
            call(
                Method::PUT,
                "/api/v1/staff-ratings".into(),
                None,
                Some(body),
            )
            .await
        }
        "record_unit_rating" => {
            let body = json!({ "organization_id": org, "year": 2023, "rating": "excellent" });
            call(Method::PUT, "/api/v1/unit-ratings".into(), None, Some(body)).await
        }
        "create_violation_record" => {
            let person = app.insert_user(org, "staff", true).await.id;
            let body = json!({ "user_id": person, "occurred_on": "2023-10-16", "kind": "code_of_conduct",
                               "description": "Chậm trả lời phản ánh của phụ huynh." });
            call(
                Method::POST,
                "/api/v1/violation-records".into(),
                None,
                Some(body),
            )
            .await
        }
        "get_violation_record" => {
            let id = awards_fx::violation(app, org).await;
            call(
                Method::GET,
                format!("/api/v1/violation-records/{id}"),
                None,
                None,
            )
            .await
        }
        "list_nominations" => call(Method::GET, "/api/v1/nominations".into(), None, None).await,
        "list_organization_files" => {
            call(
                Method::GET,
                format!("/api/v1/organizations/{org}/files"),
                None,
                None,
            )
            .await
        }
        "export_nominations_xlsx" => {
            call(
                Method::GET,
                "/api/v1/nominations/export.xlsx".into(),
                None,
                None,
            )
            .await
        }
        "export_nominations_docx" => {
            call(
                Method::GET,
                "/api/v1/nominations/export.docx".into(),
                None,
                None,
            )
            .await
        }
        "preview_nomination_eligibility" | "create_nomination" => {
            let person = awards_fx::rated_person(app, org).await;
            let body = json!({ "award_form_id": awards_fx::WARD_FORM, "year": 2023, "nominee_kind": "person",
                               "user_id": person });
            let path = if op.id == "create_nomination" {
                "/api/v1/nominations"
            } else {
                "/api/v1/nominations/eligibility"
            };
            call(Method::POST, path.into(), None, Some(body)).await
        }
        "get_nomination"
        | "export_nomination_dossier"
        | "update_nomination"
        | "delete_nomination"
        | "submit_nomination"
        | "approve_nomination"
        | "reject_nomination"
        | "override_nomination_rule" => {
            let eligible = op.id != "override_nomination_rule";
            let id = awards_fx::nomination(app, org, op.state, eligible).await;
            let base = format!("/api/v1/nominations/{id}");
            match op.id {
                "get_nomination" => call(Method::GET, base, None, None).await,
                "export_nomination_dossier" => {
                    call(Method::GET, format!("{base}/dossier.docx"), None, None).await
                }
                "update_nomination" => {
                    call(
                        Method::PATCH,
                        base,
                        Some("*"),
                        Some(json!({ "proposal": "Tờ trình sửa lại." })),
                    )
                    .await
                }
                "delete_nomination" => call(Method::DELETE, base, None, None).await,
                "reject_nomination" => {
                    let body =
                        json!({ "reason": "Thành tích chưa nổi bật so với các đơn vị khác." });
                    call(Method::POST, format!("{base}/reject"), None, Some(body)).await
                }
                "override_nomination_rule" => {
                    let body = json!({ "rule": "person_rating", "reason": "Kết quả xếp loại đang chờ quyết định của cấp trên." });
                    call(Method::PUT, format!("{base}/override"), None, Some(body)).await
                }
                action => {
                    let verb = action.trim_end_matches("_nomination");
                    call(Method::POST, format!("{base}/{verb}"), None, None).await
                }
            }
        }
        "export_draft_decision_docx" | "export_draft_decision_xlsx" => {
            let ext = if op.id.ends_with("docx") {
                "docx"
            } else {
                "xlsx"
            };
            call(
                Method::GET,
                format!("/api/v1/nominations/draft-decision.{ext}?organization_id={org}"),
                None,
                None,
            )
            .await
        }
        "create_award_decision" => {
            let n = awards_fx::nomination(app, org, "approved", true).await;
            let body = json!({ "number": format!("{}/QĐ-UBND", 1000 + (Uuid::new_v4().as_u128() % 8_000_000)),
                               "signed_on": "2024-12-20", "signer_name": "Lê Đức Thanh", "signer_title": "Chủ tịch",
                               "organization_id": org, "nomination_ids": [n] });
            call(
                Method::POST,
                "/api/v1/award-decisions".into(),
                None,
                Some(body),
            )
            .await
        }
        "list_award_decisions" => {
            call(Method::GET, "/api/v1/award-decisions".into(), None, None).await
        }
        "get_award_decision" | "export_award_decision_docx" => {
            let id = awards_fx::decision(app, org).await;
            let path = if op.id == "get_award_decision" {
                format!("/api/v1/award-decisions/{id}")
            } else {
                format!("/api/v1/award-decisions/{id}/decision.docx")
            };
            call(Method::GET, path, None, None).await
        }
        "list_user_awards" => {
            let person = app.insert_user(org, "staff", true).await.id;
            call(
                Method::GET,
                format!("/api/v1/users/{person}/awards"),
                None,
                None,
            )
            .await
        }
        "list_organization_awards" => {
            call(
                Method::GET,
                format!("/api/v1/organizations/{org}/awards"),
                None,
                None,
            )
            .await
        }
        "list_showcase" => call(Method::GET, "/api/v1/showcase?q=sach".into(), None, None).await,
        "get_showcase_model" | "download_showcase_file" | "update_showcase_model" => {
            let (model, file) = awards_fx::model(app, places, t).await;
            match op.id {
                "get_showcase_model" => {
                    call(Method::GET, format!("/api/v1/showcase/{model}"), None, None).await
                }
                "download_showcase_file" => {
                    call(
                        Method::GET,
                        format!("/api/v1/showcase/{model}/files/{file}/content"),
                        None,
                        None,
                    )
                    .await
                }
                _ => {
                    let body = json!({ "summary": "Tóm tắt công bố", "results": "Kết quả công bố",
                                       "recognized_on": "2024-01-05", "files": [{ "file_id": file, "caption": "Ảnh" }] });
                    call(
                        Method::PUT,
                        format!("/api/v1/showcase/{model}"),
                        None,
                        Some(body),
                    )
                    .await
                }
            }
        }
        "publish_showcase_model" => {
            let (initiative, _) = target_initiative(app, places, t, "accepted").await;
            let body = json!({ "initiative_id": initiative, "summary": "Tóm tắt công bố",
                               "results": "Kết quả công bố", "recognized_on": "2024-01-05" });
            call(Method::POST, "/api/v1/showcase".into(), None, Some(body)).await
        }
        "list_replications" => call(Method::GET, "/api/v1/replications".into(), None, None).await,
        "create_replication" => {
            let elsewhere = if t == Target::District {
                Target::Ward
            } else {
                Target::District
            };
            let (model, _) = awards_fx::model(app, places, elsewhere).await;
            let body = json!({ "model_id": model, "organization_id": org, "planned_from": "2024-01-01",
                               "planned_to": "2024-03-31" });
            call(
                Method::POST,
                "/api/v1/replications".into(),
                None,
                Some(body),
            )
            .await
        }
        "get_replication" | "update_replication" => {
            let elsewhere = if t == Target::District {
                Target::Ward
            } else {
                Target::District
            };
            let (model, _) = awards_fx::model(app, places, elsewhere).await;
            let id = awards_fx::replication(app, model, org).await;
            if op.id == "get_replication" {
                call(
                    Method::GET,
                    format!("/api/v1/replications/{id}"),
                    None,
                    None,
                )
                .await
            } else {
                let body = json!({ "status": "in_progress", "adaptation_notes": "Đã bắt đầu." });
                call(
                    Method::PATCH,
                    format!("/api/v1/replications/{id}"),
                    Some("*"),
                    Some(body),
                )
                .await
            }
        }

        "list_campaigns" => call(Method::GET, "/api/v1/campaigns".into(), None, None).await,
        "create_campaign" => {
            let body = json!({ "code": unique("KH-"), "title": "Kế hoạch mới", "year": 2026,
                               "issued_on": "2026-02-01", "organization_id": org });
            call(Method::POST, "/api/v1/campaigns".into(), None, Some(body)).await
        }
        _ => {
            let (id, milestone) = app.insert_campaign(org, op.state).await;
            let base = format!("/api/v1/campaigns/{id}");
            match op.id {
                "get_campaign" => call(Method::GET, base, None, None).await,
                "update_campaign" => {
                    call(
                        Method::PATCH,
                        base,
                        Some("*"),
                        Some(json!({ "theme": "Chủ đề mới" })),
                    )
                    .await
                }
                "open_campaign" => call(Method::POST, format!("{base}/open"), None, None).await,
                "close_campaign" => call(Method::POST, format!("{base}/close"), None, None).await,
                "reopen_campaign" => call(Method::POST, format!("{base}/reopen"), None, None).await,
                "archive_campaign" => {
                    call(Method::POST, format!("{base}/archive"), None, None).await
                }
                "create_milestone" => {
                    call(
                        Method::POST,
                        format!("{base}/milestones"),
                        None,
                        Some(
                            json!({ "kind": "other", "title": "Mốc thêm", "due_on": "2026-11-30" }),
                        ),
                    )
                    .await
                }
                "update_milestone" => {
                    call(
                        Method::PATCH,
                        format!("{base}/milestones/{milestone}"),
                        Some("*"),
                        Some(json!({ "title": "Mốc đã sửa" })),
                    )
                    .await
                }
                "delete_milestone" => {
                    call(
                        Method::DELETE,
                        format!("{base}/milestones/{milestone}"),
                        None,
                        None,
                    )
                    .await
                }
                "list_extensions" => {
                    call(Method::GET, format!("{base}/extensions"), None, None).await
                }
                "grant_extension" => {
                    let unit = app.insert_org(org, "school").await;
                    call(
                        Method::POST,
                        format!("{base}/extensions"),
                        None,
                        Some(json!({ "milestone_id": milestone, "organization_id": unit,
                                      "due_on": "2027-06-30", "reason": "Đơn vị gặp khó khăn" })),
                    )
                    .await
                }
                "export_campaign_registrations_xlsx" => {
                    let path = format!("{base}/registrations/export.xlsx");
                    call(Method::GET, path, None, None).await
                }
                "export_campaign_registrations_docx" => {
                    let path = format!("{base}/registrations/export.docx");
                    call(Method::GET, path, None, None).await
                }
                other => {
                    panic!("the matrix has a row for {other} but does not know how to call it")
                }
            }
        }
    }
}

/// The committed OpenAPI document.
fn committed_document() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../openapi/openapi.json");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("openapi.json is JSON")
}

/// operationId → (tag, documented status codes).
fn documented_operations() -> BTreeMap<String, (String, BTreeSet<u16>)> {
    let doc = committed_document();
    let mut out = BTreeMap::new();
    for (_, item) in doc["paths"].as_object().expect("paths") {
        for (_, op) in item.as_object().expect("path item") {
            let Some(id) = op["operationId"].as_str() else {
                continue;
            };
            let tag = op["tags"][0].as_str().unwrap_or_default().to_string();
            let statuses = op["responses"]
                .as_object()
                .map(|r| r.keys().filter_map(|k| k.parse().ok()).collect())
                .unwrap_or_default();
            out.insert(id.to_string(), (tag, statuses));
        }
    }
    out
}

#[test]
fn every_operation_is_in_the_matrix() {
    let documented = documented_operations();
    let in_matrix: BTreeSet<&str> = MATRIX.iter().map(|o| o.id).collect();
    let missing: Vec<&String> = documented
        .keys()
        .filter(|id| !in_matrix.contains(id.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "operations of openapi/openapi.json missing from the authorisation matrix \
         (add a row to tests/api/tests/api/matrix.rs saying who may use them): {missing:?}"
    );
    let unknown: Vec<&&str> = in_matrix
        .iter()
        .filter(|id| !documented.contains_key(**id))
        .collect();
    assert!(
        unknown.is_empty(),
        "matrix rows for operations that do not exist: {unknown:?}"
    );
    for op in MATRIX {
        for role in ROLES {
            op.expectations(role);
        }
    }
    let unrun: BTreeSet<&str> = documented
        .values()
        .map(|(tag, _)| tag.as_str())
        .filter(|tag| !TAGS_RUN.contains(tag))
        .collect();
    assert!(
        unrun.is_empty(),
        "no matrix test runs the rows of tags {unrun:?}: add a `run_matrix` test for them"
    );
}

/// The tags the `matrix_*` tests below run, together.
const TAGS_RUN: &[&str] = &[
    "auth",
    "operations",
    "audit",
    "organizations",
    "registrations",
    "users",
    "campaigns",
    "initiatives",
    "files",
    "reports",
    "evaluation",
    "awards",
    "showcase",
];

/// Runs every row of the operations with these tags and reports each unexpected outcome.
async fn run_matrix(tags: &[&str]) {
    let documented = documented_operations();
    let app = spawn_app().await;
    let places = Places::load(&app).await;
    let mut failures = Vec::new();
    let mut cases = 0;
    for op in MATRIX {
        let (tag, statuses) = documented
            .get(op.id)
            .unwrap_or_else(|| panic!("{} is not in openapi.json", op.id));
        if !tags.contains(&tag.as_str()) {
            continue;
        }
        for role in ROLES {
            for (t, expect) in op.targets.iter().zip(op.expectations(role)) {
                cases += 1;
                let r = perform(&app, &places, op, role, *t).await;
                let mut problems = Vec::new();
                if !expect.matches(&r) {
                    problems.push(if (200..300).contains(&r.status) {
                        "UNEXPECTED ALLOW".to_string()
                    } else {
                        "unexpected outcome".to_string()
                    });
                }
                if !statuses.contains(&r.status) {
                    problems.push(format!("HTTP {} is not documented for {}", r.status, op.id));
                }
                if r.status >= 400
                    && let Some(e) = problem_shape_error(&r)
                {
                    problems.push(format!("not a problem document: {e}"));
                }
                if !problems.is_empty() {
                    failures.push(format!(
                        "{:<24} {:<8} {:<24} {:<14} expected {:<4} got {} {:<22} {}",
                        op.id,
                        op.state,
                        role.label(),
                        t.label(),
                        expect.describe(),
                        r.status,
                        r.body["code"].as_str().unwrap_or(""),
                        problems.join("; ")
                    ));
                }
                // Undo what a case did to the caller's own account.
                if (200..300).contains(&r.status)
                    && matches!(
                        op.id,
                        "change_my_password" | "reset_user_password" | "deactivate_user"
                    )
                    && (*t == Target::Myself || op.id == "change_my_password")
                    && let Some(name) = role.username()
                {
                    app.restore_demo_account(name).await;
                }
            }
        }
    }
    assert!(cases > 0, "no matrix rows for tags {tags:?}");
    assert!(
        failures.is_empty(),
        "authorisation matrix ({tags:?}): {} of {cases} cases differ from the table\n\
         {:<24} {:<8} {:<24} {:<14} expected\n{}",
        failures.len(),
        "operation",
        "state",
        "role",
        "target",
        failures.join("\n")
    );
}

#[tokio::test]
async fn matrix_auth_and_operations() {
    run_matrix(&["auth", "operations"]).await;
}

#[tokio::test]
async fn matrix_organizations() {
    run_matrix(&["organizations"]).await;
}

#[tokio::test]
async fn matrix_users() {
    run_matrix(&["users"]).await;
}

#[tokio::test]
async fn matrix_campaigns() {
    run_matrix(&["campaigns"]).await;
}

#[tokio::test]
async fn matrix_audit() {
    run_matrix(&["audit"]).await;
}

#[tokio::test]
async fn matrix_registrations() {
    run_matrix(&["registrations"]).await;
}

#[tokio::test]
async fn matrix_initiatives() {
    run_matrix(&["initiatives"]).await;
}

#[tokio::test]
async fn matrix_files() {
    run_matrix(&["files"]).await;
}

#[tokio::test]
async fn matrix_evaluation() {
    run_matrix(&["evaluation"]).await;
}

#[tokio::test]
async fn matrix_reports() {
    run_matrix(&["reports"]).await;
}

#[tokio::test]
async fn matrix_awards() {
    run_matrix(&["awards"]).await;
}

#[tokio::test]
async fn matrix_showcase() {
    run_matrix(&["showcase"]).await;
}

/// What an evidence file fixture is attached to.
enum Owner {
    Initiative(Uuid),
    Report(Uuid),
}

/// Stores `bytes` and records a file over them for `owner`, uploaded by its creator.
async fn insert_file(app: &TestApp, bytes: Vec<u8>, owner: Owner) -> Uuid {
    let stored = app
        .files
        .put_bytes(bytes.into())
        .await
        .expect("store the bytes");
    let file = Uuid::new_v4();
    let sha: String = stored.sha256.iter().map(|b| format!("{b:02x}")).collect();
    let (table, column, id) = match owner {
        Owner::Initiative(id) => ("initiatives", "initiative_id", id),
        Owner::Report(id) => ("reports", "report_id", id),
    };
    app.exec_ok(&format!(
        "INSERT INTO file_blobs (sha256, size_bytes, media_type) \
         VALUES (decode('{sha}', 'hex'), {}, 'application/pdf') ON CONFLICT DO NOTHING; \
         INSERT INTO files (id, sha256, original_name, category, organization_id, {column}, \
                            uploaded_by) \
         SELECT '{file}', decode('{sha}', 'hex'), 'Kế hoạch.pdf', 'implementation_plan', \
                organization_id, id, created_by FROM {table} WHERE id = '{id}'",
        stored.size
    ))
    .await;
    file
}

/// Fixtures of the awards rows, written straight to the database.
mod awards_fx {
    use uuid::Uuid;

    use super::{Owner, Places, Target, insert_file, target_initiative};
    use crate::helpers::{TestApp, lit};

    /// "Giấy khen của Chủ tịch UBND phường": in force since 1/7/2025, no deadline.
    pub const WARD_FORM: &str = "018c5e2b-0000-7000-8000-000000000002";

    pub async fn award_form(app: &TestApp) -> Uuid {
        let id = Uuid::new_v4();
        app.exec_ok(&format!(
            "INSERT INTO award_forms (id, code, name_vi, name_en, level, granting_authority, \
             nominee_kinds, valid_from) VALUES ('{id}', {}, 'Giấy khen', 'Certificate', 'unit', \
             'Hiệu trưởng', ARRAY['person'], '2024-01-01')",
            lit(&format!("fx-{}", &id.simple().to_string()[..12]))
        ))
        .await;
        id
    }

    /// A fresh person of `org` rated "Hoàn thành tốt nhiệm vụ" for 2023.
    pub async fn rated_person(app: &TestApp, org: Uuid) -> Uuid {
        let person = app.insert_user(org, "staff", true).await.id;
        app.exec_ok(&format!(
            "INSERT INTO staff_ratings (id, user_id, year, period, rating, recorded_by) \
             VALUES ('{}', '{person}', 2023, 'year', 'good', '{person}')",
            Uuid::new_v4()
        ))
        .await;
        person
    }

    pub async fn violation(app: &TestApp, org: Uuid) -> Uuid {
        let person = app.insert_user(org, "staff", true).await.id;
        let id = Uuid::new_v4();
        app.exec_ok(&format!(
            "INSERT INTO violation_records (id, user_id, occurred_on, kind, description, recorded_by) \
             VALUES ('{id}', '{person}', '2023-10-16', 'law', 'Vi phạm thử', '{person}')"
        ))
        .await;
        id
    }

    /// A nomination for the ward form of a person of `org` (rated when `eligible`), in
    /// `status` (submitted today when past draft).
    pub async fn nomination(app: &TestApp, org: Uuid, status: &str, eligible: bool) -> Uuid {
        let person = if eligible {
            rated_person(app, org).await
        } else {
            app.insert_user(org, "staff", true).await.id
        };
        let id = Uuid::new_v4();
        let submitted = if status == "draft" {
            "NULL"
        } else {
            "CURRENT_DATE"
        };
        app.exec_ok(&format!(
            "INSERT INTO nominations (id, award_form_id, year, nominee_kind, nominee_user_id, \
             organization_id, status, submitted_on, submitted_at, created_by) \
             VALUES ('{id}', '{WARD_FORM}', 2023, 'person', '{person}', '{org}', {}, {submitted}, \
             {}, '{person}')",
            lit(status),
            if status == "draft" { "NULL" } else { "now()" }
        ))
        .await;
        id
    }

    /// A decision of `org` granting one nomination of a person there.
    pub async fn decision(app: &TestApp, org: Uuid) -> Uuid {
        let n = nomination(app, org, "approved", true).await;
        let id = Uuid::new_v4();
        app.exec_ok(&format!(
            "INSERT INTO award_decisions (id, number, signed_on, signer_name, signer_title, \
             organization_id, created_by) SELECT '{id}', {}, '2024-12-20', 'Lê Đức Thanh', \
             'Chủ tịch', '{org}', created_by FROM nominations WHERE id = '{n}'; \
             UPDATE nominations SET status = 'decided', award_decision_id = '{id}' WHERE id = '{n}'",
            lit(&format!("{}/QĐ-UBND", id.as_u128() % 9_000_000 + 1000))
        ))
        .await;
        id
    }

    /// A showcased model of an accepted initiative of the target, with one published file.
    pub async fn model(app: &TestApp, places: &Places, t: Target) -> (Uuid, Uuid) {
        let (initiative, _) = target_initiative(app, places, t, "accepted").await;
        let file = insert_file(
            app,
            b"%PDF-1.4 mo hinh".to_vec(),
            Owner::Initiative(initiative),
        )
        .await;
        let id = Uuid::new_v4();
        app.exec_ok(&format!(
            "INSERT INTO showcase_models (id, initiative_id, summary, results, recognized_on, \
             published_by, search_text) SELECT '{id}', id, 'Tóm tắt', 'Kết quả', '2024-01-05', \
             created_by, 'mo hinh' FROM initiatives WHERE id = '{initiative}'; \
             INSERT INTO showcase_files (model_id, file_id) VALUES ('{id}', '{file}')"
        ))
        .await;
        (id, file)
    }

    pub async fn replication(app: &TestApp, model: Uuid, org: Uuid) -> Uuid {
        let id = Uuid::new_v4();
        app.exec_ok(&format!(
            "INSERT INTO replications (id, model_id, organization_id, planned_from, planned_to, \
             created_by) SELECT '{id}', '{model}', '{org}', '2024-01-01', '2024-03-31', \
             published_by FROM showcase_models WHERE id = '{model}'"
        ))
        .await;
        id
    }
}
