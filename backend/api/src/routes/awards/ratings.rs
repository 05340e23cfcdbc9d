//! Ratings (SPEC §9, §II.2.1–2.2): a person's annual rating and quarterly emulation ratings,
//! recorded by their unit head or the authority; a unit's collective rating, recorded by the
//! authority over it.

use actix_web::{get, put, web};
use diesel_async::AsyncConnection;
use thidua_db::queries::awards::{self as q, NewStaffRating, NewUnitRating};
use thidua_domain::FieldError;
use thidua_domain::award::{Rating, RatingPeriod};
use thidua_domain::validation::optional_text;
use uuid::Uuid;

use super::{org_map, person_ref};
use crate::auth::Principal;
use crate::authz;
use crate::error::ApiError;
use crate::extract::{Json, Query};
use crate::routes::audit;
use crate::state::AppState;
use crate::views::OrganizationRef;
use crate::views::awards::{
    StaffRatingParams, StaffRatingRequest, StaffRatingView, UnitRatingParams, UnitRatingRequest,
    UnitRatingView,
};

/// A year given in a query string: out of range is a bad request (400), like any bad query.
pub fn query_year(year: Option<i32>) -> Result<(), ApiError> {
    match year {
        Some(y) if !(2000..=2100).contains(&y) => Err(ApiError::invalid_query(FieldError::new(
            "year",
            "out_of_range",
            "Năm phải trong khoảng 2000–2100.",
            "The year must be between 2000 and 2100.",
        ))),
        _ => Ok(()),
    }
}

pub fn check_year(field: &str, year: i32) -> Result<(), ApiError> {
    if (2000..=2100).contains(&year) {
        Ok(())
    } else {
        Err(ApiError::field(FieldError::new(
            field,
            "out_of_range",
            "Năm phải trong khoảng 2000–2100.",
            "The year must be between 2000 and 2100.",
        )))
    }
}

fn staff_view(
    r: &q::StaffRating,
    u: &thidua_db::models::User,
    orgs: &std::collections::HashMap<Uuid, thidua_db::models::Organization>,
) -> Result<StaffRatingView, ApiError> {
    let rating = Rating::parse(&r.rating).ok_or_else(|| super::internal("rating"))?;
    Ok(StaffRatingView {
        id: r.id,
        person: person_ref(u, orgs),
        year: r.year,
        period: RatingPeriod::parse(&r.period)
            .ok_or_else(|| super::internal("period"))?
            .into(),
        rating: rating.into(),
        rating_label_vi: rating.label_vi().to_string(),
        note: r.note.clone(),
        recorded_by: r.recorded_by,
        updated_at: r.updated_at,
    })
}

/// Ratings of the people of a unit (its subtree) — for its head, the authority and
/// administrators — or one's own (`user_id` = oneself).
#[utoipa::path(
    tag = "awards",
    operation_id = "list_staff_ratings",
    params(StaffRatingParams),
    responses(
        (status = 200, description = "The ratings, by name then newest year", body = Vec<StaffRatingView>),
        (status = 404, description = "The unit or person is not one whose records the caller reads", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Neither `organization_id` nor `user_id`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/staff-ratings")]
pub async fn list_staff_ratings(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<StaffRatingParams>,
) -> Result<web::Json<Vec<StaffRatingView>>, ApiError> {
    let params = params.0;
    query_year(params.year)?;
    let mut conn = state.conn().await?;
    let org = match (params.organization_id, params.user_id) {
        (Some(o), _) => {
            let org = super::org(&mut conn, o).await?;
            authz::person_records(&p, &org.ancestry()).into_result()?;
            org.id
        }
        (None, Some(u)) => {
            let user = super::user(&mut conn, u).await?;
            let unit = super::org(&mut conn, user.organization_id).await?;
            if user.id != p.user_id {
                authz::person_records(&p, &unit.ancestry()).into_result()?;
            }
            unit.id
        }
        (None, None) => {
            return Err(ApiError::invalid_query(FieldError::required(
                "organization_id",
            )));
        }
    };
    let rows = q::staff_ratings_in(&mut conn, org, params.year, params.user_id).await?;
    let orgs = org_map(&mut conn, rows.iter().map(|(_, u)| u.organization_id)).await?;
    Ok(web::Json(
        rows.iter()
            .map(|(r, u)| staff_view(r, u, &orgs))
            .collect::<Result<_, _>>()?,
    ))
}

/// Record (or correct) a person's rating for a year or a quarter: their unit head, the
/// authority or an administrator; never one's own.
#[utoipa::path(
    tag = "awards",
    operation_id = "record_staff_rating",
    request_body = StaffRatingRequest,
    responses(
        (status = 200, description = "Recorded", body = StaffRatingView),
        (status = 403, description = "One's own rating", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not a person whose records the caller keeps", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/staff-ratings")]
pub async fn record_staff_rating(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<StaffRatingRequest>,
) -> Result<web::Json<StaffRatingView>, ApiError> {
    let req = body.0;
    check_year("year", req.year)?;
    let note = optional_text("note", req.note.as_deref(), 2000).map_err(ApiError::field)?;
    let mut conn = state.conn().await?;
    let user = super::user(&mut conn, req.user_id).await?;
    let unit = super::org(&mut conn, user.organization_id).await?;
    authz::record_about_person(&p, user.id, &unit.ancestry()).into_result()?;
    let new = NewStaffRating {
        id: Uuid::now_v7(),
        user_id: user.id,
        year: req.year,
        period: RatingPeriod::from(req.period).as_str().to_string(),
        rating: Rating::from(req.rating).as_str().to_string(),
        note,
        recorded_by: p.user_id,
    };
    let actor = p.user_id;
    let org_id = unit.id;
    let saved = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            let saved = q::upsert_staff_rating(conn, &new).await?;
            audit(
                conn,
                Some(actor),
                "staff_rating.record",
                "staff_rating",
                Some(saved.id),
                Some(org_id),
                serde_json::json!({ "user_id": new.user_id, "year": new.year, "period": new.period, "rating": new.rating }),
            )
            .await?;
            Ok(saved)
        })
        .await?;
    let orgs = org_map(&mut conn, [unit.id]).await?;
    Ok(web::Json(staff_view(&saved, &user, &orgs)?))
}

