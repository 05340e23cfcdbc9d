//! Reports (SPEC §5): a unit's phase-1 result (Mẫu 2), periodic progress, self-assessment and
//! year-end summary, and the acceptance report of one initiative — written by the unit,
//! sent to the campaign's authority, received or returned with a reason; every sent version
//! kept with the evidence it carried.

pub mod export;
pub mod get;
pub mod list;
pub mod open;
pub mod transitions;
pub mod update;
pub mod versions;

use std::collections::HashMap;

use thidua_db::AsyncPgConnection;
use thidua_db::models::{
    Campaign, FileBlob, Initiative, Milestone, Organization, Report, ReportRow, ReportVersion,
    StoredFile,
};
use thidua_db::queries::{
    campaigns as campaign_queries, files as file_queries, initiatives as initiative_queries,
    organizations as org_queries, reports as report_queries, users as user_queries,
};
use thidua_domain::campaign::MilestoneKind;
use thidua_domain::report::{
    EvidenceCategory, ReportKind, default_acceptance_requirements, missing_evidence,
    parse_requirements, requirement_vi,
};
use thidua_domain::submission::SubmissionStatus;
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, ReportFacts, ReportOp};
use crate::error::ApiError;
use crate::extract::etag;
use crate::routes::files::file_view;
use crate::routes::submissions::{self, VersionFacts, distinct};
use crate::views::campaigns::CampaignRef;
use crate::views::files::FileView;
use crate::views::reports::{
    EvidenceRequirement, InitiativeRef, ReportMilestone, ReportRowView, ReportSections, ReportView,
};
use crate::views::submissions::VersionSummary;
use crate::views::{OrganizationRef, UserRef};

/// A report with what the policy and the views need.
pub struct LoadedReport {
    pub report: Report,
    pub kind: ReportKind,
    pub unit: Organization,
    pub campaign: Campaign,
    pub campaign_org: Organization,
    pub milestone: Milestone,
    /// The initiative of an acceptance report, with its authors' ids.
    pub initiative: Option<(Initiative, Vec<Uuid>)>,
}

impl LoadedReport {
    pub fn status(&self) -> Result<SubmissionStatus, ApiError> {
        SubmissionStatus::parse(&self.report.status).ok_or_else(|| {
            ApiError::internal(anyhow::anyhow!("bad report status {}", self.report.status))
        })
    }

    /// An author of the initiative an acceptance report is about (or its creator).
    pub fn initiative_author(&self, p: &Principal) -> bool {
        self.initiative
            .as_ref()
            .is_some_and(|(i, authors)| i.created_by == p.user_id || authors.contains(&p.user_id))
    }

    fn with_facts<T>(
        &self,
        p: &Principal,
        f: impl FnOnce(&ReportFacts<'_>) -> T,
    ) -> Result<T, ApiError> {
        let unit_path = self.unit.ancestry();
        let campaign_org_path = self.campaign_org.ancestry();
        Ok(f(&ReportFacts {
            unit_path: &unit_path,
            campaign_org_path: &campaign_org_path,
            status: self.status()?,
            ever_submitted: self.report.submitted_versions > 0,
            creator: self.report.created_by == p.user_id,
            initiative_author: self.initiative_author(p),
        }))
    }

    pub fn authorize(&self, p: &Principal, op: ReportOp) -> Result<(), ApiError> {
        self.with_facts(p, |f| authz::report(p, op, f))?
    }

    pub fn allowed_actions(&self, p: &Principal) -> Result<Vec<String>, ApiError> {
        self.with_facts(p, |f| authz::report_allowed_actions(p, f))
    }

    pub fn etag(&self) -> String {
        etag(self.report.id, self.report.version)
    }

    /// What the campaign requires of an acceptance report (nothing of the other kinds).
    pub fn requirements(&self) -> Vec<Vec<EvidenceCategory>> {
        if self.kind != ReportKind::Acceptance {
            return Vec::new();
        }
        parse_requirements(&self.campaign.acceptance_evidence)
            .unwrap_or_else(default_acceptance_requirements)
    }
}

pub async fn load(conn: &mut AsyncPgConnection, id: Uuid) -> Result<LoadedReport, ApiError> {
    let report = report_queries::find(conn, id).await?;
    load_many(conn, vec![report])
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)
}

