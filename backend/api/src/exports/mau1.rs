//! Mẫu 1 — the unit's registration for the administrative-reform emulation, laid out as an
//! administrative document of Decree 30/2020/NĐ-CP (national motto top right, issuing body
//! top left, title, table, signature bottom right).

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_xlsxwriter::{FormatAlign, Workbook, XlsxError};

use super::decree30::{
    B, C, Heading, I, Style, base, docx_document, docx_heading, docx_package, docx_signature,
    fit_row, para, span_width, table, table_formats, tr, xlsx_heading, xlsx_line, xlsx_signature,
    xlsx_spanned_row, xlsx_table,
};
pub use super::decree30::{
    MOTTO, NATION, SIGNER_NOTE, SIGNER_TITLE, abbreviation, decree30_date, dmy, upper,
};

use crate::views::initiatives::InitiativeKindCode;
use crate::views::registrations::{CommitmentStatusCode, CommitmentView, RegisteredInitiative};

pub const COMMITMENTS_HEADING: &str = "CAM KẾT KHẮC PHỤC TỒN TẠI, HẠN CHẾ";
pub const UNIT_COLUMN: &str = "Đơn vị";
pub const COLUMNS: [&str; 9] = [
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
pub const COMMITMENT_COLUMNS: [&str; 5] = [
    "STT",
    "Tồn tại, hạn chế",
    "Nội dung cam kết",
    "Thời hạn",
    "Tình trạng",
];
/// One registered initiative and, in an authority's summary, the unit that registered it.
#[derive(Debug, Clone)]
pub struct Mau1Row {
    pub unit: Option<String>,
    pub initiative: RegisteredInitiative,
}

/// Everything the document shows, already resolved to display text.
#[derive(Debug, Clone)]
pub struct Mau1 {
    /// Cơ quan chủ quản (the parent organisation), if any.
    pub governing_body: Option<String>,
    pub unit_name: String,
    /// Used in the document number "Số: …/ĐK-<short>".
    pub unit_short: String,
    /// "Quận 1", or "Thành phố Hồ Chí Minh" without a district.
    pub place: String,
    /// The submission date of the version shown; blanks when not submitted.
    pub date: Option<NaiveDate>,
    pub year: i32,
    /// "Căn cứ Kế hoạch số …" line.
    pub campaign_reference: String,
    /// Reform area code → Vietnamese name.
    pub reform_areas: HashMap<String, String>,
    pub rows: Vec<Mau1Row>,
    /// Whether the table has the "Đơn vị" column (an authority's summary).
    pub with_unit_column: bool,
    /// `None` leaves the commitments section out (an authority's summary).
    pub commitments: Option<Vec<CommitmentView>>,
    pub head_name: Option<String>,
}

impl Mau1 {
    pub fn title(&self) -> String {
        format!("BẢN ĐĂNG KÝ THI ĐUA CẢI CÁCH HÀNH CHÍNH NĂM {}", self.year)
    }

    pub fn number_line(&self) -> String {
        format!("Số: …/ĐK-{}", self.unit_short)
    }

    pub fn date_line(&self) -> String {
        super::decree30::date_line(&self.place, self.date)
    }

    pub fn heading(&self) -> Heading {
        Heading {
            governing_body: self.governing_body.clone(),
            unit_name: self.unit_name.clone(),
            number_line: self.number_line(),
            date_line: self.date_line(),
        }
    }

    pub fn headers(&self) -> Vec<&'static str> {
        let mut h: Vec<&'static str> = Vec::with_capacity(10);
        h.push(COLUMNS[0]);
        if self.with_unit_column {
            h.push(UNIT_COLUMN);
        }
        h.extend_from_slice(&COLUMNS[1..]);
        h
    }

    /// The table's cells, row by row, in the order of `headers`.
    pub fn table(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let it = &row.initiative;
                let mut cells = vec![(i + 1).to_string()];
                if self.with_unit_column {
                    cells.push(row.unit.clone().unwrap_or_default());
                }
                let authors = if it.collective || it.authors.is_empty() {
                    "Tập thể đơn vị".to_string()
                } else {
                    it.authors.join("\n")
                };
                let summary = if it.objectives.trim().is_empty() {
                    it.summary.clone()
                } else {
                    format!("{}\nMục tiêu: {}", it.summary, it.objectives)
                };
                cells.extend([
                    it.title.clone(),
                    kind_vi(it.kind).to_string(),
                    self.reform_areas
                        .get(&it.reform_area)
                        .cloned()
                        .unwrap_or_else(|| it.reform_area.clone()),
                    authors,
                    summary,
                    period(it.starts_on, it.ends_on),
                    it.expected_results.clone(),
                    String::new(),
                ]);
                cells
            })
            .collect()
    }

    pub fn commitment_table(&self) -> Vec<[String; 5]> {
        self.commitments
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, c)| {
                [
                    (i + 1).to_string(),
                    c.shortcoming.clone(),
                    c.commitment.clone(),
                    c.target_date.map(dmy).unwrap_or_default(),
                    commitment_status_vi(c.status).to_string(),
                ]
            })
            .collect()
    }
}

