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
    NewInitiativeTransition, NewRoadmapMilestone, ReformArea, RoadmapMilestone,
    RoadmapMilestoneChanges,
};
use crate::schema::{
    initiative_authors, initiative_milestones, initiative_transitions, initiatives, organizations,
    reform_areas,
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
        q = q.filter(initiatives::status.eq_any(ACTIVE)).filter(exists(
            initiative_milestones::table
                .filter(initiative_milestones::initiative_id.eq(initiatives::id))
                .filter(initiative_milestones::done_on.is_null())
                .filter(initiative_milestones::due_on.lt(day)),
        ));
    }
    q
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    f: &InitiativeFilter,
    req: &ListRequest<InitiativeSort>,
) -> QueryResult<Paged<Initiative>> {
    let total = filtered(scope, f).count().get_result(conn).await?;
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
        .load(conn)
        .await?;
    Ok(Paged { items, total })
}

/// The initiatives a unit has registered for a campaign (everything the unit approved,
/// whatever became of it since), in the order they were created.
pub async fn registered_of(
    conn: &mut AsyncPgConnection,
    campaign_id: Uuid,
    unit_id: Uuid,
) -> QueryResult<Vec<Initiative>> {
    initiatives::table
        .filter(initiatives::campaign_id.eq(campaign_id))
        .filter(initiatives::organization_id.eq(unit_id))
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

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Initiative> {
    initiatives::table
        .find(id)
        .select(Initiative::as_select())
        .first(conn)
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
