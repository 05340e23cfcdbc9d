//! Demo reports of 2023 with their evidence: Cô Giang's phase-1 report (Mẫu 2), sent on time
//! and returned by the district for a missing figure; Trần Hưng Đạo's, sent late and
//! received. The evidence files are small generated PDFs and JPEG photos
//! (`scripts/demo-evidence.sh`) compiled into the binary; [`materialize`] puts their bytes
//! into a file store, the database rows name them by sha256.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use sha2::{Digest, Sha256};
use thidua_db::models::{FileBlob, NewReport, NewStoredFile, ReportRow, ReportVersion};
use thidua_db::queries::{
    campaigns as campaign_queries, files as file_queries, organizations as org_queries,
    reports as report_queries, users as user_queries,
};
use thidua_db::schema::{files, initiatives, reports};
use thidua_domain::report::EvidenceCategory;
use uuid::Uuid;

use crate::files::{FileStore, store};
use crate::views::UserRef;
use crate::views::reports::{
    InitiativeRef, ReportRowView, ReportSections, ReportSnapshot, SnapshotFile,
};

/// A demo evidence file: its bytes and the name it was "uploaded" with.
pub struct DemoFile {
    pub key: &'static str,
    pub name: &'static str,
    pub category: EvidenceCategory,
    pub bytes: &'static [u8],
}

pub const FILES: &[DemoFile] = &[
    DemoFile {
        key: "plan_cg",
        name: "Kế hoạch số hóa hồ sơ tuyển sinh năm học 2023-2024.pdf",
        category: EvidenceCategory::ImplementationPlan,
        bytes: include_bytes!("evidence/ke-hoach-so-hoa-tuyen-sinh.pdf"),
    },
    DemoFile {
        key: "data_cg",
        name: "Bảng số liệu tuyển sinh trực tuyến Đợt 1.pdf",
        category: EvidenceCategory::Data,
        bytes: include_bytes!("evidence/so-lieu-tuyen-sinh-dot1.pdf"),
    },
    DemoFile {
        key: "photo_cg_1",
        name: "Ảnh tập huấn phụ huynh 15-5-2023.jpg",
        category: EvidenceCategory::Photo,
        bytes: include_bytes!("evidence/anh-tap-huan-phu-huynh.jpg"),
    },
    DemoFile {
        key: "photo_cg_2",
        name: "Ảnh bàn hỗ trợ phụ huynh.jpg",
        category: EvidenceCategory::Photo,
        bytes: include_bytes!("evidence/anh-ban-ho-tro.jpg"),
    },
    DemoFile {
        key: "plan_thd",
        name: "Kế hoạch xây dựng thư viện số.pdf",
        category: EvidenceCategory::ImplementationPlan,
        bytes: include_bytes!("evidence/ke-hoach-thu-vien-so.pdf"),
    },
    DemoFile {
        key: "photo_thd",
        name: "Ảnh học sinh đọc sách trên thư viện số.jpg",
        category: EvidenceCategory::Photo,
        bytes: include_bytes!("evidence/anh-thu-vien-so.jpg"),
    },
];

fn file(key: &str) -> anyhow::Result<&'static DemoFile> {
    FILES
        .iter()
        .find(|f| f.key == key)
        .ok_or_else(|| anyhow::anyhow!("no demo file {key}"))
}

/// Puts the demo evidence bytes into `files` (content-addressed: writing them again changes
/// nothing). Run wherever the demo data is loaded, for the store the server will read.
pub async fn materialize(files: &FileStore) -> anyhow::Result<usize> {
    for f in FILES {
        files
            .put_bytes(bytes::Bytes::from_static(f.bytes))
            .await
            .map_err(|e| anyhow::anyhow!("storing demo evidence {}: {e}", f.key))?;
    }
    Ok(FILES.len())
}

type Day = (i32, u32, u32);

/// A moment of a 2023 working day, Vietnam time.
fn at(d: Day, hour: u32) -> anyhow::Result<DateTime<Utc>> {
    let date = NaiveDate::from_ymd_opt(d.0, d.1, d.2)
        .ok_or_else(|| anyhow::anyhow!("bad demo date {d:?}"))?;
    let local = date
        .and_hms_opt(hour, 0, 0)
        .ok_or_else(|| anyhow::anyhow!("bad demo hour"))?;
    Ok(Utc.from_utc_datetime(&(local - chrono::Duration::hours(7))))
}

