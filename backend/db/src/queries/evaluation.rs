//! Evaluation (SPEC §6): the criteria-set catalogue, rounds and their committees.

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::Paged;
use crate::models::{CriteriaSet, EvaluationRound, RoundMember};
use crate::schema::{criteria_sets, evaluation_rounds, organizations, round_members, users};

/// Every version of every set, by code then version.
pub async fn criteria_sets(conn: &mut AsyncPgConnection) -> QueryResult<Vec<CriteriaSet>> {
    criteria_sets::table
        .order((criteria_sets::code, criteria_sets::version))
        .select(CriteriaSet::as_select())
        .load(conn)
        .await
}

pub async fn criteria_sets_by_ids(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<CriteriaSet>> {
    criteria_sets::table
        .filter(criteria_sets::id.eq_any(ids))
        .select(CriteriaSet::as_select())
        .load(conn)
        .await
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = evaluation_rounds)]
pub struct NewRound {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub level: String,
    pub organization_id: Uuid,
    pub title: String,
    pub criteria_set_id: Uuid,
    pub aggregation: String,
    pub evaluators_per_initiative: i32,
    pub scoring_opens_on: chrono::NaiveDate,
    pub scoring_closes_on: chrono::NaiveDate,
    pub meeting_on: Option<chrono::NaiveDate>,
    pub meeting_place: Option<String>,
    pub created_by: Uuid,
}

pub async fn insert_round(
    conn: &mut AsyncPgConnection,
    new: &NewRound,
    members: &[RoundMember],
) -> QueryResult<()> {
    diesel::insert_into(evaluation_rounds::table)
        .values(new)
        .execute(conn)
        .await?;
    diesel::insert_into(round_members::table)
        .values(members)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn find_round(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<EvaluationRound> {
    evaluation_rounds::table
        .find(id)
        .select(EvaluationRound::as_select())
        .first(conn)
        .await
}

/// Rounds organised in the given subtrees, or in which the user sits; newest first.
pub async fn list_rounds(
    conn: &mut AsyncPgConnection,
    roots: Option<&[Uuid]>,
    member: Uuid,
    campaign_id: Option<Uuid>,
    page: thidua_domain::page::Page,
) -> QueryResult<Paged<EvaluationRound>> {
    let filtered = || {
        let mut q = evaluation_rounds::table.into_boxed();
        if let Some(roots) = roots {
            let rs: Vec<Option<Uuid>> = roots.iter().copied().map(Some).collect();
            let reach = organizations::table
                .filter(organizations::path.overlaps_with(rs))
                .select(organizations::id);
            let sits = round_members::table
                .filter(round_members::user_id.eq(member))
                .select(round_members::round_id);
            q = q.filter(
                evaluation_rounds::organization_id
                    .eq_any(reach)
                    .or(evaluation_rounds::id.eq_any(sits)),
            );
        }
        if let Some(c) = campaign_id {
            q = q.filter(evaluation_rounds::campaign_id.eq(c));
        }
        q
    };
    let total = filtered().count().get_result(conn).await?;
    let items = filtered()
        .order((evaluation_rounds::created_at.desc(), evaluation_rounds::id))
        .limit(page.per_page)
        .offset(page.offset())
        .select(EvaluationRound::as_select())
        .load(conn)
        .await?;
    Ok(Paged { items, total })
}

/// The committees of the given rounds with the members' names.
pub async fn members_of(
    conn: &mut AsyncPgConnection,
    round_ids: &[Uuid],
) -> QueryResult<Vec<(RoundMember, String)>> {
    round_members::table
        .inner_join(users::table)
        .filter(round_members::round_id.eq_any(round_ids))
        .order((round_members::round_id, users::display_name))
        .select((RoundMember::as_select(), users::display_name))
        .load(conn)
        .await
}

/// Active users with the path of their organisation.
pub async fn users_with_paths(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, Vec<Option<Uuid>>)>> {
    users::table
        .inner_join(organizations::table)
        .filter(users::id.eq_any(ids))
        .filter(users::is_active.eq(true))
        .select((users::id, organizations::path))
        .load(conn)
        .await
}

pub async fn touch_round(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(evaluation_rounds::table.find(id))
        .set((
            evaluation_rounds::version.eq(evaluation_rounds::version + 1),
            evaluation_rounds::updated_at.eq(Utc::now()),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
