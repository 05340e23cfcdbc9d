use chrono::{NaiveDate, Utc};
use diesel::dsl::{exists, sql};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Float, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use thidua_domain::page::ListRequest;
use uuid::Uuid;

use super::{Paged, Scope};
use crate::models::{
    Initiative, InitiativeAuthor, InitiativeChanges, InitiativeTransition, NewInitiative,
    NewInitiativeTransition, NewRoadmapMilestone, Organization, ReformArea, RoadmapMilestone,
    RoadmapMilestoneChanges,
};
use crate::schema::{
    campaigns, initiative_authors, initiative_milestones, initiative_transitions, initiatives,
    organizations, reform_areas, users,
};

#[derive(Debug, Clone, Default)]
pub struct InitiativeFilter {
    /// A `to_tsquery('simple', …)` expression over folded words (see [`search_query`]).
    pub search: Option<String>,
    pub campaign_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub statuses: Vec<String>,
    pub kind: Option<String>,
    pub reform_area: Option<String>,
    pub author_id: Option<Uuid>,
    /// Only those with a roadmap step past its day and not done (as of the given day).
    pub overdue_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitiativeSort {
    CreatedAt,
    UpdatedAt,
    Title,
    StartsOn,
    EndsOn,
    /// By search relevance (only with a search).
    Relevance,
}

/// Folds the user's words (diacritics, case) into a prefix-matching `to_tsquery` expression:
/// "Cải cách thủ tục" → `cai & cach & thu & tuc:*`. Only letters and digits survive, so the
/// expression cannot be malformed. `None` when nothing searchable is left.
pub fn search_query(raw: &str) -> Option<String> {
    let folded = thidua_domain::text::fold(raw);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| w.chars().take(64).collect())
        .collect();
    if words.is_empty() {
        return None;
    }
    let n = words.len();
    Some(
        words
            .into_iter()
            .enumerate()
            .map(|(i, w)| if i + 1 == n { format!("{w}:*") } else { w })
            .collect::<Vec<_>>()
            .join(" & "),
    )
}

/// Statuses in which a roadmap can still be overdue.
const ACTIVE: [&str; 5] = [
    "draft",
    "submitted",
    "returned",
    "registered",
    "in_progress",
];

fn filtered<'a>(scope: &Scope, f: &InitiativeFilter) -> initiatives::BoxedQuery<'a, Pg> {
    let mut q = initiatives::table.into_boxed();
    if let Scope::Subtrees(roots) = scope {
        let roots: Vec<Option<Uuid>> = roots.iter().copied().map(Some).collect();
        let orgs = organizations::table
            .filter(organizations::path.overlaps_with(roots))
            .select(organizations::id);
        q = q.filter(initiatives::organization_id.eq_any(orgs));
    }
    if let Some(tsq) = &f.search {
        q = q.filter(
            sql::<Bool>("initiatives.search @@ to_tsquery('simple', ")
                .bind::<Text, _>(tsq.clone())
                .sql(")"),
        );
    }
    if let Some(c) = f.campaign_id {
        q = q.filter(initiatives::campaign_id.eq(c));
    }
    if let Some(o) = f.organization_id {
        q = q.filter(initiatives::organization_id.eq(o));
    }
    if !f.statuses.is_empty() {
        q = q.filter(initiatives::status.eq_any(f.statuses.clone()));
    }
    if let Some(k) = &f.kind {
        q = q.filter(initiatives::kind.eq(k.clone()));
    }
    if let Some(a) = &f.reform_area {
        q = q.filter(initiatives::reform_area.eq(a.clone()));
    }
    if let Some(author) = f.author_id {
        let authored = initiative_authors::table
            .filter(initiative_authors::user_id.eq(author))
            .select(initiative_authors::initiative_id);
        q = q.filter(
            initiatives::id
                .eq_any(authored)
                .or(initiatives::created_by.eq(author)),
        );
    }
    if let Some(day) = f.overdue_on {
        // The first step not done (the roadmap summary of migration 000004) is past its day.
        q = q.filter(initiatives::status.eq_any(ACTIVE)).filter(
            sql::<Bool>("initiatives.open_due_dates[1] < ").bind::<diesel::sql_types::Date, _>(day),
        );
    }
    q
}

