//! Awards and replication (SPEC §7–9): the award-form catalogue, ratings, violation records,
//! nominations, decisions, the showcase and replications.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::Paged;
use crate::models::{Organization, User};
use crate::schema::{
    award_decisions, award_forms, evaluation_rounds, files, initiative_authors, initiatives,
    nomination_files, nominations, organizations, replications, role_grants, round_entries,
    showcase_files, showcase_models, staff_ratings, unit_ratings, users, violation_records,
};

// ----- rows ------------------------------------------------------------------------------

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = award_forms)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct AwardForm {
    pub id: Uuid,
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub level: String,
    pub granting_authority: String,
    pub granting_organization_id: Option<Uuid>,
    pub nominee_kinds: Vec<Option<String>>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub deadline_month: Option<i16>,
    pub deadline_day: Option<i16>,
    pub sort_order: i32,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = staff_ratings)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct StaffRating {
    pub id: Uuid,
    pub user_id: Uuid,
    pub year: i32,
    pub period: String,
    pub rating: String,
    pub note: Option<String>,
    pub recorded_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = staff_ratings)]
pub struct NewStaffRating {
    pub id: Uuid,
    pub user_id: Uuid,
    pub year: i32,
    pub period: String,
    pub rating: String,
    pub note: Option<String>,
    pub recorded_by: Uuid,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = unit_ratings)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct UnitRating {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub year: i32,
    pub rating: String,
    pub decision_ref: Option<String>,
    pub note: Option<String>,
    pub recorded_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = unit_ratings)]
pub struct NewUnitRating {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub year: i32,
    pub rating: String,
    pub decision_ref: Option<String>,
    pub note: Option<String>,
    pub recorded_by: Uuid,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = violation_records)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct ViolationRecord {
    pub id: Uuid,
    pub user_id: Uuid,
    pub occurred_on: NaiveDate,
    pub kind: String,
    pub description: String,
    pub discipline: String,
    pub decision_ref: Option<String>,
    pub decided_on: Option<NaiveDate>,
    pub recorded_by: Uuid,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = award_decisions)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct AwardDecision {
    pub id: Uuid,
    pub number: String,
    pub signed_on: NaiveDate,
    pub signer_name: String,
    pub signer_title: String,
    pub organization_id: Uuid,
    pub ceremony_on: Option<NaiveDate>,
    pub ceremony_note: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = nominations)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct Nomination {
    pub id: Uuid,
    pub award_form_id: Uuid,
    pub year: i32,
    pub nominee_kind: String,
    pub initiative_id: Option<Uuid>,
    pub nominee_user_id: Option<Uuid>,
    pub nominee_organization_id: Option<Uuid>,
    pub organization_id: Uuid,
    pub proposal: String,
    pub achievements: String,
    pub status: String,
    pub submitted_at: Option<DateTime<Utc>>,
    pub submitted_by: Option<Uuid>,
    pub submitted_on: Option<NaiveDate>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub reviewed_by: Option<Uuid>,
    pub rejection_reason: Option<String>,
    pub override_rule: Option<String>,
    pub override_reason: Option<String>,
    pub override_by: Option<Uuid>,
    pub override_at: Option<DateTime<Utc>>,
    pub award_decision_id: Option<Uuid>,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = nominations)]
pub struct NewNomination {
    pub id: Uuid,
    pub award_form_id: Uuid,
    pub year: i32,
    pub nominee_kind: String,
    pub initiative_id: Option<Uuid>,
    pub nominee_user_id: Option<Uuid>,
    pub nominee_organization_id: Option<Uuid>,
    pub organization_id: Uuid,
    pub proposal: String,
    pub achievements: String,
    pub created_by: Uuid,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = showcase_models)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct ShowcaseModel {
    pub id: Uuid,
    pub initiative_id: Uuid,
    pub summary: String,
    pub results: String,
    pub recognized_on: NaiveDate,
    pub published_by: Uuid,
    pub published_at: DateTime<Utc>,
    pub search_text: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = showcase_models)]
