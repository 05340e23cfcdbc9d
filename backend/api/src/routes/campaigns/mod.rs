pub mod create;
pub mod export_registrations;
pub mod extensions;
pub mod get;
pub mod list;
pub mod milestones;
pub mod transitions;
pub mod update;

use std::collections::HashMap;

use thidua_db::AsyncPgConnection;
use thidua_db::models::{Campaign, DeadlineExtension, Milestone, Organization};
use thidua_db::queries::{
    campaigns as campaign_queries, organizations as org_queries, users as user_queries,
};
use thidua_domain::campaign::{CampaignStatus, LatePolicy, MilestoneKind};
use thidua_domain::deadline::{days_left, effective_due};
use thidua_domain::report::{default_acceptance_requirements, parse_requirements};
use thidua_domain::{FieldError, ValidationErrors};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, CampaignOp};
use crate::error::ApiError;
use crate::extract::etag;
use crate::routes::today;
use crate::views::campaigns::{
    CampaignRef, CampaignView, ContentItem, ExtensionView, LatePolicyCode, MilestoneInput,
    MilestoneKindCode, MilestoneView,
};
use crate::views::{OrganizationRef, UserRef};

/// A campaign with its issuing organisation, as the policy needs it.
pub struct LoadedCampaign {
    pub campaign: Campaign,
    pub organization: Organization,
}

impl LoadedCampaign {
    pub fn status(&self) -> Result<CampaignStatus, ApiError> {
        CampaignStatus::parse(&self.campaign.status).ok_or_else(|| {
            ApiError::internal(anyhow::anyhow!(
                "unknown campaign status {}",
                self.campaign.status
            ))
        })
    }

    pub fn authorize(&self, p: &Principal, op: CampaignOp) -> Result<(), ApiError> {
        authz::campaign(
            p,
            op,
            self.organization.id,
            &self.organization.ancestry(),
            self.status()?,
        )
        .into_result()
    }

    pub fn etag(&self) -> String {
        etag(self.campaign.id, self.campaign.version)
    }
}

/// Inside a transaction: locks the campaign and checks that it is still in one of `allowed`.
pub async fn recheck_status(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    allowed: &[CampaignStatus],
    action: &str,
) -> Result<(), ApiError> {
    let status = campaign_queries::lock_status(conn, id).await?;
    if allowed.iter().any(|s| s.as_str() == status) {
        Ok(())
    } else {
        Err(ApiError::invalid_transition(&status, action))
    }
}

pub async fn load(conn: &mut AsyncPgConnection, id: Uuid) -> Result<LoadedCampaign, ApiError> {
    let campaign = campaign_queries::find(conn, id).await?;
    let organization = org_queries::find(conn, campaign.organization_id).await?;
    Ok(LoadedCampaign {
        campaign,
        organization,
    })
}

pub fn milestone_view(
    m: &Milestone,
    own_extension: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
) -> MilestoneView {
    let kind = MilestoneKind::parse(&m.kind).unwrap_or(MilestoneKind::Other);
    let policy = LatePolicy::parse(&m.late_policy).unwrap_or(LatePolicy::AcceptLate);
    let effective = effective_due(m.due_on, own_extension);
    MilestoneView {
        id: m.id,
        kind: MilestoneKindCode::from(kind),
        title: m.title.clone(),
        starts_on: m.starts_on,
        due_on: m.due_on,
        effective_due_on: effective,
        days_left: days_left(today, effective),
        late_policy: LatePolicyCode::from(policy),
        sort_order: m.sort_order,
        etag: etag(m.id, m.version),
    }
}

fn content_items(v: &serde_json::Value) -> Vec<ContentItem> {
    serde_json::from_value(v.clone()).unwrap_or_default()
}

