//! Row types (what a SELECT returns) and forms (what an INSERT or UPDATE writes), one pair per
//! table. They mirror the tables, not the API: views convert from them in the api crate.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::schema::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organization_kinds)]
pub struct OrganizationKind {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub sort_order: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organizations)]
pub struct Organization {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: String,
    pub parent_id: Option<Uuid>,
    pub path: Vec<Option<Uuid>>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Organization {
    /// Ancestors from the root down to and including this organisation.
    pub fn ancestry(&self) -> Vec<Uuid> {
        self.path.iter().flatten().copied().collect()
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = organizations)]
pub struct NewOrganization {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: String,
    pub parent_id: Option<Uuid>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = organizations)]
pub struct OrganizationChanges {
    pub code: Option<String>,
    pub name: Option<String>,
    pub short_name: Option<Option<String>>,
    pub kind: Option<String>,
    pub parent_id: Option<Option<Uuid>>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<Option<NaiveDate>>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub position: Option<String>,
    pub organization_id: Uuid,
    pub password_hash: String,
    pub is_active: bool,
    pub password_changed_at: DateTime<Utc>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub position: Option<String>,
    pub organization_id: Uuid,
    pub password_hash: String,
}

#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    pub display_name: Option<String>,
    pub email: Option<Option<String>>,
    pub position: Option<Option<String>>,
    pub organization_id: Option<Uuid>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = role_grants)]
pub struct RoleGrant {
    pub id: Uuid,
    pub user_id: Uuid,
    pub role: String,
    pub organization_id: Uuid,
    pub granted_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = role_grants)]
pub struct NewRoleGrant {
    pub id: Uuid,
    pub user_id: Uuid,
    pub role: String,
    pub organization_id: Uuid,
    pub granted_by: Option<Uuid>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshToken {
    pub id: Uuid,
    pub family_id: Uuid,
    pub user_id: Uuid,
    pub token_hash: Vec<u8>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub rotated_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct NewRefreshToken {
    pub id: Uuid,
    pub family_id: Uuid,
    pub user_id: Uuid,
    pub token_hash: Vec<u8>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = login_throttles)]
pub struct LoginThrottle {
    pub username: String,
    pub failures: i32,
    pub first_failure_at: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
}

impl LoginThrottle {
    /// Whether this attempt started a new count.
    pub fn attempts_reset(&self) -> bool {
        self.failures == 1
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = campaigns)]
pub struct Campaign {
    pub id: Uuid,
    pub code: String,
    pub title: String,
    pub year: i32,
    pub theme: Option<String>,
    pub issued_on: NaiveDate,
    pub organization_id: Uuid,
    pub parent_campaign_id: Option<Uuid>,
    pub status: String,
    pub content_items: serde_json::Value,
    pub created_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// What an acceptance report must carry: `[["implementation_plan"], ["data", "photo"]]`.
    pub acceptance_evidence: serde_json::Value,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = campaigns)]
pub struct NewCampaign {
    pub id: Uuid,
    pub code: String,
    pub title: String,
    pub year: i32,
    pub theme: Option<String>,
    pub issued_on: NaiveDate,
    pub organization_id: Uuid,
    pub parent_campaign_id: Option<Uuid>,
    pub status: String,
    pub content_items: serde_json::Value,
    pub created_by: Option<Uuid>,
    /// `None`: the default requirements.
    pub acceptance_evidence: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = campaigns)]
pub struct CampaignChanges {
    pub code: Option<String>,
    pub title: Option<String>,
    pub year: Option<i32>,
    pub theme: Option<Option<String>>,
    pub issued_on: Option<NaiveDate>,
    pub parent_campaign_id: Option<Option<Uuid>>,
    pub content_items: Option<serde_json::Value>,
    pub acceptance_evidence: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = campaign_milestones)]
pub struct Milestone {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub kind: String,
    pub title: String,
    pub starts_on: Option<NaiveDate>,
    pub due_on: NaiveDate,
    pub late_policy: String,
    pub sort_order: i32,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = campaign_milestones)]
pub struct NewMilestone {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub kind: String,
    pub title: String,
    pub starts_on: Option<NaiveDate>,
    pub due_on: NaiveDate,
    pub late_policy: String,
    pub sort_order: i32,
}

#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = campaign_milestones)]
pub struct MilestoneChanges {
    pub kind: Option<String>,
    pub title: Option<String>,
    pub starts_on: Option<Option<NaiveDate>>,
    pub due_on: Option<NaiveDate>,
    pub late_policy: Option<String>,
    pub sort_order: Option<i32>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = deadline_extensions)]
