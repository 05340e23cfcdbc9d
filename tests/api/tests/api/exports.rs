//! Mẫu 1 exports read back: the workbook cell by cell with calamine, the Word document's XML.

use std::io::{Cursor, Read};

use calamine::{Data, Range, Reader, Xlsx};
use diesel::QueryableByName;
use diesel::sql_types::Text;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{TestApp, pdf, spawn_app, vietnam_today};

const HEAD: &str = "hieutruong.cogiang";
const FOCAL: &str = "phohieutruong.cogiang";
const OFFICER: &str = "noivu.quan1";
const STAFF: &str = "giaovien.cogiang.1";

const COLUMNS: [&str; 9] = [
    "STT",
    "Tên công trình, mô hình, giải pháp, sáng kiến",
    "Loại",
    "Lĩnh vực CCHC",
    "Tác giả (họ tên, chức vụ)",
    "Tóm tắt nội dung, mục tiêu",
    "Thời gian triển khai",
    "Dự kiến kết quả",
    "Ghi chú",
];

#[derive(QueryableByName)]
struct S {
    #[diesel(sql_type = Text)]
    v: String,
}

async fn text(app: &TestApp, sql: &str) -> String {
    let rows: Vec<S> = app.rows(sql).await;
    rows.into_iter().next().expect("a row").v
}

struct Fixture {
    app: TestApp,
    campaign: Uuid,
    registration: Uuid,
    campaign_code: String,
    unit: String,
    parent: String,
    head: String,
    author: String,
}

/// Cô Giang registers one good practice and one collective model, commits to one fix and
/// sends the registration; then the good practice is renamed, which the sent version
/// must not show.
async fn fixture() -> Fixture {
    let app = spawn_app().await;
    let q1 = app.org_id("Q1").await;
    let (campaign, _) = app.insert_campaign(q1, "open").await;
    let cogiang = app.org_id("Q1-MN-COGIANG").await;
    let teacher = app.user_id(STAFF).await;
    let practice = app
        .insert_initiative(cogiang, campaign, "registered", teacher, &[(teacher, 100)])
        .await;
    app.exec_ok(&format!(
        "UPDATE initiatives SET kind = 'good_practice', title = 'Số hóa hồ sơ tuyển sinh đầu cấp', \
         summary = 'Tiếp nhận hồ sơ qua cổng dịch vụ công', objectives = 'Giảm thời gian chờ', \
         expected_results = 'Trên 90 % hồ sơ nộp trực tuyến', starts_on = '2023-03-01', \
         ends_on = '2023-11-30' WHERE id = '{practice}'"
    ))
    .await;
    let model = app
        .insert_initiative(cogiang, campaign, "registered", teacher, &[])
        .await;
    app.exec_ok(&format!(
        "UPDATE initiatives SET kind = 'model', title = 'Zalo phụ huynh', objectives = '', \
         created_at = now() + interval '1 second' WHERE id = '{model}'"
    ))
    .await;

    let head = app.token(HEAD).await;
    let focal = app.token(FOCAL).await;
    let r = app
        .post(
            "/api/v1/registrations",
            &head,
            &json!({ "campaign_id": campaign }),
        )
        .await
        .expect(201)
        .body;
    let registration = r["id"].as_str().unwrap().parse().unwrap();
    let base = format!("/api/v1/registrations/{registration}");
    app.call(
        reqwest::Method::POST,
        &format!("{base}/commitments"),
        Some(&focal),
        Some(r["etag"].as_str().unwrap()),
        Some(&json!({ "shortcoming": "Tỷ lệ hồ sơ trực tuyến còn thấp",
                      "commitment": "Đạt 100% hồ sơ tuyển sinh trực tuyến",
                      "target_date": "2023-09-30" })),
    )
    .await
    .expect(201);
    app.action(&format!("{base}/submit"), &head)
        .await
        .expect(200);
    app.exec_ok(&format!(
        "UPDATE initiatives SET title = 'Tên đã đổi sau khi gửi' WHERE id = '{practice}'"
    ))
    .await;

    let campaign_code = text(
        &app,
        &format!("SELECT code AS v FROM campaigns WHERE id = '{campaign}'"),
    )
    .await;
    let unit = text(
        &app,
        &format!("SELECT name AS v FROM organizations WHERE id = '{cogiang}'"),
    )
    .await;
    let parent = text(
        &app,
        &format!(
            "SELECT p.name AS v FROM organizations o JOIN organizations p ON p.id = o.parent_id \
             WHERE o.id = '{cogiang}'"
        ),
    )
    .await;
    let head_name = text(
        &app,
        &format!(
            "SELECT u.display_name AS v FROM users u JOIN role_grants g ON g.user_id = u.id \
             WHERE g.role = 'unit_head' AND g.organization_id = '{cogiang}' \
             ORDER BY g.created_at LIMIT 1"
        ),
    )
    .await;
    let author = text(
        &app,
        &format!(
            "SELECT display_name || coalesce(' (' || position || ')', '') || ', 100 %' AS v \
             FROM users WHERE id = '{teacher}'"
        ),
    )
    .await;
    Fixture {
        app,
        campaign,
        registration,
        campaign_code,
        unit,
        parent,
        head: head_name,
        author,
    }
}

