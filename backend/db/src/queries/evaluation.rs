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

// ----- entries and assignments -------------------------------------------------------------

use crate::models::{Initiative, RoundAssignment, RoundEntry};
use crate::schema::{initiative_authors, initiatives, round_assignments, round_entries};

/// The round's entries with their initiatives, in registration order.
pub async fn entries_of(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
) -> QueryResult<Vec<(RoundEntry, Initiative)>> {
    round_entries::table
        .inner_join(initiatives::table)
        .filter(round_entries::round_id.eq(round_id))
        .order((round_entries::sort_order, round_entries::id))
        .select((RoundEntry::as_select(), Initiative::as_select()))
        .load(conn)
        .await
}

/// Adds entries (an initiative already in the round is left as it is); returns how many.
pub async fn insert_entries(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
    initiatives_in_order: &[(Uuid, i64)],
    added_by: Uuid,
) -> QueryResult<usize> {
    let rows: Vec<_> = initiatives_in_order
        .iter()
        .map(|(initiative, order)| {
            (
                round_entries::id.eq(Uuid::now_v7()),
                round_entries::round_id.eq(round_id),
                round_entries::initiative_id.eq(*initiative),
                round_entries::sort_order.eq(*order),
                round_entries::added_by.eq(added_by),
            )
        })
        .collect();
    diesel::insert_into(round_entries::table)
        .values(rows)
        .on_conflict((round_entries::round_id, round_entries::initiative_id))
        .do_nothing()
        .execute(conn)
        .await
}

pub async fn delete_entry(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
    entry_id: Uuid,
) -> QueryResult<usize> {
    diesel::delete(
        round_entries::table
            .filter(round_entries::id.eq(entry_id))
            .filter(round_entries::round_id.eq(round_id)),
    )
    .execute(conn)
    .await
}

/// Every assignment of the round's entries.
pub async fn assignments_of(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
) -> QueryResult<Vec<RoundAssignment>> {
    round_assignments::table
        .inner_join(round_entries::table)
        .filter(round_entries::round_id.eq(round_id))
        .order((round_assignments::entry_id, round_assignments::created_at))
        .select(RoundAssignment::as_select())
        .load(conn)
        .await
}

pub async fn insert_assignments(
    conn: &mut AsyncPgConnection,
    pairs: &[(Uuid, Uuid)],
    assigned_by: Uuid,
) -> QueryResult<usize> {
    let rows: Vec<_> = pairs
        .iter()
        .map(|(entry, evaluator)| {
            (
                round_assignments::id.eq(Uuid::now_v7()),
                round_assignments::entry_id.eq(*entry),
                round_assignments::evaluator_id.eq(*evaluator),
                round_assignments::assigned_by.eq(assigned_by),
            )
        })
        .collect();
    diesel::insert_into(round_assignments::table)
        .values(rows)
        .on_conflict((round_assignments::entry_id, round_assignments::evaluator_id))
        .do_nothing()
        .execute(conn)
        .await
}

