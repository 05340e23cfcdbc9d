-- City-scale data for `make bench`, on top of a migrated and demo-seeded database.
--
--   psql -v ON_ERROR_STOP=1 -v n_orgs=5000 -v n_wards=50 -v n_users=20000 \
--        -v n_initiatives=200000 -v n_steps=5 -f scripts/bench/generate.sql DATABASE_URL
--
-- Everything lands under the district 'Q1' (the reach of the demo authority officer
-- noivu.quan1): n_wards wards, then the other units spread over them. Users are spread
-- over all generated units (round robin); each initiative is carried out by a random unit
-- and authored (100 %) by one of that unit's users. 90 % belong to campaign 175/KH-UBND.
--
-- Identifiers are md5-derived UUIDs of a row number ('thidua-bench-initiative-42' …), so
-- that pgbench scripts can pick a random existing initiative without a lookup table.
-- Texts are drawn from Vietnamese word lists so that full-text search has real work.
-- Must run as a superuser: foreign-key triggers are skipped (session_replication_role)
-- while the generated rows, consistent by construction, are inserted.

\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SELECT setseed(0.2023);

\timing on

BEGIN;

-- ── organisations: wards under Q1, then units under the wards ───────────────
CREATE TEMP TABLE bench_anchor AS
SELECT (SELECT id FROM organizations WHERE code = 'Q1') AS q1,
       (SELECT id FROM campaigns WHERE code = '175/KH-UBND' ORDER BY year DESC LIMIT 1) AS campaign,
       (SELECT id FROM campaigns WHERE code <> '175/KH-UBND' ORDER BY year DESC, code LIMIT 1) AS other_campaign,
       (SELECT password_hash FROM users WHERE username = 'admin') AS password_hash;

DO $$
BEGIN
    IF (SELECT q1 IS NULL OR campaign IS NULL OR password_hash IS NULL FROM bench_anchor) THEN
        RAISE EXCEPTION 'run `thidua seed-demo` first: Q1, campaign 175/KH-UBND or admin missing';
    END IF;
END;
$$;

INSERT INTO organizations (id, code, name, short_name, kind, parent_id, valid_from)
SELECT md5('thidua-bench-org-' || n)::uuid,
       format('BQ1-W%s', lpad(n::text, 3, '0')),
       format('Ủy ban nhân dân Phường %s (Quận 1, dữ liệu thử tải)', n),
       format('UBND P.%s', n),
       'ward', a.q1, DATE '2020-01-01'
  FROM generate_series(1, :n_wards) AS n, bench_anchor a;

INSERT INTO organizations (id, code, name, short_name, kind, parent_id, valid_from)
SELECT md5('thidua-bench-org-' || n)::uuid,
       format('BQ1-U%s', lpad(n::text, 5, '0')),
       format('%s %s', k.prefix, n),
       NULL,
       k.kind,
       md5('thidua-bench-org-' || (1 + n % :n_wards))::uuid,
       DATE '2020-01-01'
  FROM generate_series(:n_wards + 1, :n_orgs) AS n
  JOIN (VALUES (0, 'school', 'Trường Tiểu học số'),
               (1, 'school', 'Trường Mầm non số'),
               (2, 'school', 'Trường Trung học cơ sở số'),
               (3, 'public_service_unit', 'Trạm Y tế số'),
               (4, 'public_service_unit', 'Trung tâm Văn hóa - Thể thao số'),
               (5, 'agency', 'Bộ phận Một cửa số'),
               (6, 'department', 'Tổ chuyên môn số')) AS k (i, kind, prefix)
    ON k.i = n % 7;

-- From here on the rows reference only rows that exist: skip the foreign-key triggers
-- (the organisation path trigger above had to run, so this comes after it).
SET LOCAL session_replication_role = replica;

-- Secondary indexes are cheaper built once at the end than maintained row by row (the GIN
-- index over the search vectors above all): set their definitions aside and drop them.
CREATE TEMP TABLE bench_indexes AS
SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def
  FROM pg_index
 WHERE indrelid IN ('users'::regclass, 'initiatives'::regclass,
                    'initiative_authors'::regclass, 'initiative_milestones'::regclass)
   AND NOT indisprimary AND NOT indisunique;

DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT name FROM bench_indexes LOOP
        EXECUTE format('DROP INDEX %s', r.name);
    END LOOP;
END;
$$;