struct Line {
    initiative: &'static str,
    indicator: &'static str,
    unit: &'static str,
    baseline: Option<f64>,
    target: Option<f64>,
    actual: Option<f64>,
    note: &'static str,
    /// Evidence on this line.
    files: &'static [&'static str],
}

struct Decision {
    by: &'static str,
    on: Day,
    received: bool,
    reason: Option<&'static str>,
}

struct DemoReport {
    unit: &'static str,
    writer: &'static str,
    sender: &'static str,
    opened: Day,
    sections: [&'static str; 6],
    lines: &'static [Line],
    /// Evidence on the report itself.
    files: &'static [&'static str],
    sent: Day,
    decision: Decision,
}

const REPORTS: &[DemoReport] = &[
    DemoReport {
        unit: "Q1-MN-COGIANG",
        writer: "giaovien.cogiang.1",
        sender: "hieutruong.cogiang",
        opened: (2023, 6, 1),
        sections: [
            "Trường Mầm non Cô Giang có 45 cán bộ, giáo viên, nhân viên và 520 trẻ; tuyển sinh đầu cấp hằng năm khoảng 180 trẻ, phần lớn phụ huynh làm việc hành chính, ít thời gian đến trường nộp hồ sơ.",
            "Ban Giám hiệu ban hành Kế hoạch số hóa hồ sơ tuyển sinh; tổ chức tập huấn cho phụ huynh ngày 15/5/2023; phân công tổ văn phòng hỗ trợ tại trường; phối hợp với Phòng Giáo dục và Đào tạo Quận 1 trên hệ thống tuyển sinh đầu cấp.",
            "Đến ngày 08/6/2023 nhà trường tiếp nhận 312 hồ sơ trực tuyến (71,4% tổng số hồ sơ); thời gian xử lý bình quân giảm từ 4,5 ngày xuống 1,9 ngày. Mô hình \"Phụ huynh đồng hành\" duy trì giám sát bữa ăn bán trú hằng tuần.",
            "Phụ huynh không phải nghỉ làm để nộp hồ sơ; hồ sơ được lưu trữ điện tử, tra cứu nhanh; giảm chi phí in ấn, photo giấy tờ.",
            "Một số phụ huynh lớn tuổi chưa quen thao tác trên điện thoại; đường truyền của hệ thống có lúc quá tải vào ngày đầu đợt tuyển sinh.",
            "Đề nghị Phòng Nội vụ Quận 1 tổ chức tập huấn kỹ năng hỗ trợ dịch vụ công trực tuyến cho nhân viên văn phòng các trường mầm non.",
        ],
        lines: &[
            Line {
                initiative: "Số hóa hồ sơ tuyển sinh mầm non trực tuyến",
                indicator: "Tỷ lệ hồ sơ tuyển sinh nộp trực tuyến",
                unit: "%",
                baseline: Some(12.5),
                target: Some(60.0),
                actual: Some(71.4),
                note: "Vượt chỉ tiêu Đợt 1",
                files: &["data_cg", "photo_cg_1", "photo_cg_2"],
            },
            Line {
                initiative: "Cải cách thủ tục xác nhận học sinh đang học tại trường",
                indicator: "Thời gian cấp giấy xác nhận",
                unit: "ngày làm việc",
                baseline: Some(3.0),
                target: Some(1.0),
                actual: Some(1.0),
                note: "Đạt",
                files: &[],
            },
            Line {
                initiative: "Mô hình \"Phụ huynh đồng hành\" giám sát bữa ăn bán trú",
                indicator: "Số buổi giám sát có phụ huynh tham gia",
                unit: "buổi",
                baseline: Some(0.0),
                target: Some(20.0),
                actual: None,
                note: "Đang tổng hợp",
                files: &[],
            },
        ],
        files: &["plan_cg"],
        sent: (2023, 6, 9),
        decision: Decision {
            by: "noivu.quan1",
            on: (2023, 6, 12),
            received: false,
            reason: Some(
                "Bổ sung kết quả thực hiện của mô hình \"Phụ huynh đồng hành\" (dòng 3 còn trống) và hình ảnh minh chứng của mô hình.",
            ),
        },
    },
    DemoReport {
        unit: "Q1-TH-TRANHUNGDAO",
        writer: "giaovien.tranhungdao.1",
        sender: "hieutruong.tranhungdao",
        opened: (2023, 6, 5),
        sections: [
            "Trường Tiểu học Trần Hưng Đạo có 38 lớp với 1.350 học sinh; thư viện truyền thống chỉ phục vụ được trong giờ hành chính.",
            "Nhà trường chọn nền tảng thư viện số, tập huấn giáo viên thư viện và giáo viên chủ nhiệm; số hóa đầu sách theo lộ trình; cấp tài khoản cho học sinh khối 3 đến khối 5.",
            "Đã số hóa 860 đầu sách, cấp 720 tài khoản; rút ngắn thời gian cấp bản sao học bạ còn 1 ngày làm việc.",
            "Học sinh đọc sách mọi lúc, phụ huynh theo dõi được; giảm thủ tục mượn, trả sách.",
            "Kinh phí mua bản quyền sách điện tử còn hạn chế.",
            "Đề nghị Quận hỗ trợ kinh phí bản quyền sách điện tử năm 2024.",
        ],
        lines: &[
            Line {
                initiative: "Thư viện số cho học sinh tiểu học",
                indicator: "Số đầu sách được số hóa",
                unit: "đầu sách",
                baseline: Some(0.0),
                target: Some(1200.0),
                actual: Some(860.0),
                note: "Đạt 71,7% kế hoạch năm",
                files: &["photo_thd"],
            },
            Line {
                initiative: "Rút ngắn thời gian cấp bản sao học bạ",
                indicator: "Thời gian cấp bản sao học bạ",
                unit: "ngày làm việc",
                baseline: Some(5.0),
                target: Some(2.0),
                actual: Some(1.0),
                note: "Vượt chỉ tiêu",
                files: &[],
            },
        ],
        files: &["plan_thd"],
        // After the 10/6 deadline: late, and the plan takes late reports.
        sent: (2023, 6, 14),
        decision: Decision {
            by: "noivu.quan1",
            on: (2023, 6, 16),
            received: true,
            reason: None,
        },
    },
];