pub struct NewShowcaseModel {
    pub id: Uuid,
    pub initiative_id: Uuid,
    pub summary: String,
    pub results: String,
    pub recognized_on: NaiveDate,
    pub published_by: Uuid,
    pub search_text: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = showcase_files)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct ShowcaseFile {
    pub model_id: Uuid,
    pub file_id: Uuid,
    pub caption: Option<String>,
    pub sort_order: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = replications)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct Replication {
    pub id: Uuid,
    pub model_id: Uuid,
    pub organization_id: Uuid,
    pub planned_from: NaiveDate,
    pub planned_to: NaiveDate,
    pub status: String,
    pub adaptation_notes: String,
    pub figures: serde_json::Value,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = replications)]
pub struct NewReplication {
    pub id: Uuid,
    pub model_id: Uuid,
    pub organization_id: Uuid,
    pub planned_from: NaiveDate,
    pub planned_to: NaiveDate,
    pub adaptation_notes: String,
    pub figures: serde_json::Value,
    pub created_by: Uuid,
}

// ----- award forms -----------------------------------------------------------------------

pub async fn award_forms(conn: &mut AsyncPgConnection) -> QueryResult<Vec<AwardForm>> {
    award_forms::table
        .order((award_forms::sort_order, award_forms::code))
        .select(AwardForm::as_select())
        .load(conn)
        .await
}

