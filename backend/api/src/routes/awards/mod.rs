//! Awards and replication (SPEC §7–9): the award-form catalogue, ratings and violation
//! records, nominations with their eligibility checklist, award decisions, the public
//! showcase of typical models and the units replicating them.
//!
//! Eligibility is computed on every read (and at submit and approval) from the records, by
//! `thidua_domain::award::evaluate`; the facts it needs are gathered here.

pub mod decisions;
pub mod export;
pub mod forms;
pub mod nominations;
pub mod ratings;
pub mod replications;
pub mod showcase;
pub mod violations;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use thidua_db::AsyncPgConnection;
use thidua_db::models::{Organization, User};
use thidua_db::queries::awards::{self as q, AwardForm, Nomination};
use thidua_domain::award::{
    AcceptanceFact, Discipline, Facts, FormFacts, NomineeFacts, NomineeKind, PersonFact,
    RatingFact, RecordKind, RuleCode, RuleOutcome, ViolationFact, ViolationKind, evaluate,
};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz;
use crate::error::ApiError;
use crate::routes::{audit, today};
use crate::views::OrganizationRef;
use crate::views::UserRef;
use crate::views::awards::{
    AwardFormRef, AwardLevelCode, EligibilityView, InitiativeBrief, NomineeView, OverrideView,
    PersonRef, RecordRefView, RuleView,
};

pub fn internal(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("unexpected stored value: {what}"))
}

pub fn person_ref(u: &User, orgs: &HashMap<Uuid, Organization>) -> PersonRef {
    PersonRef {
        id: u.id,
        display_name: u.display_name.clone(),
        position: u.position.clone(),
        organization: orgs
            .get(&u.organization_id)
            .map(OrganizationRef::from)
            .unwrap_or(OrganizationRef {
                id: u.organization_id,
                code: String::new(),
                name: String::new(),
            }),
    }
}

