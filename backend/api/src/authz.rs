//! The policy: who may do what, in one place. Handlers ask it before touching data; views ask
//! it for `allowed_actions`, so the SPA shows exactly the buttons the API accepts.
//!
//! Two answers are distinguished: a resource outside every subtree the caller holds a role
//! in is *hidden* (404, indistinguishable from a missing one); a visible resource on which
//! the caller's roles do not allow the action is *forbidden* (403).

use thidua_domain::campaign::{CampaignAction, CampaignStatus};
use thidua_domain::role::Role;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Forbidden,
    Hidden,
}

impl Decision {
    pub fn into_result(self) -> Result<(), ApiError> {
        match self {
            Decision::Allow => Ok(()),
            Decision::Forbidden => Err(ApiError::forbidden()),
            Decision::Hidden => Err(ApiError::not_found()),
        }
    }

    pub fn allowed(self) -> bool {
        self == Decision::Allow
    }
}

fn decide(visible: bool, allowed: bool) -> Decision {
    match (visible, allowed) {
        (false, _) => Decision::Hidden,
        (true, false) => Decision::Forbidden,
        (true, true) => Decision::Allow,
    }
}

/// Whether the caller reaches a node at all (any role over it, or an administrator).
pub fn can_see_org(p: &Principal, org_path: &[Uuid]) -> bool {
    p.is_admin() || p.roles_over(org_path).next().is_some()
}

// ----- organisations -------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgAction {
    View,
    Update,
    /// Create a child under this organisation.
    CreateChild,
}

impl OrgAction {
    pub const ALL: [OrgAction; 3] = [OrgAction::View, OrgAction::Update, OrgAction::CreateChild];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgAction::View => "view",
            OrgAction::Update => "update",
            OrgAction::CreateChild => "create_child",
        }
    }
}

/// The organisation tree is administered by administrators only.
pub fn org(p: &Principal, action: OrgAction, org_path: &[Uuid]) -> Decision {
    let visible = can_see_org(p, org_path);
    match action {
        OrgAction::View => decide(visible, true),
        OrgAction::Update | OrgAction::CreateChild => decide(visible, p.is_admin()),
    }
}

/// Creating a root organisation (a city) is for administrators.
pub fn create_root_org(p: &Principal) -> Decision {
    if p.is_admin() {
        Decision::Allow
    } else {
        Decision::Forbidden
    }
}

pub fn org_allowed_actions(p: &Principal, org_path: &[Uuid]) -> Vec<String> {
    OrgAction::ALL
        .into_iter()
        .filter(|a| *a != OrgAction::View && org(p, *a, org_path).allowed())
        .map(|a| a.as_str().to_string())
        .collect()
}

// ----- users ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserAction {
    View,
    Update,
    Deactivate,
    Activate,
    ResetPassword,
    GrantRole,
    RevokeRole,
}

impl UserAction {
    pub const ALL: [UserAction; 7] = [
        UserAction::View,
        UserAction::Update,
        UserAction::Deactivate,
        UserAction::Activate,
        UserAction::ResetPassword,
        UserAction::GrantRole,
        UserAction::RevokeRole,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UserAction::View => "view",
            UserAction::Update => "update",
            UserAction::Deactivate => "deactivate",
            UserAction::Activate => "activate",
            UserAction::ResetPassword => "reset_password",
            UserAction::GrantRole => "grant_role",
            UserAction::RevokeRole => "revoke_role",
        }
    }
}

/// What the policy needs to know about a target user.
pub struct UserTarget<'a> {
    pub id: Uuid,
    pub org_path: &'a [Uuid],
    /// Each role the user holds, with the ancestry of the organisation it is rooted at.
    pub grants: &'a [(Role, Vec<Uuid>)],
    pub is_active: bool,
}