/// Reports with their units, campaigns, milestones and initiatives, in a fixed number of
/// queries whatever their number.
pub async fn load_many(
    conn: &mut AsyncPgConnection,
    reports: Vec<Report>,
) -> Result<Vec<LoadedReport>, ApiError> {
    let campaign_ids = distinct(reports.iter().map(|r| r.campaign_id));
    let campaigns: HashMap<Uuid, Campaign> = campaign_queries::find_many(conn, &campaign_ids)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let org_ids = distinct(
        reports
            .iter()
            .map(|r| r.organization_id)
            .chain(campaigns.values().map(|c| c.organization_id)),
    );
    let orgs: HashMap<Uuid, Organization> = org_queries::find_many(conn, &org_ids)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let milestone_ids = distinct(reports.iter().map(|r| r.milestone_id));
    let milestones: HashMap<Uuid, Milestone> =
        campaign_queries::milestones_by_ids(conn, &milestone_ids)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
    let initiative_ids = distinct(reports.iter().filter_map(|r| r.initiative_id));
    let mut initiatives: HashMap<Uuid, (Initiative, Vec<Uuid>)> =
        initiative_queries::find_many(conn, &initiative_ids)
            .await?
            .into_iter()
            .map(|i| (i.id, (i, Vec::new())))
            .collect();
    for a in initiative_queries::authors_of(conn, &initiative_ids).await? {
        if let Some((_, authors)) = initiatives.get_mut(&a.initiative_id) {
            authors.push(a.user_id);
        }
    }
    let missing = || ApiError::internal(anyhow::anyhow!("a report's reference is missing"));
    reports
        .into_iter()
        .map(|report| {
            let campaign = campaigns
                .get(&report.campaign_id)
                .cloned()
                .ok_or_else(missing)?;
            Ok(LoadedReport {
                kind: ReportKind::parse(&report.kind).ok_or_else(missing)?,
                unit: orgs
                    .get(&report.organization_id)
                    .cloned()
                    .ok_or_else(missing)?,
                campaign_org: orgs
                    .get(&campaign.organization_id)
                    .cloned()
                    .ok_or_else(missing)?,
                milestone: milestones
                    .get(&report.milestone_id)
                    .cloned()
                    .ok_or_else(missing)?,
                initiative: report
                    .initiative_id
                    .and_then(|i| initiatives.get(&i).cloned()),
                campaign,
                report,
            })
        })
        .collect()
}

pub fn sections_of(value: &serde_json::Value) -> ReportSections {
    serde_json::from_value(value.clone()).unwrap_or_default()
}

/// The results tables of the reports, with the initiatives' titles.
pub async fn rows_of(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<ReportRowView>>, ApiError> {
    let rows: Vec<ReportRow> = report_queries::rows_of(conn, ids).await?;
    let initiative_ids = distinct(rows.iter().filter_map(|r| r.initiative_id));
    let titles: HashMap<Uuid, String> = initiative_queries::titles(conn, &initiative_ids)
        .await?
        .into_iter()
        .collect();
    let mut out: HashMap<Uuid, Vec<ReportRowView>> = HashMap::new();
    for r in rows {
        out.entry(r.report_id).or_default().push(ReportRowView {
            id: r.id,
            initiative: r.initiative_id.map(|id| InitiativeRef {
                id,
                title: titles.get(&id).cloned().unwrap_or_default(),
            }),
            indicator: r.indicator,
            unit_of_measure: r.unit_of_measure,
            baseline: r.baseline,
            target: r.target,
            actual: r.actual,
            status_note: r.status_note,
            sort_order: r.sort_order,
        });
    }
    Ok(out)
}

/// The evidence of each report: its own files, and for an acceptance report its initiative's.
pub async fn evidence_of(
    conn: &mut AsyncPgConnection,
    loaded: &[LoadedReport],
) -> Result<HashMap<Uuid, Vec<(StoredFile, FileBlob)>>, ApiError> {
    let ids: Vec<Uuid> = loaded.iter().map(|r| r.report.id).collect();
    let initiative_ids = distinct(loaded.iter().filter_map(|r| r.report.initiative_id));
    let mut out: HashMap<Uuid, Vec<(StoredFile, FileBlob)>> = HashMap::new();
    let mut by_initiative: HashMap<Uuid, Vec<(StoredFile, FileBlob)>> = HashMap::new();
    for (f, b) in file_queries::of_initiatives(conn, &initiative_ids).await? {
        if let Some(i) = f.initiative_id {
            by_initiative.entry(i).or_default().push((f, b));
        }
    }
    for r in loaded {
        if let Some(i) = r.report.initiative_id {
            out.insert(
                r.report.id,
                by_initiative.get(&i).cloned().unwrap_or_default(),
            );
        }
    }
    for (f, b) in file_queries::of_reports(conn, &ids).await? {
        if let Some(rid) = f.report_id {
            out.entry(rid).or_default().push((f, b));
        }
    }
    Ok(out)
}

/// The gate of an acceptance report: each requirement, met or not by the evidence.
pub fn requirement_views(
    required: &[Vec<EvidenceCategory>],
    files: &[(StoredFile, FileBlob)],
) -> Vec<EvidenceRequirement> {
    let attached: Vec<EvidenceCategory> = files
        .iter()
        .filter_map(|(f, _)| EvidenceCategory::parse(&f.category))
        .collect();
    let missing = missing_evidence(required, &attached);
    required
        .iter()
        .map(|any_of| EvidenceRequirement {
            any_of: any_of.iter().map(|c| (*c).into()).collect(),
            label_vi: requirement_vi(any_of),
            met: !missing.contains(any_of),
        })
        .collect()
}

fn version_facts(v: &ReportVersion) -> VersionFacts<'_> {
    VersionFacts {
        number: v.number,
        submitted_at: v.submitted_at,
        submitted_by: v.submitted_by,
        late: v.late,
        due_on: v.due_on,
        decision: &v.decision,
        decided_at: v.decided_at,
        decided_by: v.decided_by,
        reason: &v.reason,
    }
}

