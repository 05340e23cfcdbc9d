//! Reports (SPEC §5): the report, its results table, its submitted versions.

use chrono::{DateTime, Utc};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::Paged;
use crate::models::{NewReport, Report, ReportRow, ReportVersion};
use crate::schema::{campaigns, organizations, report_rows, report_versions, reports};

#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    pub campaign_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub kind: Option<String>,
    pub status: Option<String>,
    /// Reports about this initiative: its acceptance reports and those with a row about it.
    pub initiative_id: Option<Uuid>,
}

/// Who sees a report: people of the unit (their subtrees), and the authority — those whose
/// subtree contains the campaign's issuer — once it was submitted.
#[derive(Debug, Clone)]
pub enum ReportScope {
    All,
    Scoped {
        unit_roots: Vec<Uuid>,
        authority_roots: Vec<Uuid>,
    },
}

fn filtered<'a>(scope: &ReportScope, f: &ReportFilter) -> reports::BoxedQuery<'a, Pg> {
    let mut q = reports::table.into_boxed();
    if let ReportScope::Scoped {
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
            reports::organization_id
                .eq_any(subtree(unit_roots))
                .or(reports::submitted_versions
                    .gt(0)
                    .and(reports::campaign_id.eq_any(authority_campaigns))),
        );
    }
    if let Some(c) = f.campaign_id {
        q = q.filter(reports::campaign_id.eq(c));
    }
    if let Some(o) = f.organization_id {
        q = q.filter(reports::organization_id.eq(o));
    }
    if let Some(k) = &f.kind {
        q = q.filter(reports::kind.eq(k.clone()));
    }
    if let Some(s) = &f.status {
        q = q.filter(reports::status.eq(s.clone()));
    }
    if let Some(i) = f.initiative_id {
        let with_row = report_rows::table
            .filter(report_rows::initiative_id.eq(i))
            .select(report_rows::report_id);
        q = q.filter(
            reports::initiative_id
                .eq(i)
                .or(reports::id.eq_any(with_row)),
        );
    }
    q
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    scope: &ReportScope,
    f: &ReportFilter,
    page: thidua_domain::page::Page,
) -> QueryResult<Paged<Report>> {
    let total = filtered(scope, f).count().get_result(conn).await?;
    let items = filtered(scope, f)
        .order((reports::updated_at.desc(), reports::id))
        .limit(page.per_page)
        .offset(page.offset())
        .select(Report::as_select())
        .load(conn)
        .await?;
    Ok(Paged { items, total })
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Report> {
    reports::table
        .find(id)
        .select(Report::as_select())
        .first(conn)
        .await
}

/// The unit's report of this kind for the milestone (and initiative), created when it does
/// not exist yet.
pub async fn find_or_create(
    conn: &mut AsyncPgConnection,
    new: &NewReport,
) -> QueryResult<(Report, bool)> {
    let inserted = diesel::insert_into(reports::table)
        .values(new)
        .on_conflict_do_nothing()
        .returning(Report::as_returning())
        .get_result(conn)
        .await
        .optional()?;
    if let Some(r) = inserted {
        return Ok((r, true));
    }
    let mut q = reports::table
        .filter(reports::milestone_id.eq(new.milestone_id))
        .filter(reports::organization_id.eq(new.organization_id))
        .filter(reports::kind.eq(&new.kind))
        .into_boxed();
    q = match new.initiative_id {
        Some(i) => q.filter(reports::initiative_id.eq(i)),
        None => q.filter(reports::initiative_id.is_null()),
    };
    q.select(Report::as_select())
        .first(conn)
        .await
        .map(|r| (r, false))
}

/// The conditional state change; `None` when the row is no longer in `from`.
pub async fn transition(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    from: &str,
    to: &str,
    submitted: bool,
) -> QueryResult<Option<Report>> {
    diesel::update(
        reports::table
            .filter(reports::id.eq(id))
            .filter(reports::status.eq(from)),
    )
    .set((
        reports::status.eq(to),
        reports::submitted_versions.eq(reports::submitted_versions + i32::from(submitted)),
        reports::version.eq(reports::version + 1),
        reports::updated_at.eq(Utc::now()),
    ))
    .returning(Report::as_returning())
    .get_result(conn)
    .await
    .optional()
}

/// Locks the report row and returns its status and version (for changes that depend on them).
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<(String, i32)> {
    reports::table
        .find(id)
        .select((reports::status, reports::version))
        .for_update()
        .first(conn)
        .await
}

/// New title and sections; the version moves on.
pub async fn update_content(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    title: &str,
    sections: &serde_json::Value,
) -> QueryResult<()> {
    diesel::update(reports::table.find(id))
        .set((
            reports::title.eq(title),
            reports::sections.eq(sections),
            reports::version.eq(reports::version + 1),
            reports::updated_at.eq(Utc::now()),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// The results tables of the given reports, each in its order.
pub async fn rows_of(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<ReportRow>> {
    report_rows::table
        .filter(report_rows::report_id.eq_any(ids))
        .order((
            report_rows::report_id,
            report_rows::sort_order,
            report_rows::created_at,
        ))
        .select(ReportRow::as_select())
        .load(conn)
        .await
}

/// Makes the report's table exactly `rows`: rows kept by id are updated, new ones inserted,
/// the others deleted. The caller has checked that every id given is one of the report's.
pub async fn replace_rows(
    conn: &mut AsyncPgConnection,
    report_id: Uuid,
    rows: &[ReportRow],
) -> QueryResult<()> {
    let keep: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    diesel::delete(
        report_rows::table
            .filter(report_rows::report_id.eq(report_id))
            .filter(report_rows::id.ne_all(&keep)),
    )
    .execute(conn)
    .await?;
    for r in rows {
        diesel::insert_into(report_rows::table)
            .values(r)
            .on_conflict(report_rows::id)
            .do_update()
            .set((
                report_rows::initiative_id.eq(r.initiative_id),
                report_rows::indicator.eq(&r.indicator),
                report_rows::unit_of_measure.eq(&r.unit_of_measure),
                report_rows::baseline.eq(r.baseline),
                report_rows::target.eq(r.target),
                report_rows::actual.eq(r.actual),
                report_rows::status_note.eq(&r.status_note),
                report_rows::sort_order.eq(r.sort_order),
                report_rows::updated_at.eq(r.updated_at),
            ))
            .execute(conn)
            .await?;
    }
    Ok(())
}

pub async fn insert_version(conn: &mut AsyncPgConnection, v: &ReportVersion) -> QueryResult<()> {
    diesel::insert_into(report_versions::table)
        .values(v)
        .execute(conn)
        .await?;
    Ok(())
}

/// Every version of the given reports, by report then number.
pub async fn versions_of(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<ReportVersion>> {
    report_versions::table
        .filter(report_versions::report_id.eq_any(ids))
        .order((report_versions::report_id, report_versions::number))
        .select(ReportVersion::as_select())
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
        report_versions::table
            .filter(report_versions::report_id.eq(id))
            .filter(report_versions::number.eq(number)),
    )
    .set((
        report_versions::decision.eq(decision),
        report_versions::decided_by.eq(by),
        report_versions::decided_at.eq(at),
        report_versions::reason.eq(reason),
    ))
    .execute(conn)
    .await?;
    Ok(())
}