pub async fn find_assignment(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<(RoundAssignment, RoundEntry)> {
    round_assignments::table
        .inner_join(round_entries::table)
        .filter(round_assignments::id.eq(id))
        .select((RoundAssignment::as_select(), RoundEntry::as_select()))
        .first(conn)
        .await
}

/// Records a declared conflict: the evaluator is recused.
pub async fn recuse(conn: &mut AsyncPgConnection, id: Uuid, note: &str) -> QueryResult<usize> {
    diesel::update(
        round_assignments::table
            .filter(round_assignments::id.eq(id))
            .filter(round_assignments::recused_at.is_null()),
    )
    .set((
        round_assignments::recused_at.eq(Utc::now()),
        round_assignments::conflict_note.eq(note),
    ))
    .execute(conn)
    .await
}

/// Authors (and creators) of the given initiatives, for the conflict rule.
pub async fn authors_of(
    conn: &mut AsyncPgConnection,
    initiative_ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, Uuid)>> {
    let mut pairs: Vec<(Uuid, Uuid)> = initiative_authors::table
        .filter(initiative_authors::initiative_id.eq_any(initiative_ids))
        .select((
            initiative_authors::initiative_id,
            initiative_authors::user_id,
        ))
        .load(conn)
        .await?;
    pairs.extend(
        initiatives::table
            .filter(initiatives::id.eq_any(initiative_ids))
            .select((initiatives::id, initiatives::created_by))
            .load::<(Uuid, Uuid)>(conn)
            .await?,
    );
    Ok(pairs)
}

/// The campaign's initiatives of the organisation's subtree in the given states, oldest first.
pub async fn candidates(
    conn: &mut AsyncPgConnection,
    campaign_id: Uuid,
    org_id: Uuid,
    states: &[&str],
) -> QueryResult<Vec<Initiative>> {
    let subtree = organizations::table
        .filter(organizations::path.contains(vec![Some(org_id)]))
        .select(organizations::id);
    initiatives::table
        .filter(initiatives::campaign_id.eq(campaign_id))
        .filter(initiatives::organization_id.eq_any(subtree))
        .filter(initiatives::status.eq_any(states))
        .order((initiatives::created_at, initiatives::id))
        .select(Initiative::as_select())
        .load(conn)
        .await
}

/// The sheets' states of the given assignments.
pub async fn sheet_statuses(
    conn: &mut AsyncPgConnection,
    assignment_ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, String)>> {
    use crate::schema::score_sheets;
    score_sheets::table
        .filter(score_sheets::assignment_id.eq_any(assignment_ids))
        .select((score_sheets::assignment_id, score_sheets::status))
        .load(conn)
        .await
}

// ----- score sheets -------------------------------------------------------------------------

use crate::models::ScoreSheet;
use crate::schema::score_sheets;

pub async fn find_sheet(
    conn: &mut AsyncPgConnection,
    assignment_id: Uuid,
) -> QueryResult<Option<ScoreSheet>> {
    score_sheets::table
        .find(assignment_id)
        .select(ScoreSheet::as_select())
        .first(conn)
        .await
        .optional()
}

/// The sheets of an entry's assignments.
pub async fn sheets_of_entry(
    conn: &mut AsyncPgConnection,
    entry_id: Uuid,
) -> QueryResult<Vec<(RoundAssignment, Option<ScoreSheet>)>> {
    round_assignments::table
        .left_join(score_sheets::table)
        .filter(round_assignments::entry_id.eq(entry_id))
        .order(round_assignments::created_at)
        .select((
            RoundAssignment::as_select(),
            Option::<ScoreSheet>::as_select(),
        ))
        .load(conn)
        .await
}

/// Saves a draft (created on the first save). The caller has locked the sheet with
/// [`lock_sheet`] and seen it is a draft.
pub async fn save_draft(
    conn: &mut AsyncPgConnection,
    assignment_id: Uuid,
    scores: &serde_json::Value,
    gates: &serde_json::Value,
    comments: &serde_json::Value,
    overall: Option<&str>,
) -> QueryResult<ScoreSheet> {
    diesel::insert_into(score_sheets::table)
        .values((
            score_sheets::assignment_id.eq(assignment_id),
            score_sheets::scores.eq(scores),
            score_sheets::gates.eq(gates),
            score_sheets::comments.eq(comments),
            score_sheets::overall_comment.eq(overall),
        ))
        .on_conflict(score_sheets::assignment_id)
        .do_update()
        .set((
            score_sheets::scores.eq(scores),
            score_sheets::gates.eq(gates),
            score_sheets::comments.eq(comments),
            score_sheets::overall_comment.eq(overall),
            score_sheets::version.eq(score_sheets::version + 1),
            score_sheets::updated_at.eq(Utc::now()),
        ))
        .returning(ScoreSheet::as_returning())
        .get_result(conn)
        .await
}

/// Locks the sheet (when there is one) and returns its state.
pub async fn lock_sheet(
    conn: &mut AsyncPgConnection,
    assignment_id: Uuid,
) -> QueryResult<Option<String>> {
    score_sheets::table
        .find(assignment_id)
        .select(score_sheets::status)
        .for_update()
        .first(conn)
        .await
        .optional()
}

/// Draft → submitted, or submitted → draft (reopened with a reason); `None` when the sheet
/// was not in `from`.
pub async fn set_sheet_status(
    conn: &mut AsyncPgConnection,
    assignment_id: Uuid,
    from: &str,
    to: &str,
    reopened_reason: Option<&str>,
) -> QueryResult<Option<ScoreSheet>> {
    let now = Utc::now();
    diesel::update(
        score_sheets::table
            .filter(score_sheets::assignment_id.eq(assignment_id))
            .filter(score_sheets::status.eq(from)),
    )
    .set((
        score_sheets::status.eq(to),
        score_sheets::submitted_at.eq((to == "submitted").then_some(now)),
        score_sheets::reopened_reason.eq(reopened_reason),
        score_sheets::version.eq(score_sheets::version + 1),
        score_sheets::updated_at.eq(now),
    ))
    .returning(ScoreSheet::as_returning())
    .get_result(conn)
    .await
    .optional()
}

/// The round's state change; `None` when it was no longer in `from`.
pub async fn transition_round(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    from: &str,
    to: &str,
) -> QueryResult<Option<EvaluationRound>> {
    diesel::update(
        evaluation_rounds::table
            .filter(evaluation_rounds::id.eq(id))
            .filter(evaluation_rounds::status.eq(from)),
    )
    .set((
        evaluation_rounds::status.eq(to),
        evaluation_rounds::version.eq(evaluation_rounds::version + 1),
        evaluation_rounds::updated_at.eq(Utc::now()),
    ))
    .returning(EvaluationRound::as_returning())
    .get_result(conn)
    .await
    .optional()
}

// ----- the board and the results: one pass over the round's assignments each ------------
// A round of 2,000 initiatives has some 50,000 assignments and sheets (`make bench`): these
// read only what the board and the results show, in one query each.

/// What the board and the results show of an entry's initiative.
#[derive(Debug, Clone, Queryable)]
pub struct EntryInitiativeRow {
    pub id: Uuid,
    pub title: String,
    pub organization_id: Uuid,
}

/// The round's entries in registration order, as [`entries_of`] but without the
/// initiatives' texts.
pub async fn entries_with_titles(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
) -> QueryResult<Vec<(RoundEntry, EntryInitiativeRow)>> {
    round_entries::table
        .inner_join(initiatives::table)
        .filter(round_entries::round_id.eq(round_id))
        .order((round_entries::sort_order, round_entries::id))
        .select((
            RoundEntry::as_select(),
            (
                initiatives::id,
                initiatives::title,
                initiatives::organization_id,
            ),
        ))
        .load(conn)
        .await
}

/// Every assignment of the round with its sheet's state (`None` before the first save), in no
/// particular order (the caller groups them by entry and sorts each group: cheaper than
/// sorting the whole round's, which overflows `work_mem` at 50,000): [`assignments_of`] and
/// [`sheet_statuses`] in one query.
pub async fn assignments_with_sheet_status(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
) -> QueryResult<Vec<(RoundAssignment, Option<String>)>> {
    round_assignments::table
        .inner_join(round_entries::table)
        .left_join(score_sheets::table)
        .filter(round_entries::round_id.eq(round_id))
        .select((
            RoundAssignment::as_select(),
            score_sheets::status.nullable(),
        ))
        .load(conn)
        .await
}

/// One page of the round's entries in registration order, and how many it has in all.
pub async fn entries_page(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<(RoundEntry, EntryInitiativeRow)>, i64)> {
    let total = round_entries::table
        .filter(round_entries::round_id.eq(round_id))
        .count()
        .get_result(conn)
        .await?;
    let items = round_entries::table
        .inner_join(initiatives::table)
        .filter(round_entries::round_id.eq(round_id))
        .order((round_entries::sort_order, round_entries::id))
        .offset(offset)
        .limit(limit)
        .select((
            RoundEntry::as_select(),
            (
                initiatives::id,
                initiatives::title,
                initiatives::organization_id,
            ),
        ))
        .load(conn)
        .await?;
    Ok((items, total))
}

/// The assignments of the given entries with their sheets' states (one page of the board).
pub async fn assignments_with_sheet_status_of(
    conn: &mut AsyncPgConnection,
    entry_ids: &[Uuid],
) -> QueryResult<Vec<(RoundAssignment, Option<String>)>> {
    round_assignments::table
        .left_join(score_sheets::table)
        .filter(round_assignments::entry_id.eq_any(entry_ids))
        .select((
            RoundAssignment::as_select(),
            score_sheets::status.nullable(),
        ))
        .load(conn)
        .await
}

/// One assignment of the round as the results count it.
#[derive(Debug, Clone, Queryable)]
pub struct ScoredAssignment {
    pub entry_id: Uuid,
    pub recused: bool,
    /// The sheet's state, `None` before the first save.
    pub status: Option<String>,
    /// A submitted sheet's scores and gates (not recused), as JSON text: the caller parses
    /// them straight into what it needs, with no `serde_json::Value` in between.
    pub scores: Option<String>,
    pub gates: Option<String>,
}

/// Every assignment of the round, its sheet's state, and a submitted sheet's scores and gates
/// when the evaluator is not recused (what the results aggregate), in no particular order.
pub async fn scored_assignments(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
) -> QueryResult<Vec<ScoredAssignment>> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Nullable, Text};
    const COUNTED: &str =
        "round_assignments.recused_at IS NULL AND score_sheets.status = 'submitted'";
    round_assignments::table
        .inner_join(round_entries::table)
        .left_join(score_sheets::table)
        .filter(round_entries::round_id.eq(round_id))
        .select((
            round_assignments::entry_id,
            round_assignments::recused_at.is_not_null(),
            score_sheets::status.nullable(),
            sql::<Nullable<Text>>(&format!(
                "CASE WHEN {COUNTED} THEN score_sheets.scores::text END"
            )),
            sql::<Nullable<Text>>(&format!(
                "CASE WHEN {COUNTED} THEN score_sheets.gates::text END"
            )),
        ))
        .load(conn)
        .await
}