/// One page and the total, and whether they may be cached: no writer was in flight at the
/// count's snapshot (the page is read after it, in the same round trip).
pub async fn list(
    conn: &AsyncPgConnection,
    scope: &Scope,
    f: &InitiativeFilter,
    req: &ListRequest<InitiativeSort>,
) -> QueryResult<(Paged<Initiative>, bool)> {
    let (mut c1, mut c2) = (conn, conn);
    let total = filtered(scope, f)
        .select((
            diesel::dsl::count_star(),
            sql::<diesel::sql_types::BigInt>(super::WRITERS_IN_FLIGHT),
        ))
        .get_result::<(i64, i64)>(&mut c1);
    let q = filtered(scope, f);
    let q = match (req.sort.field, &f.search) {
        (InitiativeSort::Relevance, Some(tsq)) => q.order((
            sql::<Float>("ts_rank(initiatives.search, to_tsquery('simple', ")
                .bind::<Text, _>(tsq.clone())
                .sql("))")
                .desc(),
            initiatives::created_at.desc(),
            initiatives::id,
        )),
        (InitiativeSort::Relevance, None) => {
            q.order((initiatives::created_at.desc(), initiatives::id))
        }
        (field, _) => sorted!(q, field, req.sort.descending, initiatives::id, {
            InitiativeSort::CreatedAt => initiatives::created_at,
            InitiativeSort::UpdatedAt => initiatives::updated_at,
            InitiativeSort::Title => initiatives::title,
            InitiativeSort::StartsOn => initiatives::starts_on,
            InitiativeSort::EndsOn => initiatives::ends_on,
            InitiativeSort::Relevance => initiatives::created_at,
        }),
    };
    let items = q
        .select(Initiative::as_select())
        .limit(req.page.per_page)
        .offset(req.page.offset())
        .load::<Initiative>(&mut c2);
    let (total, items) = tokio::join!(total, items);
    let (total, in_flight) = total?;
    Ok((
        Paged {
            items: items?,
            total,
        },
        in_flight == 0,
    ))
}

/// The initiatives units have registered for campaigns (everything a unit approved,
/// whatever became of it since), in the order they were created: those of every unit in
/// `unit_ids` for every campaign in `campaign_ids` (callers keep the pairs they asked for).
pub async fn registered_of(
    conn: &mut AsyncPgConnection,
    campaign_ids: &[Uuid],
    unit_ids: &[Uuid],
) -> QueryResult<Vec<Initiative>> {
    initiatives::table
        .filter(initiatives::campaign_id.eq_any(campaign_ids))
        .filter(initiatives::organization_id.eq_any(unit_ids))
        .filter(initiatives::status.eq_any([
            "registered",
            "in_progress",
            "completed",
            "accepted",
            "not_accepted",
        ]))
        .order((initiatives::created_at, initiatives::id))
        .select(Initiative::as_select())
        .load(conn)
        .await
}

/// An author with the name and position shown beside them.
pub type NamedAuthor = (InitiativeAuthor, String, Option<String>);

/// Everything a view of some initiatives shows besides their own rows.
#[derive(Debug, Default, Clone)]
pub struct Related {
    pub units: Vec<Organization>,
    /// Campaign id, code and title.
    pub campaigns: Vec<(Uuid, String, String)>,
    pub areas: Vec<ReformArea>,
    /// Creator id and display name.
    pub creators: Vec<(Uuid, String)>,
    /// Ordered by initiative, then share order.
    pub authors: Vec<NamedAuthor>,
    /// Ordered by initiative, then due date.
    pub roadmaps: Vec<RoadmapMilestone>,
}

