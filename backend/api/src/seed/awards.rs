//! Demo awards of 2023: the staff's annual (and Cô Giang's quarterly) ratings, the units'
//! collective ratings, one violation record, nominations in every state, the district's
//! award decision handed over at the year-end conference, two models in the showcase and
//! their replications planned for Quarter I 2024.

use chrono::{NaiveDate, TimeZone, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use thidua_db::queries::awards::{
    self as q, AwardDecision, NewNomination, NewReplication, NewShowcaseModel, NewStaffRating,
    NewUnitRating, ViolationRecord,
};
use thidua_db::queries::{organizations as org_queries, users as user_queries};
use thidua_db::schema::{initiatives, nominations};
use thidua_domain::text::fold;
use uuid::Uuid;

const GIAY_KHEN_Q1: Uuid = Uuid::from_u128(0x018c5e2b_0000_7000_8000_000000000001);
/// The ward chairman's Giấy khen (from 1/7/2025): what a draft proposed today can use.
const GIAY_KHEN_PHUONG: Uuid = Uuid::from_u128(0x018c5e2b_0000_7000_8000_000000000002);

pub const DECISION_NUMBER: &str = "2456/QĐ-UBND";

fn d(y: i32, m: u32, day: u32) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day).ok_or_else(|| anyhow::anyhow!("bad date"))
}

async fn user(conn: &mut AsyncPgConnection, name: &str) -> anyhow::Result<Uuid> {
    Ok(user_queries::find_by_username(conn, name)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no demo user {name}"))?
        .id)
}

async fn org(conn: &mut AsyncPgConnection, code: &str) -> anyhow::Result<Uuid> {
    Ok(org_queries::find_by_code(conn, code).await?.id)
}

async fn initiative(conn: &mut AsyncPgConnection, title: &str) -> anyhow::Result<Uuid> {
    Ok(initiatives::table
        .filter(initiatives::title.eq(title))
        .select(initiatives::id)
        .first(conn)
        .await?)
}

/// (user, annual rating of 2023)
const ANNUAL_2023: &[(&str, &str)] = &[
    ("hieutruong.cogiang", "excellent"),
    ("phohieutruong.cogiang", "excellent"),
    ("congdoan.cogiang", "good"),
    ("chidoan.cogiang", "good"),
    ("giaovien.cogiang.1", "excellent"),
    ("giaovien.cogiang.2", "good"),
    ("giaovien.cogiang.3", "completed"),
    ("giaovien.cogiang.4", "good"),
    ("giaovien.cogiang.5", "good"),
    ("hieutruong.tranhungdao", "excellent"),
    ("giaovien.tranhungdao.1", "good"),
    ("giaovien.tranhungdao.2", "excellent"),
    ("hieutruong.vanlang", "good"),
    ("giaovien.vanlang.1", "excellent"),
    ("giaovien.vanlang.2", "excellent"),
];

/// Cô Giang's quarterly emulation ratings of 2023 (q1..q4).
const QUARTERLY_2023: &[(&str, [&str; 4])] = &[
    (
        "giaovien.cogiang.1",
        ["excellent", "excellent", "good", "excellent"],
    ),
    ("giaovien.cogiang.2", ["good", "good", "excellent", "good"]),
    (
        "giaovien.cogiang.3",
        ["good", "completed", "completed", "completed"],
    ),
];

/// (reviewer, day, rejection reason).
type Review = (&'static str, (i32, u32, u32), Option<&'static str>);

struct DemoNomination {
    head: &'static str,
    unit: &'static str,
    kind: &'static str,
    /// Initiative title, user name or organisation code.
    nominee: &'static str,
    proposal: &'static str,
    achievements: &'static str,
    status: &'static str,
    submitted: Option<(i32, u32, u32)>,
    reviewed: Option<Review>,
}