// ----- decisions, closing, publishing ----------------------------------------------------

/// A committee's decision on an entry, as recorded.
#[derive(Debug, Clone)]
pub struct DecisionRecord<'a> {
    pub verdict: &'a str,
    pub selected_for_award: bool,
    pub votes_for: i32,
    pub votes_against: i32,
    pub votes_abstain: i32,
    pub note: Option<&'a str>,
    pub decided_by: Uuid,
}

pub async fn record_decision(
    conn: &mut AsyncPgConnection,
    entry_id: Uuid,
    d: &DecisionRecord<'_>,
) -> QueryResult<usize> {
    diesel::update(round_entries::table.find(entry_id))
        .set((
            round_entries::decision.eq(Some(d.verdict)),
            round_entries::selected_for_award.eq(d.selected_for_award),
            round_entries::votes_for.eq(Some(d.votes_for)),
            round_entries::votes_against.eq(Some(d.votes_against)),
            round_entries::votes_abstain.eq(Some(d.votes_abstain)),
            round_entries::decision_note.eq(d.note),
            round_entries::decided_by.eq(Some(d.decided_by)),
            round_entries::decided_at.eq(Some(Utc::now())),
        ))
        .execute(conn)
        .await
}

/// `scoring → closed`, recording who attended the meeting; `None` when no longer scoring.
pub async fn close_round(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    actor: Uuid,
    present: &[Uuid],
) -> QueryResult<Option<EvaluationRound>> {
    let Some(round) = diesel::update(
        evaluation_rounds::table
            .filter(evaluation_rounds::id.eq(id))
            .filter(evaluation_rounds::status.eq("scoring")),
    )
    .set((
        evaluation_rounds::status.eq("closed"),
        evaluation_rounds::closed_at.eq(Some(Utc::now())),
        evaluation_rounds::closed_by.eq(Some(actor)),
        evaluation_rounds::version.eq(evaluation_rounds::version + 1),
        evaluation_rounds::updated_at.eq(Utc::now()),
    ))
    .returning(EvaluationRound::as_returning())
    .get_result(conn)
    .await
    .optional()?
    else {
        return Ok(None);
    };
    diesel::update(round_members::table.filter(round_members::round_id.eq(id)))
        .set(round_members::present.eq(round_members::user_id.eq_any(present).nullable()))
        .execute(conn)
        .await?;
    Ok(Some(round))
}

