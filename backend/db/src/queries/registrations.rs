use chrono::{DateTime, Utc};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::Paged;
use crate::models::{
    Commitment, CommitmentChanges, NewRegistration, Registration, RegistrationVersion,
};
use crate::schema::{
    campaigns, organizations, registration_commitments, registration_versions, registrations,
};

#[derive(Debug, Clone, Default)]
pub struct RegistrationFilter {
    pub campaign_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub status: Option<String>,
}

/// Who sees a registration: people of the unit (their subtree), and the authority: those
/// whose subtree contains the campaign's issuer, for registrations that were ever submitted.
#[derive(Debug, Clone)]
pub enum RegistrationScope {
    All,
    Scoped {
        unit_roots: Vec<Uuid>,
        authority_roots: Vec<Uuid>,
    },
}

fn filtered<'a>(
    scope: &RegistrationScope,
    f: &RegistrationFilter,
) -> registrations::BoxedQuery<'a, Pg> {
    let mut q = registrations::table.into_boxed();
    if let RegistrationScope::Scoped {
        unit_roots,
        authority_roots,
    } = scope
    {
        let subtree = |rs: &Vec<Uuid>| {
            let rs: Vec<Option<Uuid>> = rs.iter().copied().map(Some).collect();
            organizations::table
                .filter(organizations::path.overlaps_with(rs))
                .select(organizations::id)
        };
        let authority_campaigns = campaigns::table
            .filter(campaigns::organization_id.eq_any(subtree(authority_roots)))
            .select(campaigns::id);
        q = q.filter(
            registrations::organization_id
                .eq_any(subtree(unit_roots))
                .or(registrations::submitted_versions
                    .gt(0)
                    .and(registrations::campaign_id.eq_any(authority_campaigns))),
        );
    }
    if let Some(c) = f.campaign_id {
        q = q.filter(registrations::campaign_id.eq(c));
    }
    if let Some(o) = f.organization_id {
        q = q.filter(registrations::organization_id.eq(o));
    }
    if let Some(s) = &f.status {
        q = q.filter(registrations::status.eq(s.clone()));
    }
    q
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    scope: &RegistrationScope,
    f: &RegistrationFilter,
    page: thidua_domain::page::Page,
) -> QueryResult<Paged<Registration>> {
    let total = filtered(scope, f).count().get_result(conn).await?;
    let items = filtered(scope, f)
        .order((registrations::updated_at.desc(), registrations::id))
        .limit(page.per_page)
        .offset(page.offset())
        .select(Registration::as_select())
        .load(conn)
        .await?;
    Ok(Paged { items, total })
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Registration> {
    registrations::table
        .find(id)
        .select(Registration::as_select())
        .first(conn)
        .await
}

/// The unit's registration for a campaign, created empty when it does not exist yet.
pub async fn find_or_create(
    conn: &mut AsyncPgConnection,
    new: &NewRegistration,
) -> QueryResult<(Registration, bool)> {
    let inserted = diesel::insert_into(registrations::table)
        .values(new)
        .on_conflict((registrations::campaign_id, registrations::organization_id))
        .do_nothing()
        .returning(Registration::as_returning())
        .get_result(conn)
        .await
        .optional()?;
    match inserted {
        Some(r) => Ok((r, true)),
        None => registrations::table
            .filter(registrations::campaign_id.eq(new.campaign_id))
            .filter(registrations::organization_id.eq(new.organization_id))
            .select(Registration::as_select())
            .first(conn)
            .await
            .map(|r| (r, false)),
    }
}

/// The conditional state change; `None` when the row is no longer in `from`.
pub async fn transition(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    from: &str,
    to: &str,
    submitted: bool,
) -> QueryResult<Option<Registration>> {
    diesel::update(
        registrations::table
            .filter(registrations::id.eq(id))
            .filter(registrations::status.eq(from)),
    )
    .set((
        registrations::status.eq(to),
        registrations::submitted_versions
            .eq(registrations::submitted_versions + i32::from(submitted)),
        registrations::version.eq(registrations::version + 1),
        registrations::updated_at.eq(Utc::now()),
    ))
    .returning(Registration::as_returning())
    .get_result(conn)
    .await
    .optional()
}

pub async fn touch(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(registrations::table.find(id))
        .set((
            registrations::version.eq(registrations::version + 1),
            registrations::updated_at.eq(Utc::now()),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Locks the registration row and returns its status (for changes that depend on it).
pub async fn lock_status(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<String> {
    registrations::table
        .find(id)
        .select(registrations::status)
        .for_update()
        .first(conn)
        .await
}

pub async fn commitments_of(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<Commitment>> {
    registration_commitments::table
        .filter(registration_commitments::registration_id.eq_any(ids))
        .order((
            registration_commitments::registration_id,
            registration_commitments::sort_order,
            registration_commitments::created_at,
        ))
        .select(Commitment::as_select())
        .load(conn)
        .await
}

pub async fn find_commitment(
    conn: &mut AsyncPgConnection,
    registration_id: Uuid,
    id: Uuid,
) -> QueryResult<Commitment> {
    registration_commitments::table
        .filter(registration_commitments::id.eq(id))
        .filter(registration_commitments::registration_id.eq(registration_id))
        .select(Commitment::as_select())
        .first(conn)
        .await
}

pub async fn insert_commitment(conn: &mut AsyncPgConnection, c: &Commitment) -> QueryResult<()> {
    diesel::insert_into(registration_commitments::table)
        .values(c)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn update_commitment(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    changes: &CommitmentChanges,
) -> QueryResult<Commitment> {
    diesel::update(registration_commitments::table.find(id))
        .set((changes, registration_commitments::updated_at.eq(Utc::now())))
        .returning(Commitment::as_returning())
        .get_result(conn)
        .await
}

pub async fn delete_commitment(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
    diesel::delete(registration_commitments::table.find(id))
        .execute(conn)
        .await
}

pub async fn insert_version(
    conn: &mut AsyncPgConnection,
    v: &RegistrationVersion,
) -> QueryResult<()> {
    diesel::insert_into(registration_versions::table)
        .values(v)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn versions_of(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<Vec<RegistrationVersion>> {
    registration_versions::table
        .filter(registration_versions::registration_id.eq(id))
        .order(registration_versions::number)
        .select(RegistrationVersion::as_select())
        .load(conn)
        .await
}

/// Every version of the given registrations, by registration then number.
pub async fn versions_of_many(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<RegistrationVersion>> {
    registration_versions::table
        .filter(registration_versions::registration_id.eq_any(ids))
        .order((
            registration_versions::registration_id,
            registration_versions::number,
        ))
        .select(RegistrationVersion::as_select())
        .load(conn)
        .await
}

/// Records the authority's decision on the latest version.
pub async fn decide_latest(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    number: i32,
    decision: &str,
    by: Uuid,
    at: DateTime<Utc>,
    reason: Option<String>,
) -> QueryResult<()> {
    diesel::update(
        registration_versions::table
            .filter(registration_versions::registration_id.eq(id))
            .filter(registration_versions::number.eq(number)),
    )
    .set((
        registration_versions::decision.eq(decision),
        registration_versions::decided_by.eq(by),
        registration_versions::decided_at.eq(at),
        registration_versions::reason.eq(reason),
    ))
    .execute(conn)
    .await?;
    Ok(())
}

/// The campaign's registrations that were submitted at least once, by unit.
pub async fn submitted_of_campaign(
    conn: &mut AsyncPgConnection,
    campaign_id: Uuid,
) -> QueryResult<Vec<Registration>> {
    registrations::table
        .filter(registrations::campaign_id.eq(campaign_id))
        .filter(registrations::submitted_versions.gt(0))
        .select(Registration::as_select())
        .load(conn)
        .await
}

/// The latest submitted version of each registration.
pub async fn latest_versions(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<RegistrationVersion>> {
    registration_versions::table
        .filter(registration_versions::registration_id.eq_any(ids))
        .distinct_on(registration_versions::registration_id)
        .order((
            registration_versions::registration_id,
            registration_versions::number.desc(),
        ))
        .select(RegistrationVersion::as_select())
        .load(conn)
        .await
}
