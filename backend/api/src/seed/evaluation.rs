//! Demo evaluation rounds: the district's 2023 committee round, finished and published (two
//! models accepted and proposed for an award, one not accepted for a failed legality gate),
//! and Cô Giang's own committee round, open, with some sheets submitted, one drafted and
//! others still due.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Date, Integer, Jsonb, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use thidua_db::queries::{organizations as org_queries, users as user_queries};
use thidua_db::schema::{evaluation_rounds, initiatives};
use uuid::Uuid;

pub const DISTRICT_ROUND: &str =
    "Hội đồng đánh giá, nghiệm thu sáng kiến cải cách hành chính Quận 1 năm 2023";
pub const COGIANG_ROUND: &str =
    "Hội đồng xét chọn mô hình, sáng kiến tiêu biểu của Trường Mầm non Cô Giang năm học 2023–2024";

const SELECTION_SET: &str = "018c5e2a-0000-7000-8000-000000000001";

async fn user(conn: &mut AsyncPgConnection, name: &str) -> anyhow::Result<Uuid> {
    Ok(user_queries::find_by_username(conn, name)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no demo user {name}"))?
        .id)
}

async fn initiative(conn: &mut AsyncPgConnection, title: &str) -> anyhow::Result<Uuid> {
    Ok(initiatives::table
        .filter(initiatives::title.eq(title))
        .select(initiatives::id)
        .first(conn)
        .await?)
}

/// One sheet: the four scored criteria, the legality gate, comments.
struct DemoSheet {
    evaluator: &'static str,
    /// solves_problems, social_impact, superiority, future_development; `None`: still due.
    scores: Option<(u32, u32, u32, u32)>,
    legal: bool,
    submitted: bool,
    comment: &'static str,
}