pub async fn version_summaries(
    conn: &mut AsyncPgConnection,
    versions: &[ReportVersion],
) -> Result<Vec<VersionSummary>, ApiError> {
    let facts: Vec<VersionFacts<'_>> = versions.iter().map(version_facts).collect();
    submissions::version_summaries(conn, &facts).await
}

pub async fn view_one(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    id: Uuid,
) -> Result<ReportView, ApiError> {
    let r = load(conn, id).await?;
    views(conn, p, std::slice::from_ref(&r))
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)
}

/// Views of reports, in a fixed number of queries whatever their number (an authority's
/// inbox lists every unit's).
pub async fn views(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    loaded: &[LoadedReport],
) -> Result<Vec<ReportView>, ApiError> {
    let ids: Vec<Uuid> = loaded.iter().map(|r| r.report.id).collect();
    let mut rows = rows_of(conn, &ids).await?;
    let mut evidence = evidence_of(conn, loaded).await?;
    let all_versions = report_queries::versions_of(conn, &ids).await?;
    let mut summaries: HashMap<Uuid, Vec<VersionSummary>> = HashMap::new();
    for (v, summary) in all_versions
        .iter()
        .zip(version_summaries(conn, &all_versions).await?)
    {
        summaries.entry(v.report_id).or_default().push(summary);
    }
    let pairs: Vec<(&Milestone, Uuid)> = loaded
        .iter()
        .map(|r| (&r.milestone, r.report.organization_id))
        .collect();
    let due = submissions::deadlines(conn, &pairs).await?;
    let people = distinct(
        loaded.iter().map(|r| r.report.created_by).chain(
            evidence
                .values()
                .flat_map(|fs| fs.iter().map(|(f, _)| f.uploaded_by)),
        ),
    );
    let names: HashMap<Uuid, String> = user_queries::display_names(conn, &people)
        .await?
        .into_iter()
        .collect();
    let name = |id: &Uuid| names.get(id).cloned().unwrap_or_default();
    loaded
        .iter()
        .map(|r| {
            let rep = &r.report;
            let status = r.status()?;
            let files = evidence.remove(&rep.id).unwrap_or_default();
            let can_edit = r.authorize(p, ReportOp::Update).is_ok();
            let evidence_requirements = requirement_views(&r.requirements(), &files);
            let files: Vec<FileView> = files
                .into_iter()
                .map(|(f, b)| {
                    let uploader = name(&f.uploaded_by);
                    // The initiative's own files are managed from the initiative.
                    let editable = can_edit && f.report_id.is_some();
                    file_view(f, &b, uploader, editable)
                })
                .collect();
            Ok(ReportView {
                id: rep.id,
                kind: r.kind.into(),
                campaign: CampaignRef {
                    id: r.campaign.id,
                    code: r.campaign.code.clone(),
                    title: r.campaign.title.clone(),
                },
                organization: OrganizationRef::from(&r.unit),
                milestone: ReportMilestone {
                    id: r.milestone.id,
                    kind: MilestoneKind::parse(&r.milestone.kind)
                        .unwrap_or(MilestoneKind::Other)
                        .into(),
                    title: r.milestone.title.clone(),
                    due_on: r.milestone.due_on,
                },
                initiative: r.initiative.as_ref().map(|(i, _)| InitiativeRef {
                    id: i.id,
                    title: i.title.clone(),
                }),
                title: rep.title.clone(),
                sections: sections_of(&rep.sections),
                rows: rows.remove(&rep.id).unwrap_or_default(),
                files,
                evidence_requirements,
                status: status.into(),
                deadline: due
                    .get(&(rep.milestone_id, rep.organization_id))
                    .cloned()
                    .ok_or_else(|| ApiError::internal(anyhow::anyhow!("no deadline")))?,
                versions: summaries.remove(&rep.id).unwrap_or_default(),
                created_by: UserRef {
                    id: rep.created_by,
                    display_name: name(&rep.created_by),
                },
                created_at: rep.created_at,
                updated_at: rep.updated_at,
                etag: r.etag(),
                allowed_actions: r.allowed_actions(p)?,
            })
        })
        .collect()
}