pub async fn find_award_form(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<AwardForm> {
    award_forms::table
        .find(id)
        .select(AwardForm::as_select())
        .first(conn)
        .await
}

pub async fn award_forms_by_ids(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<AwardForm>> {
    award_forms::table
        .filter(award_forms::id.eq_any(ids))
        .select(AwardForm::as_select())
        .load(conn)
        .await
}

pub async fn insert_award_form(conn: &mut AsyncPgConnection, f: &AwardForm) -> QueryResult<()> {
    diesel::insert_into(award_forms::table)
        .values(f)
        .execute(conn)
        .await
        .map(drop)
}

/// Writes the form if its version is still `expected`; false when it moved on.
pub async fn update_award_form(
    conn: &mut AsyncPgConnection,
    f: &AwardForm,
    expected: i32,
) -> QueryResult<bool> {
    let n = diesel::update(
        award_forms::table
            .filter(award_forms::id.eq(f.id))
            .filter(award_forms::version.eq(expected)),
    )
    .set(f)
    .execute(conn)
    .await?;
    Ok(n == 1)
}

// ----- ratings ---------------------------------------------------------------------------

/// Records (or corrects) a person's rating for a period.
pub async fn upsert_staff_rating(
    conn: &mut AsyncPgConnection,
    r: &NewStaffRating,
) -> QueryResult<StaffRating> {
    diesel::insert_into(staff_ratings::table)
        .values(r)
        .on_conflict((
            staff_ratings::user_id,
            staff_ratings::year,
            staff_ratings::period,
        ))
        .do_update()
        .set((
            staff_ratings::rating.eq(excluded(staff_ratings::rating)),
            staff_ratings::note.eq(excluded(staff_ratings::note)),
            staff_ratings::recorded_by.eq(excluded(staff_ratings::recorded_by)),
            staff_ratings::version.eq(staff_ratings::version + 1),
            staff_ratings::updated_at.eq(diesel::dsl::now),
        ))
        .returning(StaffRating::as_returning())
        .get_result(conn)
        .await
}

/// Ratings of people whose unit is inside `org` (its subtree), with the person; by name.
pub async fn staff_ratings_in(
    conn: &mut AsyncPgConnection,
    org: Uuid,
    year: Option<i32>,
    user_id: Option<Uuid>,
) -> QueryResult<Vec<(StaffRating, User)>> {
    let mut q = staff_ratings::table
        .inner_join(users::table.on(users::id.eq(staff_ratings::user_id)))
        .inner_join(organizations::table.on(organizations::id.eq(users::organization_id)))
        .filter(organizations::path.contains(vec![Some(org)]))
        .select((StaffRating::as_select(), User::as_select()))
        .into_boxed();
    if let Some(y) = year {
        q = q.filter(staff_ratings::year.eq(y));
    }
    if let Some(u) = user_id {
        q = q.filter(staff_ratings::user_id.eq(u));
    }
    q.order((
        users::display_name,
        staff_ratings::year.desc(),
        staff_ratings::period,
    ))
    .load(conn)
    .await
}

pub async fn upsert_unit_rating(
    conn: &mut AsyncPgConnection,
    r: &NewUnitRating,
) -> QueryResult<UnitRating> {
    diesel::insert_into(unit_ratings::table)
        .values(r)
        .on_conflict((unit_ratings::organization_id, unit_ratings::year))
        .do_update()
        .set((
            unit_ratings::rating.eq(excluded(unit_ratings::rating)),
            unit_ratings::decision_ref.eq(excluded(unit_ratings::decision_ref)),
            unit_ratings::note.eq(excluded(unit_ratings::note)),
            unit_ratings::recorded_by.eq(excluded(unit_ratings::recorded_by)),
            unit_ratings::version.eq(unit_ratings::version + 1),
            unit_ratings::updated_at.eq(diesel::dsl::now),
        ))
        .returning(UnitRating::as_returning())
        .get_result(conn)
        .await
}

/// Collective ratings of the units inside `org`'s subtree.
pub async fn unit_ratings_in(
    conn: &mut AsyncPgConnection,
    org: Uuid,
    year: Option<i32>,
) -> QueryResult<Vec<(UnitRating, Organization)>> {
    let mut q = unit_ratings::table
        .inner_join(organizations::table)
        .filter(organizations::path.contains(vec![Some(org)]))
        .select((UnitRating::as_select(), Organization::as_select()))
        .into_boxed();
    if let Some(y) = year {
        q = q.filter(unit_ratings::year.eq(y));
    }
    q.order((organizations::name, unit_ratings::year.desc()))
        .load(conn)
        .await
}

pub async fn annual_rating(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    year: i32,
) -> QueryResult<Option<StaffRating>> {
    staff_ratings::table
        .filter(staff_ratings::user_id.eq(user_id))
        .filter(staff_ratings::year.eq(year))
        .filter(staff_ratings::period.eq("year"))
        .select(StaffRating::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn unit_rating(
    conn: &mut AsyncPgConnection,
    org: Uuid,
    year: i32,
) -> QueryResult<Option<UnitRating>> {
    unit_ratings::table
        .filter(unit_ratings::organization_id.eq(org))
        .filter(unit_ratings::year.eq(year))
        .select(UnitRating::as_select())
        .first(conn)
        .await
        .optional()
}

// ----- violation records -----------------------------------------------------------------

pub async fn insert_violation(
    conn: &mut AsyncPgConnection,
    v: &ViolationRecord,
) -> QueryResult<()> {
    diesel::insert_into(violation_records::table)
        .values(v)
        .execute(conn)
        .await
        .map(drop)
}

/// The record with its person and the person's unit.
pub async fn find_violation(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<(ViolationRecord, User, Organization)> {
    violation_records::table
        .inner_join(users::table.on(users::id.eq(violation_records::user_id)))
        .inner_join(organizations::table.on(organizations::id.eq(users::organization_id)))
        .filter(violation_records::id.eq(id))
        .select((
            ViolationRecord::as_select(),
            User::as_select(),
            Organization::as_select(),
        ))
        .first(conn)
        .await
}

/// Records of people whose unit is inside `org`'s subtree; newest first.
pub async fn violations_in(
    conn: &mut AsyncPgConnection,
    org: Uuid,
    year: Option<i32>,
    user_id: Option<Uuid>,
) -> QueryResult<Vec<(ViolationRecord, User, Organization)>> {
    let mut q = violation_records::table
        .inner_join(users::table.on(users::id.eq(violation_records::user_id)))
        .inner_join(organizations::table.on(organizations::id.eq(users::organization_id)))
        .filter(organizations::path.contains(vec![Some(org)]))
        .select((
            ViolationRecord::as_select(),
            User::as_select(),
            Organization::as_select(),
        ))
        .into_boxed();
    if let Some(y) = year {
        q = q.filter(violation_records::occurred_on.between(year_start(y), year_end(y)));
    }
    if let Some(u) = user_id {
        q = q.filter(violation_records::user_id.eq(u));
    }
    q.order((violation_records::occurred_on.desc(), violation_records::id))
        .load(conn)
        .await
}

fn year_start(y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn year_end(y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Violations in `year` by the given people.
pub async fn violations_of_people(
    conn: &mut AsyncPgConnection,
    people: &[Uuid],
    year: i32,
) -> QueryResult<Vec<(ViolationRecord, User)>> {
    violation_records::table
        .inner_join(users::table.on(users::id.eq(violation_records::user_id)))
        .filter(violation_records::user_id.eq_any(people))
        .filter(violation_records::occurred_on.between(year_start(year), year_end(year)))
        .order((violation_records::occurred_on, violation_records::id))
        .select((ViolationRecord::as_select(), User::as_select()))
        .load(conn)
        .await
}

/// Violations in `year` by any member of the collective (people whose unit is inside it).
pub async fn violations_of_members(
    conn: &mut AsyncPgConnection,
    org: Uuid,
    year: i32,
) -> QueryResult<Vec<(ViolationRecord, User)>> {
    violation_records::table
        .inner_join(users::table.on(users::id.eq(violation_records::user_id)))
        .inner_join(organizations::table.on(organizations::id.eq(users::organization_id)))
        .filter(organizations::path.contains(vec![Some(org)]))
        .filter(violation_records::occurred_on.between(year_start(year), year_end(year)))
        .order((violation_records::occurred_on, violation_records::id))
        .select((ViolationRecord::as_select(), User::as_select()))
        .load(conn)
        .await
}

/// The heads of a unit: people holding `unit_head` rooted at it.
pub async fn heads_of(conn: &mut AsyncPgConnection, org: Uuid) -> QueryResult<Vec<User>> {
    users::table
        .inner_join(role_grants::table.on(role_grants::user_id.eq(users::id)))
        .filter(role_grants::organization_id.eq(org))
        .filter(role_grants::role.eq("unit_head"))
        .order(users::display_name)
        .select(User::as_select())
        .load(conn)
        .await
}

/// The latest committee round that accepted the initiative: (round id, round title).
pub async fn acceptance_of(
    conn: &mut AsyncPgConnection,
    initiative_id: Uuid,
) -> QueryResult<Option<(Uuid, String)>> {
    round_entries::table
        .inner_join(evaluation_rounds::table)
        .filter(round_entries::initiative_id.eq(initiative_id))
        .filter(round_entries::decision.eq("accepted"))
        .order(round_entries::decided_at.desc())
        .select((evaluation_rounds::id, evaluation_rounds::title))
        .first(conn)
        .await
        .optional()
}

pub async fn users_by_ids(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<User>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select(User::as_select())
        .load(conn)
        .await
}

/// Authors (user ids, in order) of the given initiatives.
pub async fn authors_of(
    conn: &mut AsyncPgConnection,
    initiative_ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, Uuid)>> {
    initiative_authors::table
        .filter(initiative_authors::initiative_id.eq_any(initiative_ids))
        .order((
            initiative_authors::initiative_id,
            initiative_authors::sort_order,
        ))
        .select((
            initiative_authors::initiative_id,
            initiative_authors::user_id,
        ))
        .load(conn)
        .await
}

// ----- nominations -----------------------------------------------------------------------

pub async fn insert_nomination(
    conn: &mut AsyncPgConnection,
    n: &NewNomination,
    file_ids: &[Uuid],
) -> QueryResult<()> {
    diesel::insert_into(nominations::table)
        .values(n)
        .execute(conn)
        .await?;
    set_nomination_files(conn, n.id, file_ids).await
}

pub async fn set_nomination_files(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    file_ids: &[Uuid],
) -> QueryResult<()> {
    diesel::delete(nomination_files::table.filter(nomination_files::nomination_id.eq(id)))
        .execute(conn)
        .await?;
    let rows: Vec<_> = file_ids
        .iter()
        .enumerate()
        .map(|(i, f)| {
            (
                nomination_files::nomination_id.eq(id),
                nomination_files::file_id.eq(*f),
                nomination_files::sort_order.eq(i as i32),
            )
        })
        .collect();
    if !rows.is_empty() {
        diesel::insert_into(nomination_files::table)
            .values(rows)
            .execute(conn)
            .await?;
    }
    Ok(())
}

pub async fn find_nomination(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Nomination> {
    nominations::table
        .find(id)
        .select(Nomination::as_select())
        .first(conn)
        .await
}

/// Locks the row for a transition; its current state.
pub async fn lock_nomination(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Nomination> {
    nominations::table
        .find(id)
        .for_update()
        .select(Nomination::as_select())
        .first(conn)
        .await
}

pub async fn nomination_file_ids(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, Uuid)>> {
    nomination_files::table
        .filter(nomination_files::nomination_id.eq_any(ids))
        .order((
            nomination_files::nomination_id,
            nomination_files::sort_order,
        ))
        .select((nomination_files::nomination_id, nomination_files::file_id))
        .load(conn)
        .await
}

#[derive(Debug, Clone, Default)]
pub struct NominationFilter {
    /// Subtrees the caller reaches (None: everything).
    pub roots: Option<Vec<Uuid>>,
    pub organization_id: Option<Uuid>,
    pub status: Option<String>,
    pub year: Option<i32>,
    pub award_form_id: Option<Uuid>,
    pub nominee_kind: Option<String>,
    pub award_decision_id: Option<Uuid>,
    /// Drafts are the proposing unit's own work: shown only inside these subtrees.
    pub drafts_in: Option<Vec<Uuid>>,
}

fn filtered(f: &NominationFilter) -> nominations::BoxedQuery<'static, diesel::pg::Pg> {
    let mut q = nominations::table.into_boxed();
    if let Some(roots) = &f.roots {
        let reach = organizations::table
            .filter(
                organizations::path
                    .overlaps_with(roots.iter().map(|r| Some(*r)).collect::<Vec<_>>()),
            )
            .select(organizations::id);
        q = q.filter(nominations::organization_id.eq_any(reach));
    }
    if let Some(drafts) = &f.drafts_in {
        let own = organizations::table
            .filter(
                organizations::path
                    .overlaps_with(drafts.iter().map(|r| Some(*r)).collect::<Vec<_>>()),
            )
            .select(organizations::id);
        q = q.filter(
            nominations::status
                .ne("draft")
                .or(nominations::organization_id.eq_any(own)),
        );
    }
    if let Some(o) = f.organization_id {
        let sub = organizations::table
            .filter(organizations::path.contains(vec![Some(o)]))
            .select(organizations::id);
        q = q.filter(nominations::organization_id.eq_any(sub));
    }
    if let Some(s) = &f.status {
        q = q.filter(nominations::status.eq(s.clone()));
    }
    if let Some(y) = f.year {
        q = q.filter(nominations::year.eq(y));
    }
    if let Some(a) = f.award_form_id {
        q = q.filter(nominations::award_form_id.eq(a));
    }
    if let Some(k) = &f.nominee_kind {
        q = q.filter(nominations::nominee_kind.eq(k.clone()));
    }
    if let Some(d) = f.award_decision_id {
        q = q.filter(nominations::award_decision_id.eq(d));
    }
    q
}

pub async fn list_nominations(
    conn: &mut AsyncPgConnection,
    f: &NominationFilter,
    page: Option<thidua_domain::page::Page>,
) -> QueryResult<Paged<Nomination>> {
    let total: i64 = filtered(f).count().get_result(conn).await?;
    let mut q = filtered(f)
        .order((nominations::updated_at.desc(), nominations::id))
        .select(Nomination::as_select());
    if let Some(page) = page {
        q = q.limit(page.per_page).offset(page.offset());
    }
    let items = q.load(conn).await?;
    Ok(Paged { items, total })
}

/// Nominations naming the same nominee for the same form and year, other than `except`,
/// not rejected (a nominee is proposed once per form and year).
pub async fn duplicate_nomination(
    conn: &mut AsyncPgConnection,
    n: &NewNomination,
    except: Option<Uuid>,
) -> QueryResult<Option<Uuid>> {
    let mut q = nominations::table
        .filter(nominations::award_form_id.eq(n.award_form_id))
        .filter(nominations::year.eq(n.year))
        .filter(nominations::status.ne("rejected"))
        .select(nominations::id)
        .into_boxed();
    q = match (
        n.initiative_id,
        n.nominee_user_id,
        n.nominee_organization_id,
    ) {
        (Some(i), _, _) => q.filter(nominations::initiative_id.eq(i)),
        (_, Some(u), _) => q.filter(nominations::nominee_user_id.eq(u)),
        (_, _, Some(o)) => q.filter(nominations::nominee_organization_id.eq(o)),
        _ => q,
    };
    if let Some(e) = except {
        q = q.filter(nominations::id.ne(e));
    }
    q.first(conn).await.optional()
}

#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = nominations)]
pub struct NominationEdit {
    pub award_form_id: Uuid,
    pub year: i32,
    pub proposal: String,
    pub achievements: String,
}

pub async fn update_nomination(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    edit: &NominationEdit,
) -> QueryResult<bool> {
    let n = diesel::update(
        nominations::table
            .filter(nominations::id.eq(id))
            .filter(nominations::version.eq(expected)),
    )
    .set((
        edit,
        nominations::version.eq(nominations::version + 1),
        nominations::updated_at.eq(diesel::dsl::now),
    ))
    .execute(conn)
    .await?;
    Ok(n == 1)
}

pub async fn delete_nomination(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
    diesel::delete(
        nominations::table
            .filter(nominations::id.eq(id))
            .filter(nominations::status.eq("draft")),
    )
    .execute(conn)
    .await
}

pub async fn mark_submitted(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    by: Uuid,
    on: NaiveDate,
) -> QueryResult<()> {
    diesel::update(nominations::table.find(id))
        .set((
            nominations::status.eq("submitted"),
            nominations::submitted_at.eq(diesel::dsl::now),
            nominations::submitted_by.eq(by),
            nominations::submitted_on.eq(on),
            nominations::version.eq(nominations::version + 1),
            nominations::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
        .map(drop)
}

pub async fn mark_reviewed(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    by: Uuid,
    status: &str,
    reason: Option<String>,
) -> QueryResult<()> {
    diesel::update(nominations::table.find(id))
        .set((
            nominations::status.eq(status),
            nominations::reviewed_at.eq(diesel::dsl::now),
            nominations::reviewed_by.eq(by),
            nominations::rejection_reason.eq(reason),
            nominations::version.eq(nominations::version + 1),
            nominations::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
        .map(drop)
}

pub async fn set_override(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    by: Uuid,
    rule: Option<&str>,
    reason: Option<&str>,
) -> QueryResult<()> {
    diesel::update(nominations::table.find(id))
        .set((
            nominations::override_rule.eq(rule),
            nominations::override_reason.eq(reason),
            nominations::override_by.eq(rule.map(|_| by)),
            nominations::override_at.eq(rule.map(|_| Utc::now())),
            nominations::version.eq(nominations::version + 1),
            nominations::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
        .map(drop)
}

// ----- decisions -------------------------------------------------------------------------

/// Records the decision and moves the (approved, locked) nominations to `decided`.
pub async fn insert_decision(
    conn: &mut AsyncPgConnection,
    d: &AwardDecision,
    nomination_ids: &[Uuid],
) -> QueryResult<()> {
    diesel::insert_into(award_decisions::table)
        .values(d)
        .execute(conn)
        .await?;
    diesel::update(nominations::table.filter(nominations::id.eq_any(nomination_ids)))
        .set((
            nominations::status.eq("decided"),
            nominations::award_decision_id.eq(d.id),
            nominations::version.eq(nominations::version + 1),
            nominations::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
        .map(drop)
}

pub async fn find_decision(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<AwardDecision> {
    award_decisions::table
        .find(id)
        .select(AwardDecision::as_select())
        .first(conn)
        .await
}

pub async fn decisions_by_ids(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<AwardDecision>> {
    award_decisions::table
        .filter(award_decisions::id.eq_any(ids))
        .select(AwardDecision::as_select())
        .load(conn)
        .await
}

/// Decisions issued by an authority inside the given subtrees (None: all); newest first.
pub async fn list_decisions(
    conn: &mut AsyncPgConnection,
    roots: Option<&[Uuid]>,
    page: thidua_domain::page::Page,
) -> QueryResult<Paged<AwardDecision>> {
    let base = || {
        let mut q = award_decisions::table.into_boxed();
        if let Some(roots) = roots {
            let reach = organizations::table
                .filter(
                    organizations::path
                        .overlaps_with(roots.iter().map(|r| Some(*r)).collect::<Vec<_>>()),
                )
                .select(organizations::id);
            q = q.filter(award_decisions::organization_id.eq_any(reach));
        }
        q
    };
    let total: i64 = base().count().get_result(conn).await?;
    let items = base()
        .order((award_decisions::signed_on.desc(), award_decisions::id))
        .limit(page.per_page)
        .offset(page.offset())
        .select(AwardDecision::as_select())
        .load(conn)
        .await?;
    Ok(Paged { items, total })
}

/// Decided nominations naming the person (as nominee or as an author of the initiative).
pub async fn awards_of_person(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<Vec<Nomination>> {
    let authored = initiative_authors::table
        .filter(initiative_authors::user_id.eq(user_id))
        .select(initiative_authors::initiative_id.nullable());
    nominations::table
        .filter(nominations::status.eq("decided"))
        .filter(
            nominations::nominee_user_id
                .eq(user_id)
                .or(nominations::initiative_id.eq_any(authored)),
        )
        .order(nominations::updated_at.desc())
        .select(Nomination::as_select())
        .load(conn)
        .await
}

/// Decided nominations of the unit: as a collective, or proposed by it.
pub async fn awards_of_unit(
    conn: &mut AsyncPgConnection,
    org: Uuid,
) -> QueryResult<Vec<Nomination>> {
    nominations::table
        .filter(nominations::status.eq("decided"))
        .filter(
            nominations::nominee_organization_id
                .eq(org)
                .or(nominations::organization_id.eq(org)),
        )
        .order(nominations::updated_at.desc())
        .select(Nomination::as_select())
        .load(conn)
        .await
}

/// Decided nominations of the given initiatives (the showcase's awards).
pub async fn awards_of_initiatives(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<Nomination>> {
    nominations::table
        .filter(nominations::status.eq("decided"))
        .filter(nominations::initiative_id.eq_any(ids))
        .select(Nomination::as_select())
        .load(conn)
        .await
}

// ----- showcase --------------------------------------------------------------------------

pub async fn insert_model(
    conn: &mut AsyncPgConnection,
    m: &NewShowcaseModel,
    files: &[ShowcaseFile],
) -> QueryResult<()> {
    diesel::insert_into(showcase_models::table)
        .values(m)
        .execute(conn)
        .await?;
    if !files.is_empty() {
        diesel::insert_into(showcase_files::table)
            .values(files)
            .execute(conn)
            .await?;
    }
    Ok(())
}

pub async fn update_model(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    summary: &str,
    results: &str,
    recognized_on: NaiveDate,
    search_text: &str,
    files: &[ShowcaseFile],
) -> QueryResult<()> {
    diesel::update(showcase_models::table.find(id))
        .set((
            showcase_models::summary.eq(summary),
            showcase_models::results.eq(results),
            showcase_models::recognized_on.eq(recognized_on),
            showcase_models::search_text.eq(search_text),
        ))
        .execute(conn)
        .await?;
    diesel::delete(showcase_files::table.filter(showcase_files::model_id.eq(id)))
        .execute(conn)
        .await?;
    if !files.is_empty() {
        diesel::insert_into(showcase_files::table)
            .values(files)
            .execute(conn)
            .await?;
    }
    Ok(())
}

pub async fn find_model(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<ShowcaseModel> {
    showcase_models::table
        .find(id)
        .select(ShowcaseModel::as_select())
        .first(conn)
        .await
}

pub async fn model_of_initiative(
    conn: &mut AsyncPgConnection,
    initiative_id: Uuid,
) -> QueryResult<Option<ShowcaseModel>> {
    showcase_models::table
        .filter(showcase_models::initiative_id.eq(initiative_id))
        .select(ShowcaseModel::as_select())
        .first(conn)
        .await
        .optional()
}

/// Every model whose folded text contains every folded word of the query (all when empty).
pub async fn search_models(
    conn: &mut AsyncPgConnection,
    words: &[String],
) -> QueryResult<Vec<ShowcaseModel>> {
    let mut q = showcase_models::table
        .select(ShowcaseModel::as_select())
        .into_boxed();
    for w in words {
        q = q.filter(
            showcase_models::search_text.like(format!("%{}%", thidua_domain::text::escape_like(w))),
        );
    }
    q.order((showcase_models::recognized_on.desc(), showcase_models::id))
        .load(conn)
        .await
}

pub async fn models_by_ids(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<ShowcaseModel>> {
    showcase_models::table
        .filter(showcase_models::id.eq_any(ids))
        .select(ShowcaseModel::as_select())
        .load(conn)
        .await
}

pub async fn model_files(
    conn: &mut AsyncPgConnection,
    model_id: Uuid,
) -> QueryResult<
    Vec<(
        ShowcaseFile,
        crate::models::StoredFile,
        crate::models::FileBlob,
    )>,
> {
    showcase_files::table
        .inner_join(files::table.on(files::id.eq(showcase_files::file_id)))
        .inner_join(
            crate::schema::file_blobs::table
                .on(crate::schema::file_blobs::sha256.eq(files::sha256)),
        )
        .filter(showcase_files::model_id.eq(model_id))
        .order(showcase_files::sort_order)
        .select((
            ShowcaseFile::as_select(),
            crate::models::StoredFile::as_select(),
            crate::models::FileBlob::as_select(),
        ))
        .load(conn)
        .await
}

pub async fn initiatives_by_ids(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<(crate::models::Initiative, Organization)>> {
    initiatives::table
        .inner_join(organizations::table)
        .filter(initiatives::id.eq_any(ids))
        .select((
            crate::models::Initiative::as_select(),
            Organization::as_select(),
        ))
        .load(conn)
        .await
}

// ----- replications ----------------------------------------------------------------------

pub async fn insert_replication(
    conn: &mut AsyncPgConnection,
    r: &NewReplication,
) -> QueryResult<()> {
    diesel::insert_into(replications::table)
        .values(r)
        .execute(conn)
        .await
        .map(drop)
}

pub async fn find_replication(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<(Replication, Organization)> {
    replications::table
        .inner_join(organizations::table)
        .filter(replications::id.eq(id))
        .select((Replication::as_select(), Organization::as_select()))
        .first(conn)
        .await
}

pub async fn replication_exists(
    conn: &mut AsyncPgConnection,
    model_id: Uuid,
    org: Uuid,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        replications::table
            .filter(replications::model_id.eq(model_id))
            .filter(replications::organization_id.eq(org)),
    ))
    .get_result(conn)
    .await
}

#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = replications)]
pub struct ReplicationEdit {
    pub planned_from: NaiveDate,
    pub planned_to: NaiveDate,
    pub status: String,
    pub adaptation_notes: String,
    pub figures: serde_json::Value,
}

pub async fn update_replication(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    edit: &ReplicationEdit,
) -> QueryResult<bool> {
    let n = diesel::update(
        replications::table
            .filter(replications::id.eq(id))
            .filter(replications::version.eq(expected)),
    )
    .set((
        edit,
        replications::version.eq(replications::version + 1),
        replications::updated_at.eq(diesel::dsl::now),
    ))
    .execute(conn)
    .await?;
    Ok(n == 1)
}

/// Replications of the given models (public: every adopting unit), or inside the subtrees.
pub async fn replications_of_models(
    conn: &mut AsyncPgConnection,
    model_ids: &[Uuid],
) -> QueryResult<Vec<(Replication, Organization)>> {
    replications::table
        .inner_join(organizations::table)
        .filter(replications::model_id.eq_any(model_ids))
        .order((replications::planned_from, organizations::name))
        .select((Replication::as_select(), Organization::as_select()))
        .load(conn)
        .await
}

pub async fn list_replications(
    conn: &mut AsyncPgConnection,
    roots: Option<&[Uuid]>,
    model_id: Option<Uuid>,
    status: Option<&str>,
    page: thidua_domain::page::Page,
) -> QueryResult<Paged<(Replication, Organization)>> {
    let base = || {
        let mut q = replications::table
            .inner_join(organizations::table)
            .into_boxed();
        if let Some(roots) = roots {
            q = q.filter(
                organizations::path
                    .overlaps_with(roots.iter().map(|r| Some(*r)).collect::<Vec<_>>()),
            );
        }
        if let Some(m) = model_id {
            q = q.filter(replications::model_id.eq(m));
        }
        if let Some(s) = status {
            q = q.filter(replications::status.eq(s.to_string()));
        }
        q
    };
    let total: i64 = base().count().get_result(conn).await?;
    let items = base()
        .order((replications::planned_from.desc(), replications::id))
        .limit(page.per_page)
        .offset(page.offset())
        .select((Replication::as_select(), Organization::as_select()))
        .load(conn)
        .await?;
    Ok(Paged { items, total })
}