/// Administrators manage everyone. A unit head manages the accounts of their own unit
/// (subtree), except accounts that hold a role a unit head may not grant (another head, an
/// authority officer, an administrator, an evaluator): that would let a head lock out or
/// take over someone above their station. Authority officers may look users up in their
/// subtree (to staff committees) but not change them. Everyone sees themselves.
pub fn user(p: &Principal, action: UserAction, target: &UserTarget<'_>) -> Decision {
    let is_self = p.user_id == target.id;
    let as_admin = p.is_admin();
    let as_head = p.has_role_over(Role::UnitHead, target.org_path);
    let as_officer = p.has_role_over(Role::AuthorityOfficer, target.org_path);
    let visible = is_self || as_admin || as_head || as_officer;
    // Every grant must be one a head may give, rooted inside a subtree the caller heads:
    // otherwise managing the account would reach beyond the caller's unit.
    let head_may_manage = as_head
        && target
            .grants
            .iter()
            .all(|(r, path)| r.grantable_by_unit_head() && p.has_role_over(Role::UnitHead, path));
    let manager = as_admin || head_may_manage;
    let allowed = match action {
        UserAction::View => true,
        UserAction::Update | UserAction::GrantRole | UserAction::RevokeRole => manager,
        // One's own password changes through /me/password, which asks for the current one.
        UserAction::ResetPassword => manager && !is_self,
        // Nobody deactivates themselves (the last administrator would lock everyone out).
        UserAction::Deactivate => manager && !is_self && target.is_active,
        UserAction::Activate => manager && !is_self && !target.is_active,
    };
    decide(visible, allowed)
}

pub fn user_allowed_actions(p: &Principal, target: &UserTarget<'_>) -> Vec<String> {
    UserAction::ALL
        .into_iter()
        .filter(|a| *a != UserAction::View && user(p, *a, target).allowed())
        .map(|a| a.as_str().to_string())
        .collect()
}

/// Creating an account in an organisation: administrators anywhere, unit heads in their
/// subtree.
pub fn create_user(p: &Principal, org_path: &[Uuid]) -> Decision {
    let visible = can_see_org(p, org_path);
    decide(
        visible,
        p.is_admin() || p.has_role_over(Role::UnitHead, org_path),
    )
}

/// Granting `role` over the subtree at `org_path`: administrators grant anything; a unit
/// head grants staff and focal roles inside their own subtree only.
pub fn grant_role(p: &Principal, role: Role, org_path: &[Uuid]) -> Decision {
    let visible = can_see_org(p, org_path);
    let allowed = p.is_admin()
        || (role.grantable_by_unit_head() && p.has_role_over(Role::UnitHead, org_path));
    decide(visible, allowed)
}

pub fn list_users(p: &Principal) -> Decision {
    if p.is_admin() || p.has_role(Role::UnitHead) || p.has_role(Role::AuthorityOfficer) {
        Decision::Allow
    } else {
        Decision::Forbidden
    }
}

// ----- campaigns -----------------------------------------------------------------------

/// Campaigns are run by authority officers for their organisation's subtree; a unit head
/// runs the unit's own implementing plan (e.g. 112/KH-MNCG).
pub fn manages_campaign(p: &Principal, campaign_org_path: &[Uuid]) -> bool {
    p.has_role_over(Role::AuthorityOfficer, campaign_org_path)
        || p.has_role_over(Role::UnitHead, campaign_org_path)
}

