//! Mẫu 2 — a unit's report (kết quả giai đoạn 1, tiến độ, tự đánh giá, nghiệm thu, tổng kết)
//! laid out as an administrative document of Decree 30/2020/NĐ-CP: the heading, "BÁO CÁO"
//! with its subject, the outline's sections, the results table, the list of evidence, the
//! recipients and the signature.

use chrono::NaiveDate;
use rust_xlsxwriter::{FormatAlign, Workbook, XlsxError};
use thidua_domain::report::{ReportKind, Section};

use super::decree30::{
    B, C, Heading, I, Style, base, docx_document, docx_heading_sized, docx_package, docx_signature,
    para, table, table_formats, tr, upper, xlsx_heading, xlsx_line, xlsx_signature,
    xlsx_spanned_row, xlsx_table,
};
use crate::views::reports::{ReportRowView, ReportSections};

pub const RESULTS_HEADING: &str = "Bảng kết quả thực hiện";
pub const EVIDENCE_HEADING: &str = "DANH MỤC TÀI LIỆU MINH CHỨNG";
pub const RESULT_COLUMNS: [&str; 8] = [
    "STT",
    "Giải pháp, mô hình, sáng kiến",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Số liệu ban đầu",
    "Chỉ tiêu đề ra",
    "Kết quả thực hiện",
    "Tình trạng, ghi chú",
];
pub const EVIDENCE_COLUMNS: [&str; 5] = ["STT", "Tên tài liệu", "Loại", "Kèm theo", "Dung lượng"];
const ROMAN: [&str; 6] = ["I", "II", "III", "IV", "V", "VI"];

/// One evidence file as the list shows it.
#[derive(Debug, Clone)]
pub struct EvidenceLine {
    pub name: String,
    /// "Hình ảnh", "Kế hoạch triển khai", …
    pub category: String,
    /// "Báo cáo", "Dòng 2: Tỷ lệ hồ sơ…", "Sáng kiến".
    pub attached_to: String,
    pub size_bytes: i64,
}

/// Everything the document shows, already resolved to display text.
#[derive(Debug, Clone)]
pub struct Mau2 {
    pub governing_body: Option<String>,
    pub unit_name: String,
    /// Used in the document number "Số: …/BC-<short>".
    pub unit_short: String,
    pub place: String,
    /// The submission date of the version shown; blanks when not submitted.
    pub date: Option<NaiveDate>,
    pub year: i32,
    pub kind: ReportKind,
    /// The initiative of an acceptance report.
    pub initiative_title: Option<String>,
    /// "(Căn cứ Kế hoạch số …)".
    pub campaign_reference: String,
    pub sections: ReportSections,
    pub rows: Vec<ReportRowView>,
    pub evidence: Vec<EvidenceLine>,
    /// "Nơi nhận": the campaign's issuer.
    pub recipient: String,
    pub head_name: Option<String>,
}

/// A figure as Vietnamese writes it: "1.250", "72,4".
pub fn figure(v: Option<f64>) -> String {
    let Some(v) = v else {
        return String::new();
    };
    let negative = v < 0.0;
    let v = v.abs();
    let rounded = (v * 100.0).round() / 100.0;
    let int = rounded.trunc() as u64;
    let frac = ((rounded - rounded.trunc()) * 100.0).round() as u64;
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let mut out = if negative {
        format!("-{grouped}")
    } else {
        grouped
    };
    if frac > 0 {
        let f = format!("{frac:02}");
        out.push(',');
        out.push_str(f.trim_end_matches('0'));
    }
    out
}

/// "2,5 MB", "820 KB".
pub fn size(bytes: i64) -> String {
    let b = bytes.max(0) as f64;
    if b >= 1024.0 * 1024.0 {
        format!(
            "{} MB",
            figure(Some((b / 1024.0 / 1024.0 * 10.0).round() / 10.0))
        )
    } else {
        format!("{} KB", figure(Some((b / 1024.0).ceil())))
    }
}

impl Mau2 {
    pub fn number_line(&self) -> String {
        format!("Số: …/BC-{}", self.unit_short)
    }

    pub fn heading(&self) -> Heading {
        Heading {
            governing_body: self.governing_body.clone(),
            unit_name: self.unit_name.clone(),
            number_line: self.number_line(),
            date_line: super::decree30::date_line(&self.place, self.date),
        }
    }