const NOMINATIONS: &[DemoNomination] = &[
    DemoNomination {
        head: "hieutruong.tranhungdao",
        unit: "Q1-TH-TRANHUNGDAO",
        kind: "initiative",
        nominee: "Thư viện số cho học sinh tiểu học",
        proposal: "Trường Tiểu học Trần Hưng Đạo kính đề nghị Chủ tịch Ủy ban nhân dân Quận 1 tặng Giấy khen cho sáng kiến “Thư viện số cho học sinh tiểu học” đã được Hội đồng Quận nghiệm thu đạt.",
        achievements: "Số hóa 1.200 đầu sách; lượt mượn đọc tăng từ 420 lên 980 lượt mỗi tháng; 100% học sinh khối 4, 5 sử dụng thư viện số.",
        status: "decided",
        submitted: Some((2023, 11, 30)),
        reviewed: Some(("noivu.quan1", (2023, 12, 8), None)),
    },
    DemoNomination {
        head: "hieutruong.vanlang",
        unit: "Q1-THCS-VANLANG",
        kind: "initiative",
        nominee: "Tra cứu kết quả học tập và xác nhận học sinh trực tuyến",
        proposal: "Trường THCS Văn Lang kính đề nghị Chủ tịch Ủy ban nhân dân Quận 1 tặng Giấy khen cho giải pháp tra cứu kết quả học tập và xác nhận học sinh trực tuyến.",
        achievements: "Giấy xác nhận trả trong ngày; 85% phụ huynh dùng cổng tra cứu; lượt phụ huynh đến trường làm thủ tục giảm 92%.",
        status: "approved",
        submitted: Some((2023, 12, 1)),
        reviewed: Some(("noivu.quan1", (2023, 12, 10), None)),
    },
    DemoNomination {
        head: "hieutruong.tranhungdao",
        unit: "Q1-TH-TRANHUNGDAO",
        kind: "person",
        nominee: "giaovien.tranhungdao.2",
        proposal: "Đề nghị tặng Giấy khen cho cá nhân có thành tích xuất sắc trong phong trào thi đua cải cách hành chính năm 2023.",
        achievements: "Đồng tác giả sáng kiến “Thư viện số cho học sinh tiểu học”; xếp loại Hoàn thành xuất sắc nhiệm vụ năm 2023.",
        status: "submitted",
        submitted: Some((2023, 12, 2)),
        reviewed: None,
    },
    DemoNomination {
        head: "hieutruong.tranhungdao",
        unit: "Q1-TH-TRANHUNGDAO",
        kind: "unit",
        nominee: "Q1-TH-TRANHUNGDAO",
        proposal: "Đề nghị tặng Giấy khen cho tập thể Trường Tiểu học Trần Hưng Đạo.",
        achievements: "Hoàn thành xuất sắc nhiệm vụ năm 2023; 2 sáng kiến cải cách hành chính được đăng ký.",
        status: "rejected",
        submitted: Some((2023, 12, 2)),
        reviewed: Some((
            "noivu.quan1",
            (2023, 12, 12),
            Some(
                "Thành tích tập thể chưa nổi bật so với các đơn vị cùng khối; đề nghị đơn vị xét khen thưởng cấp trường.",
            ),
        )),
    },
    DemoNomination {
        head: "hieutruong.cogiang",
        unit: "Q1-MN-COGIANG",
        kind: "person",
        nominee: "giaovien.cogiang.1",
        proposal: "Trường Mầm non Cô Giang đề nghị khen thưởng giáo viên có thành tích tiêu biểu trong cải cách hành chính.",
        achievements: "Tích cực triển khai sổ liên lạc điện tử ở các lớp mẫu giáo; xếp loại Hoàn thành xuất sắc nhiệm vụ năm 2023.",
        status: "draft",
        submitted: None,
        reviewed: None,
    },
];