-- ── users: round robin over the generated units ──────────────────────────────
INSERT INTO users (id, username, display_name, email, position, organization_id, password_hash)
SELECT md5('thidua-bench-user-' || n)::uuid,
       format('bench.u%s', lpad(n::text, 6, '0')),
       (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng',
              'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'])[1 + n % 16]
         || ' ' || (ARRAY['Thị', 'Văn', 'Minh', 'Ngọc', 'Thanh', 'Hoài', 'Quốc', 'Thu'])[1 + n / 16 % 8]
         || ' ' || (ARRAY['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng',
                          'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Phương',
                          'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy'])[1 + n / 128 % 25],
       format('bench.u%s@example.invalid', lpad(n::text, 6, '0')),
       (ARRAY['Chuyên viên', 'Giáo viên', 'Kế toán', 'Văn thư', 'Phó Trưởng', 'Trưởng bộ phận'])[1 + n % 6],
       md5('thidua-bench-org-' || (1 + (n - 1) % :n_orgs))::uuid,
       a.password_hash
  FROM generate_series(1, :n_users) AS n, bench_anchor a;

-- ── initiatives ───────────────────────────────────────────────────────────────
CREATE TEMP TABLE bench_words AS
SELECT ARRAY['Cải cách', 'Số hóa', 'Đơn giản hóa', 'Ứng dụng công nghệ thông tin trong',
             'Nâng cao chất lượng', 'Rút ngắn thời gian', 'Chuẩn hóa', 'Công khai, minh bạch',
             'Tăng cường kiểm soát', 'Đổi mới', 'Tự động hóa', 'Liên thông'] AS actions,
       ARRAY['thủ tục hành chính', 'hồ sơ học sinh', 'tiếp nhận và trả kết quả',
             'dịch vụ công trực tuyến', 'thanh toán học phí không dùng tiền mặt',
             'chứng thực bản sao', 'đăng ký hộ tịch', 'cấp giấy phép xây dựng',
             'lưu trữ hồ sơ điện tử', 'quản lý tài sản công', 'tuyển sinh đầu cấp',
             'khám chữa bệnh ban đầu', 'quản lý văn bản đi đến', 'đánh giá cán bộ, công chức',
             'giải quyết phản ánh, kiến nghị', 'quy trình nội bộ', 'cấp phiếu lý lịch tư pháp',
             'quản lý thu chi ngân sách'] AS objects,
       ARRAY['theo mô hình một cửa', 'trên nền tảng số', 'bằng mã QR', 'qua Cổng dịch vụ công',
             'tại bộ phận một cửa', 'cho người dân và doanh nghiệp', 'trong nhà trường',
             'qua ứng dụng di động', 'theo tiêu chuẩn ISO 9001', 'không giấy tờ',
             'với chữ ký số', 'trên địa bàn phường'] AS qualifiers,
       ARRAY['Hồ sơ còn nộp bằng giấy, phải đi lại nhiều lần', 'Thời gian giải quyết kéo dài, trễ hạn',
             'Người dân chưa nắm rõ quy trình', 'Dữ liệu phân tán, nhập liệu trùng lặp',
             'Thiếu công cụ theo dõi tiến độ', 'Tỷ lệ hồ sơ trực tuyến còn thấp',
             'Khâu luân chuyển nội bộ mất nhiều thời gian', 'Chi phí in ấn, lưu trữ lớn'] AS problems,
       ARRAY['giảm thời gian chờ đợi của người dân', 'tăng tỷ lệ hồ sơ trực tuyến toàn trình',
             'nâng cao sự hài lòng của người dân', 'tiết kiệm chi phí hành chính',
             'bảo đảm công khai, minh bạch', 'rút ngắn thời gian xử lý hồ sơ'] AS goals;

INSERT INTO initiatives (id, campaign_id, organization_id, kind, reform_area, title, summary,
                         problem, objectives, approach, expected_results, starts_on, ends_on,
                         collective, status, created_by, version, created_at, updated_at)