    /// The subject (trích yếu) under "BÁO CÁO".
    pub fn subject(&self) -> String {
        let y = self.year;
        match self.kind {
            ReportKind::Phase1Result => format!(
                "Kết quả thực hiện các giải pháp, mô hình, sáng kiến cải cách hành chính đã đăng ký giai đoạn 1 năm {y}"
            ),
            ReportKind::PeriodicProgress => format!(
                "Tiến độ thực hiện các giải pháp, mô hình, sáng kiến cải cách hành chính năm {y}"
            ),
            ReportKind::SelfAssessment => format!(
                "Kết quả triển khai và tự đánh giá hiệu quả áp dụng các mô hình, sáng kiến cải cách hành chính năm {y}"
            ),
            ReportKind::Acceptance => format!(
                "Kết quả thực hiện và đề nghị nghiệm thu {}",
                self.initiative_title.as_deref().unwrap_or("sáng kiến")
            ),
            ReportKind::YearEndSummary => {
                format!("Tổng kết phong trào thi đua cải cách hành chính năm {y}")
            }
        }
    }

    /// The outline: "I. TÌNH HÌNH, ĐẶC ĐIỂM" and its text, in order.
    pub fn outline(&self) -> Vec<(String, String)> {
        let s = &self.sections;
        Section::ALL
            .iter()
            .zip(ROMAN)
            .map(|(sec, n)| {
                let text = match sec {
                    Section::Situation => &s.situation,
                    Section::Implementation => &s.implementation,
                    Section::Results => &s.results,
                    Section::Effectiveness => &s.effectiveness,
                    Section::Difficulties => &s.difficulties,
                    Section::Proposals => &s.proposals,
                };
                (format!("{n}. {}", upper(sec.heading_vi())), text.clone())
            })
            .collect()
    }

    pub fn results_table(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    (i + 1).to_string(),
                    r.initiative
                        .as_ref()
                        .map(|x| x.title.clone())
                        .unwrap_or_default(),
                    r.indicator.clone(),
                    r.unit_of_measure.clone().unwrap_or_default(),
                    figure(r.baseline),
                    figure(r.target),
                    figure(r.actual),
                    r.status_note.clone().unwrap_or_default(),
                ]
            })
            .collect()
    }

    pub fn evidence_table(&self) -> Vec<Vec<String>> {
        self.evidence
            .iter()
            .enumerate()
            .map(|(i, e)| {
                vec![
                    (i + 1).to_string(),
                    e.name.clone(),
                    e.category.clone(),
                    e.attached_to.clone(),
                    size(e.size_bytes),
                ]
            })
            .collect()
    }

    fn recipients(&self) -> String {
        format!("- {};\n- Lưu: VT.", self.recipient)
    }
}

// ---------------------------------------------------------------- xlsx

/// The workbook: one sheet "Mẫu 2", portrait A4.
pub fn to_xlsx(doc: &Mau2) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Mẫu 2")?;
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    let widths: &[f64] = &[5.0, 26.0, 22.0, 9.0, 11.0, 11.0, 11.0, 20.0];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let last = 7u16;
    xlsx_heading(ws, widths, 2, 4, last, &doc.heading())?;
    let center = base().set_align(FormatAlign::Center);
    let bold_center = center.clone().set_bold();
    let italic_center = center.set_italic();
    let bold = base().set_bold();
    let text = base().set_align(FormatAlign::Top);
    let all = (0, last);
    xlsx_line(ws, widths, 4, all, "BÁO CÁO", &bold_center, true)?;
    xlsx_line(ws, widths, 5, all, &doc.subject(), &bold_center, true)?;
    xlsx_line(
        ws,
        widths,
        6,
        all,
        &doc.campaign_reference,
        &italic_center,
        false,
    )?;
    let mut row = 7u32;
    for (n, (heading, body)) in doc.outline().into_iter().enumerate() {
        row += 1;
        xlsx_line(ws, widths, row, all, &heading, &bold, true)?;
        if !body.trim().is_empty() {
            row += 1;
            xlsx_line(ws, widths, row, all, &body, &text, false)?;
        }
        // The results table belongs to "III. KẾT QUẢ ĐẠT ĐƯỢC".
        if n == 2 {
            row += 1;
            xlsx_line(
                ws,
                widths,
                row,
                all,
                RESULTS_HEADING,
                &base().set_italic(),
                false,
            )?;
            row = xlsx_table(ws, widths, row + 1, &RESULT_COLUMNS, &doc.results_table())?;
        }
    }
    row += 2;
    xlsx_line(ws, widths, row, all, EVIDENCE_HEADING, &bold, true)?;
    // STT | Tên tài liệu (B:C) | Loại (D:E) | Kèm theo (F:G) | Dung lượng (H)
    let spans: [(u16, u16); 5] = [(0, 0), (1, 2), (3, 4), (5, 6), (7, 7)];
    let (head, body) = table_formats();
    row += 1;
    let titles: Vec<String> = EVIDENCE_COLUMNS.iter().map(|s| s.to_string()).collect();
    xlsx_spanned_row(ws, widths, row, &spans, &titles, &head, true)?;
    for values in doc.evidence_table() {
        row += 1;
        xlsx_spanned_row(ws, widths, row, &spans, &values, &body, false)?;
    }
    row += 2;
    let name = doc.head_name.as_deref().unwrap_or("");
    xlsx_signature(ws, widths, row, 4, last, name)?;
    // Beside the signature, whose rows have their heights: one recipient per row.
    let italic_bold = base().set_bold().set_italic();
    xlsx_line(ws, widths, row, (0, 2), "Nơi nhận:", &italic_bold, true)?;
    let small = base().set_font_size(11).set_align(FormatAlign::Top);
    for (n, line) in (1u32..).zip(doc.recipients().lines()) {
        ws.merge_range(row + n, 0, row + n, 2, line, &small)?;
    }
    wb.save_to_buffer()
}

