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
    Campaign, Commitment, Initiative, Milestone, Organization, Registration, RegistrationVersion,
};
use thidua_db::queries::{
    campaigns as campaign_queries, initiatives as initiative_queries, organizations as org_queries,
    registrations as reg_queries,
};
use thidua_domain::campaign::MilestoneKind;
use thidua_domain::initiative::{InitiativeKind, InitiativeStatus};
use thidua_domain::registration::{CommitmentStatus, RegistrationStatus};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, RegistrationOp};
use crate::error::ApiError;
use crate::extract::etag;
use crate::views::OrganizationRef;
use crate::views::campaigns::CampaignRef;
use crate::views::registrations::{
    CommitmentView, RegisteredInitiative, RegistrationView, SubmissionDeadline, VersionSummary,
};

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
    load_many(conn, vec![registration])
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)
}

/// Registrations with their units, campaigns and campaigns' organisations, in three queries
/// whatever their number.
pub async fn load_many(
    conn: &mut AsyncPgConnection,
    regs: Vec<Registration>,
) -> Result<Vec<LoadedRegistration>, ApiError> {
    let campaign_ids = distinct(regs.iter().map(|r| r.campaign_id));
    let campaigns: HashMap<Uuid, Campaign> = campaign_queries::find_many(conn, &campaign_ids)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let org_ids = distinct(
        regs.iter()
            .map(|r| r.organization_id)
            .chain(campaigns.values().map(|c| c.organization_id)),
    );
    let orgs: HashMap<Uuid, Organization> = org_queries::find_many(conn, &org_ids)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let missing = || ApiError::internal(anyhow::anyhow!("a registration's reference is missing"));
    regs.into_iter()
        .map(|registration| {
            let campaign = campaigns
                .get(&registration.campaign_id)
                .cloned()
                .ok_or_else(missing)?;
            Ok(LoadedRegistration {
                unit: orgs
                    .get(&registration.organization_id)
                    .cloned()
                    .ok_or_else(missing)?,
                campaign_org: orgs
                    .get(&campaign.organization_id)
                    .cloned()
                    .ok_or_else(missing)?,
                campaign,
                registration,
            })
        })
        .collect()
}

use crate::routes::submissions::{self, VersionFacts, distinct};

/// The registration milestone of the campaign with the unit's extension, if any.
pub async fn deadline(
    conn: &mut AsyncPgConnection,
    campaign_id: Uuid,
    unit_id: Uuid,
) -> Result<Option<SubmissionDeadline>, ApiError> {
    Ok(deadlines(conn, &[(campaign_id, unit_id)])
        .await?
        .remove(&(campaign_id, unit_id)))
}

/// The registration deadline of each (campaign, unit): the campaign's registration milestone
/// with the unit's extension, if any — two queries for any number of pairs.
pub async fn deadlines(
    conn: &mut AsyncPgConnection,
    pairs: &[(Uuid, Uuid)],
) -> Result<HashMap<(Uuid, Uuid), SubmissionDeadline>, ApiError> {
    let campaign_ids = distinct(pairs.iter().map(|p| p.0));
    // The campaign's first registration milestone (they come by due date).
    let mut milestones = HashMap::new();
    for m in campaign_queries::milestones_of(conn, &campaign_ids).await? {
        if m.kind == MilestoneKind::Registration.as_str() {
            milestones.entry(m.campaign_id).or_insert(m);
        }
    }
    let by_milestone: Vec<(&Milestone, Uuid)> = pairs
        .iter()
        .filter_map(|&(c, u)| milestones.get(&c).map(|m| (m, u)))
        .collect();
    let mut due = submissions::deadlines(conn, &by_milestone).await?;
    Ok(pairs
        .iter()
        .filter_map(|&(c, u)| {
            let m = milestones.get(&c)?;
            due.remove(&(m.id, u)).map(|d| ((c, u), d))
        })
        .collect())
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
    Ok(registered_initiatives_of(conn, &[(campaign_id, unit_id)])
        .await?
        .remove(&(campaign_id, unit_id))
        .unwrap_or_default())
}