/// Who sees a campaign: its managers and administrators always; once it is out of draft,
/// everyone below its issuing organisation (they take part in it).
pub fn can_see_campaign(
    p: &Principal,
    campaign_org_id: Uuid,
    campaign_org_path: &[Uuid],
    status: CampaignStatus,
) -> bool {
    if p.is_admin() || can_see_org(p, campaign_org_path) {
        return p.is_admin()
            || status != CampaignStatus::Draft
            || manages_campaign(p, campaign_org_path);
    }
    status != CampaignStatus::Draft && p.ancestors().contains(&campaign_org_id)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignOp {
    View,
    Update,
    Transition(CampaignAction),
    ManageMilestones,
    GrantExtension,
    /// The Mẫu 1 summary over all units' submitted registrations.
    ExportRegistrations,
}

pub fn campaign(
    p: &Principal,
    op: CampaignOp,
    campaign_org_id: Uuid,
    campaign_org_path: &[Uuid],
    status: CampaignStatus,
) -> Decision {
    let visible = can_see_campaign(p, campaign_org_id, campaign_org_path, status);
    let manager = manages_campaign(p, campaign_org_path);
    let allowed = match op {
        CampaignOp::View => true,
        CampaignOp::Update | CampaignOp::ManageMilestones => manager,
        CampaignOp::Transition(_) => manager,
        CampaignOp::GrantExtension | CampaignOp::ExportRegistrations => {
            p.has_role_over(Role::AuthorityOfficer, campaign_org_path)
        }
    };
    decide(visible, allowed)
}

/// Creating a campaign issued by an organisation.
pub fn create_campaign(p: &Principal, org_path: &[Uuid]) -> Decision {
    decide(can_see_org(p, org_path), manages_campaign(p, org_path))
}

/// Actions offered on a campaign: allowed by role *and* possible in its state.
pub fn campaign_allowed_actions(
    p: &Principal,
    org_id: Uuid,
    org_path: &[Uuid],
    status: CampaignStatus,
) -> Vec<String> {
    let mut out = Vec::new();
    if campaign(p, CampaignOp::Update, org_id, org_path, status).allowed() && status.is_editable() {
        out.push("update".to_string());
        out.push("manage_milestones".to_string());
        // Units plan against published deadlines: once open, a milestone moves, never goes.
        if status == CampaignStatus::Draft {
            out.push("delete_milestone".to_string());
        }
    }
    for a in CampaignAction::ALL {
        if status.apply(a).is_ok()
            && campaign(p, CampaignOp::Transition(a), org_id, org_path, status).allowed()
        {
            out.push(a.as_str().to_string());
        }
    }
    if status == CampaignStatus::Open
        && campaign(p, CampaignOp::GrantExtension, org_id, org_path, status).allowed()
    {
        out.push("grant_extension".to_string());
    }
    out
}

/// Which of a campaign's extensions a caller sees: all for its managers and administrators,
/// otherwise those of units in the caller's subtrees.
pub fn sees_all_extensions(p: &Principal, campaign_org_path: &[Uuid]) -> bool {
    p.is_admin() || manages_campaign(p, campaign_org_path)
}

// ----- initiatives --------------------------------------------------------------------

use thidua_domain::initiative::{InitiativeAction, InitiativeStatus, Refusal, Standing};

/// How the caller stands to an initiative of the unit at `unit_path`.
pub fn initiative_standing(p: &Principal, unit_path: &[Uuid], is_author: bool) -> Standing {
    Standing {
        author: is_author,
        focal: p.has_role_over(Role::UnitFocal, unit_path),
        head: p.has_role_over(Role::UnitHead, unit_path),
    }
}

/// Initiatives are seen by everyone with a role over their unit (its staff, its officers,
/// the authority and committee members above it) and by their authors.
pub fn can_see_initiative(p: &Principal, unit_path: &[Uuid], is_author: bool) -> bool {
    is_author || can_see_org(p, unit_path)
}

/// Registering an initiative for a unit: people of the unit (staff, focal officer, head).
pub fn create_initiative(p: &Principal, unit_path: &[Uuid]) -> Decision {
    let member = [Role::Staff, Role::UnitFocal, Role::UnitHead]
        .iter()
        .any(|r| p.has_role_over(*r, unit_path));
    decide(can_see_org(p, unit_path), member)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitiativeOp {
    View,
    /// Core fields, authors and the roadmap's plan.
    Update,
    /// Done dates and progress of roadmap steps.
    ReportProgress,
    /// Upload evidence files to it, or delete one not yet part of a submitted version.
    AttachEvidence,
    Transition(InitiativeAction),
}

/// The policy answer for an initiative, as an error ready to return: hidden → 404, state →
/// 409 naming the state, role → 403.
pub fn initiative(
    p: &Principal,
    op: InitiativeOp,
    unit_path: &[Uuid],
    is_author: bool,
    status: InitiativeStatus,
) -> Result<(), ApiError> {
    if !can_see_initiative(p, unit_path, is_author) {
        return Err(ApiError::not_found());
    }
    let who = initiative_standing(p, unit_path, is_author);
    let contributor = who.author || who.focal || who.head;
    let refusal = match op {
        InitiativeOp::View => None,
        InitiativeOp::Update => match (contributor, status.core_editable()) {
            (false, _) => Some(Refusal::Forbidden),
            (true, false) => Some(Refusal::InvalidState),
            (true, true) => None,
        },
        InitiativeOp::ReportProgress => match (contributor, status.progress_reportable()) {
            (false, _) => Some(Refusal::Forbidden),
            (true, false) => Some(Refusal::InvalidState),
            (true, true) => None,
        },
        // Evidence is gathered while the work goes on and for its acceptance; not once the
        // initiative is withdrawn or decided.
        InitiativeOp::AttachEvidence => match (contributor, status.is_final()) {
            (false, _) => Some(Refusal::Forbidden),
            (true, true) => Some(Refusal::InvalidState),
            (true, false) => None,
        },
        InitiativeOp::Transition(action) => {
            thidua_domain::initiative::transition(status, action, who).err()
        }
    };
    match refusal {
        None => Ok(()),
        Some(Refusal::Forbidden) => Err(ApiError::forbidden()),
        Some(Refusal::InvalidState) => {
            let what = match op {
                InitiativeOp::Transition(a) => a.as_str(),
                InitiativeOp::Update => "update",
                InitiativeOp::ReportProgress => "report progress",
                InitiativeOp::AttachEvidence => "attach evidence",
                InitiativeOp::View => "view",
            };
            Err(ApiError::invalid_transition(status.as_str(), what))
        }
    }
}

pub fn initiative_allowed_actions(
    p: &Principal,
    unit_path: &[Uuid],
    is_author: bool,
    status: InitiativeStatus,
) -> Vec<String> {
    let mut out = Vec::new();
    let ok = |op| initiative(p, op, unit_path, is_author, status).is_ok();
    if ok(InitiativeOp::Update) {
        out.push("update".to_string());
    }
    if ok(InitiativeOp::ReportProgress) {
        out.push("report_progress".to_string());
    }
    for a in InitiativeAction::ALL {
        if ok(InitiativeOp::Transition(a)) {
            out.push(a.as_str().to_string());
        }
    }
    out
}

// ----- registrations (Mẫu 1) -------------------------------------------------------------

use thidua_domain::registration::{RegistrationAction, RegistrationStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationOp {
    View,
    /// The commitments.
    Update,
    Transition(RegistrationAction),
}

/// A unit's registration is the unit's (its people see it; its head and focal officer edit
/// it; its head sends it) until sent; the campaign's authority sees what was sent and
/// receives or returns it.
pub fn registration(
    p: &Principal,
    op: RegistrationOp,
    unit_path: &[Uuid],
    campaign_org_path: &[Uuid],
    status: RegistrationStatus,
    ever_submitted: bool,
) -> Result<(), ApiError> {
    let authority = p.has_role_over(Role::AuthorityOfficer, campaign_org_path);
    let visible = p.is_admin() || can_see_org(p, unit_path) || (authority && ever_submitted);
    if !visible {
        return Err(ApiError::not_found());
    }
    let head = p.has_role_over(Role::UnitHead, unit_path);
    let focal = p.has_role_over(Role::UnitFocal, unit_path);
    let (allowed, possible, what) = match op {
        RegistrationOp::View => (true, true, "view"),
        RegistrationOp::Update => (head || focal, status.editable(), "update"),
        RegistrationOp::Transition(a) => {
            let who = match a {
                RegistrationAction::Submit => head,
                RegistrationAction::Receive | RegistrationAction::Return => authority,
            };
            (who, status.next(a).is_some(), a.as_str())
        }
    };
    if !possible {
        return Err(ApiError::invalid_transition(status.as_str(), what));
    }
    if !allowed {
        return Err(ApiError::forbidden());
    }
    Ok(())
}

/// Opening (creating) a unit's registration: its head or focal officer.
pub fn open_registration(p: &Principal, unit_path: &[Uuid]) -> Decision {
    decide(
        can_see_org(p, unit_path),
        p.has_role_over(Role::UnitHead, unit_path) || p.has_role_over(Role::UnitFocal, unit_path),
    )
}

pub fn registration_allowed_actions(
    p: &Principal,
    unit_path: &[Uuid],
    campaign_org_path: &[Uuid],
    status: RegistrationStatus,
    ever_submitted: bool,
) -> Vec<String> {
    let ok = |op| registration(p, op, unit_path, campaign_org_path, status, ever_submitted).is_ok();
    let mut out = Vec::new();
    if ok(RegistrationOp::Update) {
        out.push("update".to_string());
    }
    for a in RegistrationAction::ALL {
        if ok(RegistrationOp::Transition(a)) {
            out.push(a.as_str().to_string());
        }
    }
    out
}

// ----- audit log ---------------------------------------------------------------------

// ----- reports (Mẫu 2, progress, self-assessment, acceptance, year-end) ------------------

use thidua_domain::submission::{SubmissionAction, SubmissionStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportOp {
    View,
    /// Title, sections, the results table, and its evidence.
    Update,
    Transition(SubmissionAction),
}

/// How the caller stands to one report.
#[derive(Debug, Clone, Copy)]
pub struct ReportFacts<'a> {
    pub unit_path: &'a [Uuid],
    pub campaign_org_path: &'a [Uuid],
    pub status: SubmissionStatus,
    pub ever_submitted: bool,
    /// The caller wrote it (opened it).
    pub creator: bool,
    /// The caller is an author of the initiative an acceptance report is about.
    pub initiative_author: bool,
}

/// People of the unit (staff, focal officer, head).
fn unit_member(p: &Principal, unit_path: &[Uuid]) -> bool {
    [Role::Staff, Role::UnitFocal, Role::UnitHead]
        .iter()
        .any(|r| p.has_role_over(*r, unit_path))
}

/// A report is written and sent by whoever opened it (a teacher writes the phase-1 report),
/// the unit's head and focal officer, and for an acceptance report the initiative's authors;
/// the campaign's authority receives or returns it. Like a registration, the authority sees
/// it once it was sent.
pub fn report(p: &Principal, op: ReportOp, f: &ReportFacts<'_>) -> Result<(), ApiError> {
    let authority = p.has_role_over(Role::AuthorityOfficer, f.campaign_org_path);
    let visible = p.is_admin()
        || can_see_org(p, f.unit_path)
        || f.initiative_author
        || (authority && f.ever_submitted);
    if !visible {
        return Err(ApiError::not_found());
    }
    let writer = (f.creator && unit_member(p, f.unit_path))
        || f.initiative_author
        || p.has_role_over(Role::UnitHead, f.unit_path)
        || p.has_role_over(Role::UnitFocal, f.unit_path);
    let (allowed, possible, what) = match op {
        ReportOp::View => (true, true, "view"),
        ReportOp::Update => (writer, f.status.editable(), "update"),
        ReportOp::Transition(a) => {
            let who = match a {
                SubmissionAction::Submit => writer,
                SubmissionAction::Receive | SubmissionAction::Return => authority,
            };
            (who, f.status.next(a).is_some(), a.as_str())
        }
    };
    if !possible {
        return Err(ApiError::invalid_transition(f.status.as_str(), what));
    }
    if !allowed {
        return Err(ApiError::forbidden());
    }
    Ok(())
}

/// Opening a report for a unit: its people; for an acceptance report, the initiative's
/// authors or the unit's head or focal officer.
pub fn open_report(
    p: &Principal,
    unit_path: &[Uuid],
    per_initiative: bool,
    initiative_author: bool,
) -> Decision {
    let allowed = if per_initiative {
        initiative_author
            || p.has_role_over(Role::UnitHead, unit_path)
            || p.has_role_over(Role::UnitFocal, unit_path)
    } else {
        unit_member(p, unit_path)
    };
    decide(can_see_org(p, unit_path) || initiative_author, allowed)
}

pub fn report_allowed_actions(p: &Principal, f: &ReportFacts<'_>) -> Vec<String> {
    let ok = |op| report(p, op, f).is_ok();
    let mut out = Vec::new();
    if ok(ReportOp::Update) {
        out.push("update".to_string());
    }
    for a in SubmissionAction::ALL {
        if ok(ReportOp::Transition(a)) {
            out.push(a.as_str().to_string());
        }
    }
    out
}

// ----- evaluation rounds --------------------------------------------------------------

use thidua_domain::evaluation::{MemberRole, RoundLevel};

/// Who sets up a committee's round: the unit's head for its own committee, the authority's
/// officer for the authority's committee and award pre-selection.
pub fn manages_rounds(p: &Principal, level: RoundLevel, org_path: &[Uuid]) -> bool {
    match level {
        RoundLevel::UnitCommittee => p.has_role_over(Role::UnitHead, org_path),
        RoundLevel::AuthorityCommittee | RoundLevel::AwardPreselection => {
            p.has_role_over(Role::AuthorityOfficer, org_path)
        }
    }
}

pub fn create_round(p: &Principal, level: RoundLevel, org_path: &[Uuid]) -> Decision {
    decide(can_see_org(p, org_path), manages_rounds(p, level, org_path))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundOp {
    View,
    /// Set up: members, entries, assignments, the round's state (its organiser or chair).
    Manage,
}

/// A round is seen by everyone reaching its organisation and by its committee; managed by
/// whoever may set up rounds of its level there, and by its chair.
pub fn round(
    p: &Principal,
    op: RoundOp,
    level: RoundLevel,
    org_path: &[Uuid],
    my_role: Option<MemberRole>,
) -> Decision {
    let visible = can_see_org(p, org_path) || my_role.is_some();
    let allowed = match op {
        RoundOp::View => true,
        RoundOp::Manage => manages_rounds(p, level, org_path) || my_role == Some(MemberRole::Chair),
    };
    decide(visible, allowed)
}

/// Whose entries the caller reads: administrators all; authority officers and unit heads
/// those about their subtrees; nobody else any.
pub fn audit_scope(p: &Principal) -> Option<thidua_db::queries::Scope> {
    if p.is_admin() {
        return Some(thidua_db::queries::Scope::All);
    }
    let roots = p.roots_with(&[Role::AuthorityOfficer, Role::UnitHead]);
    (!roots.is_empty()).then_some(thidua_db::queries::Scope::Subtrees(roots))
}

/// Capabilities of the caller as a whole (for menus).
pub fn capabilities(p: &Principal) -> Vec<String> {
    let mut c = Vec::new();
    if p.is_admin() {
        c.push("organizations.manage");
    }
    if list_users(p).allowed() {
        c.push("users.view");
    }
    if p.is_admin() || p.has_role(Role::UnitHead) {
        c.push("users.manage");
    }
    if p.has_role(Role::AuthorityOfficer) || p.has_role(Role::UnitHead) {
        c.push("campaigns.create");
    }
    if p.has_role(Role::AuthorityOfficer) {
        c.push("campaigns.extend_deadlines");
    }
    if audit_scope(p).is_some() {
        c.push("audit.view");
    }
    c.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Grant;

    struct Tree {
        city: Uuid,
        district: Uuid,
        school: Uuid,
        other_school: Uuid,
    }

    fn tree() -> Tree {
        Tree {
            city: Uuid::new_v4(),
            district: Uuid::new_v4(),
            school: Uuid::new_v4(),
            other_school: Uuid::new_v4(),
        }
    }

    fn principal(role: Role, root: Uuid, path: Vec<Uuid>) -> Principal {
        Principal {
            user_id: Uuid::new_v4(),
            username: "u".into(),
            display_name: "U".into(),
            organization_id: root,
            grants: vec![Grant {
                id: Uuid::new_v4(),
                role,
                organization_id: root,
                organization_name: "X".into(),
                organization_path: path,
            }],
        }
    }

    #[test]
    fn unit_head_manages_staff_of_own_unit_only() {
        let t = tree();
        let school_path = vec![t.city, t.district, t.school];
        let other_path = vec![t.city, t.district, t.other_school];
        let head = principal(Role::UnitHead, t.school, school_path.clone());
        let staff_grants = [(Role::Staff, school_path.clone())];
        let staff = UserTarget {
            id: Uuid::new_v4(),
            org_path: &school_path,
            grants: &staff_grants,
            is_active: true,
        };
        let other_grants = [(Role::Staff, other_path.clone())];
        let other = UserTarget {
            id: Uuid::new_v4(),
            org_path: &other_path,
            grants: &other_grants,
            is_active: true,
        };
        let peer_grants = [(Role::UnitHead, school_path.clone())];
        let peer_head = UserTarget {
            id: Uuid::new_v4(),
            org_path: &school_path,
            grants: &peer_grants,
            is_active: true,
        };
        // A teacher of the school who is also focal officer of another school: managing the
        // account would reach into the other school.
        let both_grants = [
            (Role::Staff, school_path.clone()),
            (Role::UnitFocal, other_path.clone()),
        ];
        let both = UserTarget {
            id: Uuid::new_v4(),
            org_path: &school_path,
            grants: &both_grants,
            is_active: true,
        };
        assert_eq!(
            user(&head, UserAction::ResetPassword, &both),
            Decision::Forbidden
        );
        assert_eq!(
            user(&head, UserAction::ResetPassword, &staff),
            Decision::Allow
        );
        assert_eq!(
            user(&head, UserAction::ResetPassword, &other),
            Decision::Hidden
        );
        assert_eq!(
            user(&head, UserAction::Deactivate, &peer_head),
            Decision::Forbidden
        );
        assert_eq!(
            grant_role(&head, Role::UnitFocal, &school_path),
            Decision::Allow
        );
        assert_eq!(
            grant_role(&head, Role::UnitHead, &school_path),
            Decision::Forbidden
        );
        assert_eq!(
            grant_role(&head, Role::Staff, &other_path),
            Decision::Hidden
        );
    }

    #[test]
    fn staff_see_themselves_and_nothing_else_of_users() {
        let t = tree();
        let school_path = vec![t.city, t.district, t.school];
        let staff = principal(Role::Staff, t.school, school_path.clone());
        let grants = [(Role::Staff, school_path.clone())];
        let me = UserTarget {
            id: staff.user_id,
            org_path: &school_path,
            grants: &grants,
            is_active: true,
        };
        let colleague = UserTarget {
            id: Uuid::new_v4(),
            org_path: &school_path,
            grants: &grants,
            is_active: true,
        };
        assert_eq!(user(&staff, UserAction::View, &me), Decision::Allow);
        assert_eq!(user(&staff, UserAction::Update, &me), Decision::Forbidden);
        assert_eq!(user(&staff, UserAction::View, &colleague), Decision::Hidden);
        assert_eq!(list_users(&staff), Decision::Forbidden);
    }

    #[test]
    fn only_the_campaigns_officer_exports_every_units_registration() {
        let t = tree();
        let district_path = vec![t.city, t.district];
        let officer = principal(Role::AuthorityOfficer, t.district, district_path.clone());
        let head = principal(Role::UnitHead, t.school, vec![t.city, t.district, t.school]);
        let op = CampaignOp::ExportRegistrations;
        let open = CampaignStatus::Open;
        assert_eq!(
            campaign(&officer, op, t.district, &district_path, open),
            Decision::Allow
        );
        assert_eq!(
            campaign(&head, op, t.district, &district_path, open),
            Decision::Forbidden
        );
    }

    #[test]
    fn campaigns_are_seen_below_their_issuer_once_open() {
        let t = tree();
        let district_path = vec![t.city, t.district];
        let officer = principal(Role::AuthorityOfficer, t.district, district_path.clone());
        let head = principal(Role::UnitHead, t.school, vec![t.city, t.district, t.school]);
        let other_district = principal(
            Role::AuthorityOfficer,
            Uuid::new_v4(),
            vec![t.city, Uuid::new_v4()],
        );
        for status in [CampaignStatus::Open, CampaignStatus::Closed] {
            assert_eq!(
                campaign(&head, CampaignOp::View, t.district, &district_path, status),
                Decision::Allow
            );
            assert_eq!(
                campaign(
                    &head,
                    CampaignOp::Update,
                    t.district,
                    &district_path,
                    status
                ),
                Decision::Forbidden
            );
        }
        assert_eq!(
            campaign(
                &head,
                CampaignOp::View,
                t.district,
                &district_path,
                CampaignStatus::Draft
            ),
            Decision::Hidden
        );
        assert_eq!(
            campaign(
                &officer,
                CampaignOp::Update,
                t.district,
                &district_path,
                CampaignStatus::Draft
            ),
            Decision::Allow
        );
        assert_eq!(
            campaign(
                &officer,
                CampaignOp::GrantExtension,
                t.district,
                &district_path,
                CampaignStatus::Open
            ),
            Decision::Allow
        );
        assert_eq!(
            campaign(
                &other_district,
                CampaignOp::View,
                t.district,
                &district_path,
                CampaignStatus::Open
            ),
            Decision::Hidden
        );
    }

    #[test]
    fn only_admins_write_organisations() {
        let t = tree();
        let path = vec![t.city, t.district];
        let admin = principal(Role::Admin, t.city, vec![t.city]);
        let officer = principal(Role::AuthorityOfficer, t.district, path.clone());
        assert_eq!(org(&admin, OrgAction::Update, &path), Decision::Allow);
        assert_eq!(org(&officer, OrgAction::View, &path), Decision::Allow);
        assert_eq!(org(&officer, OrgAction::Update, &path), Decision::Forbidden);
        assert_eq!(org(&officer, OrgAction::View, &[t.city]), Decision::Hidden);
    }
}

// ----- awards (SPEC §7–9) ----------------------------------------------------------------

/// Who reads a person's records (ratings, violations): their unit head, the authority over
/// them, administrators. Anyone else — the person included — is told it does not exist.
pub fn person_records(p: &Principal, person_org_path: &[Uuid]) -> Decision {
    let allowed = p.is_admin()
        || p.has_role_over(Role::UnitHead, person_org_path)
        || p.has_role_over(Role::AuthorityOfficer, person_org_path);
    decide(allowed, true)
}

/// Recording a person's rating or violation: as `person_records`, but never one's own.
pub fn record_about_person(p: &Principal, person_id: Uuid, person_org_path: &[Uuid]) -> Decision {
    match person_records(p, person_org_path) {
        Decision::Allow if person_id == p.user_id && !p.is_admin() => Decision::Forbidden,
        d => d,
    }
}

/// A unit's collective rating is recorded by the authority over it (never by its own head).
pub fn rate_unit(p: &Principal, org_path: &[Uuid]) -> Decision {
    let authority = p.is_admin()
        || (p.has_role_over(Role::AuthorityOfficer, org_path)
            && !p.has_role_over(Role::UnitHead, org_path));
    decide(can_see_org(p, org_path), authority)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NominationAction {
    View,
    Update,
    Delete,
    Submit,
    Approve,
    Reject,
    Override,
}

impl NominationAction {
    pub const ALL: [NominationAction; 7] = [
        NominationAction::View,
        NominationAction::Update,
        NominationAction::Delete,
        NominationAction::Submit,
        NominationAction::Approve,
        NominationAction::Reject,
        NominationAction::Override,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NominationAction::View => "view",
            NominationAction::Update => "update",
            NominationAction::Delete => "delete",
            NominationAction::Submit => "submit",
            NominationAction::Approve => "approve",
            NominationAction::Reject => "reject",
            NominationAction::Override => "override",
        }
    }
}

/// Nominations are the proposing unit head's (who drafts and submits them) and the
/// authority's over it (who reviews them, and alone may override a rule); administrators
/// see them. Staff and focal officers do not: the checklist shows people's records.
/// Whether the state allows the action is the handler's question (409), not this one.
pub fn nomination(p: &Principal, action: NominationAction, org_path: &[Uuid]) -> Decision {
    let head = p.has_role_over(Role::UnitHead, org_path);
    let authority = p.has_role_over(Role::AuthorityOfficer, org_path) && !head;
    let visible = p.is_admin() || head || authority;
    let allowed = match action {
        NominationAction::View => true,
        NominationAction::Update | NominationAction::Delete | NominationAction::Submit => head,
        NominationAction::Approve | NominationAction::Reject | NominationAction::Override => {
            authority
        }
    };
    decide(visible, allowed)
}

/// Award decisions are recorded by the authority issuing them.
pub fn decide_awards(p: &Principal, org_path: &[Uuid]) -> Decision {
    decide(
        can_see_org(p, org_path),
        p.is_admin() || p.has_role_over(Role::AuthorityOfficer, org_path),
    )
}

/// Publishing a unit's initiative to the showcase: the authority over the unit.
pub fn publish_model(p: &Principal, unit_path: &[Uuid]) -> Decision {
    decide(
        can_see_org(p, unit_path),
        p.is_admin() || p.has_role_over(Role::AuthorityOfficer, unit_path),
    )
}

/// A unit's replications are planned and tracked by its head and focal officer, and by the
/// authority over it.
pub fn replication(p: &Principal, unit_path: &[Uuid]) -> Decision {
    decide(
        can_see_org(p, unit_path),
        p.is_admin()
            || p.has_role_over(Role::UnitHead, unit_path)
            || p.has_role_over(Role::UnitFocal, unit_path)
            || p.has_role_over(Role::AuthorityOfficer, unit_path),
    )
}
