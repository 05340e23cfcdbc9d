-- Evaluation (SPEC §6): criteria sets (catalogue data, versioned), rounds of a committee over
-- a campaign's initiatives, the evaluators assigned to each, their score sheets, and the
-- committee's decisions with their votes.

-- A set is never changed once a round uses it: a new version is a new row.
CREATE TABLE criteria_sets (
    id          uuid PRIMARY KEY,
    code        text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{1,63}$'),
    version     integer NOT NULL CHECK (version >= 1),
    name_vi     text NOT NULL CHECK (length(btrim(name_vi)) > 0),
    name_en     text NOT NULL CHECK (length(btrim(name_en)) > 0),
    -- [{code, name_vi, name_en, guidance_vi, max_points, weight, gate}], in order.
    criteria    jsonb NOT NULL CHECK (jsonb_typeof(criteria) = 'array' AND jsonb_array_length(criteria) > 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (code, version)
);

INSERT INTO criteria_sets (id, code, version, name_vi, name_en, criteria) VALUES
('018c5e2a-0000-7000-8000-000000000001', 'seed-selection', 1,
 'Tiêu chí lựa chọn mô hình, giải pháp, sáng kiến tiêu biểu về cải cách hành chính (mục III.1)',
 'Selection criteria for typical administrative-reform models and initiatives (§III.1)',
 '[
  {"code": "legality", "name_vi": "Bảo đảm tính hợp pháp, hiệu quả", "name_en": "Legality and effectiveness",
   "guidance_vi": "Được cơ quan phụ trách lĩnh vực chuyên ngành và cơ quan có thẩm quyền công nhận là hợp pháp, hiệu quả theo quy định pháp luật của từng lĩnh vực. Không đạt thì không xét tiếp.",
   "max_points": 0, "weight": 0, "gate": true},
  {"code": "solves_problems", "name_vi": "Giải quyết các vấn đề đặt ra", "name_en": "Solves the problems posed",
   "guidance_vi": "Mức độ giải quyết các vấn đề, khó khăn, vướng mắc đã nêu khi đăng ký; có số liệu trước và sau khi áp dụng.",
   "max_points": 30, "weight": 1, "gate": false},
  {"code": "social_impact", "name_vi": "Tác động về mặt xã hội", "name_en": "Social impact",
   "guidance_vi": "Tác động tới người dân, doanh nghiệp: thời gian, chi phí, sự hài lòng; phạm vi người được hưởng lợi.",
   "max_points": 25, "weight": 1, "gate": false},
  {"code": "superiority", "name_vi": "Tính vượt trội, lợi thế cạnh tranh", "name_en": "Superiority and competitive advantage",
   "guidance_vi": "So với cách làm trước đây và của đơn vị khác: nhanh hơn, rẻ hơn, đơn giản hơn, minh bạch hơn.",
   "max_points": 25, "weight": 1, "gate": false},
  {"code": "future_development", "name_vi": "Sự phát triển trong tương lai", "name_en": "Future development",
   "guidance_vi": "Khả năng duy trì, mở rộng và nhân rộng ra các đơn vị khác.",
   "max_points": 20, "weight": 1, "gate": false}
 ]'::jsonb),
('018c5e2a-0000-7000-8000-000000000002', 'hcmc-creativity-award-field3', 1,
 'Giải thưởng Sáng tạo Thành phố Hồ Chí Minh — Lĩnh vực 3: Quản lý nhà nước',
 'Ho Chi Minh City Creativity Award — field 3: state management',
 '[
  {"code": "urgency_objectives", "name_vi": "Tính cấp thiết, mục tiêu và giải pháp", "name_en": "Urgency, objectives and solutions",
   "guidance_vi": "Vấn đề đặt ra có cấp thiết không; mục tiêu rõ ràng, giải pháp phù hợp với mục tiêu.",
   "max_points": 15, "weight": 1, "gate": false},
  {"code": "solves_problems", "name_vi": "Mức độ giải quyết vấn đề đặt ra", "name_en": "How well it solves the problems",
   "guidance_vi": "Kết quả đo được so với mục tiêu; vấn đề được giải quyết đến đâu.",
   "max_points": 15, "weight": 1, "gate": false},
  {"code": "novelty", "name_vi": "Tính mới, tính sáng tạo", "name_en": "Novelty and creativity",
   "guidance_vi": "Lần đầu áp dụng tại Thành phố hoặc cải tiến rõ rệt so với cách làm hiện có.",
   "max_points": 20, "weight": 1, "gate": false},
  {"code": "effectiveness", "name_vi": "Hiệu quả và khả năng ứng dụng", "name_en": "Effectiveness and application",
   "guidance_vi": "Hiệu quả kinh tế - xã hội đã được kiểm chứng; điều kiện để áp dụng ở nơi khác.",
   "max_points": 20, "weight": 1, "gate": false},
  {"code": "social_impact", "name_vi": "Tác động xã hội", "name_en": "Social impact",
   "guidance_vi": "Số người, doanh nghiệp được hưởng lợi; mức độ hài lòng.",
   "max_points": 10, "weight": 1, "gate": false},
  {"code": "advantages", "name_vi": "Lợi thế so với giải pháp khác", "name_en": "Advantages over other solutions",
   "guidance_vi": "Chi phí, thời gian, nguồn lực so với các giải pháp tương tự.",
   "max_points": 10, "weight": 1, "gate": false},
  {"code": "future_development", "name_vi": "Khả năng phát triển trong tương lai", "name_en": "Future development",
   "guidance_vi": "Khả năng duy trì, mở rộng, nhân rộng.",
   "max_points": 10, "weight": 1, "gate": false}
 ]'::jsonb);

CREATE TABLE evaluation_rounds (
    id                    uuid PRIMARY KEY,
    campaign_id           uuid NOT NULL REFERENCES campaigns (id),
    level                 text NOT NULL CHECK (level IN ('unit_committee', 'authority_committee',
                                                         'award_preselection')),
    -- The organisation whose committee it is.
    organization_id       uuid NOT NULL REFERENCES organizations (id),
    title                 text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
    -- The version the round started with, kept whatever the catalogue becomes.
    criteria_set_id       uuid NOT NULL REFERENCES criteria_sets (id),
    aggregation           text NOT NULL DEFAULT 'mean'
        CHECK (aggregation IN ('mean', 'median', 'trimmed_mean')),
    evaluators_per_initiative integer NOT NULL DEFAULT 3 CHECK (evaluators_per_initiative BETWEEN 1 AND 20),
    scoring_opens_on      date NOT NULL,
    scoring_closes_on     date NOT NULL CHECK (scoring_closes_on >= scoring_opens_on),
    -- The meeting the minutes record.
    meeting_on            date,
    meeting_place         text,
    status                text NOT NULL DEFAULT 'setup'
        CHECK (status IN ('setup', 'scoring', 'closed', 'published')),
    version               integer NOT NULL DEFAULT 1,
    created_by            uuid NOT NULL REFERENCES users (id),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evaluation_rounds_campaign_idx ON evaluation_rounds (campaign_id, created_at DESC);
CREATE INDEX evaluation_rounds_organization_idx ON evaluation_rounds (organization_id);

-- The committee: one chair, a secretary, members (the chair and secretary are members too).
CREATE TABLE round_members (
    round_id    uuid NOT NULL REFERENCES evaluation_rounds (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id),
    role        text NOT NULL CHECK (role IN ('chair', 'secretary', 'member')),
    PRIMARY KEY (round_id, user_id)
);
CREATE UNIQUE INDEX round_members_one_chair ON round_members (round_id) WHERE role = 'chair';
CREATE UNIQUE INDEX round_members_one_secretary ON round_members (round_id) WHERE role = 'secretary';
CREATE INDEX round_members_user_idx ON round_members (user_id);

-- An initiative in a round, and what the committee decided about it.
CREATE TABLE round_entries (
    id                  uuid PRIMARY KEY,
    round_id            uuid NOT NULL REFERENCES evaluation_rounds (id) ON DELETE CASCADE,
    initiative_id       uuid NOT NULL REFERENCES initiatives (id),
    -- Registration order, the last tie-break of the ranking.
    sort_order          bigint NOT NULL,
    added_by            uuid NOT NULL REFERENCES users (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    decision            text CHECK (decision IN ('accepted', 'not_accepted')),
    selected_for_award  boolean NOT NULL DEFAULT false,
    votes_for           integer CHECK (votes_for >= 0),
    votes_against       integer CHECK (votes_against >= 0),
    votes_abstain       integer CHECK (votes_abstain >= 0),
    decision_note       text,
    decided_by          uuid REFERENCES users (id),
    decided_at          timestamptz,
    UNIQUE (round_id, initiative_id)
);

-- An evaluator assigned to an entry; recused when they declared a conflict.
CREATE TABLE round_assignments (
    id              uuid PRIMARY KEY,
    entry_id        uuid NOT NULL REFERENCES round_entries (id) ON DELETE CASCADE,
    evaluator_id    uuid NOT NULL REFERENCES users (id),
    assigned_by     uuid NOT NULL REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    recused_at      timestamptz,
    conflict_note   text,
    UNIQUE (entry_id, evaluator_id)
);
CREATE INDEX round_assignments_evaluator_idx ON round_assignments (evaluator_id);

-- The evaluator's sheet: a draft until submitted (then locked unless the chair reopens it).
CREATE TABLE score_sheets (
    assignment_id     uuid PRIMARY KEY REFERENCES round_assignments (id) ON DELETE CASCADE,
    -- {criterion code: points}, {gate code: passed}, {criterion code: comment}.
    scores            jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(scores) = 'object'),
    gates             jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(gates) = 'object'),
    comments          jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(comments) = 'object'),
    overall_comment   text,
    status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    submitted_at      timestamptz,
    reopened_reason   text,
    version           integer NOT NULL DEFAULT 1,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