/// The registered initiatives of each (campaign, unit), in two queries for any number.
pub async fn registered_initiatives_of(
    conn: &mut AsyncPgConnection,
    pairs: &[(Uuid, Uuid)],
) -> Result<HashMap<(Uuid, Uuid), Vec<RegisteredInitiative>>, ApiError> {
    let campaign_ids = distinct(pairs.iter().map(|p| p.0));
    let unit_ids = distinct(pairs.iter().map(|p| p.1));
    let items: Vec<Initiative> = initiative_queries::registered_of(conn, &campaign_ids, &unit_ids)
        .await?
        .into_iter()
        .filter(|i| pairs.contains(&(i.campaign_id, i.organization_id)))
        .collect();
    let ids: Vec<Uuid> = items.iter().map(|i| i.id).collect();
    let mut authors: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (a, name, position) in initiative_queries::authors_named(conn, &ids).await? {
        authors
            .entry(a.initiative_id)
            .or_default()
            .push(match position {
                Some(pos) => format!("{name} ({pos}), {} %", a.contribution_pct),
                None => format!("{name}, {} %", a.contribution_pct),
            });
    }
    let mut out: HashMap<(Uuid, Uuid), Vec<RegisteredInitiative>> = HashMap::new();
    for i in items {
        out.entry((i.campaign_id, i.organization_id))
            .or_default()
            .push(RegisteredInitiative {
                authors: authors.remove(&i.id).unwrap_or_default(),
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
            });
    }
    Ok(out)
}

pub async fn version_summaries(
    conn: &mut AsyncPgConnection,
    versions: &[RegistrationVersion],
) -> Result<Vec<VersionSummary>, ApiError> {
    let facts: Vec<VersionFacts<'_>> = versions
        .iter()
        .map(|v| VersionFacts {
            number: v.number,
            submitted_at: v.submitted_at,
            submitted_by: v.submitted_by,
            late: v.late,
            due_on: v.due_on,
            decision: &v.decision,
            decided_at: v.decided_at,
            decided_by: v.decided_by,
            reason: &v.reason,
        })
        .collect();
    submissions::version_summaries(conn, &facts).await
}

pub async fn view(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    r: &LoadedRegistration,
) -> Result<RegistrationView, ApiError> {
    views(conn, p, std::slice::from_ref(r))
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)
}

/// Views of registrations: what they show comes in a fixed number of queries, whatever the
/// number of registrations (an authority's inbox lists every unit's).
pub async fn views(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    loaded: &[LoadedRegistration],
) -> Result<Vec<RegistrationView>, ApiError> {
    let ids: Vec<Uuid> = loaded.iter().map(|r| r.registration.id).collect();
    let pairs: Vec<(Uuid, Uuid)> = loaded
        .iter()
        .map(|r| (r.registration.campaign_id, r.registration.organization_id))
        .collect();
    let mut commitments: HashMap<Uuid, Vec<CommitmentView>> = HashMap::new();
    for c in reg_queries::commitments_of(conn, &ids).await? {
        commitments
            .entry(c.registration_id)
            .or_default()
            .push(commitment_view(&c));
    }
    let all_versions = reg_queries::versions_of_many(conn, &ids).await?;
    let mut summaries: HashMap<Uuid, Vec<VersionSummary>> = HashMap::new();
    for (v, summary) in all_versions
        .iter()
        .zip(version_summaries(conn, &all_versions).await?)
    {
        summaries
            .entry(v.registration_id)
            .or_default()
            .push(summary);
    }
    let mut initiatives = registered_initiatives_of(conn, &pairs).await?;
    let mut due = deadlines(conn, &pairs).await?;
    loaded
        .iter()
        .map(|r| {
            let reg = &r.registration;
            let status = r.status()?;
            let pair = (reg.campaign_id, reg.organization_id);
            Ok(RegistrationView {
                id: reg.id,
                campaign: CampaignRef {
                    id: r.campaign.id,
                    code: r.campaign.code.clone(),
                    title: r.campaign.title.clone(),
                },
                organization: OrganizationRef::from(&r.unit),
                status: status.into(),
                initiatives: initiatives.remove(&pair).unwrap_or_default(),
                commitments: commitments.remove(&reg.id).unwrap_or_default(),
                deadline: due.remove(&pair),
                versions: summaries.remove(&reg.id).unwrap_or_default(),
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
        })
        .collect()
}

pub async fn view_one(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    id: Uuid,
) -> Result<RegistrationView, ApiError> {
    let r = load(conn, id).await?;
    view(conn, p, &r).await
}
