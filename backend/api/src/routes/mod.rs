//! HTTP handlers, one file per operation, grouped by resource. Each handler: extract →
//! parse into domain values → authorise → database (one transaction with its audit row) →
//! view.

pub mod audit_events;
pub mod auth;
pub mod awards;
pub mod campaigns;
pub mod criteria_sets;
pub mod evaluation_rounds;
pub mod files;
pub mod initiatives;
pub mod me;
pub mod ops;
pub mod organizations;
pub mod registrations;
pub mod reports;
pub mod statistics;
pub mod submissions;
pub mod users;

use thidua_db::AsyncPgConnection;
use thidua_db::audit::{self, NewAuditEntry};
use uuid::Uuid;

use crate::context;
use crate::error::ApiError;

/// Registers every API operation; used by the server and by `thidua openapi` alike, so the
/// document cannot list an operation the server lacks or the reverse.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(auth::login::login)
        .service(auth::refresh::refresh)
        .service(auth::logout::logout)
        .service(me::get_me::get_me)
        .service(me::change_password::change_password)
        .service(organizations::list::list_organizations)
        .service(organizations::tree::get_organization_tree)
        .service(organizations::kinds::list_organization_kinds)
        .service(organizations::create::create_organization)
        .service(organizations::get::get_organization)
        .service(organizations::update::update_organization)
        .service(users::list::list_users)
        .service(users::create::create_user)
        .service(users::get::get_user)
        .service(users::update::update_user)
        .service(users::activation::deactivate_user)
        .service(users::activation::activate_user)
        .service(users::reset_password::reset_user_password)
        .service(users::roles::grant_user_role)
        .service(users::roles::revoke_user_role)
        .service(campaigns::list::list_campaigns)
        .service(campaigns::create::create_campaign)
        .service(campaigns::get::get_campaign)
        .service(campaigns::update::update_campaign)
        .service(campaigns::transitions::open_campaign)
        .service(campaigns::transitions::close_campaign)
        .service(campaigns::transitions::reopen_campaign)
        .service(campaigns::transitions::archive_campaign)
        .service(campaigns::milestones::create_milestone)
        .service(campaigns::milestones::update_milestone)
        .service(campaigns::milestones::delete_milestone)
        .service(campaigns::extensions::list_extensions)
        .service(campaigns::extensions::grant_extension)
        .service(campaigns::export_registrations::export_campaign_registrations_xlsx)
        .service(campaigns::export_registrations::export_campaign_registrations_docx)
        .service(audit_events::list::list_audit_events)
        .service(initiatives::reform_areas::list_reform_areas)
        .service(initiatives::list::list_initiatives)
        .service(initiatives::create::create_initiative)
        .service(initiatives::get::get_initiative)
        .service(files::upload_file)
        .service(files::download_file)
        .service(files::list_initiative_files)
        .service(files::list_organization_files)
        .service(files::delete_file)
        .service(initiatives::update::update_initiative)
        .service(initiatives::history::get_initiative_history)
        .service(initiatives::transitions::submit_initiative)
        .service(initiatives::transitions::return_initiative)
        .service(initiatives::transitions::register_initiative)
        .service(initiatives::transitions::start_initiative)
        .service(initiatives::transitions::complete_initiative)
        .service(initiatives::transitions::withdraw_initiative)
        .service(initiatives::roadmap::add_roadmap_step)
        .service(initiatives::roadmap::update_roadmap_step)
        .service(initiatives::roadmap::delete_roadmap_step)
        .service(statistics::initiatives::get_initiative_statistics)
        .service(registrations::list::list_registrations)
        .service(registrations::open::open_registration)
        .service(registrations::get::get_registration)
        .service(registrations::versions::get_registration_version)
        .service(registrations::export::export_registration_xlsx)
        .service(registrations::export::export_registration_docx)
        .service(registrations::commitments::add_commitment)
        .service(registrations::commitments::update_commitment)
        .service(registrations::commitments::delete_commitment)
        .service(registrations::transitions::submit_registration)
        .service(registrations::transitions::receive_registration)
        .service(registrations::transitions::return_registration)
        .service(criteria_sets::list_criteria_sets)
        .service(evaluation_rounds::list::list_evaluation_rounds)
        .service(evaluation_rounds::create::create_evaluation_round)
        .service(evaluation_rounds::get::get_evaluation_round)
        .service(evaluation_rounds::entries::list_round_entries)
        .service(evaluation_rounds::entries::add_round_entries)
        .service(evaluation_rounds::entries::remove_round_entry)
        .service(evaluation_rounds::entries::assign_evaluators_automatically)
        .service(evaluation_rounds::entries::assign_evaluator)
        .service(evaluation_rounds::entries::recuse_evaluator)
        .service(evaluation_rounds::results::get_round_results)
        .service(evaluation_rounds::decisions::record_round_decision)
        .service(evaluation_rounds::decisions::remind_evaluators)
        .service(evaluation_rounds::decisions::close_round)
        .service(evaluation_rounds::decisions::publish_round)
        .service(evaluation_rounds::export::export_round_minutes)
        .service(evaluation_rounds::export::export_round_results)
        .service(evaluation_rounds::workspace::list_my_assignments)
        .service(evaluation_rounds::workspace::get_assignment_dossier)
        .service(evaluation_rounds::workspace::list_initiative_evaluations)
        .service(evaluation_rounds::sheets::start_scoring)
        .service(evaluation_rounds::sheets::list_entry_sheets)
        .service(evaluation_rounds::sheets::get_score_sheet)
        .service(evaluation_rounds::sheets::save_score_sheet)
        .service(evaluation_rounds::sheets::submit_score_sheet)
        .service(evaluation_rounds::sheets::reopen_score_sheet)
        .service(reports::list::list_reports)
        .service(reports::open::open_report)
        .service(reports::get::get_report)
        .service(reports::export::export_report_xlsx)
        .service(reports::export::export_report_docx)
        .service(reports::update::update_report)
        .service(reports::versions::get_report_version)
        .service(reports::transitions::submit_report)
        .service(reports::transitions::receive_report)
        .service(reports::transitions::return_report)
        .service(awards::forms::list_award_forms)
        .service(awards::forms::create_award_form)
        .service(awards::forms::update_award_form)
        .service(awards::ratings::list_staff_ratings)
        .service(awards::ratings::record_staff_rating)
        .service(awards::ratings::list_unit_ratings)
        .service(awards::ratings::record_unit_rating)
        .service(awards::violations::list_violation_records)
        .service(awards::violations::create_violation_record)
        .service(awards::violations::get_violation_record)
        .service(awards::export::export_nominations_xlsx)
        .service(awards::export::export_nominations_docx)
        .service(awards::export::export_draft_decision_docx)
        .service(awards::export::export_draft_decision_xlsx)
        .service(awards::export::export_nomination_dossier)
        .service(awards::export::export_award_decision_docx)
        .service(awards::nominations::list_nominations)
        .service(awards::nominations::preview_nomination_eligibility)
        .service(awards::nominations::create_nomination)
        .service(awards::nominations::get_nomination)
        .service(awards::nominations::update_nomination)
        .service(awards::nominations::delete_nomination)
        .service(awards::nominations::submit_nomination)
        .service(awards::nominations::approve_nomination)
        .service(awards::nominations::reject_nomination)
        .service(awards::nominations::override_nomination_rule)
        .service(awards::decisions::create_award_decision)
        .service(awards::decisions::list_award_decisions)
        .service(awards::decisions::get_award_decision)
        .service(awards::decisions::list_user_awards)
        .service(awards::decisions::list_organization_awards)
        .service(awards::showcase::list_showcase)
        .service(awards::showcase::get_showcase_model)
        .service(awards::showcase::download_showcase_file)
        .service(awards::showcase::publish_showcase_model)
        .service(awards::showcase::update_showcase_model)
        .service(awards::replications::list_replications)
        .service(awards::replications::create_replication)
        .service(awards::replications::get_replication)
        .service(awards::replications::update_replication);
}

/// Writes the audit row of a mutation; call it inside the mutation's transaction.
pub async fn audit(
    conn: &mut AsyncPgConnection,
    actor: Option<Uuid>,
    action: &str,
    entity_type: &str,
    entity_id: Option<Uuid>,
    organization_id: Option<Uuid>,
    details: serde_json::Value,
) -> Result<(), ApiError> {
    audit::record(
        conn,
        NewAuditEntry {
            actor_user_id: actor,
            action: action.to_string(),
            entity_type: entity_type.to_string(),
            entity_id,
            organization_id,
            request_id: context::request_id(),
            details,
        },
    )
    .await?;
    Ok(())
}

/// Today in Vietnam.
pub fn today() -> chrono::NaiveDate {
    thidua_domain::deadline::vietnam_date(chrono::Utc::now())
}