/// Builds the full view of campaigns: milestones, the extensions the caller may see,
/// references and allowed actions.
pub async fn views(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    loaded: Vec<LoadedCampaign>,
    with_extensions: bool,
) -> Result<Vec<CampaignView>, ApiError> {
    let ids: Vec<Uuid> = loaded.iter().map(|c| c.campaign.id).collect();
    let mut milestones: HashMap<Uuid, Vec<Milestone>> = HashMap::new();
    for m in campaign_queries::milestones_of(conn, &ids).await? {
        milestones.entry(m.campaign_id).or_default().push(m);
    }
    let mut parent_ids: Vec<Uuid> = loaded
        .iter()
        .filter_map(|c| c.campaign.parent_campaign_id)
        .collect();
    parent_ids.sort();
    parent_ids.dedup();
    // All extensions of these campaigns in one query; each campaign keeps those the caller
    // may see (all for its managers, else those of units in the caller's subtrees).
    let roots = p.roots();
    let mut extensions_by_campaign: HashMap<Uuid, Vec<(DeadlineExtension, Vec<Uuid>)>> =
        HashMap::new();
    for (cid, ext, path) in campaign_queries::extensions_of_campaigns(conn, &ids).await? {
        extensions_by_campaign
            .entry(cid)
            .or_default()
            .push((ext, path.into_iter().flatten().collect()));
    }
    let mut parents: HashMap<Uuid, CampaignRef> = HashMap::new();
    for pid in parent_ids {
        // The plan a campaign implements is shown only to those who may see it.
        if let Ok(parent) = load(conn, pid).await
            && parent.authorize(p, CampaignOp::View).is_ok()
        {
            parents.insert(
                pid,
                CampaignRef {
                    id: parent.campaign.id,
                    code: parent.campaign.code,
                    title: parent.campaign.title,
                },
            );
        }
    }
    let day = today();
    let mut out = Vec::with_capacity(loaded.len());
    for c in loaded {
        let status = c.status()?;
        let path = c.organization.ancestry();
        let sees_all = authz::sees_all_extensions(p, &path);
        let exts: Vec<DeadlineExtension> = extensions_by_campaign
            .remove(&c.campaign.id)
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, unit_path)| sees_all || roots.iter().any(|r| unit_path.contains(r)))
            .map(|(e, _)| e)
            .collect();
        let own: HashMap<Uuid, chrono::NaiveDate> = exts
            .iter()
            .filter(|e| e.organization_id == p.organization_id)
            .map(|e| (e.milestone_id, e.due_on))
            .collect();
        let extensions = if with_extensions {
            extension_views(conn, &exts).await?
        } else {
            Vec::new()
        };
        let ms = milestones.remove(&c.campaign.id).unwrap_or_default();
        out.push(CampaignView {
            id: c.campaign.id,
            code: c.campaign.code.clone(),
            title: c.campaign.title.clone(),
            year: c.campaign.year,
            theme: c.campaign.theme.clone(),
            issued_on: c.campaign.issued_on,
            organization: OrganizationRef::from(&c.organization),
            parent_campaign: c
                .campaign
                .parent_campaign_id
                .and_then(|id| parents.get(&id).cloned()),
            status: status.into(),
            content_items: content_items(&c.campaign.content_items),
            acceptance_evidence: parse_requirements(&c.campaign.acceptance_evidence)
                .unwrap_or_else(default_acceptance_requirements)
                .into_iter()
                .map(|any_of| any_of.into_iter().map(Into::into).collect())
                .collect(),
            milestones: ms
                .iter()
                .map(|m| milestone_view(m, own.get(&m.id).copied(), day))
                .collect(),
            extensions,
            created_at: c.campaign.created_at,
            updated_at: c.campaign.updated_at,
            etag: c.etag(),
            allowed_actions: authz::campaign_allowed_actions(p, c.organization.id, &path, status),
        });
    }
    Ok(out)
}

pub async fn extension_views(
    conn: &mut AsyncPgConnection,
    exts: &[DeadlineExtension],
) -> Result<Vec<ExtensionView>, ApiError> {
    let org_ids: Vec<Uuid> = exts.iter().map(|e| e.organization_id).collect();
    let orgs: HashMap<Uuid, Organization> = org_queries::find_many(conn, &org_ids)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let mut granter_ids: Vec<Uuid> = exts.iter().map(|e| e.granted_by).collect();
    granter_ids.sort();
    granter_ids.dedup();
    let granters: HashMap<Uuid, String> = user_queries::display_names(conn, &granter_ids)
        .await?
        .into_iter()
        .collect();
    let mut out = Vec::with_capacity(exts.len());
    for e in exts {
        let Some(org) = orgs.get(&e.organization_id) else {
            continue;
        };
        out.push(ExtensionView {
            id: e.id,
            milestone_id: e.milestone_id,
            organization: OrganizationRef::from(org),
            due_on: e.due_on,
            reason: e.reason.clone(),
            granted_by: UserRef {
                id: e.granted_by,
                display_name: granters.get(&e.granted_by).cloned().unwrap_or_default(),
            },
            created_at: e.created_at,
            updated_at: e.updated_at,
        });
    }
    Ok(out)
}

