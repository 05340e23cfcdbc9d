pub mod commitments;
pub mod export;
pub mod get;
pub mod list;
pub mod open;
pub mod transitions;
pub mod versions;

use std::collections::HashMap;

use thidua_db::AsyncPgConnection;
use thidua_db::models::{
    Campaign, Commitment, Initiative, Organization, Registration, RegistrationVersion,
};
use thidua_db::queries::{
    campaigns as campaign_queries, initiatives as initiative_queries, organizations as org_queries,
    registrations as reg_queries, users as user_queries,
};
use thidua_domain::campaign::{LatePolicy, MilestoneKind};
use thidua_domain::deadline::{effective_due, is_late};
use thidua_domain::initiative::{InitiativeKind, InitiativeStatus};
use thidua_domain::registration::{CommitmentStatus, RegistrationStatus};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, RegistrationOp};
use crate::error::ApiError;
use crate::extract::etag;
use crate::views::campaigns::CampaignRef;
use crate::views::registrations::{
    CommitmentView, RegisteredInitiative, RegistrationDeadline, RegistrationView, VersionSummary,
};
use crate::views::{OrganizationRef, UserRef};

pub struct LoadedRegistration {
    pub registration: Registration,
    pub unit: Organization,
    pub campaign: Campaign,
    pub campaign_org: Organization,
}

impl LoadedRegistration {
    pub fn status(&self) -> Result<RegistrationStatus, ApiError> {
        RegistrationStatus::parse(&self.registration.status).ok_or_else(|| {
            ApiError::internal(anyhow::anyhow!(
                "bad registration status {}",
                self.registration.status
            ))
        })
    }

    pub fn authorize(&self, p: &Principal, op: RegistrationOp) -> Result<(), ApiError> {
        authz::registration(
            p,
            op,
            &self.unit.ancestry(),
            &self.campaign_org.ancestry(),
            self.status()?,
            self.registration.submitted_versions > 0,
        )
    }

    pub fn etag(&self) -> String {
        etag(self.registration.id, self.registration.version)
    }
}

pub async fn load(conn: &mut AsyncPgConnection, id: Uuid) -> Result<LoadedRegistration, ApiError> {
    let registration = reg_queries::find(conn, id).await?;
    let unit = org_queries::find(conn, registration.organization_id).await?;
    let campaign = campaign_queries::find(conn, registration.campaign_id).await?;
    let campaign_org = org_queries::find(conn, campaign.organization_id).await?;
    Ok(LoadedRegistration {
        registration,
        unit,
        campaign,
        campaign_org,
    })
}

/// The registration milestone of the campaign with the unit's extension, if any.
pub async fn deadline(
    conn: &mut AsyncPgConnection,
    campaign_id: Uuid,
    unit_id: Uuid,
) -> Result<Option<RegistrationDeadline>, ApiError> {
    let milestones = campaign_queries::milestones_of(conn, &[campaign_id]).await?;
    let Some(m) = milestones
        .into_iter()
        .find(|m| m.kind == MilestoneKind::Registration.as_str())
    else {
        return Ok(None);
    };
    let extension = campaign_queries::extensions_of(conn, campaign_id, None)
        .await?
        .into_iter()
        .find(|e| e.milestone_id == m.id && e.organization_id == unit_id)
        .map(|e| e.due_on);
    let effective = effective_due(m.due_on, extension);
    let policy = LatePolicy::parse(&m.late_policy).unwrap_or(LatePolicy::AcceptLate);
    Ok(Some(RegistrationDeadline {
        milestone_id: m.id,
        due_on: m.due_on,
        effective_due_on: effective,
        late_policy: policy.into(),
        late_now: is_late(effective, chrono::Utc::now()),
    }))
}

pub fn commitment_view(c: &Commitment) -> CommitmentView {
    CommitmentView {
        id: c.id,
        shortcoming: c.shortcoming.clone(),
        commitment: c.commitment.clone(),
        target_date: c.target_date,
        status: CommitmentStatus::parse(&c.status)
            .unwrap_or(CommitmentStatus::Planned)
            .into(),
        sort_order: c.sort_order,
    }
}

