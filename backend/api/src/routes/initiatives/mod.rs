pub mod create;
pub mod get;
pub mod history;
pub mod list;
pub mod reform_areas;
pub mod roadmap;
pub mod transitions;
pub mod update;

use std::collections::HashMap;

use thidua_db::AsyncPgConnection;
use thidua_db::models::{Initiative, InitiativeAuthor, Organization, RoadmapMilestone};
use thidua_db::queries::{
    initiatives as initiative_queries, organizations as org_queries, users as user_queries,
};
use thidua_domain::initiative::{
    InitiativeKind, InitiativeStatus, RoadmapStep, overdue_steps, progress,
};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, InitiativeOp};
use crate::error::ApiError;
use crate::extract::etag;
use crate::routes::today;
use crate::views::campaigns::CampaignRef;
use crate::views::initiatives::{AuthorView, InitiativeView, ReformAreaView, RoadmapStepView};
use crate::views::{OrganizationRef, UserRef};

/// An initiative with what the policy needs: its unit's ancestry and its authors.
pub struct LoadedInitiative {
    pub initiative: Initiative,
    pub unit: Organization,
    pub authors: Vec<InitiativeAuthor>,
}

impl LoadedInitiative {
    pub fn status(&self) -> Result<InitiativeStatus, ApiError> {
        InitiativeStatus::parse(&self.initiative.status).ok_or_else(|| {
            ApiError::internal(anyhow::anyhow!(
                "unknown initiative status {}",
                self.initiative.status
            ))
        })
    }

    /// Listed as an author, or (for a collective initiative, or before authors are set) its
    /// creator.
    pub fn is_author(&self, p: &Principal) -> bool {
        self.initiative.created_by == p.user_id
            || self.authors.iter().any(|a| a.user_id == p.user_id)
    }

    pub fn authorize(&self, p: &Principal, op: InitiativeOp) -> Result<(), ApiError> {
        authz::initiative(
            p,
            op,
            &self.unit.ancestry(),
            self.is_author(p),
            self.status()?,
        )
    }

    pub fn etag(&self) -> String {
        etag(self.initiative.id, self.initiative.version)
    }
}

pub async fn load(conn: &mut AsyncPgConnection, id: Uuid) -> Result<LoadedInitiative, ApiError> {
    let (initiative, unit, authors) = initiative_queries::find_with_unit(conn, id).await?;
    Ok(LoadedInitiative {
        initiative,
        unit,
        authors,
    })
}

fn steps(roadmap: &[RoadmapMilestone]) -> Vec<RoadmapStep> {
    roadmap
        .iter()
        .map(|m| RoadmapStep {
            due_on: m.due_on,
            done_on: m.done_on,
            progress: m.progress,
        })
        .collect()
}

/// Full views of initiatives; what they refer to comes in one pipelined round trip.
pub async fn views(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    items: Vec<Initiative>,
) -> Result<Vec<InitiativeView>, ApiError> {
    let related = initiative_queries::related(conn, &items).await?;
    assemble(p, items, related)
}

/// One initiative's view, if the caller may see it (404 otherwise): a single round trip.
pub async fn view_of(
    conn: &AsyncPgConnection,
    p: &Principal,
    id: Uuid,
) -> Result<InitiativeView, ApiError> {
    let (initiative, related) = initiative_queries::find_related(conn, id).await?;
    let loaded = LoadedInitiative {
        unit: related
            .units
            .first()
            .cloned()
            .ok_or_else(ApiError::not_found)?,
        authors: related.authors.iter().map(|a| a.0.clone()).collect(),
        initiative,
    };
    loaded.authorize(p, InitiativeOp::View)?;
    assemble(p, vec![loaded.initiative], related)
        .map(|mut v| v.pop())?
        .ok_or_else(ApiError::not_found)
}