/// `closed → published`; `None` when no longer closed.
pub async fn publish_round(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    actor: Uuid,
) -> QueryResult<Option<EvaluationRound>> {
    diesel::update(
        evaluation_rounds::table
            .filter(evaluation_rounds::id.eq(id))
            .filter(evaluation_rounds::status.eq("closed")),
    )
    .set((
        evaluation_rounds::status.eq("published"),
        evaluation_rounds::published_at.eq(Some(Utc::now())),
        evaluation_rounds::published_by.eq(Some(actor)),
        evaluation_rounds::version.eq(evaluation_rounds::version + 1),
        evaluation_rounds::updated_at.eq(Utc::now()),
    ))
    .returning(EvaluationRound::as_returning())
    .get_result(conn)
    .await
    .optional()
}

/// Marks the given assignments reminded now.
pub async fn mark_reminded(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<usize> {
    diesel::update(round_assignments::table.filter(round_assignments::id.eq_any(ids)))
        .set(round_assignments::reminded_at.eq(Some(Utc::now())))
        .execute(conn)
        .await
}

/// An evaluator's assignments with their entries, initiatives and rounds, the latest round
/// first.
pub async fn assignments_of_evaluator(
    conn: &mut AsyncPgConnection,
    evaluator: Uuid,
) -> QueryResult<Vec<(RoundAssignment, RoundEntry, Initiative, EvaluationRound)>> {
    round_assignments::table
        .inner_join(
            round_entries::table
                .inner_join(initiatives::table)
                .inner_join(evaluation_rounds::table),
        )
        .filter(round_assignments::evaluator_id.eq(evaluator))
        .order((
            evaluation_rounds::created_at.desc(),
            round_entries::sort_order,
            round_entries::id,
        ))
        .select((
            RoundAssignment::as_select(),
            RoundEntry::as_select(),
            Initiative::as_select(),
            EvaluationRound::as_select(),
        ))
        .load(conn)
        .await
}

/// Whether the user is an evaluator (not recused) of any of the initiatives.
pub async fn evaluates_any(
    conn: &mut AsyncPgConnection,
    evaluator: Uuid,
    initiative_ids: &[Uuid],
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        round_assignments::table
            .inner_join(round_entries::table)
            .filter(round_assignments::evaluator_id.eq(evaluator))
            .filter(round_assignments::recused_at.is_null())
            .filter(round_entries::initiative_id.eq_any(initiative_ids)),
    ))
    .get_result(conn)
    .await
}