pub struct DeadlineExtension {
    pub id: Uuid,
    pub milestone_id: Uuid,
    pub organization_id: Uuid,
    pub due_on: NaiveDate,
    pub reason: String,
    pub granted_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = deadline_extensions)]
pub struct NewDeadlineExtension {
    pub id: Uuid,
    pub milestone_id: Uuid,
    pub organization_id: Uuid,
    pub due_on: NaiveDate,
    pub reason: String,
    pub granted_by: Uuid,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reform_areas)]
pub struct ReformArea {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub sort_order: i32,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = initiatives)]
pub struct Initiative {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub organization_id: Uuid,
    pub kind: String,
    pub reform_area: String,
    pub title: String,
    pub summary: String,
    pub problem: String,
    pub objectives: String,
    pub approach: String,
    pub expected_results: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub collective: bool,
    pub status: String,
    pub created_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = initiatives)]
pub struct NewInitiative {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub organization_id: Uuid,
    pub kind: String,
    pub reform_area: String,
    pub title: String,
    pub summary: String,
    pub problem: String,
    pub objectives: String,
    pub approach: String,
    pub expected_results: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub collective: bool,
    pub created_by: Uuid,
}

#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = initiatives)]
pub struct InitiativeChanges {
    pub kind: Option<String>,
    pub reform_area: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub problem: Option<String>,
    pub objectives: Option<String>,
    pub approach: Option<String>,
    pub expected_results: Option<String>,
    pub starts_on: Option<Option<NaiveDate>>,
    pub ends_on: Option<Option<NaiveDate>>,
    pub collective: Option<bool>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = initiative_authors)]
pub struct InitiativeAuthor {
    pub initiative_id: Uuid,
    pub user_id: Uuid,
    pub contribution_pct: i16,
    pub sort_order: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = initiative_milestones)]
pub struct RoadmapMilestone {
    pub id: Uuid,
    pub initiative_id: Uuid,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub progress: i16,
    pub sort_order: i32,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = initiative_milestones)]
pub struct NewRoadmapMilestone {
    pub id: Uuid,
    pub initiative_id: Uuid,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub progress: i16,
    pub sort_order: i32,
}

#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = initiative_milestones)]
pub struct RoadmapMilestoneChanges {
    pub title: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub done_on: Option<Option<NaiveDate>>,
    pub progress: Option<i16>,
    pub sort_order: Option<i32>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = initiative_transitions)]
pub struct InitiativeTransition {
    pub id: i64,
    pub initiative_id: Uuid,
    pub action: String,
    pub from_status: String,
    pub to_status: String,
    pub actor_user_id: Uuid,
    pub reason: Option<String>,
    pub occurred_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = initiative_transitions)]
pub struct NewInitiativeTransition {
    pub initiative_id: Uuid,
    pub action: String,
    pub from_status: String,
    pub to_status: String,
    pub actor_user_id: Uuid,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = registrations)]
pub struct Registration {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub organization_id: Uuid,
    pub status: String,
    pub submitted_versions: i32,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = registrations)]
pub struct NewRegistration {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub organization_id: Uuid,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = registration_commitments)]
pub struct Commitment {
    pub id: Uuid,
    pub registration_id: Uuid,
    pub shortcoming: String,
    pub commitment: String,
    pub target_date: Option<NaiveDate>,
    pub status: String,
    pub sort_order: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = registration_commitments)]
pub struct CommitmentChanges {
    pub shortcoming: Option<String>,
    pub commitment: Option<String>,
    pub target_date: Option<Option<NaiveDate>>,
    pub status: Option<String>,
    pub sort_order: Option<i32>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = registration_versions)]
pub struct RegistrationVersion {
    pub id: Uuid,
    pub registration_id: Uuid,
    pub number: i32,
    pub submitted_at: DateTime<Utc>,
    pub submitted_by: Uuid,
    pub late: bool,
    pub due_on: NaiveDate,
    pub snapshot: serde_json::Value,
    pub decision: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by: Option<Uuid>,
    pub reason: Option<String>,
}

/// Stored bytes, once per content (sha256).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = crate::schema::file_blobs)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct FileBlob {
    pub sha256: Vec<u8>,
    pub size_bytes: i64,
    pub media_type: String,
    pub created_at: DateTime<Utc>,
    /// Last claimed by an upload: unreferenced blobs unclaimed for an hour are collected.
    pub claimed_at: DateTime<Utc>,
}