/// The views of `items` from what [`initiative_queries::related`] loaded for them.
pub fn assemble(
    p: &Principal,
    items: Vec<Initiative>,
    related: initiative_queries::Related,
) -> Result<Vec<InitiativeView>, ApiError> {
    let mut authors: HashMap<Uuid, Vec<initiative_queries::NamedAuthor>> = HashMap::new();
    for a in related.authors {
        authors.entry(a.0.initiative_id).or_default().push(a);
    }
    let mut roadmaps: HashMap<Uuid, Vec<RoadmapMilestone>> = HashMap::new();
    for m in related.roadmaps {
        roadmaps.entry(m.initiative_id).or_default().push(m);
    }
    let orgs: HashMap<Uuid, Organization> = related.units.into_iter().map(|o| (o.id, o)).collect();
    let campaigns: HashMap<Uuid, CampaignRef> = related
        .campaigns
        .into_iter()
        .map(|(id, code, title)| (id, CampaignRef { id, code, title }))
        .collect();
    let creators: HashMap<Uuid, String> = related.creators.into_iter().collect();
    let areas: HashMap<String, ReformAreaView> = related
        .areas
        .into_iter()
        .map(|a| {
            (
                a.code.clone(),
                ReformAreaView {
                    code: a.code,
                    name_vi: a.name_vi,
                    name_en: a.name_en,
                },
            )
        })
        .collect();
    let day = today();

    let mut out = Vec::with_capacity(items.len());
    for i in items {
        let unit = orgs
            .get(&i.organization_id)
            .ok_or_else(|| ApiError::internal(anyhow::anyhow!("unit of {} missing", i.id)))?;
        let status = InitiativeStatus::parse(&i.status)
            .ok_or_else(|| ApiError::internal(anyhow::anyhow!("bad status {}", i.status)))?;
        let kind = InitiativeKind::parse(&i.kind)
            .ok_or_else(|| ApiError::internal(anyhow::anyhow!("bad kind {}", i.kind)))?;
        let its_authors = authors.remove(&i.id).unwrap_or_default();
        let roadmap = roadmaps.remove(&i.id).unwrap_or_default();
        let is_author =
            i.created_by == p.user_id || its_authors.iter().any(|a| a.0.user_id == p.user_id);
        let path = unit.ancestry();
        let steps = steps(&roadmap);
        out.push(InitiativeView {
            id: i.id,
            campaign: campaigns
                .get(&i.campaign_id)
                .cloned()
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("campaign missing")))?,
            organization: OrganizationRef::from(unit),
            kind: kind.into(),
            reform_area: areas
                .get(&i.reform_area)
                .cloned()
                .unwrap_or(ReformAreaView {
                    code: i.reform_area.clone(),
                    name_vi: i.reform_area.clone(),
                    name_en: i.reform_area.clone(),
                }),
            authors: its_authors
                .into_iter()
                .map(|(a, display_name, position)| AuthorView {
                    user: UserRef {
                        id: a.user_id,
                        display_name,
                    },
                    position,
                    contribution_pct: a.contribution_pct,
                })
                .collect(),
            progress: progress(&steps),
            // Only an initiative under way can be behind (as in the list's `overdue` filter).
            overdue_steps: if status.is_active() {
                overdue_steps(&steps, day) as i64
            } else {
                0
            },
            roadmap: roadmap
                .iter()
                .map(|m| RoadmapStepView {
                    id: m.id,
                    title: m.title.clone(),
                    due_on: m.due_on,
                    done_on: m.done_on,
                    progress: if m.done_on.is_some() { 100 } else { m.progress },
                    overdue: status.is_active() && m.done_on.is_none() && m.due_on < day,
                    sort_order: m.sort_order,
                    etag: etag(m.id, m.version),
                })
                .collect(),
            status: status.into(),
            created_by: UserRef {
                id: i.created_by,
                display_name: creators.get(&i.created_by).cloned().unwrap_or_default(),
            },
            allowed_actions: authz::initiative_allowed_actions(p, &path, is_author, status),
            etag: etag(i.id, i.version),
            title: i.title,
            summary: i.summary,
            problem: i.problem,
            objectives: i.objectives,
            approach: i.approach,
            expected_results: i.expected_results,
            starts_on: i.starts_on,
            ends_on: i.ends_on,
            collective: i.collective,
            created_at: i.created_at,
            updated_at: i.updated_at,
        });
    }
    Ok(out)
}

