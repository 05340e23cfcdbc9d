// @generated automatically by Diesel CLI.

pub mod sql_types {
    #[derive(diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "tsvector", schema = "pg_catalog"))]
    pub struct Tsvector;
}

diesel::table! {
    audit_log (id) {
        id -> Int8,
        occurred_at -> Timestamptz,
        actor_user_id -> Nullable<Uuid>,
        action -> Text,
        entity_type -> Text,
        entity_id -> Nullable<Uuid>,
        organization_id -> Nullable<Uuid>,
        request_id -> Nullable<Text>,
        details -> Jsonb,
    }
}

diesel::table! {
    campaign_milestones (id) {
        id -> Uuid,
        campaign_id -> Uuid,
        kind -> Text,
        title -> Text,
        starts_on -> Nullable<Date>,
        due_on -> Date,
        late_policy -> Text,
        sort_order -> Int4,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    campaigns (id) {
        id -> Uuid,
        code -> Text,
        title -> Text,
        year -> Int4,
        theme -> Nullable<Text>,
        issued_on -> Date,
        organization_id -> Uuid,
        parent_campaign_id -> Nullable<Uuid>,
        status -> Text,
        content_items -> Jsonb,
        created_by -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        acceptance_evidence -> Jsonb,
    }
}

diesel::table! {
    criteria_sets (id) {
        id -> Uuid,
        code -> Text,
        version -> Int4,
        name_vi -> Text,
        name_en -> Text,
        criteria -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    deadline_extensions (id) {
        id -> Uuid,
        milestone_id -> Uuid,
        organization_id -> Uuid,
        due_on -> Date,
        reason -> Text,
        granted_by -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    evaluation_rounds (id) {
        id -> Uuid,
        campaign_id -> Uuid,
        level -> Text,
        organization_id -> Uuid,
        title -> Text,
        criteria_set_id -> Uuid,
        aggregation -> Text,
        evaluators_per_initiative -> Int4,
        scoring_opens_on -> Date,
        scoring_closes_on -> Date,
        meeting_on -> Nullable<Date>,
        meeting_place -> Nullable<Text>,
        status -> Text,
        version -> Int4,
        created_by -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        closed_at -> Nullable<Timestamptz>,
        closed_by -> Nullable<Uuid>,
        published_at -> Nullable<Timestamptz>,
        published_by -> Nullable<Uuid>,
    }
}

diesel::table! {
    file_blobs (sha256) {
        sha256 -> Bytea,
        size_bytes -> Int8,
        media_type -> Text,
        created_at -> Timestamptz,
        claimed_at -> Timestamptz,
    }
}

diesel::table! {
    files (id) {
        id -> Uuid,
        sha256 -> Bytea,
        original_name -> Text,
        category -> Text,
        organization_id -> Uuid,
        initiative_id -> Nullable<Uuid>,
        uploaded_by -> Uuid,
        created_at -> Timestamptz,
        locked_at -> Nullable<Timestamptz>,
        report_id -> Nullable<Uuid>,
        report_row_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    initiative_authors (initiative_id, user_id) {
        initiative_id -> Uuid,
        user_id -> Uuid,
        contribution_pct -> Int2,
        sort_order -> Int4,
    }
}

diesel::table! {
    initiative_milestones (id) {
        id -> Uuid,
        initiative_id -> Uuid,
        title -> Text,
        due_on -> Date,
        done_on -> Nullable<Date>,
        progress -> Int2,
        sort_order -> Int4,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    initiative_transitions (id) {
        id -> Int8,
        initiative_id -> Uuid,
        action -> Text,
        from_status -> Text,
        to_status -> Text,
        actor_user_id -> Uuid,
        reason -> Nullable<Text>,
        occurred_at -> Timestamptz,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::Tsvector;

    initiatives (id) {
        id -> Uuid,
        campaign_id -> Uuid,
        organization_id -> Uuid,
        kind -> Text,
        reform_area -> Text,
        title -> Text,
        summary -> Text,
        problem -> Text,
        objectives -> Text,
        approach -> Text,
        expected_results -> Text,
        starts_on -> Nullable<Date>,
        ends_on -> Nullable<Date>,
        collective -> Bool,
        status -> Text,
        created_by -> Uuid,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        search -> Nullable<Tsvector>,
        roadmap_progress -> Float8,
        open_due_dates -> Array<Nullable<Date>>,
    }
}

diesel::table! {
    login_throttles (username) {
        username -> Text,
        failures -> Int4,
        first_failure_at -> Timestamptz,
        locked_until -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    organization_kinds (code) {
        code -> Text,
        name_vi -> Text,
        name_en -> Text,
        sort_order -> Int4,
    }
}

diesel::table! {
    organizations (id) {
        id -> Uuid,
        code -> Text,
        name -> Text,
        short_name -> Nullable<Text>,
        kind -> Text,
        parent_id -> Nullable<Uuid>,
        path -> Array<Nullable<Uuid>>,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    reform_areas (code) {
        code -> Text,
        name_vi -> Text,
        name_en -> Text,
        sort_order -> Int4,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Uuid,
        family_id -> Uuid,
        user_id -> Uuid,
        token_hash -> Bytea,
        issued_at -> Timestamptz,
        expires_at -> Timestamptz,
        rotated_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    registration_commitments (id) {
        id -> Uuid,
        registration_id -> Uuid,
        shortcoming -> Text,
        commitment -> Text,
        target_date -> Nullable<Date>,
        status -> Text,
        sort_order -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    registration_versions (id) {
        id -> Uuid,
        registration_id -> Uuid,
        number -> Int4,
        submitted_at -> Timestamptz,
        submitted_by -> Uuid,
        late -> Bool,
        due_on -> Date,
        snapshot -> Jsonb,
        decision -> Nullable<Text>,
        decided_at -> Nullable<Timestamptz>,
        decided_by -> Nullable<Uuid>,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    registrations (id) {
        id -> Uuid,
        campaign_id -> Uuid,
        organization_id -> Uuid,
        status -> Text,
        submitted_versions -> Int4,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    report_rows (id) {
        id -> Uuid,
        report_id -> Uuid,
        initiative_id -> Nullable<Uuid>,
        indicator -> Text,
        unit_of_measure -> Nullable<Text>,
        baseline -> Nullable<Float8>,
        target -> Nullable<Float8>,
        actual -> Nullable<Float8>,
        status_note -> Nullable<Text>,
        sort_order -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    report_versions (id) {
        id -> Uuid,
        report_id -> Uuid,
        number -> Int4,
        submitted_at -> Timestamptz,
        submitted_by -> Uuid,
        late -> Bool,
        due_on -> Date,
        snapshot -> Jsonb,
        decision -> Nullable<Text>,
        decided_at -> Nullable<Timestamptz>,
        decided_by -> Nullable<Uuid>,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    reports (id) {
        id -> Uuid,
        kind -> Text,
        campaign_id -> Uuid,
        organization_id -> Uuid,
        milestone_id -> Uuid,
        initiative_id -> Nullable<Uuid>,
        title -> Text,
        sections -> Jsonb,
        status -> Text,
        submitted_versions -> Int4,
        version -> Int4,
        created_by -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    round_assignments (id) {
        id -> Uuid,
        entry_id -> Uuid,
        evaluator_id -> Uuid,
        assigned_by -> Uuid,
        created_at -> Timestamptz,
        recused_at -> Nullable<Timestamptz>,
        conflict_note -> Nullable<Text>,
        reminded_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    round_entries (id) {
        id -> Uuid,
        round_id -> Uuid,
        initiative_id -> Uuid,
        sort_order -> Int8,
        added_by -> Uuid,
        created_at -> Timestamptz,
        decision -> Nullable<Text>,
        selected_for_award -> Bool,
        votes_for -> Nullable<Int4>,
        votes_against -> Nullable<Int4>,
        votes_abstain -> Nullable<Int4>,
        decision_note -> Nullable<Text>,
        decided_by -> Nullable<Uuid>,
        decided_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    round_members (round_id, user_id) {
        round_id -> Uuid,
        user_id -> Uuid,
        role -> Text,
        present -> Nullable<Bool>,
    }
}

diesel::table! {
    role_grants (id) {
        id -> Uuid,
        user_id -> Uuid,
        role -> Text,
        organization_id -> Uuid,
        granted_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    score_sheets (assignment_id) {
        assignment_id -> Uuid,
        scores -> Jsonb,
        gates -> Jsonb,
        comments -> Jsonb,
        overall_comment -> Nullable<Text>,
        status -> Text,
        submitted_at -> Nullable<Timestamptz>,
        reopened_reason -> Nullable<Text>,
        version -> Int4,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        username -> Text,
        display_name -> Text,
        email -> Nullable<Text>,
        position -> Nullable<Text>,
        organization_id -> Uuid,
        password_hash -> Text,
        is_active -> Bool,
        password_changed_at -> Timestamptz,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    award_forms (id) {
        id -> Uuid,
        code -> Text,
        name_vi -> Text,
        name_en -> Text,
        level -> Text,
        granting_authority -> Text,
        granting_organization_id -> Nullable<Uuid>,
        nominee_kinds -> Array<Nullable<Text>>,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        deadline_month -> Nullable<Int2>,
        deadline_day -> Nullable<Int2>,
        sort_order -> Int4,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    staff_ratings (id) {
        id -> Uuid,
        user_id -> Uuid,
        year -> Int4,
        period -> Text,
        rating -> Text,
        note -> Nullable<Text>,
        recorded_by -> Uuid,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    unit_ratings (id) {
        id -> Uuid,
        organization_id -> Uuid,
        year -> Int4,
        rating -> Text,
        decision_ref -> Nullable<Text>,
        note -> Nullable<Text>,
        recorded_by -> Uuid,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    violation_records (id) {
        id -> Uuid,
        user_id -> Uuid,
        occurred_on -> Date,
        kind -> Text,
        description -> Text,
        discipline -> Text,
        decision_ref -> Nullable<Text>,
        decided_on -> Nullable<Date>,
        recorded_by -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    award_decisions (id) {
        id -> Uuid,
        number -> Text,
        signed_on -> Date,
        signer_name -> Text,
        signer_title -> Text,
        organization_id -> Uuid,
        ceremony_on -> Nullable<Date>,
        ceremony_note -> Nullable<Text>,
        created_by -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    nominations (id) {
        id -> Uuid,
        award_form_id -> Uuid,
        year -> Int4,
        nominee_kind -> Text,
        initiative_id -> Nullable<Uuid>,
        nominee_user_id -> Nullable<Uuid>,
        nominee_organization_id -> Nullable<Uuid>,
        organization_id -> Uuid,
        proposal -> Text,
        achievements -> Text,
        status -> Text,
        submitted_at -> Nullable<Timestamptz>,
        submitted_by -> Nullable<Uuid>,
        submitted_on -> Nullable<Date>,
        reviewed_at -> Nullable<Timestamptz>,
        reviewed_by -> Nullable<Uuid>,
        rejection_reason -> Nullable<Text>,
        override_rule -> Nullable<Text>,
        override_reason -> Nullable<Text>,
        override_by -> Nullable<Uuid>,
        override_at -> Nullable<Timestamptz>,
        award_decision_id -> Nullable<Uuid>,
        version -> Int4,
        created_by -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    nomination_files (nomination_id, file_id) {
        nomination_id -> Uuid,
        file_id -> Uuid,
        sort_order -> Int4,
    }
}

diesel::table! {
    showcase_models (id) {
        id -> Uuid,
        initiative_id -> Uuid,
        summary -> Text,
        results -> Text,
        recognized_on -> Date,
        published_by -> Uuid,
        published_at -> Timestamptz,
        search_text -> Text,
    }
}

diesel::table! {
    showcase_files (model_id, file_id) {
        model_id -> Uuid,
        file_id -> Uuid,
        caption -> Nullable<Text>,
        sort_order -> Int4,
    }
}

diesel::table! {
    replications (id) {
        id -> Uuid,
        model_id -> Uuid,
        organization_id -> Uuid,
        planned_from -> Date,
        planned_to -> Date,
        status -> Text,
        adaptation_notes -> Text,
        figures -> Jsonb,
        version -> Int4,
        created_by -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(campaign_milestones -> campaigns (campaign_id));
diesel::joinable!(campaigns -> organizations (organization_id));
diesel::joinable!(campaigns -> users (created_by));
diesel::joinable!(deadline_extensions -> campaign_milestones (milestone_id));
diesel::joinable!(deadline_extensions -> organizations (organization_id));
diesel::joinable!(deadline_extensions -> users (granted_by));
diesel::joinable!(evaluation_rounds -> campaigns (campaign_id));
diesel::joinable!(evaluation_rounds -> criteria_sets (criteria_set_id));
diesel::joinable!(evaluation_rounds -> organizations (organization_id));
diesel::joinable!(files -> file_blobs (sha256));
diesel::joinable!(files -> initiatives (initiative_id));
diesel::joinable!(files -> organizations (organization_id));
diesel::joinable!(files -> report_rows (report_row_id));
diesel::joinable!(files -> reports (report_id));
diesel::joinable!(files -> users (uploaded_by));
diesel::joinable!(initiative_authors -> initiatives (initiative_id));
diesel::joinable!(initiative_authors -> users (user_id));
diesel::joinable!(initiative_milestones -> initiatives (initiative_id));
diesel::joinable!(initiative_transitions -> initiatives (initiative_id));
diesel::joinable!(initiative_transitions -> users (actor_user_id));
diesel::joinable!(initiatives -> campaigns (campaign_id));
diesel::joinable!(initiatives -> organizations (organization_id));
diesel::joinable!(initiatives -> reform_areas (reform_area));
diesel::joinable!(initiatives -> users (created_by));
diesel::joinable!(organizations -> organization_kinds (kind));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(registration_commitments -> registrations (registration_id));
diesel::joinable!(registration_versions -> registrations (registration_id));
diesel::joinable!(registrations -> campaigns (campaign_id));
diesel::joinable!(registrations -> organizations (organization_id));
diesel::joinable!(report_rows -> initiatives (initiative_id));
diesel::joinable!(report_rows -> reports (report_id));
diesel::joinable!(report_versions -> reports (report_id));
diesel::joinable!(reports -> campaign_milestones (milestone_id));
diesel::joinable!(reports -> campaigns (campaign_id));
diesel::joinable!(reports -> initiatives (initiative_id));
diesel::joinable!(reports -> organizations (organization_id));
diesel::joinable!(reports -> users (created_by));
diesel::joinable!(round_assignments -> round_entries (entry_id));
diesel::joinable!(round_entries -> evaluation_rounds (round_id));
diesel::joinable!(round_entries -> initiatives (initiative_id));
diesel::joinable!(round_members -> evaluation_rounds (round_id));
diesel::joinable!(round_members -> users (user_id));
diesel::joinable!(score_sheets -> round_assignments (assignment_id));
diesel::joinable!(role_grants -> organizations (organization_id));
diesel::joinable!(users -> organizations (organization_id));
diesel::joinable!(nominations -> award_forms (award_form_id));
diesel::joinable!(nominations -> award_decisions (award_decision_id));
diesel::joinable!(nomination_files -> nominations (nomination_id));
diesel::joinable!(nomination_files -> files (file_id));
diesel::joinable!(showcase_models -> initiatives (initiative_id));
diesel::joinable!(showcase_files -> showcase_models (model_id));
diesel::joinable!(showcase_files -> files (file_id));
diesel::joinable!(replications -> showcase_models (model_id));
diesel::joinable!(replications -> organizations (organization_id));
diesel::joinable!(unit_ratings -> organizations (organization_id));

diesel::allow_tables_to_appear_in_same_query!(
    audit_log,
    award_decisions,
    award_forms,
    campaign_milestones,
    campaigns,
    criteria_sets,
    deadline_extensions,
    evaluation_rounds,
    file_blobs,
    files,
    initiative_authors,
    initiative_milestones,
    initiative_transitions,
    initiatives,
    login_throttles,
    nomination_files,
    nominations,
    organization_kinds,
    organizations,
    reform_areas,
    replications,
    refresh_tokens,
    registration_commitments,
    registration_versions,
    registrations,
    report_rows,
    report_versions,
    reports,
    role_grants,
    round_assignments,
    round_entries,
    round_members,
    score_sheets,
    showcase_files,
    showcase_models,
    staff_ratings,
    unit_ratings,
    users,
    violation_records,
);
