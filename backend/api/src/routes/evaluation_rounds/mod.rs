//! Evaluation rounds (SPEC §6): a committee's round over a campaign's initiatives.

pub mod create;
pub mod decisions;
pub mod entries;
pub mod export;
pub mod get;
pub mod list;
pub mod results;
pub mod sheets;
pub mod workspace;

use std::collections::HashMap;

use thidua_db::AsyncPgConnection;
use thidua_db::models::{Campaign, EvaluationRound, Organization, RoundMember};
use thidua_db::queries::{
    campaigns as campaign_queries, evaluation as eval_queries, organizations as org_queries,
};
use thidua_domain::evaluation::{Aggregation, MemberRole, RoundLevel, RoundStatus, Verdict};
use uuid::Uuid;

use crate::auth::Principal;
use crate::authz::{self, RoundOp};
use crate::error::ApiError;
use crate::extract::etag;
use crate::routes::submissions::distinct;
use crate::views::campaigns::CampaignRef;
use crate::views::evaluation::{DecisionView, RoundMemberView, RoundRef, RoundView};
use crate::views::{OrganizationRef, UserRef};

#[derive(Clone)]
pub struct LoadedRound {
    pub round: EvaluationRound,
    pub level: RoundLevel,
    pub organization: Organization,
    pub campaign: Campaign,
    pub members: Vec<(RoundMember, String)>,
}

impl LoadedRound {
    pub fn my_role(&self, p: &Principal) -> Option<MemberRole> {
        self.members
            .iter()
            .find(|(m, _)| m.user_id == p.user_id)
            .and_then(|(m, _)| MemberRole::parse(&m.role))
    }

    pub fn decide(&self, p: &Principal, op: RoundOp) -> authz::Decision {
        authz::round(
            p,
            op,
            self.level,
            &self.organization.ancestry(),
            self.my_role(p),
        )
    }

    pub fn authorize(&self, p: &Principal, op: RoundOp) -> Result<(), ApiError> {
        self.decide(p, op).into_result()
    }

    /// The chair, or whoever may organise rounds of this level there: sees every sheet,
    /// reopens one.
    pub fn oversees(&self, p: &Principal) -> bool {
        self.my_role(p) == Some(MemberRole::Chair)
            || authz::manages_rounds(p, self.level, &self.organization.ancestry())
    }

    /// Records the committee's decisions: the chair, the secretary (who keeps the minutes),
    /// or the organiser.
    pub fn decides(&self, p: &Principal) -> bool {
        matches!(
            self.my_role(p),
            Some(MemberRole::Chair | MemberRole::Secretary)
        ) || authz::manages_rounds(p, self.level, &self.organization.ancestry())
    }

    /// The board (entries with their evaluators, sheets, live results) is for the committee
    /// and the organiser.
    pub fn sees_board(&self, p: &Principal) -> bool {
        self.my_role(p).is_some() || self.decide(p, RoundOp::Manage).allowed()
    }

    pub fn status(&self) -> RoundStatus {
        RoundStatus::parse(&self.round.status).unwrap_or(RoundStatus::Setup)
    }

    pub fn etag(&self) -> String {
        etag(self.round.id, self.round.version)
    }
}

pub async fn load(conn: &mut AsyncPgConnection, id: Uuid) -> Result<LoadedRound, ApiError> {
    let round = eval_queries::find_round(conn, id).await?;
    load_many(conn, vec![round])
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)
}

pub async fn load_many(
    conn: &mut AsyncPgConnection,
    rounds: Vec<EvaluationRound>,
) -> Result<Vec<LoadedRound>, ApiError> {
    let ids: Vec<Uuid> = rounds.iter().map(|r| r.id).collect();
    let orgs: HashMap<Uuid, Organization> =
        org_queries::find_many(conn, &distinct(rounds.iter().map(|r| r.organization_id)))
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
    let campaigns: HashMap<Uuid, Campaign> =
        campaign_queries::find_many(conn, &distinct(rounds.iter().map(|r| r.campaign_id)))
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
    let mut members: HashMap<Uuid, Vec<(RoundMember, String)>> = HashMap::new();
    for (m, name) in eval_queries::members_of(conn, &ids).await? {
        members.entry(m.round_id).or_default().push((m, name));
    }
    // The chair, the secretary, then the members by name: how a committee is listed.
    for list in members.values_mut() {
        list.sort_by(|(a, an), (b, bn)| {
            let seat = |m: &RoundMember| match MemberRole::parse(&m.role) {
                Some(MemberRole::Chair) => 0,
                Some(MemberRole::Secretary) => 1,
                _ => 2,
            };
            seat(a).cmp(&seat(b)).then_with(|| an.cmp(bn))
        });
    }
    let missing = || ApiError::internal(anyhow::anyhow!("a round's reference is missing"));
    rounds
        .into_iter()
        .map(|round| {
            Ok(LoadedRound {
                level: RoundLevel::parse(&round.level).ok_or_else(missing)?,
                organization: orgs
                    .get(&round.organization_id)
                    .cloned()
                    .ok_or_else(missing)?,
                campaign: campaigns
                    .get(&round.campaign_id)
                    .cloned()
                    .ok_or_else(missing)?,
                members: members.remove(&round.id).unwrap_or_default(),
                round,
            })
        })
        .collect()
}