/// The unit's registered initiatives as Mẫu 1 lists them.
pub async fn registered_initiatives(
    conn: &mut AsyncPgConnection,
    campaign_id: Uuid,
    unit_id: Uuid,
) -> Result<Vec<RegisteredInitiative>, ApiError> {
    let items: Vec<Initiative> =
        initiative_queries::registered_of(conn, campaign_id, unit_id).await?;
    let ids: Vec<Uuid> = items.iter().map(|i| i.id).collect();
    let authors = initiative_queries::authors_of(conn, &ids).await?;
    let user_ids: Vec<Uuid> = authors.iter().map(|a| a.user_id).collect();
    let people: HashMap<Uuid, (String, Option<String>)> =
        user_queries::names_and_positions(conn, &user_ids)
            .await?
            .into_iter()
            .map(|(id, n, p)| (id, (n, p)))
            .collect();
    Ok(items
        .into_iter()
        .map(|i| RegisteredInitiative {
            authors: authors
                .iter()
                .filter(|a| a.initiative_id == i.id)
                .map(|a| {
                    let (name, position) = people.get(&a.user_id).cloned().unwrap_or_default();
                    match position {
                        Some(pos) => format!("{name} ({pos}), {} %", a.contribution_pct),
                        None => format!("{name}, {} %", a.contribution_pct),
                    }
                })
                .collect(),
            id: i.id,
            kind: InitiativeKind::parse(&i.kind)
                .unwrap_or(InitiativeKind::Initiative)
                .into(),
            reform_area: i.reform_area,
            status: InitiativeStatus::parse(&i.status)
                .unwrap_or(InitiativeStatus::Registered)
                .into(),
            title: i.title,
            summary: i.summary,
            objectives: i.objectives,
            expected_results: i.expected_results,
            starts_on: i.starts_on,
            ends_on: i.ends_on,
            collective: i.collective,
        })
        .collect())
}

pub async fn version_summaries(
    conn: &mut AsyncPgConnection,
    versions: &[RegistrationVersion],
) -> Result<Vec<VersionSummary>, ApiError> {
    let mut ids: Vec<Uuid> = versions
        .iter()
        .map(|v| v.submitted_by)
        .chain(versions.iter().filter_map(|v| v.decided_by))
        .collect();
    ids.sort();
    ids.dedup();
    let names: HashMap<Uuid, String> = user_queries::display_names(conn, &ids)
        .await?
        .into_iter()
        .collect();
    let user = |id: Uuid| UserRef {
        id,
        display_name: names.get(&id).cloned().unwrap_or_default(),
    };
    Ok(versions
        .iter()
        .map(|v| VersionSummary {
            number: v.number,
            submitted_at: v.submitted_at,
            submitted_by: user(v.submitted_by),
            late: v.late,
            due_on: v.due_on,
            decision: v.decision.clone(),
            decided_at: v.decided_at,
            decided_by: v.decided_by.map(user),
            reason: v.reason.clone(),
        })
        .collect())
}

pub async fn view(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    r: &LoadedRegistration,
) -> Result<RegistrationView, ApiError> {
    let reg = &r.registration;
    let status = r.status()?;
    let commitments = reg_queries::commitments_of(conn, &[reg.id]).await?;
    let versions = reg_queries::versions_of(conn, reg.id).await?;
    Ok(RegistrationView {
        id: reg.id,
        campaign: CampaignRef {
            id: r.campaign.id,
            code: r.campaign.code.clone(),
            title: r.campaign.title.clone(),
        },
        organization: OrganizationRef::from(&r.unit),
        status: status.into(),
        initiatives: registered_initiatives(conn, reg.campaign_id, reg.organization_id).await?,
        commitments: commitments.iter().map(commitment_view).collect(),
        deadline: deadline(conn, reg.campaign_id, reg.organization_id).await?,
        versions: version_summaries(conn, &versions).await?,
        created_at: reg.created_at,
        updated_at: reg.updated_at,
        etag: r.etag(),
        allowed_actions: authz::registration_allowed_actions(
            p,
            &r.unit.ancestry(),
            &r.campaign_org.ancestry(),
            status,
            reg.submitted_versions > 0,
        ),
    })
}

pub async fn view_one(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    id: Uuid,
) -> Result<RegistrationView, ApiError> {
    let r = load(conn, id).await?;
    view(conn, p, &r).await
}