pub fn kind_vi(k: InitiativeKindCode) -> &'static str {
    match k {
        InitiativeKindCode::Work => "Công trình",
        InitiativeKindCode::Model => "Mô hình",
        InitiativeKindCode::Solution => "Giải pháp",
        InitiativeKindCode::Initiative => "Sáng kiến",
        InitiativeKindCode::GoodPractice => "Cách làm hay",
    }
}

pub fn commitment_status_vi(s: CommitmentStatusCode) -> &'static str {
    match s {
        CommitmentStatusCode::Planned => "Chưa thực hiện",
        CommitmentStatusCode::InProgress => "Đang thực hiện",
        CommitmentStatusCode::Done => "Đã hoàn thành",
        CommitmentStatusCode::NotDone => "Không hoàn thành",
    }
}

/// "dd/mm/yyyy – dd/mm/yyyy", or the known end alone.
pub fn period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (Some(a), Some(b)) => format!("{} – {}", dmy(a), dmy(b)),
        (Some(a), None) => format!("Từ {}", dmy(a)),
        (None, Some(b)) => format!("Đến {}", dmy(b)),
        (None, None) => String::new(),
    }
}

// ---------------------------------------------------------------- xlsx

/// The workbook: one sheet "Mẫu 1". Row indexes are what the tests read back.
pub fn to_xlsx(doc: &Mau1) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Mẫu 1")?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);

    let headers = doc.headers();
    let last = (headers.len() - 1) as u16;
    let widths: &[f64] = if doc.with_unit_column {
        &[5.0, 22.0, 30.0, 12.0, 18.0, 22.0, 36.0, 16.0, 26.0, 12.0]
    } else {
        &[5.0, 30.0, 12.0, 18.0, 22.0, 40.0, 16.0, 28.0, 12.0]
    };
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }

    let center = base().set_align(FormatAlign::Center);
    let bold_center = center.clone().set_bold();
    let italic_center = center.clone().set_italic();
    let left_end = 2u16;
    let right_start = last - 3;
    let all_w = span_width(widths, 0, last);
    xlsx_heading(ws, widths, left_end, right_start, last, &doc.heading())?;
    xlsx_line(ws, widths, 4, (0, last), &doc.title(), &bold_center, true)?;
    let reference = &doc.campaign_reference;
    xlsx_line(ws, widths, 5, (0, last), reference, &italic_center, false)?;
    let mut row = xlsx_table(ws, widths, 7, &headers, &doc.table())?;
    let (head, body) = table_formats();

    if let Some(_commitments) = &doc.commitments {
        row += 2;
        ws.merge_range(row, 0, row, last, COMMITMENTS_HEADING, &base().set_bold())?;
        fit_row(ws, row, &[(COMMITMENTS_HEADING, all_w, 13.0, true)])?;
        row += 1;
        // STT | Tồn tại (B:C) | Nội dung cam kết (D:F) | Thời hạn (G) | Tình trạng (H:last)
        let spans: [(u16, u16); 5] = [(0, 0), (1, 2), (3, 5), (6, 6), (7, last)];
        let titles: Vec<String> = COMMITMENT_COLUMNS.iter().map(|s| s.to_string()).collect();
        xlsx_spanned_row(ws, widths, row, &spans, &titles, &head, true)?;
        for values in doc.commitment_table() {
            row += 1;
            xlsx_spanned_row(ws, widths, row, &spans, &values, &body, false)?;
        }
    }

    row += 2;
    let head_name = doc.head_name.as_deref().unwrap_or("");
    xlsx_signature(ws, widths, row, right_start, last, head_name)?;
    wb.save_to_buffer()
}

// ---------------------------------------------------------------- docx