/// Creates the demo awards once (nothing when any nomination exists). Returns how many
/// nominations it added.
pub async fn ensure(conn: &mut AsyncPgConnection) -> anyhow::Result<usize> {
    let any: bool = diesel::select(diesel::dsl::exists(
        nominations::table.select(nominations::id),
    ))
    .get_result(conn)
    .await?;
    if any {
        return Ok(0);
    }
    let officer = user(conn, "noivu.quan1").await?;
    let q1 = org(conn, "Q1").await?;

    for (name, rating) in ANNUAL_2023 {
        let u = user(conn, name).await?;
        let head = if name.starts_with("hieutruong") {
            officer
        } else {
            user(conn, &head_of(name)).await?
        };
        q::upsert_staff_rating(
            conn,
            &NewStaffRating {
                id: Uuid::now_v7(),
                user_id: u,
                year: 2023,
                period: "year".into(),
                rating: (*rating).into(),
                note: None,
                recorded_by: head,
            },
        )
        .await?;
    }
    let cogiang_head = user(conn, "hieutruong.cogiang").await?;
    for (name, ratings) in QUARTERLY_2023 {
        let u = user(conn, name).await?;
        for (k, r) in ratings.iter().enumerate() {
            q::upsert_staff_rating(
                conn,
                &NewStaffRating {
                    id: Uuid::now_v7(),
                    user_id: u,
                    year: 2023,
                    period: format!("q{}", k + 1),
                    rating: (*r).into(),
                    note: None,
                    recorded_by: cogiang_head,
                },
            )
            .await?;
        }
    }
    for (code, rating) in [
        ("Q1-MN-COGIANG", "excellent"),
        ("Q1-TH-TRANHUNGDAO", "excellent"),
        ("Q1-THCS-VANLANG", "good"),
    ] {
        let o = org(conn, code).await?;
        q::upsert_unit_rating(
            conn,
            &NewUnitRating {
                id: Uuid::now_v7(),
                organization_id: o,
                year: 2023,
                rating: rating.into(),
                decision_ref: Some("3120/QĐ-UBND".into()),
                note: None,
                recorded_by: officer,
            },
        )
        .await?;
    }
    let teacher = user(conn, "giaovien.cogiang.3").await?;
    q::insert_violation(
        conn,
        &ViolationRecord {
            id: Uuid::now_v7(),
            user_id: teacher,
            occurred_on: d(2023, 10, 16)?,
            kind: "code_of_conduct".into(),
            description: "Chậm trả lời phản ánh của phụ huynh về khẩu phần bán trú và có lời lẽ thiếu chuẩn mực khi tiếp phụ huynh tại lớp.".into(),
            discipline: "reprimand".into(),
            decision_ref: Some("45/QĐ-MNCG".into()),
            decided_on: Some(d(2023, 11, 2)?),
            recorded_by: cogiang_head,
            created_at: Utc::now(),
        },
    )
    .await?;

    let mut ids = Vec::new();
    for n in NOMINATIONS {
        let head = user(conn, n.head).await?;
        let unit = org(conn, n.unit).await?;
        let id = Uuid::now_v7();
        let (initiative_id, nominee_user_id, nominee_organization_id) = match n.kind {
            "initiative" => (Some(initiative(conn, n.nominee).await?), None, None),
            "person" => (None, Some(user(conn, n.nominee).await?), None),
            _ => (None, None, Some(org(conn, n.nominee).await?)),
        };
        q::insert_nomination(
            conn,
            &NewNomination {
                id,
                // A draft is judged today: the district's form has ended since.
                award_form_id: if n.submitted.is_some() {
                    GIAY_KHEN_Q1
                } else {
                    GIAY_KHEN_PHUONG
                },
                year: 2023,
                nominee_kind: n.kind.into(),
                initiative_id,
                nominee_user_id,
                nominee_organization_id,
                organization_id: unit,
                proposal: n.proposal.into(),
                achievements: n.achievements.into(),
                created_by: head,
            },
            &[],
        )
        .await?;
        if let Some((y, m, day)) = n.submitted {
            q::mark_submitted(conn, id, head, d(y, m, day)?).await?;
            diesel::update(nominations::table.find(id))
                .set(
                    nominations::submitted_at.eq(Utc
                        .with_ymd_and_hms(y, m, day, 3, 0, 0)
                        .single()
                        .ok_or_else(|| anyhow::anyhow!("bad time"))?),
                )
                .execute(conn)
                .await?;
        }
        if let Some((by, (y, m, day), reason)) = n.reviewed {
            let by = user(conn, by).await?;
            let status = if reason.is_some() {
                "rejected"
            } else {
                "approved"
            };
            q::mark_reviewed(conn, id, by, status, reason.map(Into::into)).await?;
            diesel::update(nominations::table.find(id))
                .set(
                    nominations::reviewed_at.eq(Utc
                        .with_ymd_and_hms(y, m, day, 8, 0, 0)
                        .single()
                        .ok_or_else(|| anyhow::anyhow!("bad time"))?),
                )
                .execute(conn)
                .await?;
        }
        ids.push((id, n.status));
    }
    let decided: Vec<Uuid> = ids
        .iter()
        .filter(|(_, s)| *s == "decided")
        .map(|(i, _)| *i)
        .collect();
    q::insert_decision(
        conn,
        &AwardDecision {
            id: Uuid::now_v7(),
            number: DECISION_NUMBER.into(),
            signed_on: d(2023, 12, 20)?,
            signer_name: "Lê Đức Thanh".into(),
            signer_title: "Chủ tịch".into(),
            organization_id: q1,
            ceremony_on: Some(d(2023, 12, 28)?),
            ceremony_note: Some(
                "Hội nghị Tổng kết công tác cải cách hành chính Quận 1 năm 2023".into(),
            ),
            created_by: officer,
            created_at: Utc::now(),
        },
        &decided,
    )
    .await?;

    // The showcase: the awarded library, and Văn Lang's online look-up recognised by the
    // district; their replications planned for Quarter I 2024.
    let library = initiative(conn, "Thư viện số cho học sinh tiểu học").await?;
    let lookup = initiative(
        conn,
        "Tra cứu kết quả học tập và xác nhận học sinh trực tuyến",
    )
    .await?;
    let models = [
        (
            library,
            "Thư viện số cho học sinh tiểu học",
            "Trường Tiểu học Trần Hưng Đạo",
            "Số hóa sách giáo khoa và truyện thiếu nhi, học sinh mượn đọc trên máy tính bảng của trường; ngày hội đọc sách hằng tháng.",
            "Lượt mượn đọc tăng từ 420 lên 980 lượt mỗi tháng; 100% học sinh khối 4, 5 sử dụng; được tặng Giấy khen theo Quyết định 2456/QĐ-UBND.",
            d(2023, 12, 20)?,
        ),
        (
            lookup,
            "Tra cứu kết quả học tập và xác nhận học sinh trực tuyến",
            "Trường Trung học cơ sở Văn Lang",
            "Phụ huynh tra cứu điểm, nhận xét và đề nghị giấy xác nhận học sinh trên cổng thông tin; giấy xác nhận được ký số.",
            "Giấy xác nhận trả trong ngày; 85% phụ huynh dùng cổng tra cứu; lượt đến trường làm thủ tục giảm 92%.",
            d(2024, 1, 5)?,
        ),
    ];
    let mut model_ids = Vec::new();
    for (initiative_id, title, unit, summary, results, on) in models {
        let id = Uuid::now_v7();
        q::insert_model(
            conn,
            &NewShowcaseModel {
                id,
                initiative_id,
                summary: summary.into(),
                results: results.into(),
                recognized_on: on,
                published_by: officer,
                search_text: fold(&format!("{title} {unit} {summary} {results}")),
            },
            &[],
        )
        .await?;
        model_ids.push(id);
    }
    let head_cg = cogiang_head;
    let head_vl = user(conn, "hieutruong.vanlang").await?;
    let head_thd = user(conn, "hieutruong.tranhungdao").await?;
    let replications = [
        (
            model_ids[0],
            "Q1-MN-COGIANG",
            head_cg,
            "adopted",
            "Điều chỉnh cho trẻ mầm non: thư viện truyện tranh số, cô đọc cùng trẻ trên màn hình lớn; phụ huynh mượn sách số đọc cho con ở nhà.",
            json!([{ "label": "Lượt mượn sách mỗi tháng", "unit": "lượt", "before": 60.0, "after": 210.0 }]),
        ),
        (
            model_ids[0],
            "Q1-THCS-VANLANG",
            head_vl,
            "in_progress",
            "Mở rộng cho học sinh THCS, bổ sung tài liệu ôn thi vào lớp 10.",
            json!([{ "label": "Đầu sách số", "unit": "đầu sách", "before": 0.0, "after": 450.0 }]),
        ),
        (
            model_ids[1],
            "Q1-TH-TRANHUNGDAO",
            head_thd,
            "planned",
            "Áp dụng cho giấy xác nhận học sinh và tra cứu nhận xét học bạ tiểu học.",
            json!([]),
        ),
    ];
    for (model_id, code, by, status, notes, figures) in replications {
        let id = Uuid::now_v7();
        let organization_id = org(conn, code).await?;
        q::insert_replication(
            conn,
            &NewReplication {
                id,
                model_id,
                organization_id,
                planned_from: d(2024, 1, 1)?,
                planned_to: d(2024, 3, 31)?,
                adaptation_notes: notes.into(),
                figures,
                created_by: by,
            },
        )
        .await?;
        diesel::update(thidua_db::schema::replications::table.find(id))
            .set(thidua_db::schema::replications::status.eq(status))
            .execute(conn)
            .await?;
    }
    Ok(ids.len())
}

/// The head of a demo person's school.
fn head_of(name: &str) -> String {
    let school = name
        .rsplit('.')
        .nth(if name.starts_with("giaovien") { 1 } else { 0 });
    match school {
        Some("tranhungdao") => "hieutruong.tranhungdao".into(),
        Some("vanlang") => "hieutruong.vanlang".into(),
        _ => "hieutruong.cogiang".into(),
    }
}