SELECT md5('thidua-bench-initiative-' || g.n)::uuid,
       CASE WHEN g.r_campaign < 0.9 OR a.other_campaign IS NULL THEN a.campaign
            ELSE a.other_campaign END,
       md5('thidua-bench-org-' || g.unit)::uuid,
       (ARRAY['work', 'model', 'solution', 'initiative', 'good_practice'])[1 + floor(random() * 5)::int],
       (ARRAY['institutions', 'administrative_procedures', 'state_apparatus', 'civil_service',
              'public_finance', 'digital_government'])[1 + floor(random() * 6)::int],
       format('%s %s %s', g.action, g.object, g.qualifier),
       format('%s %s %s nhằm %s. Đơn vị %s, %s.',
              g.action, g.object, g.qualifier, g.goal,
              lower(w.actions[1 + floor(random() * 12)::int]),
              w.objects[1 + floor(random() * 18)::int]),
       format('%s. %s khi thực hiện %s.', g.problem,
              w.problems[1 + floor(random() * 8)::int], g.object),
       format('Nhằm %s.', g.goal),
       format('Triển khai %s, phân công rõ trách nhiệm, kiểm tra định kỳ.', g.qualifier),
       format('Giảm 30%% thời gian xử lý %s.', g.object),
       g.starts_on,
       g.starts_on + 180 + floor(random() * 360)::int,
       false,
       CASE WHEN g.r_status < 0.10 THEN 'draft'
            WHEN g.r_status < 0.18 THEN 'submitted'
            WHEN g.r_status < 0.21 THEN 'returned'
            WHEN g.r_status < 0.36 THEN 'registered'
            WHEN g.r_status < 0.71 THEN 'in_progress'
            WHEN g.r_status < 0.83 THEN 'completed'
            WHEN g.r_status < 0.93 THEN 'accepted'
            WHEN g.r_status < 0.97 THEN 'not_accepted'
            ELSE 'withdrawn' END,
       md5('thidua-bench-user-' || (g.unit + :n_orgs * floor(random() * (:n_users / :n_orgs))::int))::uuid,
       1,
       g.created_at,
       g.created_at
  FROM (SELECT n,
               1 + floor(random() * :n_orgs)::int AS unit,
               random() AS r_campaign,
               random() AS r_status,
               current_date - floor(random() * 540)::int AS starts_on,
               now() - random() * interval '730 days' AS created_at,
               w.actions[1 + floor(random() * 12)::int] AS action,
               w.objects[1 + floor(random() * 18)::int] AS object,
               w.qualifiers[1 + floor(random() * 12)::int] AS qualifier,
               w.problems[1 + floor(random() * 8)::int] AS problem,
               w.goals[1 + floor(random() * 6)::int] AS goal
          FROM generate_series(1, :n_initiatives) AS n, bench_words w) AS g,
       bench_anchor a, bench_words w;

INSERT INTO initiative_authors (initiative_id, user_id, contribution_pct, sort_order)
SELECT id, created_by, 100, 0
  FROM initiatives
 WHERE id IN (SELECT md5('thidua-bench-initiative-' || n)::uuid
                FROM generate_series(1, :n_initiatives) AS n);

-- ── roadmaps: n_steps steps spread over each initiative's period ─────────────
-- Finished initiatives have every step done; those under way have most past steps done
-- (the others are overdue) and some progress on the next ones; the rest have none done.
INSERT INTO initiative_milestones (id, initiative_id, title, due_on, done_on, progress, sort_order)
SELECT md5('thidua-bench-step-' || i.id || '-' || s)::uuid,
       i.id,
       (ARRAY['Khảo sát thực trạng', 'Xây dựng kế hoạch, quy trình', 'Triển khai thí điểm',
              'Đánh giá, điều chỉnh', 'Tổng kết, đề xuất nhân rộng'])[1 + (s - 1) % 5],
       d.due_on,
       CASE WHEN i.status IN ('completed', 'accepted', 'not_accepted') THEN d.due_on - d.early
            WHEN i.status IN ('registered', 'in_progress') AND d.due_on < current_date
                 AND d.r < 0.75 THEN d.due_on - d.early END,
       CASE WHEN i.status IN ('completed', 'accepted', 'not_accepted') THEN 100
            WHEN i.status IN ('registered', 'in_progress') AND d.due_on < current_date
                 AND d.r < 0.75 THEN 100
            WHEN i.status = 'in_progress' THEN floor(d.r * 90)::int
            ELSE 0 END,
       s - 1
  FROM initiatives i
 CROSS JOIN generate_series(1, :n_steps) AS s
 CROSS JOIN LATERAL (SELECT i.starts_on + (i.ends_on - i.starts_on) * s / :n_steps AS due_on,
                            floor(random() * 10)::int AS early,
                            random() AS r) AS d
 WHERE i.id IN (SELECT md5('thidua-bench-initiative-' || n)::uuid
                  FROM generate_series(1, :n_initiatives) AS n);

-- Each initiative's roadmap summary (migration 000004), which the trigger skipped in
-- replica mode would otherwise keep.
UPDATE initiatives i
   SET roadmap_progress = s.progress, open_due_dates = s.open
  FROM (SELECT initiative_id,
               avg(CASE WHEN done_on IS NOT NULL THEN 100
                        ELSE least(greatest(progress, 0), 100) END)::double precision AS progress,
               COALESCE(array_agg(due_on ORDER BY due_on) FILTER (WHERE done_on IS NULL),
                        '{}') AS open
          FROM initiative_milestones
         GROUP BY initiative_id) s
 WHERE i.id = s.initiative_id;

DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT def FROM bench_indexes LOOP
        EXECUTE r.def;
    END LOOP;
END;
$$;

COMMIT;

ANALYZE;

SELECT (SELECT count(*) FROM organizations) AS organizations,
       (SELECT count(*) FROM users) AS users,
       (SELECT count(*) FROM initiatives) AS initiatives,
       (SELECT count(*) FROM initiative_authors) AS authors,
       (SELECT count(*) FROM initiative_milestones) AS milestones,
       (SELECT count(*) FROM initiative_milestones
         WHERE done_on IS NULL AND due_on < current_date) AS overdue_steps;