/// Views of rounds, with their criteria sets, in two queries whatever their number.
pub async fn views(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    loaded: &[LoadedRound],
) -> Result<Vec<RoundView>, ApiError> {
    let set_ids = distinct(loaded.iter().map(|r| r.round.criteria_set_id));
    let sets: HashMap<Uuid, _> = eval_queries::criteria_sets_by_ids(conn, &set_ids)
        .await?
        .iter()
        .map(|s| Ok((s.id, crate::routes::criteria_sets::view(s)?)))
        .collect::<Result<_, ApiError>>()?;
    loaded
        .iter()
        .map(|r| {
            let round = &r.round;
            let my_role = r.my_role(p);
            let mut allowed_actions = Vec::new();
            if r.decide(p, RoundOp::Manage).allowed() {
                allowed_actions.push("manage".to_string());
            }
            if r.decides(p) {
                allowed_actions.push("decide".to_string());
            }
            if r.sees_board(p) {
                allowed_actions.push("view_board".to_string());
            }
            if r.sees_board(p) || r.status() == RoundStatus::Published {
                allowed_actions.push("view_results".to_string());
            }
            Ok(RoundView {
                id: round.id,
                campaign: CampaignRef {
                    id: r.campaign.id,
                    code: r.campaign.code.clone(),
                    title: r.campaign.title.clone(),
                },
                level: r.level.into(),
                organization: OrganizationRef::from(&r.organization),
                title: round.title.clone(),
                criteria_set: sets.get(&round.criteria_set_id).cloned().ok_or_else(|| {
                    ApiError::internal(anyhow::anyhow!("a round's criteria set is missing"))
                })?,
                aggregation: Aggregation::parse(&round.aggregation)
                    .unwrap_or(Aggregation::Mean)
                    .into(),
                evaluators_per_initiative: round.evaluators_per_initiative,
                scoring_opens_on: round.scoring_opens_on,
                scoring_closes_on: round.scoring_closes_on,
                meeting_on: round.meeting_on,
                meeting_place: round.meeting_place.clone(),
                status: r.status().into(),
                members: r
                    .members
                    .iter()
                    .map(|(m, name)| RoundMemberView {
                        user: UserRef {
                            id: m.user_id,
                            display_name: name.clone(),
                        },
                        role: MemberRole::parse(&m.role)
                            .unwrap_or(MemberRole::Member)
                            .into(),
                        present: m.present,
                    })
                    .collect(),
                my_role: my_role.map(Into::into),
                created_at: round.created_at,
                updated_at: round.updated_at,
                closed_at: round.closed_at,
                published_at: round.published_at,
                etag: r.etag(),
                allowed_actions,
            })
        })
        .collect()
}

pub async fn view_one(
    conn: &mut AsyncPgConnection,
    p: &Principal,
    id: Uuid,
) -> Result<RoundView, ApiError> {
    let r = load(conn, id).await?;
    views(conn, p, std::slice::from_ref(&r))
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)
}

/// The decision recorded on an entry, if any.
pub fn decision_view(e: &thidua_db::models::RoundEntry) -> Option<DecisionView> {
    let verdict = Verdict::parse(e.decision.as_deref()?)?;
    Some(DecisionView {
        verdict: verdict.into(),
        selected_for_award: e.selected_for_award,
        votes_for: e.votes_for.unwrap_or(0),
        votes_against: e.votes_against.unwrap_or(0),
        votes_abstain: e.votes_abstain.unwrap_or(0),
        note: e.decision_note.clone(),
        decided_at: e.decided_at?,
    })
}

/// How a round is referred to.
pub fn round_ref(
    round: &EvaluationRound,
    organization: &Organization,
) -> Result<RoundRef, ApiError> {
    let bad = || ApiError::internal(anyhow::anyhow!("a round's codes are unknown"));
    Ok(RoundRef {
        id: round.id,
        title: round.title.clone(),
        level: RoundLevel::parse(&round.level).ok_or_else(bad)?.into(),
        organization: OrganizationRef::from(organization),
        status: RoundStatus::parse(&round.status).ok_or_else(bad)?.into(),
        scoring_closes_on: round.scoring_closes_on,
        meeting_on: round.meeting_on,
        published_at: round.published_at,
    })
}