fn distinct(ids: impl Iterator<Item = Uuid>) -> Vec<Uuid> {
    let mut v: Vec<Uuid> = ids.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// What [`Related`] holds for `items`: six queries pipelined on one connection, so one
/// round trip whatever the number of initiatives.
pub async fn related(conn: &AsyncPgConnection, items: &[Initiative]) -> QueryResult<Related> {
    let ids: Vec<Uuid> = items.iter().map(|i| i.id).collect();
    let unit_ids = distinct(items.iter().map(|i| i.organization_id));
    let campaign_ids = distinct(items.iter().map(|i| i.campaign_id));
    let area_codes = {
        let mut v: Vec<String> = items.iter().map(|i| i.reform_area.clone()).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let creator_ids = distinct(items.iter().map(|i| i.created_by));
    let (mut c1, mut c2, mut c3, mut c4, mut c5, mut c6) = (conn, conn, conn, conn, conn, conn);
    let units = organizations::table
        .filter(organizations::id.eq_any(&unit_ids))
        .select(Organization::as_select())
        .load::<Organization>(&mut c1);
    let campaigns = campaigns::table
        .filter(campaigns::id.eq_any(&campaign_ids))
        .select((campaigns::id, campaigns::code, campaigns::title))
        .load::<(Uuid, String, String)>(&mut c2);
    let areas = reform_areas::table
        .filter(reform_areas::code.eq_any(&area_codes))
        .select(ReformArea::as_select())
        .load::<ReformArea>(&mut c3);
    let creators = users::table
        .filter(users::id.eq_any(&creator_ids))
        .select((users::id, users::display_name))
        .load::<(Uuid, String)>(&mut c4);
    let authors = named_authors(&mut c5, Which::Many(&ids));
    let roadmaps = roadmap_steps(&mut c6, Which::Many(&ids));
    let (units, campaigns, areas, creators, authors, roadmaps) =
        tokio::join!(units, campaigns, areas, creators, authors, roadmaps);
    Ok(Related {
        units: units?,
        campaigns: campaigns?,
        areas: areas?,
        creators: creators?,
        authors: authors?,
        roadmaps: roadmaps?,
    })
}

/// One initiative and what its view shows, in one round trip: the row joined with its
/// unit, campaign, area and creator, its authors and its roadmap, pipelined.
pub async fn find_related(
    conn: &AsyncPgConnection,
    id: Uuid,
) -> QueryResult<(Initiative, Related)> {
    let (mut c1, mut c2, mut c3) = (conn, conn, conn);
    let row = initiatives::table
        .inner_join(organizations::table)
        .inner_join(campaigns::table)
        .inner_join(reform_areas::table)
        .inner_join(users::table)
        .filter(initiatives::id.eq(id))
        .select((
            Initiative::as_select(),
            Organization::as_select(),
            (campaigns::id, campaigns::code, campaigns::title),
            ReformArea::as_select(),
            users::display_name,
        ))
        .first::<(
            Initiative,
            Organization,
            (Uuid, String, String),
            ReformArea,
            String,
        )>(&mut c1);
    let authors = named_authors(&mut c2, Which::One(id));
    let roadmaps = roadmap_steps(&mut c3, Which::One(id));
    let (row, authors, roadmaps) = tokio::join!(row, authors, roadmaps);
    let (initiative, unit, campaign, area, creator) = row?;
    let creators = vec![(initiative.created_by, creator)];
    Ok((
        initiative,
        Related {
            units: vec![unit],
            campaigns: vec![campaign],
            areas: vec![area],
            creators,
            authors: authors?,
            roadmaps: roadmaps?,
        },
    ))
}

/// An initiative with its unit and its authors (what the policy decides on), in one round
/// trip.
pub async fn find_with_unit(
    conn: &AsyncPgConnection,
    id: Uuid,
) -> QueryResult<(Initiative, Organization, Vec<InitiativeAuthor>)> {
    let (mut c1, mut c2) = (conn, conn);
    let row = initiatives::table
        .inner_join(organizations::table)
        .filter(initiatives::id.eq(id))
        .select((Initiative::as_select(), Organization::as_select()))
        .first::<(Initiative, Organization)>(&mut c1);
    let authors = initiative_authors::table
        .filter(initiative_authors::initiative_id.eq(id))
        .order(initiative_authors::sort_order)
        .select(InitiativeAuthor::as_select())
        .load::<InitiativeAuthor>(&mut c2);
    let (row, authors) = tokio::join!(row, authors);
    let (initiative, unit) = row?;
    Ok((initiative, unit, authors?))
}

/// The authors of the given initiatives with their names and positions.
pub async fn authors_named(
    conn: &AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<NamedAuthor>> {
    named_authors(&mut &*conn, Which::Many(ids)).await
}

/// Which initiatives a query is about. One is filtered with `= $1`, not `= ANY($1)`:
/// PostgreSQL plans a prepared `= ANY` over an array parameter afresh on every execution
/// (its generic plan guesses ten elements and loses to the custom one), which cost more than
/// the query itself on the hottest read, get-by-id.
#[derive(Clone, Copy)]
enum Which<'a> {
    One(Uuid),
    Many(&'a [Uuid]),
}

async fn named_authors(
    conn: &mut &AsyncPgConnection,
    which: Which<'_>,
) -> QueryResult<Vec<NamedAuthor>> {
    let q = initiative_authors::table
        .inner_join(users::table)
        .into_boxed();
    let q = match which {
        Which::One(id) => q.filter(initiative_authors::initiative_id.eq(id)),
        Which::Many(ids) => q.filter(initiative_authors::initiative_id.eq_any(ids)),
    };
    q.order((
        initiative_authors::initiative_id,
        initiative_authors::sort_order,
    ))
    .select((
        InitiativeAuthor::as_select(),
        users::display_name,
        users::position,
    ))
    .load(conn)
    .await
}

async fn roadmap_steps(
    conn: &mut &AsyncPgConnection,
    which: Which<'_>,
) -> QueryResult<Vec<RoadmapMilestone>> {
    let q = initiative_milestones::table.into_boxed();
    let q = match which {
        Which::One(id) => q.filter(initiative_milestones::initiative_id.eq(id)),
        Which::Many(ids) => q.filter(initiative_milestones::initiative_id.eq_any(ids)),
    };
    q.order((
        initiative_milestones::initiative_id,
        initiative_milestones::due_on,
        initiative_milestones::sort_order,
        initiative_milestones::id,
    ))
    .select(RoadmapMilestone::as_select())
    .load(conn)
    .await
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Initiative> {
    initiatives::table
        .find(id)
        .select(Initiative::as_select())
        .first(conn)
        .await
}

pub async fn find_many(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Initiative>> {
    initiatives::table
        .filter(initiatives::id.eq_any(ids))
        .select(Initiative::as_select())
        .load(conn)
        .await
}

/// The titles of the given initiatives.
pub async fn titles(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, String)>> {
    initiatives::table
        .filter(initiatives::id.eq_any(ids))
        .select((initiatives::id, initiatives::title))
        .load(conn)
        .await
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewInitiative) -> QueryResult<Initiative> {
    diesel::insert_into(initiatives::table)
        .values(new)
        .returning(Initiative::as_returning())
        .get_result(conn)
        .await
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected_version: i32,
    changes: &InitiativeChanges,
) -> QueryResult<Initiative> {
    diesel::update(
        initiatives::table
            .filter(initiatives::id.eq(id))
            .filter(initiatives::version.eq(expected_version)),
    )
    .set((
        changes,
        initiatives::version.eq(initiatives::version + 1),
        initiatives::updated_at.eq(Utc::now()),
    ))
    .returning(Initiative::as_returning())
    .get_result(conn)
    .await
}

/// Bumps the version (roadmap or authors changed), so the initiative's ETag covers them.
pub async fn touch(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(initiatives::table.find(id))
        .set((
            initiatives::version.eq(initiatives::version + 1),
            initiatives::updated_at.eq(Utc::now()),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// The conditional state change; `None` when the row is no longer in `from`.
pub async fn transition(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    from: &str,
    to: &str,
) -> QueryResult<Option<Initiative>> {
    diesel::update(
        initiatives::table
            .filter(initiatives::id.eq(id))
            .filter(initiatives::status.eq(from)),
    )
    .set((
        initiatives::status.eq(to),
        initiatives::version.eq(initiatives::version + 1),
        initiatives::updated_at.eq(Utc::now()),
    ))
    .returning(Initiative::as_returning())
    .get_result(conn)
    .await
    .optional()
}

pub async fn record_transition(
    conn: &mut AsyncPgConnection,
    t: &NewInitiativeTransition,
) -> QueryResult<()> {
    diesel::insert_into(initiative_transitions::table)
        .values(t)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn history(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<Vec<InitiativeTransition>> {
    initiative_transitions::table
        .filter(initiative_transitions::initiative_id.eq(id))
        .order(initiative_transitions::id)
        .select(InitiativeTransition::as_select())
        .load(conn)
        .await
}

pub async fn authors_of(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<InitiativeAuthor>> {
    initiative_authors::table
        .filter(initiative_authors::initiative_id.eq_any(ids))
        .order((
            initiative_authors::initiative_id,
            initiative_authors::sort_order,
        ))
        .select(InitiativeAuthor::as_select())
        .load(conn)
        .await
}

pub async fn replace_authors(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    authors: &[InitiativeAuthor],
) -> QueryResult<()> {
    diesel::delete(initiative_authors::table.filter(initiative_authors::initiative_id.eq(id)))
        .execute(conn)
        .await?;
    if !authors.is_empty() {
        diesel::insert_into(initiative_authors::table)
            .values(authors)
            .execute(conn)
            .await?;
    }
    Ok(())
}

pub async fn roadmaps_of(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<RoadmapMilestone>> {
    initiative_milestones::table
        .filter(initiative_milestones::initiative_id.eq_any(ids))
        .order((
            initiative_milestones::initiative_id,
            initiative_milestones::due_on,
            initiative_milestones::sort_order,
            initiative_milestones::id,
        ))
        .select(RoadmapMilestone::as_select())
        .load(conn)
        .await
}

pub async fn find_step(
    conn: &mut AsyncPgConnection,
    initiative_id: Uuid,
    id: Uuid,
) -> QueryResult<RoadmapMilestone> {
    initiative_milestones::table
        .filter(initiative_milestones::id.eq(id))
        .filter(initiative_milestones::initiative_id.eq(initiative_id))
        .select(RoadmapMilestone::as_select())
        .first(conn)
        .await
}

pub async fn insert_steps(
    conn: &mut AsyncPgConnection,
    steps: &[NewRoadmapMilestone],
) -> QueryResult<()> {
    if !steps.is_empty() {
        diesel::insert_into(initiative_milestones::table)
            .values(steps)
            .execute(conn)
            .await?;
    }
    Ok(())
}

pub async fn update_step(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected_version: i32,
    changes: &RoadmapMilestoneChanges,
) -> QueryResult<RoadmapMilestone> {
    diesel::update(
        initiative_milestones::table
            .filter(initiative_milestones::id.eq(id))
            .filter(initiative_milestones::version.eq(expected_version)),
    )
    .set((
        changes,
        initiative_milestones::version.eq(initiative_milestones::version + 1),
        initiative_milestones::updated_at.eq(Utc::now()),
    ))
    .returning(RoadmapMilestone::as_returning())
    .get_result(conn)
    .await
}

pub async fn delete_step(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
    diesel::delete(initiative_milestones::table.find(id))
        .execute(conn)
        .await
}

pub async fn reform_areas(conn: &mut AsyncPgConnection) -> QueryResult<Vec<ReformArea>> {
    reform_areas::table
        .order((reform_areas::sort_order, reform_areas::code))
        .select(ReformArea::as_select())
        .load(conn)
        .await
}

pub async fn reform_area_exists(conn: &mut AsyncPgConnection, code: &str) -> QueryResult<bool> {
    diesel::select(exists(reform_areas::table.find(code.to_string())))
        .get_result(conn)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_are_folded_and_safe() {
        assert_eq!(
            search_query("Cải cách thủ tục"),
            Some("cai & cach & thu & tuc:*".into())
        );
        assert_eq!(search_query("cai cach"), Some("cai & cach:*".into()));
        assert_eq!(
            search_query("a'); DROP TABLE x; --"),
            Some("a & drop & table & x:*".into())
        );
        assert_eq!(search_query("  !!! "), None);
    }
}