// ---------------------------------------------------------------- docx

/// A paragraph of body text: justified, first line indented, as Decree 30 sets it.
fn body_para(text: &str) -> String {
    text.split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            format!(
                "<w:p><w:pPr><w:spacing w:before=\"60\" w:after=\"60\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                super::decree30::esc(line)
            )
        })
        .collect()
}

/// The body of `word/document.xml`: A4 portrait, 9355 twips of text width.
pub fn document_xml(doc: &Mau2) -> String {
    let mut body = docx_heading_sized(3955, 5400, &doc.heading(), 24);
    body.push_str(&para("", C));
    body.push_str(&para("BÁO CÁO", B));
    body.push_str(&para(&doc.subject(), B));
    body.push_str(&para(&doc.campaign_reference, I));
    body.push_str(&para("", C));
    let heading = Style {
        center: false,
        keep_next: true,
        ..B
    };
    for (n, (title, text)) in doc.outline().into_iter().enumerate() {
        body.push_str(&para(&title, heading));
        body.push_str(&body_para(&text));
        if n == 2 {
            body.push_str(&para(
                RESULTS_HEADING,
                Style {
                    keep_next: true,
                    ..I
                },
            ));
            let w = [600, 2100, 1600, 800, 950, 950, 950, 1405];
            let titles: Vec<String> = RESULT_COLUMNS.iter().map(|s| s.to_string()).collect();
            let mut rows = vec![tr(&w, &titles, true)];
            rows.extend(doc.results_table().iter().map(|r| tr(&w, r, false)));
            body.push_str(&table(&w, &rows, true));
        }
    }
    body.push_str(&para("", C));
    body.push_str(&para(EVIDENCE_HEADING, heading));
    let w = [600, 3700, 1500, 2400, 1155];
    let titles: Vec<String> = EVIDENCE_COLUMNS.iter().map(|s| s.to_string()).collect();
    let mut rows = vec![tr(&w, &titles, true)];
    rows.extend(doc.evidence_table().iter().map(|r| tr(&w, r, false)));
    body.push_str(&table(&w, &rows, true));
    body.push_str(&para("", C));
    let recipients = [
        para(
            "Nơi nhận:",
            Style {
                center: false,
                bold: true,
                italic: true,
                size: 24,
                ..Style::default()
            },
        ),
        para(
            &doc.recipients(),
            Style {
                center: false,
                size: 22,
                ..Style::default()
            },
        ),
    ]
    .concat();
    body.push_str(&docx_signature(
        4355,
        5000,
        &recipients,
        doc.head_name.as_deref().unwrap_or(""),
    ));
    docx_document(&body, false)
}

pub fn to_docx(doc: &Mau2) -> zip::result::ZipResult<Vec<u8>> {
    docx_package(&document_xml(doc))
}