fn unit_view(
    r: &q::UnitRating,
    o: &thidua_db::models::Organization,
) -> Result<UnitRatingView, ApiError> {
    let rating = Rating::parse(&r.rating).ok_or_else(|| super::internal("rating"))?;
    Ok(UnitRatingView {
        id: r.id,
        organization: OrganizationRef::from(o),
        year: r.year,
        rating: rating.into(),
        rating_label_vi: rating.label_vi().to_string(),
        decision_ref: r.decision_ref.clone(),
        note: r.note.clone(),
        recorded_by: r.recorded_by,
        updated_at: r.updated_at,
    })
}

/// Collective ratings of the units in an organisation's subtree (everyone who sees it).
#[utoipa::path(
    tag = "awards",
    operation_id = "list_unit_ratings",
    params(UnitRatingParams),
    responses(
        (status = 200, description = "The ratings", body = Vec<UnitRatingView>),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/unit-ratings")]
pub async fn list_unit_ratings(
    state: web::Data<AppState>,
    p: Principal,
    params: Query<UnitRatingParams>,
) -> Result<web::Json<Vec<UnitRatingView>>, ApiError> {
    let params = params.0;
    query_year(params.year)?;
    let mut conn = state.conn().await?;
    let org = super::org(&mut conn, params.organization_id).await?;
    if !authz::can_see_org(&p, &org.ancestry()) {
        return Err(ApiError::not_found());
    }
    let rows = q::unit_ratings_in(&mut conn, org.id, params.year).await?;
    Ok(web::Json(
        rows.iter()
            .map(|(r, o)| unit_view(r, o))
            .collect::<Result<_, _>>()?,
    ))
}

/// Record (or correct) a unit's collective rating for a year: the authority over it.
#[utoipa::path(
    tag = "awards",
    operation_id = "record_unit_rating",
    request_body = UnitRatingRequest,
    responses(
        (status = 200, description = "Recorded", body = UnitRatingView),
        (status = 403, description = "Not the authority over the unit", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found in the caller's reach", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/unit-ratings")]
pub async fn record_unit_rating(
    state: web::Data<AppState>,
    p: Principal,
    body: Json<UnitRatingRequest>,
) -> Result<web::Json<UnitRatingView>, ApiError> {
    let req = body.0;
    check_year("year", req.year)?;
    let decision_ref =
        optional_text("decision_ref", req.decision_ref.as_deref(), 200).map_err(ApiError::field)?;
    let note = optional_text("note", req.note.as_deref(), 2000).map_err(ApiError::field)?;
    let mut conn = state.conn().await?;
    let org = super::org(&mut conn, req.organization_id).await?;
    authz::rate_unit(&p, &org.ancestry()).into_result()?;
    let new = NewUnitRating {
        id: Uuid::now_v7(),
        organization_id: org.id,
        year: req.year,
        rating: Rating::from(req.rating).as_str().to_string(),
        decision_ref,
        note,
        recorded_by: p.user_id,
    };
    let actor = p.user_id;
    let saved = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            let saved = q::upsert_unit_rating(conn, &new).await?;
            audit(
                conn,
                Some(actor),
                "unit_rating.record",
                "unit_rating",
                Some(saved.id),
                Some(new.organization_id),
                serde_json::json!({ "year": new.year, "rating": new.rating }),
            )
            .await?;
            Ok(saved)
        })
        .await?;
    Ok(web::Json(unit_view(&saved, &org)?))
}