/// The body of `word/document.xml`.
pub fn document_xml(doc: &Mau1) -> String {
    // A4 landscape, 2 cm margins: 16838 − 2 × 1134 = 14570 twips of text width.
    let mut body = docx_heading(5570, 9000, &doc.heading());
    body.push_str(&para("", C));
    body.push_str(&para(&doc.title(), B));
    body.push_str(&para(&doc.campaign_reference, I));
    body.push_str(&para("", C));

    let widths: Vec<u32> = if doc.with_unit_column {
        // STT wide enough for "STT" in bold, the period for "dd/mm/yyyy –" on one line.
        vec![600, 1500, 2100, 900, 1300, 1600, 2480, 1420, 1900, 770]
    } else {
        vec![600, 2300, 1000, 1500, 1800, 3000, 1400, 2070, 900]
    };
    let headers: Vec<String> = doc.headers().iter().map(|s| s.to_string()).collect();
    let mut rows = vec![tr(&widths, &headers, true)];
    rows.extend(doc.table().iter().map(|r| tr(&widths, r, false)));
    body.push_str(&table(&widths, &rows, true));

    if doc.commitments.is_some() {
        body.push_str(&para("", C));
        body.push_str(&para(
            COMMITMENTS_HEADING,
            Style {
                center: false,
                keep_next: true,
                ..B
            },
        ));
        let w = [600, 4500, 5570, 1600, 2300];
        let titles: Vec<String> = COMMITMENT_COLUMNS.iter().map(|s| s.to_string()).collect();
        let mut rows = vec![tr(&w, &titles, true)];
        rows.extend(doc.commitment_table().iter().map(|r| tr(&w, r, false)));
        body.push_str(&table(&w, &rows, true));
    }

    body.push_str(&para("", C));
    body.push_str(&docx_signature(
        8570,
        6000,
        "",
        doc.head_name.as_deref().unwrap_or(""),
    ));
    docx_document(&body, true)
}

/// The WordprocessingML package.
pub fn to_docx(doc: &Mau1) -> zip::result::ZipResult<Vec<u8>> {
    docx_package(&document_xml(doc))
}