/// GET with a bearer token, returning status, headers and the raw bytes.
pub(crate) async fn download(
    app: &TestApp,
    path: &str,
    token: &str,
) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let res = app
        .plain_client()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("send");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    (status, headers, res.bytes().await.expect("body").to_vec())
}

fn sheet(bytes: Vec<u8>) -> Range<Data> {
    named_sheet(bytes, "Mẫu 1")
}

pub(crate) fn named_sheet(bytes: Vec<u8>, name: &str) -> Range<Data> {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx");
    wb.worksheet_range(name).expect("the sheet")
}

pub(crate) fn at(r: &Range<Data>, row: u32, col: u32) -> String {
    r.get_value((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

pub(crate) fn document_xml(bytes: Vec<u8>) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("a docx is a zip");
    let mut xml = String::new();
    z.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

fn date_line(place: &str) -> String {
    let d = vietnam_today();
    use chrono::Datelike;
    // Decree 30/2020: days below 10 and months 1–2 with a leading zero.
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!(
        "{place}, ngày {:02} tháng {month} năm {}",
        d.day(),
        d.year()
    )
}

#[tokio::test]
async fn the_unit_exports_its_sent_registration_as_xlsx() {
    let f = fixture().await;
    let token = f.app.token(FOCAL).await;
    let (status, headers, bytes) = download(
        &f.app,
        &format!("/api/v1/registrations/{}/export.xlsx", f.registration),
        &token,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let cd = headers["content-disposition"].to_str().unwrap();
    assert!(
        cd.starts_with("attachment; filename=\"Mau1-dang-ky.xlsx\""),
        "{cd}"
    );
    assert!(
        cd.contains(
            "filename*=UTF-8''M%E1%BA%ABu%201%20-%20B%E1%BA%A3n%20%C4%91%C4%83ng%20k%C3%BD"
        ),
        "{cd}"
    );
    assert!(cd.ends_with(".xlsx"), "{cd}");

    let s = sheet(bytes);
    assert_eq!(at(&s, 0, 0), f.parent.to_uppercase());
    assert_eq!(at(&s, 0, 5), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(at(&s, 1, 0), f.unit.to_uppercase());
    assert_eq!(at(&s, 1, 5), "Độc lập - Tự do - Hạnh phúc");
    assert!(at(&s, 2, 0).starts_with("Số: …/ĐK-"), "{}", at(&s, 2, 0));
    assert_eq!(at(&s, 2, 5), date_line("Quận 1"));
    assert_eq!(
        at(&s, 4, 0),
        "BẢN ĐĂNG KÝ THI ĐUA CẢI CÁCH HÀNH CHÍNH NĂM 2026"
    );
    assert!(at(&s, 5, 0).contains(&f.campaign_code), "{}", at(&s, 5, 0));
    for (c, h) in COLUMNS.iter().enumerate() {
        assert_eq!(at(&s, 7, c as u32), *h);
    }
    // The sent version, not the renamed initiative.
    let practice: Vec<String> = (0..9).map(|c| at(&s, 8, c)).collect();
    assert_eq!(
        practice,
        [
            "1",
            "Số hóa hồ sơ tuyển sinh đầu cấp",
            "Cách làm hay",
            "Cải cách thủ tục hành chính",
            f.author.as_str(),
            "Tiếp nhận hồ sơ qua cổng dịch vụ công\nMục tiêu: Giảm thời gian chờ",
            "01/03/2023 – 30/11/2023",
            "Trên 90 % hồ sơ nộp trực tuyến",
            "",
        ]
    );
    assert_eq!(at(&s, 9, 0), "2");
    assert_eq!(at(&s, 9, 1), "Zalo phụ huynh");
    assert_eq!(at(&s, 9, 2), "Mô hình");
    assert_eq!(at(&s, 9, 4), "Tập thể đơn vị");
    assert_eq!(at(&s, 9, 6), "01/05/2023 – 30/11/2023");
    // The commitments: STT | Tồn tại (B:C) | Nội dung (D:F) | Thời hạn (G) | Tình trạng (H:I).
    assert_eq!(at(&s, 11, 0), "CAM KẾT KHẮC PHỤC TỒN TẠI, HẠN CHẾ");
    let heads: Vec<String> = [0, 1, 3, 6, 7].iter().map(|c| at(&s, 12, *c)).collect();
    assert_eq!(
        heads,
        [
            "STT",
            "Tồn tại, hạn chế",
            "Nội dung cam kết",
            "Thời hạn",
            "Tình trạng"
        ]
    );
    let row: Vec<String> = [0, 1, 3, 6, 7].iter().map(|c| at(&s, 13, *c)).collect();
    assert_eq!(
        row,
        [
            "1",
            "Tỷ lệ hồ sơ trực tuyến còn thấp",
            "Đạt 100% hồ sơ tuyển sinh trực tuyến",
            "30/09/2023",
            "Chưa thực hiện"
        ]
    );
    // The signature block, bottom right.
    assert_eq!(at(&s, 15, 5), "THỦ TRƯỞNG ĐƠN VỊ");
    assert_eq!(at(&s, 16, 5), "(Ký, ghi rõ họ tên, đóng dấu)");
    assert_eq!(at(&s, 20, 5), f.head);
}

#[tokio::test]
async fn the_unit_exports_its_registration_as_docx() {
    let f = fixture().await;
    let token = f.app.token(HEAD).await;
    let (status, headers, bytes) = download(
        &f.app,
        &format!("/api/v1/registrations/{}/export.docx", f.registration),
        &token,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        headers["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    let cd = headers["content-disposition"].to_str().unwrap();
    assert!(cd.contains("filename=\"Mau1-dang-ky.docx\""), "{cd}");
    assert!(cd.contains("filename*=UTF-8''M%E1%BA%ABu%201"), "{cd}");
    let xml = document_xml(bytes);
    assert!(xml.contains("<w:tbl>"));
    for h in COLUMNS {
        assert!(xml.contains(&format!(">{h}<")), "column {h}");
    }
    for t in [
        f.parent.to_uppercase(),
        f.unit.to_uppercase(),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
        "Độc lập - Tự do - Hạnh phúc".into(),
        date_line("Quận 1"),
        "BẢN ĐĂNG KÝ THI ĐUA CẢI CÁCH HÀNH CHÍNH NĂM 2026".into(),
        "Số hóa hồ sơ tuyển sinh đầu cấp".into(),
        "Cách làm hay".into(),
        "Cải cách thủ tục hành chính".into(),
        "01/03/2023 – 30/11/2023".into(),
        "Tập thể đơn vị".into(),
        "CAM KẾT KHẮC PHỤC TỒN TẠI, HẠN CHẾ".into(),
        "Đạt 100% hồ sơ tuyển sinh trực tuyến".into(),
        "THỦ TRƯỞNG ĐƠN VỊ".into(),
        "(Ký, ghi rõ họ tên, đóng dấu)".into(),
        f.head.clone(),
    ] {
        assert!(xml.contains(&t), "document.xml lacks {t}");
    }
    assert!(!xml.contains("Tên đã đổi sau khi gửi"));
}

#[tokio::test]
async fn the_authority_exports_every_unit_and_others_may_not() {
    let f = fixture().await;
    let officer = f.app.token(OFFICER).await;
    let base = format!("/api/v1/campaigns/{}/registrations", f.campaign);
    let (status, headers, bytes) = download(&f.app, &format!("{base}/export.xlsx"), &officer).await;
    assert_eq!(status, 200);
    let cd = headers["content-disposition"].to_str().unwrap();
    assert!(cd.contains("filename*=UTF-8''"), "{cd}");
    let s = sheet(bytes);
    assert_eq!(at(&s, 7, 0), "STT");
    assert_eq!(at(&s, 7, 1), "Đơn vị");
    assert_eq!(at(&s, 7, 2), COLUMNS[1]);
    assert_eq!(at(&s, 7, 9), "Ghi chú");
    assert_eq!(at(&s, 8, 1), f.unit);
    assert_eq!(at(&s, 8, 2), "Số hóa hồ sơ tuyển sinh đầu cấp");
    assert_eq!(at(&s, 9, 1), f.unit);
    assert_eq!(at(&s, 9, 2), "Zalo phụ huynh");

    let (status, _, bytes) = download(&f.app, &format!("{base}/export.docx"), &officer).await;
    assert_eq!(status, 200);
    let xml = document_xml(bytes);
    assert!(xml.contains(">Đơn vị<"));
    assert!(xml.contains(&f.unit));

    // The unit's head sees the campaign but may not export every unit.
    let head = f.app.token(HEAD).await;
    let (status, _, _) = download(&f.app, &format!("{base}/export.xlsx"), &head).await;
    assert_eq!(status, 403);
    // A unit's staff member still exports its own registration.
    let staff = f.app.token(STAFF).await;
    let (status, _, _) = download(
        &f.app,
        &format!("/api/v1/registrations/{}/export.docx", f.registration),
        &staff,
    )
    .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_draft_exports_as_it_stands_with_the_date_left_blank() {
    let app = spawn_app().await;
    let q1 = app.org_id("Q1").await;
    let (campaign, _) = app.insert_campaign(q1, "open").await;
    let cogiang = app.org_id("Q1-MN-COGIANG").await;
    let teacher = app.user_id(STAFF).await;
    app.insert_initiative(cogiang, campaign, "registered", teacher, &[(teacher, 100)])
        .await;
    let head = app.token(HEAD).await;
    let r = app
        .post(
            "/api/v1/registrations",
            &head,
            &json!({ "campaign_id": campaign }),
        )
        .await
        .expect(201)
        .body;
    let (status, _, bytes) = download(
        &app,
        &format!(
            "/api/v1/registrations/{}/export.xlsx",
            r["id"].as_str().unwrap()
        ),
        &head,
    )
    .await;
    assert_eq!(status, 200);
    let s = sheet(bytes);
    assert_eq!(at(&s, 2, 5), "Quận 1, ngày … tháng … năm …");
    assert_eq!(at(&s, 8, 1), "Sáng kiến thử nghiệm");
    assert_eq!(at(&s, 8, 2), "Giải pháp");
    assert_eq!(at(&s, 10, 0), "CAM KẾT KHẮC PHỤC TỒN TẠI, HẠN CHẾ");
    assert_eq!(at(&s, 11, 1), "Tồn tại, hạn chế");
    // No commitment yet: the signature follows the commitments' header row.
    assert_eq!(at(&s, 13, 5), "THỦ TRƯỞNG ĐƠN VỊ");

    // Outside the unit's reach the registration does not exist.
    let other = app.token("noivu.quan1").await;
    let missing = Uuid::new_v4();
    let (status, _, _) = download(
        &app,
        &format!("/api/v1/registrations/{missing}/export.docx"),
        &other,
    )
    .await;
    assert_eq!(status, 404);
}

/// The row of `r` whose first cell is `first`, with its cells.
fn row_starting(r: &Range<Data>, first: &str) -> Vec<String> {
    let (h, w) = r.get_size();
    (0..h as u32)
        .find(|&row| at(r, row, 0) == first)
        .map(|row| (0..w as u32).map(|c| at(r, row, c)).collect())
        .unwrap_or_else(|| panic!("no row starts with {first:?}"))
}

#[tokio::test]
async fn a_report_exports_as_mau2_as_written_and_as_each_version_sent() {
    let app = spawn_app().await;
    // Cô Giang's phase-1 report is in the demo data: this is Văn Lang's.
    let teacher = app.token("giaovien.vanlang.1").await;
    let officer = app.token(OFFICER).await;
    let campaign = app.campaign_id("175/KH-UBND").await;
    let opened = app
        .post(
            "/api/v1/reports",
            &teacher,
            &json!({ "campaign_id": campaign, "kind": "phase1_result" }),
        )
        .await
        .expect(201);
    let id = opened.uuid("/id");
    let mut row = opened.body["rows"][0].clone();
    let initiative_title = row["initiative"]["title"].as_str().unwrap().to_string();
    row = json!({
        "id": row["id"], "initiative_id": row["initiative"]["id"],
        "indicator": "Tỷ lệ hồ sơ tuyển sinh trực tuyến", "unit_of_measure": "%",
        "baseline": 12.5, "target": 60, "actual": 1250, "status_note": "Vượt chỉ tiêu"
    });
    let written = app
        .patch(
            &format!("/api/v1/reports/{id}"),
            &teacher,
            Some(opened.body["etag"].as_str().unwrap()),
            &json!({
                "sections": {
                    "situation": "Trường có 45 cán bộ, giáo viên; 520 trẻ.",
                    "results": "Tiếp nhận 312 hồ sơ tuyển sinh trực tuyến.",
                    "proposals": "Đề nghị tập huấn cho phụ huynh."
                },
                "rows": [row]
            }),
        )
        .await
        .expect(200);
    let row_id = written.uuid("/rows/0/id");
    app.upload_to_report(
        &teacher,
        id,
        Some(row_id),
        "data",
        "Bảng số liệu tuyển sinh.pdf",
        pdf("sl"),
    )
    .await
    .expect(201);

    // As it stands: the date left blank.
    let (status, headers, bytes) =
        download(&app, &format!("/api/v1/reports/{id}/export.docx"), &teacher).await;
    assert_eq!(status, 200);
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("filename*=UTF-8''M%E1%BA%ABu%202")
    );
    let xml = document_xml(bytes);
    for text in [
        "BÁO CÁO",
        "Kết quả thực hiện các giải pháp, mô hình, sáng kiến cải cách hành chính đã đăng ký giai đoạn 1 năm 2023",
        "I. TÌNH HÌNH, ĐẶC ĐIỂM",
        "Trường có 45 cán bộ, giáo viên; 520 trẻ.",
        "VI. ĐỀ XUẤT, KIẾN NGHỊ",
        "Đề nghị tập huấn cho phụ huynh.",
        "Tỷ lệ hồ sơ tuyển sinh trực tuyến",
        &initiative_title,
        "12,5",
        "1.250",
        "Bảng số liệu tuyển sinh.pdf",
        "Dòng 1: Tỷ lệ hồ sơ tuyển sinh trực tuyến",
        "TRƯỜNG TRUNG HỌC CƠ SỞ VĂN LANG",
        "Quận 1, ngày … tháng … năm …",
        "Số: …/BC-",
        "Ủy ban nhân dân Quận 1",
    ] {
        assert!(xml.contains(text), "{text}");
    }
    let (status, _, bytes) =
        download(&app, &format!("/api/v1/reports/{id}/export.xlsx"), &teacher).await;
    assert_eq!(status, 200);
    let r = named_sheet(bytes, "Mẫu 2");
    assert_eq!(at(&r, 4, 0), "BÁO CÁO");
    assert_eq!(
        row_starting(&r, "STT")[..8],
        [
            "STT",
            "Giải pháp, mô hình, sáng kiến",
            "Chỉ tiêu",
            "Đơn vị tính",
            "Số liệu ban đầu",
            "Chỉ tiêu đề ra",
            "Kết quả thực hiện",
            "Tình trạng, ghi chú"
        ]
    );
    let line = row_starting(&r, "1");
    assert_eq!(line[1], initiative_title);
    assert_eq!(
        line[2..8],
        [
            "Tỷ lệ hồ sơ tuyển sinh trực tuyến",
            "%",
            "12,5",
            "60",
            "1.250",
            "Vượt chỉ tiêu"
        ]
    );
    assert!((0..r.get_size().0 as u32).any(|row| at(&r, row, 0) == "DANH MỤC TÀI LIỆU MINH CHỨNG"));

    // Sent, returned, corrected: by default the report as now written; version 1 as sent.
    app.action(&format!("/api/v1/reports/{id}/submit"), &teacher)
        .await
        .expect(200);
    let sent = download(&app, &format!("/api/v1/reports/{id}/export.docx"), &officer).await;
    assert!(document_xml(sent.2).contains(&date_line("Quận 1")));
    app.post(
        &format!("/api/v1/reports/{id}/return"),
        &officer,
        &json!({ "reason": "Kiểm tra lại số liệu" }),
    )
    .await
    .expect(200);
    let current = app
        .get(&format!("/api/v1/reports/{id}"), &teacher)
        .await
        .expect(200);
    let mut fixed = row.clone();
    fixed["actual"] = json!(72.4);
    app.patch(
        &format!("/api/v1/reports/{id}"),
        &teacher,
        Some(current.body["etag"].as_str().unwrap()),
        &json!({ "rows": [fixed] }),
    )
    .await
    .expect(200);
    let now = document_xml(
        download(&app, &format!("/api/v1/reports/{id}/export.docx"), &teacher)
            .await
            .2,
    );
    assert!(now.contains("72,4") && !now.contains("1.250"));
    let v1 = document_xml(
        download(
            &app,
            &format!("/api/v1/reports/{id}/export.docx?version=1"),
            &teacher,
        )
        .await
        .2,
    );
    assert!(v1.contains("1.250") && !v1.contains("72,4"));
    assert!(v1.contains(&date_line("Quận 1")));
    assert!(v1.contains("Bảng số liệu tuyển sinh.pdf"));
    let (status, _, _) = download(
        &app,
        &format!("/api/v1/reports/{id}/export.xlsx?version=2"),
        &teacher,
    )
    .await;
    assert_eq!(status, 404);
    // Another school does not reach it.
    let other = app.token("hieutruong.tranhungdao").await;
    let (status, _, _) = download(&app, &format!("/api/v1/reports/{id}/export.xlsx"), &other).await;
    assert_eq!(status, 404);
}
