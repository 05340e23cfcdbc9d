use chrono::Utc;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use thidua_domain::page::ListRequest;

use super::{Paged, like_pattern, lower, unaccent};
use crate::models::{
    Campaign, CampaignChanges, DeadlineExtension, Milestone, MilestoneChanges, NewCampaign,
    NewDeadlineExtension, NewMilestone,
};
use crate::schema::{campaign_milestones, campaigns, deadline_extensions, organizations};

/// Who sees a campaign: those whose subtree contains its issuing organisation (they run it),
/// and, once it is no longer a draft, everyone below the issuing organisation (they take
/// part in it).
#[derive(Debug, Clone)]
pub enum CampaignVisibility {
    All,
    Scoped {
        /// Roots of the subtrees where the caller runs campaigns (sees drafts too).
        managed_roots: Vec<Uuid>,
        /// Roots of every subtree the caller holds any role in.
        roots: Vec<Uuid>,
        /// Every ancestor (inclusive) of those roots.
        ancestors: Vec<Uuid>,
    },
}

#[derive(Debug, Clone, Default)]
pub struct CampaignFilter {
    pub q: Option<String>,
    pub year: Option<i32>,
    pub status: Option<String>,
    pub organization_id: Option<Uuid>,
    pub parent_campaign_id: Option<Uuid>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignSort {
    IssuedOn,
    Year,
    Code,
    Title,
    CreatedAt,
}

fn filtered<'a>(vis: &CampaignVisibility, f: &CampaignFilter) -> campaigns::BoxedQuery<'a, Pg> {
    let mut q = campaigns::table.into_boxed();
    if let CampaignVisibility::Scoped {
        managed_roots,
        roots,
        ancestors,
    } = vis
    {
        // The issuer's own row, looked up by key, for each campaign (campaigns are few; a
        // district's subtree is thousands of organisations, not worth listing).
        let subtree = |rs: &Vec<Uuid>| {
            let rs: Vec<Option<Uuid>> = rs.iter().copied().map(Some).collect();
            diesel::dsl::exists(
                organizations::table
                    .filter(organizations::id.eq(campaigns::organization_id))
                    .filter(organizations::path.overlaps_with(rs)),
            )
        };
        // Mirrors authz::can_see_campaign: managers see their campaigns in any state; once
        // out of draft, a campaign is seen across the subtrees of the caller's roles and
        // below its issuer.
        q = q.filter(
            subtree(managed_roots).or(campaigns::status
                .ne("draft")
                .and(subtree(roots).or(campaigns::organization_id.eq_any(ancestors.clone())))),
        );
    }
    if let Some(text) = f.q.as_deref().filter(|t| !t.trim().is_empty()) {
        let pattern = like_pattern(text);
        q = q.filter(
            unaccent(lower(campaigns::title))
                .like(pattern.clone())
                .or(unaccent(lower(campaigns::code)).like(pattern)),
        );
    }
    if let Some(year) = f.year {
        q = q.filter(campaigns::year.eq(year));
    }
    if let Some(status) = &f.status {
        q = q.filter(campaigns::status.eq(status.clone()));
    }
    if let Some(org) = f.organization_id {
        q = q.filter(campaigns::organization_id.eq(org));
    }
    if let Some(parent) = f.parent_campaign_id {
        q = q.filter(campaigns::parent_campaign_id.eq(parent));
    }
    q
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    vis: &CampaignVisibility,
    f: &CampaignFilter,
    req: &ListRequest<CampaignSort>,
) -> QueryResult<Paged<Campaign>> {
    let total = filtered(vis, f).count().get_result(conn).await?;
    let q = filtered(vis, f);
    let q = sorted!(q, req.sort.field, req.sort.descending, campaigns::id, {
        CampaignSort::IssuedOn => campaigns::issued_on,
        CampaignSort::Year => campaigns::year,
        CampaignSort::Code => campaigns::code,
        CampaignSort::Title => campaigns::title,
        CampaignSort::CreatedAt => campaigns::created_at,
    });
    let items = q
        .select(Campaign::as_select())
        .limit(req.page.per_page)
        .offset(req.page.offset())
        .load(conn)
        .await?;
    Ok(Paged { items, total })
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Campaign> {
    campaigns::table
        .find(id)
        .select(Campaign::as_select())
        .first(conn)
        .await
}

pub async fn find_many(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Campaign>> {
    campaigns::table
        .filter(campaigns::id.eq_any(ids))
        .select(Campaign::as_select())
        .load(conn)
        .await
}

pub async fn find_by_code(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    year: i32,
    code: &str,
) -> QueryResult<Option<Campaign>> {
    campaigns::table
        .filter(campaigns::organization_id.eq(organization_id))
        .filter(campaigns::year.eq(year))
        .filter(campaigns::code.eq(code))
        .select(Campaign::as_select())
        .first(conn)
        .await
        .optional()
}

/// The campaign's status, locking the row until the transaction ends: changes that depend on
/// the status (milestones, extensions) re-check it here, so a concurrent transition cannot
/// slip between check and change.
pub async fn lock_status(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<String> {
    campaigns::table
        .find(id)
        .select(campaigns::status)
        .for_update()
        .first(conn)
        .await
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewCampaign) -> QueryResult<Campaign> {
    diesel::insert_into(campaigns::table)
        .values(new)
        .returning(Campaign::as_returning())
        .get_result(conn)
        .await
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected_version: i32,
    changes: &CampaignChanges,
) -> QueryResult<Campaign> {
    diesel::update(
        campaigns::table
            .filter(campaigns::id.eq(id))
            .filter(campaigns::version.eq(expected_version)),
    )
    .set((
        changes,
        campaigns::version.eq(campaigns::version + 1),
        campaigns::updated_at.eq(Utc::now()),
    ))
    .returning(Campaign::as_returning())
    .get_result(conn)
    .await
}

/// The conditional state change: only a row still in `from` moves to `to`. `None` means
/// another request got there first.
pub async fn transition(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    from: &str,
    to: &str,
) -> QueryResult<Option<Campaign>> {
    diesel::update(
        campaigns::table
            .filter(campaigns::id.eq(id))
            .filter(campaigns::status.eq(from)),
    )
    .set((
        campaigns::status.eq(to),
        campaigns::version.eq(campaigns::version + 1),
        campaigns::updated_at.eq(Utc::now()),
    ))
    .returning(Campaign::as_returning())
    .get_result(conn)
    .await
    .optional()
}

/// Bumps the campaign's version when its milestones or extensions change, so that its ETag
/// covers them.
pub async fn touch(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(campaigns::table.find(id))
        .set((
            campaigns::version.eq(campaigns::version + 1),
            campaigns::updated_at.eq(Utc::now()),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn milestones_of(
    conn: &mut AsyncPgConnection,
    campaign_ids: &[Uuid],
) -> QueryResult<Vec<Milestone>> {
    campaign_milestones::table
        .filter(campaign_milestones::campaign_id.eq_any(campaign_ids))
        .order((
            campaign_milestones::campaign_id,
            campaign_milestones::due_on,
            campaign_milestones::sort_order,
            campaign_milestones::id,
        ))
        .select(Milestone::as_select())
        .load(conn)
        .await
}

pub async fn milestones_by_ids(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<Milestone>> {
    campaign_milestones::table
        .filter(campaign_milestones::id.eq_any(ids))
        .select(Milestone::as_select())
        .load(conn)
        .await
}

pub async fn find_milestone(
    conn: &mut AsyncPgConnection,
    campaign_id: Uuid,
    id: Uuid,
) -> QueryResult<Milestone> {
    campaign_milestones::table
        .filter(campaign_milestones::id.eq(id))
        .filter(campaign_milestones::campaign_id.eq(campaign_id))
        .select(Milestone::as_select())
        .first(conn)
        .await
}

pub async fn insert_milestones(
    conn: &mut AsyncPgConnection,
    new: &[NewMilestone],
) -> QueryResult<Vec<Milestone>> {
    diesel::insert_into(campaign_milestones::table)
        .values(new)
        .returning(Milestone::as_returning())
        .get_results(conn)
        .await
}

pub async fn update_milestone(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected_version: i32,
    changes: &MilestoneChanges,
) -> QueryResult<Milestone> {
    diesel::update(
        campaign_milestones::table
            .filter(campaign_milestones::id.eq(id))
            .filter(campaign_milestones::version.eq(expected_version)),
    )
    .set((
        changes,
        campaign_milestones::version.eq(campaign_milestones::version + 1),
        campaign_milestones::updated_at.eq(Utc::now()),
    ))
    .returning(Milestone::as_returning())
    .get_result(conn)
    .await
}

pub async fn delete_milestone(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
    diesel::delete(campaign_milestones::table.find(id))
        .execute(conn)
        .await
}

/// Extensions of a campaign's milestones, restricted to organisations in `org_ids` when
/// given (a unit sees its own extensions only).
pub async fn extensions_of(
    conn: &mut AsyncPgConnection,
    campaign_id: Uuid,
    visible_roots: Option<&[Uuid]>,
) -> QueryResult<Vec<DeadlineExtension>> {
    let mut q = deadline_extensions::table
        .inner_join(campaign_milestones::table)
        .filter(campaign_milestones::campaign_id.eq(campaign_id))
        .into_boxed();
    if let Some(roots) = visible_roots {
        let roots: Vec<Option<Uuid>> = roots.iter().copied().map(Some).collect();
        let orgs = organizations::table
            .filter(organizations::path.overlaps_with(roots))
            .select(organizations::id);
        q = q.filter(deadline_extensions::organization_id.eq_any(orgs));
    }
    q.order((campaign_milestones::due_on, deadline_extensions::created_at))
        .select(DeadlineExtension::as_select())
        .load(conn)
        .await
}

/// The extensions of the given milestones granted to the given units.
pub async fn extensions_for(
    conn: &mut AsyncPgConnection,
    milestone_ids: &[Uuid],
    unit_ids: &[Uuid],
) -> QueryResult<Vec<DeadlineExtension>> {
    deadline_extensions::table
        .filter(deadline_extensions::milestone_id.eq_any(milestone_ids))
        .filter(deadline_extensions::organization_id.eq_any(unit_ids))
        .select(DeadlineExtension::as_select())
        .load(conn)
        .await
}

/// Every extension of the given campaigns, with its campaign and the ancestry of its unit
/// (so that callers filter by reach without a query per campaign).
pub async fn extensions_of_campaigns(
    conn: &mut AsyncPgConnection,
    campaign_ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, DeadlineExtension, Vec<Option<Uuid>>)>> {
    deadline_extensions::table
        .inner_join(campaign_milestones::table)
        .inner_join(organizations::table)
        .filter(campaign_milestones::campaign_id.eq_any(campaign_ids))
        .order((campaign_milestones::due_on, deadline_extensions::created_at))
        .select((
            campaign_milestones::campaign_id,
            DeadlineExtension::as_select(),
            organizations::path,
        ))
        .load(conn)
        .await
}

/// Grants or replaces one unit's extension of one milestone.
pub async fn upsert_extension(
    conn: &mut AsyncPgConnection,
    new: &NewDeadlineExtension,
) -> QueryResult<DeadlineExtension> {
    diesel::insert_into(deadline_extensions::table)
        .values(new)
        .on_conflict((
            deadline_extensions::milestone_id,
            deadline_extensions::organization_id,
        ))
        .do_update()
        .set((
            deadline_extensions::due_on.eq(new.due_on),
            deadline_extensions::reason.eq(new.reason.clone()),
            deadline_extensions::granted_by.eq(new.granted_by),
            deadline_extensions::updated_at.eq(Utc::now()),
        ))
        .returning(DeadlineExtension::as_returning())
        .get_result(conn)
        .await
}