/// A Mẫu 1 document as the `.xlsx` or `.docx` download named `<name>.<ext>` (ASCII
/// fallback `<ascii_stem>.<ext>`).
pub fn response(
    doc: &Mau1,
    docx: bool,
    ascii_stem: &str,
    name: &str,
) -> Result<actix_web::HttpResponse, crate::error::ApiError> {
    super::decree30::download(docx, || to_docx(doc), || to_xlsx(doc), ascii_stem, name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exports::decree30::wrapped_lines;
    use crate::views::initiatives::InitiativeStatusCode;
    use std::io::Read;

    fn sample(with_unit: bool) -> Mau1 {
        Mau1 {
            governing_body: Some("Phòng Giáo dục và Đào tạo Quận 1".into()),
            unit_name: "Trường THCS Cô Giang".into(),
            unit_short: "THCSCG".into(),
            place: "Quận 1".into(),
            date: NaiveDate::from_ymd_opt(2023, 4, 20),
            year: 2023,
            campaign_reference: "Căn cứ Kế hoạch KH-01 <&>".into(),
            reform_areas: HashMap::from([("e_gov".into(), "Chính quyền điện tử".into())]),
            rows: vec![Mau1Row {
                unit: Some("Trường THCS Cô Giang".into()),
                initiative: RegisteredInitiative {
                    id: uuid::Uuid::nil(),
                    title: "Số hóa hồ sơ".into(),
                    kind: InitiativeKindCode::GoodPractice,
                    reform_area: "e_gov".into(),
                    summary: "Tóm tắt".into(),
                    objectives: "Giảm giấy".into(),
                    expected_results: "100 % hồ sơ".into(),
                    starts_on: NaiveDate::from_ymd_opt(2023, 3, 1),
                    ends_on: NaiveDate::from_ymd_opt(2023, 11, 30),
                    status: InitiativeStatusCode::Registered,
                    authors: vec![],
                    collective: true,
                },
            }],
            with_unit_column: with_unit,
            commitments: (!with_unit).then(|| {
                vec![CommitmentView {
                    id: uuid::Uuid::nil(),
                    shortcoming: "Chậm".into(),
                    commitment: "Nhanh hơn".into(),
                    target_date: NaiveDate::from_ymd_opt(2023, 6, 30),
                    status: CommitmentStatusCode::InProgress,
                    sort_order: 0,
                }]
            }),
            head_name: Some("Nguyễn Thị Hạnh".into()),
        }
    }

    #[test]
    fn lines_and_cells_are_vietnamese() {
        let d = sample(false);
        assert_eq!(d.date_line(), "Quận 1, ngày 20 tháng 4 năm 2023");
        let jan5 = NaiveDate::from_ymd_opt(2024, 1, 5).unwrap();
        assert_eq!(decree30_date(jan5), "ngày 05 tháng 01 năm 2024");
        let nov27 = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(decree30_date(nov27), "ngày 27 tháng 11 năm 2026");
        assert_eq!(abbreviation("MN Cô Giang"), "MNCG");
        assert_eq!(abbreviation("UBND Quận 1"), "UBNDQ1");
        assert_eq!(abbreviation("Trạm Y tế Bến Nghé"), "TYTBN");
        assert_eq!(abbreviation("Đài"), "D");
        assert_eq!(
            d.title(),
            "BẢN ĐĂNG KÝ THI ĐUA CẢI CÁCH HÀNH CHÍNH NĂM 2023"
        );
        assert_eq!(upper("Trường THCS Cô Giang"), "TRƯỜNG THCS CÔ GIANG");
        let t = d.table();
        assert_eq!(
            t[0],
            vec![
                "1",
                "Số hóa hồ sơ",
                "Cách làm hay",
                "Chính quyền điện tử",
                "Tập thể đơn vị",
                "Tóm tắt\nMục tiêu: Giảm giấy",
                "01/03/2023 – 30/11/2023",
                "100 % hồ sơ",
                ""
            ]
        );
        assert_eq!(d.commitment_table()[0][3], "30/06/2023");
        assert_eq!(d.commitment_table()[0][4], "Đang thực hiện");
        let s = sample(true);
        assert_eq!(s.headers()[1], UNIT_COLUMN);
        assert_eq!(s.table()[0][1], "Trường THCS Cô Giang");
        let blank = Mau1 { date: None, ..d };
        assert_eq!(blank.date_line(), "Quận 1, ngày … tháng … năm …");
    }

    #[test]
    fn xlsx_is_a_zip_with_a_sheet() {
        for with_unit in [false, true] {
            let bytes = to_xlsx(&sample(with_unit)).expect("xlsx");
            let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
            assert!(z.by_name("xl/worksheets/sheet1.xml").is_ok());
        }
    }

    #[test]
    fn wrapped_text_gets_a_taller_row() {
        assert_eq!(wrapped_lines("STT", 5.0, 12.0, true), 1);
        assert_eq!(wrapped_lines("Giải pháp", 12.0, 12.0, false), 1);
        assert_eq!(wrapped_lines("một\nhai", 40.0, 12.0, false), 2);
        let long = "Phụ huynh nộp hồ sơ tuyển sinh qua cổng dịch vụ công, nhà trường tiếp nhận";
        assert!(wrapped_lines(long, 40.0, 12.0, false) >= 2);
        assert!(wrapped_lines(long, 12.0, 12.0, false) > wrapped_lines(long, 40.0, 12.0, false));

        let mut d = sample(false);
        d.rows[0].initiative.summary = long.repeat(4);
        let bytes = to_xlsx(&d).expect("xlsx");
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut xml = String::new();
        z.by_name("xl/worksheets/sheet1.xml")
            .expect("sheet")
            .read_to_string(&mut xml)
            .expect("utf-8");
        // The first initiative is spreadsheet row 9: a stored height of many lines.
        let row = &xml[xml.find("<row r=\"9\"").expect("row 9")..];
        let tag = &row[..row.find('>').expect("a tag")];
        let ht: f64 = tag
            .split("ht=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|h| h.parse().ok())
            .expect("a stored height");
        assert!(ht > 100.0, "{ht}");
    }

    #[test]
    fn docx_holds_escaped_texts_and_the_table() {
        let bytes = to_docx(&sample(false)).expect("docx");
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut xml = String::new();
        z.by_name("word/document.xml")
            .expect("document")
            .read_to_string(&mut xml)
            .expect("utf-8");
        for text in COLUMNS.iter().chain(COMMITMENT_COLUMNS.iter()) {
            assert!(xml.contains(&format!(">{text}<")), "{text}");
        }
        for text in [
            NATION,
            MOTTO,
            "TRƯỜNG THCS CÔ GIANG",
            "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN 1",
            "Căn cứ Kế hoạch KH-01 &lt;&amp;&gt;",
            "Số: …/ĐK-THCSCG",
            SIGNER_TITLE,
            "Nguyễn Thị Hạnh",
        ] {
            assert!(xml.contains(text), "{text}");
        }
        assert!(xml.contains("<w:u w:val=\"single\"/>"));
        // The commitments heading stays with its table; the signature block is one piece.
        assert!(xml.contains(&format!(
            "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{COMMITMENTS_HEADING}"
        )));
        assert!(
            xml.contains("<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"8570\"")
        );
        assert!(z.by_name("word/styles.xml").is_ok());
    }
}