/// One organisation (404 when there is none).
pub async fn org(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Organization, ApiError> {
    Ok(thidua_db::queries::organizations::find(conn, id).await?)
}

/// One account (404 when there is none).
pub async fn user(conn: &mut AsyncPgConnection, id: Uuid) -> Result<User, ApiError> {
    Ok(thidua_db::queries::users::find(conn, id).await?)
}

/// The organisations of the given ids, by id.
pub async fn org_map(
    conn: &mut AsyncPgConnection,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, Organization>, ApiError> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort();
    ids.dedup();
    Ok(thidua_db::queries::organizations::find_many(conn, &ids)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect())
}

pub async fn user_map(
    conn: &mut AsyncPgConnection,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, User>, ApiError> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort();
    ids.dedup();
    Ok(q::users_by_ids(conn, &ids)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

pub fn form_ref(f: &AwardForm) -> AwardFormRef {
    AwardFormRef {
        id: f.id,
        code: f.code.clone(),
        name_vi: f.name_vi.clone(),
        name_en: f.name_en.clone(),
        level: AwardLevelCode::parse(&f.level).unwrap_or(AwardLevelCode::Unit),
    }
}

pub fn nominee_kinds(f: &AwardForm) -> Vec<NomineeKind> {
    f.nominee_kinds
        .iter()
        .flatten()
        .filter_map(|k| NomineeKind::parse(k))
        .collect()
}

pub fn form_facts(f: &AwardForm) -> FormFacts {
    FormFacts {
        name_vi: f.name_vi.clone(),
        valid_from: f.valid_from,
        valid_to: f.valid_to,
        nominee_kinds: nominee_kinds(f),
        deadline: match (f.deadline_month, f.deadline_day) {
            (Some(m), Some(d)) => Some((m as u32, d as u32)),
            _ => None,
        },
    }
}

/// Who or what a nomination names, resolved.
#[derive(Debug, Clone)]
pub enum Nominee {
    Initiative {
        initiative: thidua_db::models::Initiative,
        unit: Organization,
        campaign_year: i32,
        /// Authors in order (the creator when none are listed).
        authors: Vec<User>,
    },
    Person {
        user: User,
        unit: Organization,
    },
    Unit {
        unit: Organization,
    },
}

impl Nominee {
    pub fn kind(&self) -> NomineeKind {
        match self {
            Nominee::Initiative { .. } => NomineeKind::Initiative,
            Nominee::Person { .. } => NomineeKind::Person,
            Nominee::Unit { .. } => NomineeKind::Unit,
        }
    }

    /// The unit the nomination belongs to (whose head proposes it).
    pub fn unit(&self) -> &Organization {
        match self {
            Nominee::Initiative { unit, .. }
            | Nominee::Person { unit, .. }
            | Nominee::Unit { unit } => unit,
        }
    }

    pub fn default_year(&self) -> i32 {
        match self {
            Nominee::Initiative { campaign_year, .. } => *campaign_year,
            _ => today().year(),
        }
    }

    pub fn label(&self) -> String {
        match self {
            Nominee::Initiative { initiative, .. } => format!("Sáng kiến “{}”", initiative.title),
            Nominee::Person { user, .. } => user.display_name.clone(),
            Nominee::Unit { unit } => format!("Tập thể {}", unit.name),
        }
    }

    pub async fn load(
        conn: &mut AsyncPgConnection,
        kind: NomineeKind,
        initiative_id: Option<Uuid>,
        user_id: Option<Uuid>,
        organization_id: Option<Uuid>,
    ) -> Result<Nominee, ApiError> {
        let missing = |field: &str| ApiError::field(thidua_domain::FieldError::required(field));
        match kind {
            NomineeKind::Initiative => {
                let id = initiative_id.ok_or_else(|| missing("initiative_id"))?;
                let loaded = crate::routes::initiatives::load(conn, id).await?;
                let campaign =
                    thidua_db::queries::campaigns::find(conn, loaded.initiative.campaign_id)
                        .await?;
                let mut ids: Vec<Uuid> = loaded.authors.iter().map(|a| a.user_id).collect();
                if ids.is_empty() {
                    ids.push(loaded.initiative.created_by);
                }
                let users = user_map(conn, ids.clone()).await?;
                let authors = ids.iter().filter_map(|i| users.get(i).cloned()).collect();
                Ok(Nominee::Initiative {
                    initiative: loaded.initiative,
                    unit: loaded.unit,
                    campaign_year: campaign.year,
                    authors,
                })
            }
            NomineeKind::Person => {
                let id = user_id.ok_or_else(|| missing("user_id"))?;
                let user = user(conn, id).await?;
                let unit = org(conn, user.organization_id).await?;
                Ok(Nominee::Person { user, unit })
            }
            NomineeKind::Unit => {
                let id = organization_id.ok_or_else(|| missing("organization_id"))?;
                let unit = org(conn, id).await?;
                Ok(Nominee::Unit { unit })
            }
        }
    }

    pub async fn of(conn: &mut AsyncPgConnection, n: &Nomination) -> Result<Nominee, ApiError> {
        let kind = NomineeKind::parse(&n.nominee_kind).ok_or_else(|| internal("nominee_kind"))?;
        Self::load(
            conn,
            kind,
            n.initiative_id,
            n.nominee_user_id,
            n.nominee_organization_id,
        )
        .await
    }

    pub async fn view(&self, conn: &mut AsyncPgConnection) -> Result<NomineeView, ApiError> {
        let mut org_ids = vec![self.unit().id];
        if let Nominee::Initiative { authors, .. } = self {
            org_ids.extend(authors.iter().map(|a| a.organization_id));
        }
        let orgs = org_map(conn, org_ids).await?;
        Ok(match self {
            Nominee::Initiative {
                initiative,
                authors,
                unit,
                ..
            } => NomineeView {
                kind: NomineeKind::Initiative.into(),
                label: self.label(),
                initiative: Some(InitiativeBrief {
                    id: initiative.id,
                    title: initiative.title.clone(),
                    status: initiative.status.clone(),
                }),
                person: None,
                unit: Some(OrganizationRef::from(unit)),
                authors: authors.iter().map(|a| person_ref(a, &orgs)).collect(),
            },
            Nominee::Person { user, unit } => NomineeView {
                kind: NomineeKind::Person.into(),
                label: self.label(),
                initiative: None,
                person: Some(person_ref(user, &orgs)),
                unit: Some(OrganizationRef::from(unit)),
                authors: vec![],
            },
            Nominee::Unit { unit } => NomineeView {
                kind: NomineeKind::Unit.into(),
                label: self.label(),
                initiative: None,
                person: None,
                unit: Some(OrganizationRef::from(unit)),
                authors: vec![],
            },
        })
    }
}

fn person_fact(u: &User) -> PersonFact {
    PersonFact {
        id: u.id,
        name: u.display_name.clone(),
    }
}

fn violation_facts(rows: Vec<(q::ViolationRecord, User)>) -> Result<Vec<ViolationFact>, ApiError> {
    rows.into_iter()
        .map(|(v, u)| {
            Ok(ViolationFact {
                id: v.id,
                person: person_fact(&u),
                occurred_on: v.occurred_on,
                kind: ViolationKind::parse(&v.kind).ok_or_else(|| internal("violation kind"))?,
                discipline: Discipline::parse(&v.discipline)
                    .ok_or_else(|| internal("discipline"))?,
                decision_ref: v.decision_ref,
            })
        })
        .collect()
}

fn rating_fact(id: Uuid, rating: &str) -> Result<RatingFact, ApiError> {
    Ok(RatingFact {
        id,
        rating: thidua_domain::award::Rating::parse(rating).ok_or_else(|| internal("rating"))?,
    })
}

/// What the records say about the nominee for the year.
pub async fn nominee_facts(
    conn: &mut AsyncPgConnection,
    nominee: &Nominee,
    year: i32,
) -> Result<NomineeFacts, ApiError> {
    Ok(match nominee {
        Nominee::Initiative {
            initiative,
            authors,
            ..
        } => {
            let acceptance = q::acceptance_of(conn, initiative.id).await?;
            let ids: Vec<Uuid> = authors.iter().map(|a| a.id).collect();
            let violations = q::violations_of_people(conn, &ids, year).await?;
            NomineeFacts::Initiative {
                accepted: initiative.status == "accepted",
                acceptance: acceptance.map(|(round_id, round_title)| AcceptanceFact {
                    round_id,
                    round_title,
                }),
                authors: authors.iter().map(person_fact).collect(),
                violations: violation_facts(violations)?,
            }
        }
        Nominee::Person { user, .. } => {
            let rating = q::annual_rating(conn, user.id, year).await?;
            let violations = q::violations_of_people(conn, &[user.id], year).await?;
            NomineeFacts::Person {
                person: person_fact(user),
                annual_rating: rating.map(|r| rating_fact(r.id, &r.rating)).transpose()?,
                violations: violation_facts(violations)?,
            }
        }
        Nominee::Unit { unit } => {
            let rating = q::unit_rating(conn, unit.id, year).await?;
            let heads = q::heads_of(conn, unit.id).await?;
            let violations = q::violations_of_members(conn, unit.id, year).await?;
            NomineeFacts::Unit {
                rating: rating.map(|r| rating_fact(r.id, &r.rating)).transpose()?,
                heads: heads.iter().map(person_fact).collect(),
                violations: violation_facts(violations)?,
            }
        }
    })
}

/// The checklist for a nominee, a form and a year, judged on `as_of`. Violation records
/// shown in it are reads of those records: each is audited.
#[allow(clippy::too_many_arguments)]
pub async fn eligibility(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    form: &AwardForm,
    nominee: &Nominee,
    year: i32,
    as_of: NaiveDate,
    overridden: Option<(RuleCode, String, UserRef, chrono::DateTime<chrono::Utc>)>,
    nomination_id: Option<Uuid>,
) -> Result<(EligibilityView, Vec<thidua_domain::award::RuleResult>), ApiError> {
    let facts = Facts {
        year,
        as_of,
        form: form_facts(form),
        nominee: nominee_facts(conn, nominee, year).await?,
    };
    let results = evaluate(&facts, overridden.as_ref().map(|o| o.0));
    let shown: Vec<Uuid> = results
        .iter()
        .flat_map(|r| &r.records)
        .filter(|r| r.kind == RecordKind::ViolationRecord)
        .filter_map(|r| r.id)
        .collect();
    if !shown.is_empty() {
        audit_violation_reads(conn, p, &shown, "eligibility", nomination_id).await?;
    }
    let may_open_records = authz::person_records(p, &nominee.unit().ancestry()).allowed();
    let view = EligibilityView {
        eligible: results.iter().all(|r| r.passes()),
        as_of,
        year,
        rules: results
            .iter()
            .map(|r| RuleView {
                code: r.code.into(),
                title_vi: r.code.title_vi().to_string(),
                title_en: r.code.title_en().to_string(),
                outcome: r.outcome.into(),
                reason_vi: r.reason_vi.clone(),
                reason_en: r.reason_en.clone(),
                records: r
                    .records
                    .iter()
                    .map(|rec| RecordRefView {
                        kind: rec.kind.into(),
                        id: match rec.kind {
                            RecordKind::AwardForm => Some(form.id),
                            RecordKind::ViolationRecord
                            | RecordKind::StaffRating
                            | RecordKind::UnitRating
                                if !may_open_records =>
                            {
                                None
                            }
                            _ => rec.id,
                        },
                        label: rec.label.clone(),
                    })
                    .collect(),
            })
            .collect(),
        override_: overridden.map(|(rule, reason, by, at)| OverrideView {
            rule: rule.into(),
            reason,
            by,
            at,
        }),
    };
    Ok((view, results))
}

/// One audit row per violation record read (SPEC §7: every read is audited).
pub async fn audit_violation_reads(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    ids: &[Uuid],
    via: &str,
    nomination_id: Option<Uuid>,
) -> Result<(), ApiError> {
    for id in ids {
        audit(
            conn,
            Some(p.user_id),
            "violation_record.read",
            "violation_record",
            Some(*id),
            None,
            serde_json::json!({ "via": via, "nomination_id": nomination_id }),
        )
        .await?;
    }
    Ok(())
}

/// The failed rules as a 422 problem, one field per rule.
pub fn ineligible(results: &[thidua_domain::award::RuleResult]) -> ApiError {
    let failed: Vec<_> = results
        .iter()
        .filter(|r| r.outcome == RuleOutcome::Fail)
        .collect();
    let fields: Vec<thidua_domain::FieldError> = failed
        .iter()
        .map(|r| {
            thidua_domain::FieldError::new(
                format!("rules.{}", r.code.as_str()),
                r.code.as_str(),
                r.reason_vi.clone(),
                r.reason_en.clone(),
            )
        })
        .collect();
    ApiError::unprocessable(
        "ineligible",
        format!(
            "Đề nghị chưa đủ điều kiện: {}.",
            failed
                .iter()
                .map(|r| r.code.title_vi())
                .collect::<Vec<_>>()
                .join("; ")
        ),
        format!(
            "The nomination is not eligible: {}.",
            failed
                .iter()
                .map(|r| r.code.title_en())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    )
    .with_errors(fields)
}