struct DemoEntry {
    title: &'static str,
    sheets: &'static [DemoSheet],
    /// (accepted, selected for an award, votes for, against, abstain, the committee's note).
    decision: Option<(bool, bool, i32, i32, i32, &'static str)>,
}

const fn sheet(
    evaluator: &'static str,
    scores: (u32, u32, u32, u32),
    legal: bool,
    comment: &'static str,
) -> DemoSheet {
    DemoSheet {
        evaluator,
        scores: Some(scores),
        legal,
        submitted: true,
        comment,
    }
}

const DISTRICT_ENTRIES: &[DemoEntry] = &[
    DemoEntry {
        title: "Sổ liên lạc điện tử kết nối nhà trường và phụ huynh",
        sheets: &[
            sheet(
                "bcd.quan1.1",
                (26, 22, 20, 17),
                true,
                "Giảm rõ thời gian liên lạc, phụ huynh hài lòng.",
            ),
            sheet(
                "bcd.quan1.3",
                (27, 21, 19, 16),
                true,
                "Có số liệu trước và sau khi áp dụng.",
            ),
            sheet(
                "bcd.quan1.4",
                (25, 23, 21, 18),
                true,
                "Dễ nhân rộng cho các trường mầm non trong quận.",
            ),
        ],
        decision: Some((
            true,
            true,
            4,
            0,
            0,
            "Mô hình thiết thực, đề nghị khen thưởng và nhân rộng tại các trường mầm non.",
        )),
    },
    DemoEntry {
        title: "Thư viện số cho học sinh tiểu học",
        sheets: &[
            sheet(
                "bcd.quan1.1",
                (28, 23, 22, 18),
                true,
                "Lượt đọc sách tăng gấp đôi, có minh chứng đầy đủ.",
            ),
            sheet(
                "bcd.quan1.3",
                (27, 24, 21, 17),
                true,
                "Ứng dụng công nghệ phù hợp lứa tuổi.",
            ),
            sheet(
                "bcd.quan1.4",
                (29, 22, 23, 19),
                true,
                "Có thể kết nối thư viện số dùng chung của quận.",
            ),
        ],
        decision: Some((
            true,
            true,
            4,
            0,
            0,
            "Sáng kiến tiêu biểu, đề nghị Chủ tịch UBND Quận 1 tặng Giấy khen.",
        )),
    },
    DemoEntry {
        title: "Tra cứu kết quả học tập và xác nhận học sinh trực tuyến",
        sheets: &[
            sheet(
                "bcd.quan1.1",
                (25, 21, 19, 17),
                true,
                "Giảm mạnh số lượt phụ huynh phải đến trường.",
            ),
            sheet(
                "bcd.quan1.3",
                (24, 22, 20, 16),
                true,
                "Có số liệu trước và sau rõ ràng.",
            ),
            sheet(
                "bcd.quan1.4",
                (26, 20, 19, 18),
                true,
                "Nên chia sẻ cho các trường trung học cơ sở khác.",
            ),
        ],
        decision: Some((
            true,
            true,
            4,
            0,
            0,
            "Đạt; đề nghị Chủ tịch UBND Quận 1 tặng Giấy khen và nhân rộng.",
        )),
    },
    DemoEntry {
        title: "Tổ tư vấn thủ tục chuyển trường cho phụ huynh",
        sheets: &[
            sheet(
                "bcd.quan1.1",
                (18, 15, 12, 10),
                true,
                "Hữu ích nhưng kết quả chưa được đo lường.",
            ),
            sheet(
                "bcd.quan1.3",
                (17, 14, 11, 9),
                false,
                "Chưa có quyết định thành lập Tổ tư vấn theo đúng thẩm quyền.",
            ),
            sheet(
                "bcd.quan1.4",
                (19, 16, 13, 11),
                true,
                "Cần bổ sung số liệu hồ sơ được hỗ trợ.",
            ),
        ],
        decision: Some((
            false,
            false,
            4,
            0,
            0,
            "Chưa bảo đảm tính hợp pháp; đề nghị đơn vị hoàn thiện hồ sơ và đăng ký lại năm sau.",
        )),
    },
];

const COGIANG_ENTRIES: &[DemoEntry] = &[
    DemoEntry {
        title: "Mô hình \"Phụ huynh đồng hành\" giám sát bữa ăn bán trú",
        sheets: &[
            sheet(
                "congdoan.cogiang",
                (27, 22, 19, 17),
                true,
                "Phụ huynh tham gia đều đặn, có biên bản giám sát hằng tuần.",
            ),
            DemoSheet {
                evaluator: "giaovien.cogiang.3",
                scores: Some((25, 20, 0, 0)),
                legal: true,
                submitted: false,
                comment: "",
            },
            DemoSheet {
                evaluator: "giaovien.cogiang.4",
                scores: None,
                legal: true,
                submitted: false,
                comment: "",
            },
        ],
        decision: None,
    },
    DemoEntry {
        title: "Số hóa hồ sơ tuyển sinh mầm non trực tuyến",
        sheets: &[
            sheet(
                "congdoan.cogiang",
                (24, 20, 18, 16),
                true,
                "Đang triển khai tốt, cần số liệu cả năm học.",
            ),
            DemoSheet {
                evaluator: "giaovien.cogiang.3",
                scores: None,
                legal: true,
                submitted: false,
                comment: "",
            },
            DemoSheet {
                evaluator: "giaovien.cogiang.4",
                scores: None,
                legal: true,
                submitted: false,
                comment: "",
            },
        ],
        decision: None,
    },
];

struct DemoRound<'a> {
    title: &'a str,
    level: &'a str,
    org: Uuid,
    campaign: Uuid,
    opens: NaiveDate,
    closes: NaiveDate,
    meeting: NaiveDate,
    place: &'a str,
    created_by: Uuid,
    /// (username, role, present at the meeting).
    members: &'a [(&'a str, &'a str, Option<bool>)],
    entries: &'a [DemoEntry],
    /// (closed at, published at), by the chair; `None`: still scoring.
    finished: Option<(chrono::DateTime<Utc>, chrono::DateTime<Utc>)>,
    decided_by: &'a str,
}