async fn user(conn: &mut AsyncPgConnection, name: &str) -> anyhow::Result<(Uuid, String)> {
    let u = user_queries::find_by_username(conn, name)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no demo user {name}"))?;
    Ok((u.id, u.display_name))
}

/// Adds the demo reports that are not there yet; returns how many.
pub async fn ensure(conn: &mut AsyncPgConnection) -> anyhow::Result<usize> {
    let district = org_queries::find_by_code(conn, "Q1").await?;
    let Some(campaign) =
        campaign_queries::find_by_code(conn, district.id, 2023, "175/KH-UBND").await?
    else {
        return Ok(0);
    };
    let Some(milestone) = campaign_queries::milestones_of(conn, &[campaign.id])
        .await?
        .into_iter()
        .find(|m| m.kind == "phase1_report")
    else {
        return Ok(0);
    };
    let mut added = 0;
    for demo in REPORTS {
        let unit = org_queries::find_by_code(conn, demo.unit).await?;
        let exists: bool = diesel::select(diesel::dsl::exists(
            reports::table
                .filter(reports::organization_id.eq(unit.id))
                .filter(reports::milestone_id.eq(milestone.id))
                .filter(reports::kind.eq("phase1_result")),
        ))
        .get_result(conn)
        .await?;
        if exists {
            continue;
        }
        let (writer, writer_name) = user(conn, demo.writer).await?;
        let (sender, _) = user(conn, demo.sender).await?;
        let (decider, _) = user(conn, demo.decision.by).await?;
        let opened = at(demo.opened, 9)?;
        let sent = at(demo.sent, 16)?;
        let decided = at(demo.decision.on, 10)?;

        let id = Uuid::now_v7();
        let sections = ReportSections {
            situation: demo.sections[0].into(),
            implementation: demo.sections[1].into(),
            results: demo.sections[2].into(),
            effectiveness: demo.sections[3].into(),
            difficulties: demo.sections[4].into(),
            proposals: demo.sections[5].into(),
        };
        report_queries::find_or_create(
            conn,
            &NewReport {
                id,
                kind: "phase1_result".into(),
                campaign_id: campaign.id,
                organization_id: unit.id,
                milestone_id: milestone.id,
                initiative_id: None,
                title: format!("Báo cáo kết quả giai đoạn 1 — {}", unit.name),
                sections: serde_json::to_value(&sections)?,
                created_by: writer,
            },
        )
        .await?;

        let mut rows = Vec::new();
        let mut views = Vec::new();
        let mut attachments: Vec<(&'static str, Option<Uuid>)> =
            demo.files.iter().map(|k| (*k, None)).collect();
        for (n, line) in demo.lines.iter().enumerate() {
            let initiative: Uuid = initiatives::table
                .filter(initiatives::organization_id.eq(unit.id))
                .filter(initiatives::title.eq(line.initiative))
                .select(initiatives::id)
                .first(conn)
                .await?;
            let row = ReportRow {
                id: Uuid::now_v7(),
                report_id: id,
                initiative_id: Some(initiative),
                indicator: line.indicator.into(),
                unit_of_measure: Some(line.unit.into()),
                baseline: line.baseline,
                target: line.target,
                actual: line.actual,
                status_note: Some(line.note.into()),
                sort_order: n as i32,
                created_at: opened,
                updated_at: opened,
            };
            views.push(ReportRowView {
                id: row.id,
                initiative: Some(InitiativeRef {
                    id: initiative,
                    title: line.initiative.into(),
                }),
                indicator: row.indicator.clone(),
                unit_of_measure: row.unit_of_measure.clone(),
                baseline: row.baseline,
                target: row.target,
                actual: row.actual,
                status_note: row.status_note.clone(),
                sort_order: row.sort_order,
            });
            attachments.extend(line.files.iter().map(|k| (*k, Some(row.id))));
            rows.push(row);
        }
        report_queries::replace_rows(conn, id, &rows).await?;

        let mut frozen = Vec::new();
        for (n, (key, row)) in attachments.into_iter().enumerate() {
            let f = file(key)?;
            let sha: [u8; 32] = Sha256::digest(f.bytes).into();
            let media_type = store::detect(f.bytes).map_err(|e| anyhow::anyhow!(e))?;
            file_queries::claim_blob(
                conn,
                &FileBlob {
                    sha256: sha.to_vec(),
                    size_bytes: f.bytes.len() as i64,
                    media_type: media_type.into(),
                    created_at: opened,
                    claimed_at: opened,
                },
            )
            .await?;
            let uploaded = opened + chrono::Duration::hours(n as i64 + 1);
            let stored = file_queries::insert(
                conn,
                &NewStoredFile {
                    id: Uuid::now_v7(),
                    sha256: sha.to_vec(),
                    original_name: f.name.into(),
                    category: f.category.as_str().into(),
                    organization_id: unit.id,
                    initiative_id: None,
                    report_id: Some(id),
                    report_row_id: row,
                    uploaded_by: writer,
                },
            )
            .await?;
            // Part of the version sent: locked from then on.
            diesel::update(files::table.find(stored.id))
                .set((files::created_at.eq(uploaded), files::locked_at.eq(sent)))
                .execute(conn)
                .await?;
            frozen.push(SnapshotFile {
                id: stored.id,
                original_name: f.name.into(),
                category: f.category.into(),
                media_type: media_type.into(),
                size_bytes: f.bytes.len() as i64,
                sha256: store::hex(&sha),
                initiative_id: None,
                report_row_id: row,
                uploaded_by: UserRef {
                    id: writer,
                    display_name: writer_name.clone(),
                },
                created_at: uploaded,
            });
        }

        let snapshot = ReportSnapshot {
            title: format!("Báo cáo kết quả giai đoạn 1 — {}", unit.name),
            sections,
            rows: views,
            files: frozen,
        };
        report_queries::insert_version(
            conn,
            &ReportVersion {
                id: Uuid::now_v7(),
                report_id: id,
                number: 1,
                submitted_at: sent,
                submitted_by: sender,
                late: thidua_domain::deadline::is_late(milestone.due_on, sent),
                due_on: milestone.due_on,
                snapshot: serde_json::to_value(&snapshot)?,
                decision: Some(
                    if demo.decision.received {
                        "received"
                    } else {
                        "returned"
                    }
                    .into(),
                ),
                decided_at: Some(decided),
                decided_by: Some(decider),
                reason: demo.decision.reason.map(Into::into),
            },
        )
        .await?;
        diesel::update(reports::table.find(id))
            .set((
                reports::status.eq(if demo.decision.received {
                    "received"
                } else {
                    "returned"
                }),
                reports::submitted_versions.eq(1),
                reports::version.eq(4),
                reports::created_at.eq(opened),
                reports::updated_at.eq(decided),
            ))
            .execute(conn)
            .await?;
        added += 1;
    }
    Ok(added)
}