pub async fn view_one(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    id: Uuid,
) -> Result<InitiativeView, ApiError> {
    let (initiative, related) = initiative_queries::find_related(conn, id).await?;
    assemble(p, vec![initiative], related)?
        .pop()
        .ok_or_else(ApiError::not_found)
}

/// The authors to store: validated shares, each author an active member of the unit.
pub async fn checked_authors(
    conn: &mut AsyncPgConnection,
    unit: &Organization,
    collective: bool,
    input: &[crate::views::initiatives::AuthorInput],
) -> Result<Vec<(Uuid, i16)>, ApiError> {
    let shares: Vec<(Uuid, i32)> = input
        .iter()
        .map(|a| (a.user_id, a.contribution_pct))
        .collect();
    thidua_domain::initiative::check_authors(collective, &shares)?;
    for (i, (user_id, _)) in shares.iter().enumerate() {
        let member = match user_queries::find(conn, *user_id).await {
            Ok(u) if u.is_active => org_queries::find(conn, u.organization_id)
                .await?
                .ancestry()
                .contains(&unit.id),
            Ok(_) | Err(diesel::result::Error::NotFound) => false,
            Err(e) => return Err(e.into()),
        };
        if !member {
            return Err(ApiError::field(thidua_domain::FieldError::new(
                format!("authors[{i}].user_id"),
                "not_a_member",
                "Tác giả phải là cán bộ, công chức, viên chức đang công tác tại đơn vị.",
                "An author must be an active member of the unit.",
            )));
        }
    }
    Ok(shares
        .into_iter()
        .map(|(id, pct)| (id, pct as i16))
        .collect())
}

/// Title, texts and dates of an initiative, as given in a create or update.
pub fn check_texts(
    errs: &mut thidua_domain::ValidationErrors,
    fields: &[(&str, Option<&str>, usize)],
) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (name, value, max) in fields {
        if let Some(v) = value {
            let checked = if *name == "title" {
                errs.check(thidua_domain::validation::required_text(name, v, *max))
            } else {
                let t = v.trim();
                if t.chars().count() > *max {
                    errs.push(thidua_domain::FieldError::too_long(name, *max));
                    None
                } else {
                    Some(t.to_string())
                }
            };
            if let Some(c) = checked {
                out.insert((*name).to_string(), c);
            }
        }
    }
    out
}

pub fn check_period(
    errs: &mut thidua_domain::ValidationErrors,
    starts_on: Option<chrono::NaiveDate>,
    ends_on: Option<chrono::NaiveDate>,
) {
    if let Some(s) = starts_on {
        errs.check(thidua_domain::validation::plausible_date("starts_on", s));
    }
    if let Some(e) = ends_on {
        errs.check(thidua_domain::validation::plausible_date("ends_on", e));
    }
    if let (Some(s), Some(e)) = (starts_on, ends_on)
        && e < s
    {
        errs.push(thidua_domain::FieldError::new(
            "ends_on",
            "before_starts_on",
            "Ngày kết thúc phải sau ngày bắt đầu.",
            "ends_on must not be before starts_on.",
        ));
    }
}

pub async fn check_area(
    conn: &mut AsyncPgConnection,
    errs: &mut thidua_domain::ValidationErrors,
    code: &str,
) -> Result<(), ApiError> {
    if !initiative_queries::reform_area_exists(conn, code).await? {
        errs.push(thidua_domain::FieldError::new(
            "reform_area",
            "unknown_reform_area",
            "Lĩnh vực cải cách hành chính không có trong danh mục.",
            "Unknown reform area.",
        ));
    }
    Ok(())
}