async fn insert(conn: &mut AsyncPgConnection, r: &DemoRound<'_>) -> anyhow::Result<()> {
    let id = Uuid::now_v7();
    let chair = user(conn, r.members[0].0).await?;
    let (status, closed_at, published_at) = match r.finished {
        Some((c, p)) => ("published", Some(c), Some(p)),
        None => ("scoring", None, None),
    };
    diesel::sql_query(
        "INSERT INTO evaluation_rounds (id, campaign_id, level, organization_id, title, \
         criteria_set_id, aggregation, evaluators_per_initiative, scoring_opens_on, \
         scoring_closes_on, meeting_on, meeting_place, status, created_by, closed_at, closed_by, \
         published_at, published_by) \
         VALUES ($1, $2, $3, $4, $5, $6::uuid, 'mean', 3, $7, $8, $9, $10, $11, $12, $13, $14, $15, $14)",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<SqlUuid, _>(r.campaign)
    .bind::<Text, _>(r.level)
    .bind::<SqlUuid, _>(r.org)
    .bind::<Text, _>(r.title)
    .bind::<Text, _>(SELECTION_SET)
    .bind::<Date, _>(r.opens)
    .bind::<Date, _>(r.closes)
    .bind::<Date, _>(r.meeting)
    .bind::<Text, _>(r.place)
    .bind::<Text, _>(status)
    .bind::<SqlUuid, _>(r.created_by)
    .bind::<Nullable<Timestamptz>, _>(closed_at)
    .bind::<Nullable<SqlUuid>, _>(closed_at.map(|_| chair))
    .bind::<Nullable<Timestamptz>, _>(published_at)
    .execute(conn)
    .await?;
    for (name, role, present) in r.members {
        let u = user(conn, name).await?;
        diesel::sql_query(
            "INSERT INTO round_members (round_id, user_id, role, present) VALUES ($1, $2, $3, $4)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(u)
        .bind::<Text, _>(*role)
        .bind::<Nullable<Bool>, _>(*present)
        .execute(conn)
        .await?;
    }
    let decider = user(conn, r.decided_by).await?;
    for (n, e) in r.entries.iter().enumerate() {
        let entry = Uuid::now_v7();
        let initiative_id = initiative(conn, e.title).await?;
        let decided_at = r.finished.map(|(c, _)| c - Duration::hours(2));
        let (verdict, selected, votes, note) = match e.decision {
            Some((ok, sel, f, a, ab, note)) => (
                Some(if ok { "accepted" } else { "not_accepted" }),
                sel,
                Some((f, a, ab)),
                Some(note),
            ),
            None => (None, false, None, None),
        };
        diesel::sql_query(
            "INSERT INTO round_entries (id, round_id, initiative_id, sort_order, added_by, decision, \
             selected_for_award, votes_for, votes_against, votes_abstain, decision_note, \
             decided_by, decided_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind::<SqlUuid, _>(entry)
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(initiative_id)
        .bind::<diesel::sql_types::BigInt, _>(n as i64 + 1)
        .bind::<SqlUuid, _>(r.created_by)
        .bind::<Nullable<Text>, _>(verdict)
        .bind::<Bool, _>(selected)
        .bind::<Nullable<Integer>, _>(votes.map(|v| v.0))
        .bind::<Nullable<Integer>, _>(votes.map(|v| v.1))
        .bind::<Nullable<Integer>, _>(votes.map(|v| v.2))
        .bind::<Nullable<Text>, _>(note)
        .bind::<Nullable<SqlUuid>, _>(verdict.map(|_| decider))
        .bind::<Nullable<Timestamptz>, _>(verdict.and(decided_at))
        .execute(conn)
        .await?;
        if let (Some(v), Some(at)) = (verdict, decided_at) {
            // The decision is what moved the initiative from completed.
            diesel::sql_query(
                "INSERT INTO initiative_transitions (initiative_id, action, from_status, \
                 to_status, actor_user_id, reason, occurred_at) \
                 VALUES ($1, $2, 'completed', $3, $4, $5, $6)",
            )
            .bind::<SqlUuid, _>(initiative_id)
            .bind::<Text, _>(if v == "accepted" {
                "committee_accept"
            } else {
                "committee_not_accept"
            })
            .bind::<Text, _>(v)
            .bind::<SqlUuid, _>(decider)
            .bind::<Text, _>(r.title)
            .bind::<Timestamptz, _>(at)
            .execute(conn)
            .await?;
        }
        for s in e.sheets {
            let assignment = Uuid::now_v7();
            let evaluator = user(conn, s.evaluator).await?;
            diesel::sql_query(
                "INSERT INTO round_assignments (id, entry_id, evaluator_id, assigned_by) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind::<SqlUuid, _>(assignment)
            .bind::<SqlUuid, _>(entry)
            .bind::<SqlUuid, _>(evaluator)
            .bind::<SqlUuid, _>(chair)
            .execute(conn)
            .await?;
            let Some((a, b, c, d)) = s.scores else {
                continue;
            };
            let submitted_at = s.submitted.then(|| {
                r.finished
                    .map_or_else(Utc::now, |(c, _)| c - Duration::days(5))
            });
            let comments = if s.comment.is_empty() {
                json!({})
            } else {
                json!({ "solves_problems": s.comment })
            };
            diesel::sql_query(
                "INSERT INTO score_sheets (assignment_id, scores, gates, comments, overall_comment, \
                 status, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind::<SqlUuid, _>(assignment)
            .bind::<Jsonb, _>(json!({
                "solves_problems": a, "social_impact": b, "superiority": c, "future_development": d
            }))
            .bind::<Jsonb, _>(json!({ "legality": s.legal }))
            .bind::<Jsonb, _>(comments)
            .bind::<Nullable<Text>, _>(Some(s.comment).filter(|c| !c.is_empty()))
            .bind::<Text, _>(if s.submitted { "submitted" } else { "draft" })
            .bind::<Nullable<Timestamptz>, _>(submitted_at)
            .execute(conn)
            .await?;
        }
    }
    Ok(())
}

/// Adds the demo rounds that are not there yet (by title); returns how many.
pub async fn ensure(conn: &mut AsyncPgConnection, campaign: Uuid) -> anyhow::Result<usize> {
    let mut added = 0;
    let exists = |title: &'static str| {
        diesel::select(diesel::dsl::exists(
            evaluation_rounds::table.filter(evaluation_rounds::title.eq(title)),
        ))
    };
    let d = |y, m, day| {
        NaiveDate::from_ymd_opt(y, m, day).ok_or_else(|| anyhow::anyhow!("bad demo date"))
    };
    if !exists(DISTRICT_ROUND).get_result::<bool>(conn).await? {
        let q1 = org_queries::find_by_code(conn, "Q1").await?;
        let officer = user(conn, "noivu.quan1").await?;
        let at = |day, hour| {
            Utc.with_ymd_and_hms(2023, 11, day, hour, 0, 0)
                .single()
                .ok_or_else(|| anyhow::anyhow!("bad demo time"))
        };
        insert(
            conn,
            &DemoRound {
                title: DISTRICT_ROUND,
                level: "authority_committee",
                org: q1.id,
                campaign,
                opens: d(2023, 11, 1)?,
                closes: d(2023, 11, 20)?,
                meeting: d(2023, 11, 24)?,
                place: "Phòng họp số 2, Ủy ban nhân dân Quận 1",
                created_by: officer,
                members: &[
                    ("bcd.quan1.1", "chair", Some(true)),
                    ("bcd.quan1.2", "secretary", Some(true)),
                    ("bcd.quan1.3", "member", Some(true)),
                    ("bcd.quan1.4", "member", Some(true)),
                    ("bcd.quan1.5", "member", Some(false)),
                ],
                entries: DISTRICT_ENTRIES,
                finished: Some((at(24, 9)?, at(27, 2)?)),
                decided_by: "bcd.quan1.2",
            },
        )
        .await?;
        added += 1;
    }
    if !exists(COGIANG_ROUND).get_result::<bool>(conn).await? {
        let school = org_queries::find_by_code(conn, "Q1-MN-COGIANG").await?;
        let head = user(conn, "hieutruong.cogiang").await?;
        // Open whenever the demo is run: scoring began ten days ago and closes in a week.
        let today = thidua_domain::deadline::vietnam_date(Utc::now());
        insert(
            conn,
            &DemoRound {
                title: COGIANG_ROUND,
                level: "unit_committee",
                org: school.id,
                campaign,
                opens: today - Duration::days(10),
                closes: today + Duration::days(7),
                meeting: today + Duration::days(10),
                place: "Phòng họp Trường Mầm non Cô Giang",
                created_by: head,
                members: &[
                    ("hieutruong.cogiang", "chair", None),
                    ("phohieutruong.cogiang", "secretary", None),
                    ("congdoan.cogiang", "member", None),
                    ("giaovien.cogiang.3", "member", None),
                    ("giaovien.cogiang.4", "member", None),
                ],
                entries: COGIANG_ENTRIES,
                finished: None,
                decided_by: "hieutruong.cogiang",
            },
        )
        .await?;
        added += 1;
    }
    Ok(added)
}