/// The published rounds an initiative was in (the latest first).
pub async fn published_rounds_of_initiative(
    conn: &mut AsyncPgConnection,
    initiative_id: Uuid,
) -> QueryResult<Vec<EvaluationRound>> {
    evaluation_rounds::table
        .inner_join(round_entries::table)
        .filter(round_entries::initiative_id.eq(initiative_id))
        .filter(evaluation_rounds::status.eq("published"))
        .order(evaluation_rounds::published_at.desc())
        .select(EvaluationRound::as_select())
        .load(conn)
        .await
}

/// The reports an evaluator reads beside an initiative: those of its unit in its campaign that
/// reached the authority (sent or received) and are about it or have a line for it.
pub async fn reports_for_initiative(
    conn: &mut AsyncPgConnection,
    initiative: &Initiative,
) -> QueryResult<Vec<crate::models::Report>> {
    use crate::schema::{report_rows, reports};
    let with_line = report_rows::table
        .filter(report_rows::initiative_id.eq(initiative.id))
        .select(report_rows::report_id);
    reports::table
        .filter(reports::campaign_id.eq(initiative.campaign_id))
        .filter(reports::organization_id.eq(initiative.organization_id))
        .filter(reports::status.eq_any(["submitted", "received"]))
        .filter(
            reports::initiative_id
                .eq(initiative.id)
                .or(reports::id.eq_any(with_line)),
        )
        .order(reports::created_at)
        .select(crate::models::Report::as_select())
        .load(conn)
        .await
}

/// The round's state, its row locked until the transaction ends.
pub async fn lock_round_status(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<String> {
    evaluation_rounds::table
        .find(id)
        .select(evaluation_rounds::status)
        .for_update()
        .first(conn)
        .await
}

/// The (assignment, evaluator) pairs of the round whose sheet is still due: not recused, not
/// submitted.
pub async fn sheets_due(
    conn: &mut AsyncPgConnection,
    round_id: Uuid,
) -> QueryResult<Vec<(Uuid, Uuid)>> {
    round_assignments::table
        .inner_join(round_entries::table)
        .left_join(score_sheets::table)
        .filter(round_entries::round_id.eq(round_id))
        .filter(round_assignments::recused_at.is_null())
        .filter(
            score_sheets::status
                .is_null()
                .or(score_sheets::status.ne("submitted")),
        )
        .select((round_assignments::id, round_assignments::evaluator_id))
        .load(conn)
        .await
}