pub async fn view_one(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    id: Uuid,
) -> Result<CampaignView, ApiError> {
    let loaded = load(conn, id).await?;
    views(conn, p, vec![loaded], true)
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)
}

/// Checks content items and milestone inputs; `prefix` names the array in field paths.
/// The acceptance requirements as stored: at most six, none empty, each category once.
pub fn check_acceptance_evidence(
    errs: &mut ValidationErrors,
    reqs: &[Vec<crate::views::files::FileCategoryCode>],
) -> serde_json::Value {
    if reqs.len() > 6 {
        errs.push(thidua_domain::FieldError::new(
            "acceptance_evidence",
            "too_many",
            "Tối đa 6 yêu cầu về tài liệu minh chứng.",
            "At most 6 requirements.",
        ));
    }
    let mut out = Vec::new();
    for (i, any_of) in reqs.iter().enumerate() {
        let mut codes: Vec<&str> = Vec::new();
        for c in any_of {
            let code = thidua_domain::report::EvidenceCategory::from(*c).as_str();
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        if codes.is_empty() {
            errs.push(thidua_domain::FieldError::new(
                format!("acceptance_evidence[{i}]"),
                "required",
                "Mỗi yêu cầu cần ít nhất một loại tài liệu.",
                "Each requirement names at least one category.",
            ));
        }
        out.push(codes);
    }
    serde_json::json!(out)
}

pub fn check_content_items(errs: &mut ValidationErrors, items: &[ContentItem]) -> Vec<ContentItem> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let code = errs.check(thidua_domain::validation::required_text(
            &format!("content_items[{i}].code"),
            &item.code,
            20,
        ));
        let title = errs.check(thidua_domain::validation::required_text(
            &format!("content_items[{i}].title"),
            &item.title,
            2000,
        ));
        if let (Some(code), Some(title)) = (code, title) {
            out.push(ContentItem { code, title });
        }
    }
    out
}

pub struct CheckedMilestone {
    pub kind: MilestoneKind,
    pub title: String,
    pub starts_on: Option<chrono::NaiveDate>,
    pub due_on: chrono::NaiveDate,
    pub late_policy: LatePolicy,
    pub sort_order: i32,
}

pub fn check_milestone(
    errs: &mut ValidationErrors,
    field: &str,
    m: &MilestoneInput,
) -> Option<CheckedMilestone> {
    let title = errs.check(thidua_domain::validation::required_text(
        &format!("{field}.title"),
        &m.title,
        500,
    ));
    check_dates(errs, field, m.starts_on, m.due_on);
    let sort_order = m.sort_order.unwrap_or(0);
    if !(0..=1000).contains(&sort_order) {
        errs.push(FieldError::new(
            format!("{field}.sort_order"),
            "out_of_range",
            "Thứ tự từ 0 đến 1000.",
            "sort_order must be 0–1000.",
        ));
    }
    Some(CheckedMilestone {
        kind: m.kind.into(),
        title: title?,
        starts_on: m.starts_on,
        due_on: m.due_on,
        late_policy: m
            .late_policy
            .map(Into::into)
            .unwrap_or(LatePolicy::AcceptLate),
        sort_order,
    })
}

pub fn check_dates(
    errs: &mut ValidationErrors,
    field: &str,
    starts_on: Option<chrono::NaiveDate>,
    due_on: chrono::NaiveDate,
) {
    let name = |f: &str| format!("{field}.{f}").trim_start_matches('.').to_string();
    errs.check(thidua_domain::validation::plausible_date(
        &name("due_on"),
        due_on,
    ));
    if let Some(s) = starts_on {
        errs.check(thidua_domain::validation::plausible_date(
            &name("starts_on"),
            s,
        ));
    }
    if starts_on.is_some_and(|s| s > due_on) {
        errs.push(FieldError::new(
            format!("{field}.starts_on")
                .trim_start_matches('.')
                .to_string(),
            "after_due_on",
            "Ngày bắt đầu phải trước hạn chót.",
            "starts_on must not be after due_on.",
        ));
    }
}

pub fn check_year(errs: &mut ValidationErrors, year: i32) {
    if !(2000..=2100).contains(&year) {
        errs.push(FieldError::new(
            "year",
            "out_of_range",
            "Năm phải từ 2000 đến 2100.",
            "year must be 2000–2100.",
        ));
    }
}