/// One uploaded evidence file: a name, a category and an attachment over a blob.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = crate::schema::files)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct StoredFile {
    pub id: Uuid,
    pub sha256: Vec<u8>,
    pub original_name: String,
    pub category: String,
    pub organization_id: Uuid,
    pub initiative_id: Option<Uuid>,
    pub uploaded_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub locked_at: Option<DateTime<Utc>>,
    pub report_id: Option<Uuid>,
    pub report_row_id: Option<Uuid>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = crate::schema::files)]
pub struct NewStoredFile {
    pub id: Uuid,
    pub sha256: Vec<u8>,
    pub original_name: String,
    pub category: String,
    pub organization_id: Uuid,
    pub initiative_id: Option<Uuid>,
    pub report_id: Option<Uuid>,
    pub report_row_id: Option<Uuid>,
    pub uploaded_by: Uuid,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = crate::schema::reports)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct Report {
    pub id: Uuid,
    pub kind: String,
    pub campaign_id: Uuid,
    pub organization_id: Uuid,
    pub milestone_id: Uuid,
    pub initiative_id: Option<Uuid>,
    pub title: String,
    pub sections: serde_json::Value,
    pub status: String,
    pub submitted_versions: i32,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = crate::schema::reports)]
pub struct NewReport {
    pub id: Uuid,
    pub kind: String,
    pub campaign_id: Uuid,
    pub organization_id: Uuid,
    pub milestone_id: Uuid,
    pub initiative_id: Option<Uuid>,
    pub title: String,
    pub sections: serde_json::Value,
    pub created_by: Uuid,
}

/// One line of a report's results table.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = crate::schema::report_rows)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct ReportRow {
    pub id: Uuid,
    pub report_id: Uuid,
    pub initiative_id: Option<Uuid>,
    pub indicator: String,
    pub unit_of_measure: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub status_note: Option<String>,
    pub sort_order: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = crate::schema::report_versions)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct ReportVersion {
    pub id: Uuid,
    pub report_id: Uuid,
    pub number: i32,
    pub submitted_at: DateTime<Utc>,
    pub submitted_by: Uuid,
    pub late: bool,
    pub due_on: NaiveDate,
    pub snapshot: serde_json::Value,
    pub decision: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by: Option<Uuid>,
    pub reason: Option<String>,
}

/// A criteria set of the catalogue (one version).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = crate::schema::criteria_sets)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct CriteriaSet {
    pub id: Uuid,
    pub code: String,
    pub version: i32,
    pub name_vi: String,
    pub name_en: String,
    /// `[{code, name_vi, name_en, guidance_vi, max_points, weight, gate}]`.
    pub criteria: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = crate::schema::evaluation_rounds)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct EvaluationRound {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub level: String,
    pub organization_id: Uuid,
    pub title: String,
    pub criteria_set_id: Uuid,
    pub aggregation: String,
    pub evaluators_per_initiative: i32,
    pub scoring_opens_on: NaiveDate,
    pub scoring_closes_on: NaiveDate,
    pub meeting_on: Option<NaiveDate>,
    pub meeting_place: Option<String>,
    pub status: String,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub closed_by: Option<Uuid>,
    pub published_at: Option<DateTime<Utc>>,
    pub published_by: Option<Uuid>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = crate::schema::round_members)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct RoundMember {
    pub round_id: Uuid,
    pub user_id: Uuid,
    pub role: String,
    /// Attended the committee's meeting (recorded when the round is closed).
    pub present: Option<bool>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = crate::schema::round_entries)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct RoundEntry {
    pub id: Uuid,
    pub round_id: Uuid,
    pub initiative_id: Uuid,
    pub sort_order: i64,
    pub added_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub decision: Option<String>,
    pub selected_for_award: bool,
    pub votes_for: Option<i32>,
    pub votes_against: Option<i32>,
    pub votes_abstain: Option<i32>,
    pub decision_note: Option<String>,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = crate::schema::round_assignments)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct RoundAssignment {
    pub id: Uuid,
    pub entry_id: Uuid,
    pub evaluator_id: Uuid,
    pub assigned_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub recused_at: Option<DateTime<Utc>>,
    pub conflict_note: Option<String>,
    /// The chair's last reminder while the sheet was due.
    pub reminded_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = crate::schema::score_sheets)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct ScoreSheet {
    pub assignment_id: Uuid,
    pub scores: serde_json::Value,
    pub gates: serde_json::Value,
    pub comments: serde_json::Value,
    pub overall_comment: Option<String>,
    pub status: String,
    pub submitted_at: Option<DateTime<Utc>>,
    pub reopened_reason: Option<String>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}