/// A Mẫu 2 document as the `.xlsx` or `.docx` download.
pub fn response(
    doc: &Mau2,
    docx: bool,
    ascii_stem: &str,
    name: &str,
) -> Result<actix_web::HttpResponse, crate::error::ApiError> {
    super::decree30::download(docx, || to_docx(doc), || to_xlsx(doc), ascii_stem, name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::reports::InitiativeRef;
    use std::io::Read;

    fn sample() -> Mau2 {
        Mau2 {
            governing_body: Some("Ủy ban nhân dân Quận 1".into()),
            unit_name: "Trường Mầm non Cô Giang".into(),
            unit_short: "MNCG".into(),
            place: "Quận 1".into(),
            date: NaiveDate::from_ymd_opt(2023, 6, 8),
            year: 2023,
            kind: ReportKind::Phase1Result,
            initiative_title: None,
            campaign_reference: "(Căn cứ Kế hoạch số 175/KH-UBND <&>)".into(),
            sections: ReportSections {
                situation: "Trường có 45 cán bộ.\nCó 520 trẻ.".into(),
                results: "Đạt kết quả tốt.".into(),
                ..ReportSections::default()
            },
            rows: vec![ReportRowView {
                id: uuid::Uuid::nil(),
                initiative: Some(InitiativeRef {
                    id: uuid::Uuid::nil(),
                    title: "Số hóa hồ sơ tuyển sinh".into(),
                }),
                indicator: "Tỷ lệ hồ sơ trực tuyến".into(),
                unit_of_measure: Some("%".into()),
                baseline: Some(12.5),
                target: Some(60.0),
                actual: Some(1250.0),
                status_note: Some("Vượt chỉ tiêu".into()),
                sort_order: 0,
            }],
            evidence: vec![EvidenceLine {
                name: "Kế hoạch số 112.pdf".into(),
                category: "Kế hoạch triển khai".into(),
                attached_to: "Báo cáo".into(),
                size_bytes: 2_621_440,
            }],
            recipient: "Ủy ban nhân dân Quận 1".into(),
            head_name: Some("Nguyễn Thị Hạnh".into()),
        }
    }

    #[test]
    fn figures_and_sizes_read_as_vietnamese() {
        assert_eq!(figure(Some(1250.0)), "1.250");
        assert_eq!(figure(Some(72.4)), "72,4");
        assert_eq!(figure(Some(12.5)), "12,5");
        assert_eq!(figure(Some(0.05)), "0,05");
        assert_eq!(figure(Some(-3.0)), "-3");
        assert_eq!(figure(Some(1_000_000.0)), "1.000.000");
        assert_eq!(figure(None), "");
        assert_eq!(size(2_621_440), "2,5 MB");
        assert_eq!(size(839_680), "820 KB");
    }

    #[test]
    fn the_outline_tables_and_subject() {
        let d = sample();
        assert_eq!(
            d.subject(),
            "Kết quả thực hiện các giải pháp, mô hình, sáng kiến cải cách hành chính đã đăng ký giai đoạn 1 năm 2023"
        );
        let outline = d.outline();
        assert_eq!(outline[0].0, "I. TÌNH HÌNH, ĐẶC ĐIỂM");
        assert_eq!(outline[5].0, "VI. ĐỀ XUẤT, KIẾN NGHỊ");
        assert_eq!(
            d.results_table()[0],
            vec![
                "1",
                "Số hóa hồ sơ tuyển sinh",
                "Tỷ lệ hồ sơ trực tuyến",
                "%",
                "12,5",
                "60",
                "1.250",
                "Vượt chỉ tiêu"
            ]
        );
        assert_eq!(d.evidence_table()[0][4], "2,5 MB");
        assert_eq!(d.number_line(), "Số: …/BC-MNCG");
        let acceptance = Mau2 {
            kind: ReportKind::Acceptance,
            initiative_title: Some("Số hóa hồ sơ".into()),
            ..d
        };
        assert_eq!(
            acceptance.subject(),
            "Kết quả thực hiện và đề nghị nghiệm thu Số hóa hồ sơ"
        );
    }

    fn unzip(bytes: Vec<u8>, name: &str) -> String {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut xml = String::new();
        z.by_name(name)
            .expect("part")
            .read_to_string(&mut xml)
            .expect("utf-8");
        xml
    }

    #[test]
    fn docx_and_xlsx_hold_the_report() {
        let xml = unzip(to_docx(&sample()).expect("docx"), "word/document.xml");
        for text in RESULT_COLUMNS.iter().chain(EVIDENCE_COLUMNS.iter()) {
            assert!(xml.contains(&format!(">{text}<")), "{text}");
        }
        for text in [
            "BÁO CÁO",
            "I. TÌNH HÌNH, ĐẶC ĐIỂM",
            "III. KẾT QUẢ ĐẠT ĐƯỢC",
            "Trường có 45 cán bộ.",
            "Có 520 trẻ.",
            "Kế hoạch số 112.pdf",
            "(Căn cứ Kế hoạch số 175/KH-UBND &lt;&amp;&gt;)",
            "Số: …/BC-MNCG",
            "Quận 1, ngày 08 tháng 6 năm 2023",
            "Nơi nhận:",
            "Nguyễn Thị Hạnh",
            "1.250",
        ] {
            assert!(xml.contains(text), "{text}");
        }
        // Portrait A4.
        assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
        let sheet = unzip(to_xlsx(&sample()).expect("xlsx"), "xl/sharedStrings.xml");
        for text in [
            "BÁO CÁO",
            "Tỷ lệ hồ sơ trực tuyến",
            EVIDENCE_HEADING,
            "Nơi nhận:",
        ] {
            assert!(sheet.contains(text), "{text}");
        }
    }
}
