//! The committee's minutes (biên bản họp Hội đồng đánh giá sáng kiến) in the layout of
//! Decree 30/2020/NĐ-CP: the heading, "BIÊN BẢN" and its subject, time and place, the
//! members with their attendance, how the initiatives were scored, the table of aggregates
//! and decisions with their votes, the conclusion, and the signatures of the secretary and
//! the chair. The results table alone is also a workbook, with the per-criterion aggregates.

use chrono::NaiveDate;
use rust_xlsxwriter::{FormatAlign, Workbook, XlsxError};

use super::decree30::{
    B, C, Heading, I, Style, base, decree30_date, docx_document, docx_heading_sized, docx_package,
    para, table, tc, tr, upper, xlsx_heading, xlsx_line, xlsx_table,
};
use super::mau2::figure;

/// A member of the committee as the minutes name them.
#[derive(Debug, Clone)]
pub struct MinutesMember {
    pub name: String,
    /// "Chủ tịch Hội đồng", "Thư ký", "Ủy viên".
    pub role: String,
    /// `None` before the meeting is recorded (the round is not closed).
    pub present: Option<bool>,
}

/// One initiative's line.
#[derive(Debug, Clone)]
pub struct MinutesRow {
    pub rank: Option<i64>,
    pub title: String,
    pub unit: String,
    pub total: Option<f64>,
    /// Per criterion, in the set's order (the workbook's columns).
    pub per_criterion: Vec<Option<f64>>,
    pub gate_failed: bool,
    pub sheets: i64,
    /// "Đạt", "Không đạt", or empty when undecided.
    pub verdict: Option<bool>,
    pub selected_for_award: bool,
    /// (for, against, abstain).
    pub votes: Option<(i32, i32, i32)>,
    pub note: Option<String>,
}

/// Everything the minutes show, already resolved to display text.
#[derive(Debug, Clone)]
pub struct Minutes {
    pub governing_body: Option<String>,
    /// The organisation whose committee it is.
    pub organization_name: String,
    pub organization_short: String,
    pub place: String,
    pub round_title: String,
    pub campaign_code: String,
    pub meeting_on: Option<NaiveDate>,
    pub meeting_place: Option<String>,
    pub criteria_set_name: String,
    /// (number, name) of the scored criteria, in the set's order.
    pub criteria: Vec<(String, String)>,
    /// Names of the pass/fail criteria.
    pub gates: Vec<String>,
    pub max_total: f64,
    /// "trung bình cộng", "trung vị", …
    pub aggregation_vi: String,
    pub tie_break_vi: String,
    pub members: Vec<MinutesMember>,
    pub rows: Vec<MinutesRow>,
    pub chair: Option<String>,
    pub secretary: Option<String>,
}

pub const TABLE_COLUMNS: [&str; 7] = [
    "STT",
    "Sáng kiến, mô hình, giải pháp",
    "Đơn vị",
    "Điểm tổng hợp",
    "Kết luận của Hội đồng",
    "Biểu quyết (đồng ý / không đồng ý / ý kiến khác)",
    "Ghi chú",
];

impl Minutes {
    pub fn heading(&self) -> Heading {
        Heading {
            governing_body: self.governing_body.clone(),
            unit_name: self.organization_name.clone(),
            number_line: format!("Số: …/BB-{}", self.organization_short),
            date_line: super::decree30::date_line(&self.place, self.meeting_on),
        }
    }

    pub fn subject(&self) -> String {
        format!("Họp {}", self.round_title)
    }

    pub fn time_and_place(&self) -> String {
        let when = match self.meeting_on {
            Some(d) => format!("Vào lúc … giờ …, {}", decree30_date(d)),
            None => "Vào lúc … giờ …, ngày … tháng … năm …".to_string(),
        };
        let place = self.meeting_place.as_deref().unwrap_or("…");
        format!(
            "{when}, tại {place}, Hội đồng họp đánh giá, nghiệm thu các sáng kiến, mô hình, giải pháp cải cách hành chính theo Kế hoạch số {}.",
            self.campaign_code
        )
    }

    /// "1. Nguyễn Văn A — Chủ tịch Hội đồng (có mặt)".
    pub fn attendance(&self) -> Vec<String> {
        self.members
            .iter()
            .enumerate()
            .map(|(n, m)| {
                let mark = match m.present {
                    Some(true) => " (có mặt)",
                    Some(false) => " (vắng mặt)",
                    None => "",
                };
                format!("{}. {} — {}{mark}", n + 1, m.name, m.role)
            })
            .collect()
    }

    pub fn attendance_summary(&self) -> String {
        let total = self.members.len();
        let present = self
            .members
            .iter()
            .filter(|m| m.present == Some(true))
            .count();
        if self.members.iter().all(|m| m.present.is_none()) {
            return format!("Tổng số thành viên Hội đồng: {total}.");
        }
        format!("Có mặt {present}/{total} thành viên Hội đồng.")
    }

    pub fn method(&self) -> String {
        let criteria: Vec<String> = self
            .criteria
            .iter()
            .map(|(code, name)| format!("{code}. {name}"))
            .collect();
        let mut s = format!(
            "Mỗi sáng kiến được các thành viên được phân công chấm độc lập theo bộ tiêu chí \"{}\" (tổng điểm tối đa {}): {}.",
            self.criteria_set_name,
            figure(Some(self.max_total)),
            criteria.join("; ")
        );
        if !self.gates.is_empty() {
            s.push_str(&format!(
                " Tiêu chí bắt buộc (đạt/không đạt): {}; sáng kiến không đạt tiêu chí bắt buộc thì không đủ điều kiện, bất kể số điểm.",
                self.gates.join("; ")
            ));
        }
        s.push_str(&format!(
            " Điểm tổng hợp là {} điểm các phiếu đã nộp. {}",
            self.aggregation_vi, self.tie_break_vi
        ));
        s
    }

    pub fn verdict_text(row: &MinutesRow) -> String {
        let mut s = match row.verdict {
            Some(true) => "Nghiệm thu đạt".to_string(),
            Some(false) => "Không đạt".to_string(),
            None => "Chưa quyết định".to_string(),
        };
        if row.selected_for_award {
            s.push_str("; đề nghị khen thưởng");
        }
        s
    }

    /// The rows of the table in the minutes.
    pub fn table(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .enumerate()
            .map(|(n, r)| {
                let mut total = figure(r.total);
                if r.gate_failed {
                    total.push_str(" (không đạt tiêu chí bắt buộc)");
                }
                vec![
                    (n + 1).to_string(),
                    r.title.clone(),
                    r.unit.clone(),
                    total,
                    Self::verdict_text(r),
                    r.votes
                        .map(|(a, b, c)| format!("{a} / {b} / {c}"))
                        .unwrap_or_default(),
                    r.note.clone().unwrap_or_default(),
                ]
            })
            .collect()
    }

    pub fn conclusion(&self) -> String {
        let accepted = self.rows.iter().filter(|r| r.verdict == Some(true)).count();
        let not_accepted = self
            .rows
            .iter()
            .filter(|r| r.verdict == Some(false))
            .count();
        let selected: Vec<&str> = self
            .rows
            .iter()
            .filter(|r| r.selected_for_award)
            .map(|r| r.title.as_str())
            .collect();
        let mut s = format!(
            "Hội đồng thống nhất nghiệm thu đạt {accepted} sáng kiến, không đạt {not_accepted} sáng kiến trên tổng số {} sáng kiến được đánh giá.",
            self.rows.len()
        );
        if selected.is_empty() {
            s.push_str(" Không có sáng kiến được chọn đề nghị khen thưởng.");
        } else {
            s.push_str(&format!(
                " Chọn đề nghị khen thưởng: {}.",
                selected
                    .iter()
                    .map(|t| format!("\"{t}\""))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        s.push_str(
            " Các quyết định được thông qua với ít nhất hai phần ba số thành viên Hội đồng đồng ý.",
        );
        s
    }

    pub const CLOSING: &'static str = "Biên bản kết thúc lúc … giờ … cùng ngày, đã được đọc lại cho các thành viên Hội đồng cùng nghe và thống nhất thông qua.";

    /// The workbook's columns: the table's, with one per scored criterion after the total.
    pub fn workbook_headers(&self) -> Vec<String> {
        let mut h = vec![
            "Xếp hạng".to_string(),
            "Sáng kiến, mô hình, giải pháp".into(),
            "Đơn vị".into(),
            "Số phiếu".into(),
            "Điểm tổng hợp".into(),
        ];
        h.extend(
            self.criteria
                .iter()
                .map(|(code, _)| format!("Tiêu chí {code}")),
        );
        h.extend([
            "Tiêu chí bắt buộc".to_string(),
            "Kết luận".into(),
            "Đồng ý".into(),
            "Không đồng ý".into(),
            "Ý kiến khác".into(),
            "Ghi chú".into(),
        ]);
        h
    }

    pub fn workbook_rows(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| {
                let mut v = vec![
                    r.rank.map(|n| n.to_string()).unwrap_or_default(),
                    r.title.clone(),
                    r.unit.clone(),
                    r.sheets.to_string(),
                    figure(r.total),
                ];
                v.extend(r.per_criterion.iter().map(|x| figure(*x)));
                let (a, b, c) = r.votes.unwrap_or_default();
                v.extend([
                    if r.gate_failed {
                        "Không đạt"
                    } else {
                        "Đạt"
                    }
                    .to_string(),
                    Self::verdict_text(r),
                    r.votes.map(|_| a.to_string()).unwrap_or_default(),
                    r.votes.map(|_| b.to_string()).unwrap_or_default(),
                    r.votes.map(|_| c.to_string()).unwrap_or_default(),
                    r.note.clone().unwrap_or_default(),
                ]);
                v
            })
            .collect()
    }
}

// ---------------------------------------------------------------- docx

fn body_para(text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:spacing w:before=\"60\" w:after=\"60\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        super::decree30::esc(text)
    )
}

/// The two signatures side by side: the secretary on the left, the chair on the right.
fn signatures(left: u32, right: u32, secretary: &str, chair: &str) -> String {
    let block = |title: &str, name: &str| {
        [
            para(title, B),
            para("(Ký, ghi rõ họ tên)", I),
            para("", C),
            para("", C),
            para("", C),
            para(name, B),
        ]
        .concat()
    };
    table(
        &[left, right],
        &[format!(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>{}{}</w:tr>",
            tc(left, &block("THƯ KÝ", secretary)),
            tc(right, &block("CHỦ TỊCH HỘI ĐỒNG", chair))
        )],
        false,
    )
}

/// `word/document.xml`: A4 portrait, 9355 twips of text width.
pub fn document_xml(doc: &Minutes) -> String {
    let heading = Style {
        center: false,
        keep_next: true,
        ..B
    };
    let mut body = docx_heading_sized(3955, 5400, &doc.heading(), 24);
    body.push_str(&para("", C));
    body.push_str(&para("BIÊN BẢN", B));
    body.push_str(&para(&doc.subject(), B));
    body.push_str(&para("", C));
    body.push_str(&para("I. THỜI GIAN, ĐỊA ĐIỂM", heading));
    body.push_str(&body_para(&doc.time_and_place()));
    body.push_str(&para("II. THÀNH PHẦN THAM DỰ", heading));
    for line in doc.attendance() {
        body.push_str(&body_para(&line));
    }
    body.push_str(&body_para(&doc.attendance_summary()));
    body.push_str(&para("III. NỘI DUNG", heading));
    body.push_str(&body_para(&doc.method()));
    body.push_str(&body_para(
        "Kết quả chấm điểm và biểu quyết của Hội đồng đối với từng sáng kiến như sau:",
    ));
    let w = [600, 2600, 1500, 1100, 1300, 1200, 1055];
    let titles: Vec<String> = TABLE_COLUMNS.iter().map(|s| s.to_string()).collect();
    let mut rows = vec![tr(&w, &titles, true)];
    rows.extend(doc.table().iter().map(|r| tr(&w, r, false)));
    body.push_str(&table(&w, &rows, true));
    body.push_str(&para("IV. KẾT LUẬN", heading));
    body.push_str(&body_para(&doc.conclusion()));
    body.push_str(&body_para(Minutes::CLOSING));
    body.push_str(&para("", C));
    body.push_str(&signatures(
        4355,
        5000,
        doc.secretary.as_deref().unwrap_or(""),
        doc.chair.as_deref().unwrap_or(""),
    ));
    docx_document(&body, false)
}

pub fn to_docx(doc: &Minutes) -> zip::result::ZipResult<Vec<u8>> {
    docx_package(&document_xml(doc))
}

// ---------------------------------------------------------------- xlsx

/// The results workbook: one sheet "Kết quả", landscape A4, the ranking with every
/// criterion's aggregate, the decisions and the votes.
pub fn to_xlsx(doc: &Minutes) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Kết quả")?;
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    let headers = doc.workbook_headers();
    let mut widths: Vec<f64> = vec![8.0, 34.0, 24.0, 8.0, 10.0];
    widths.extend(doc.criteria.iter().map(|_| 9.0));
    widths.extend([11.0, 18.0, 8.0, 8.0, 8.0, 24.0]);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let last = (widths.len() - 1) as u16;
    let left_end = 2u16;
    xlsx_heading(ws, &widths, left_end, left_end + 2, last, &doc.heading())?;
    let bold_center = base().set_align(FormatAlign::Center).set_bold();
    let italic_center = base().set_align(FormatAlign::Center).set_italic();
    let all = (0, last);
    xlsx_line(
        ws,
        &widths,
        4,
        all,
        &upper("Kết quả đánh giá sáng kiến"),
        &bold_center,
        true,
    )?;
    xlsx_line(ws, &widths, 5, all, &doc.round_title, &bold_center, true)?;
    xlsx_line(
        ws,
        &widths,
        6,
        all,
        &format!(
            "(Bộ tiêu chí \"{}\", tổng điểm tối đa {}; điểm tổng hợp là {} điểm các phiếu đã nộp)",
            doc.criteria_set_name,
            figure(Some(doc.max_total)),
            doc.aggregation_vi
        ),
        &italic_center,
        false,
    )?;
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let row = xlsx_table(ws, &widths, 8, &header_refs, &doc.workbook_rows())?;
    let text = base().set_align(FormatAlign::Top).set_italic();
    let mut row = row + 2;
    xlsx_line(ws, &widths, row, all, &doc.tie_break_vi, &text, false)?;
    for (code, name) in &doc.criteria {
        row += 1;
        xlsx_line(
            ws,
            &widths,
            row,
            all,
            &format!("Tiêu chí {code}: {name}"),
            &base(),
            false,
        )?;
    }
    wb.save_to_buffer()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Read;

    pub fn sample() -> Minutes {
        Minutes {
            governing_body: Some("Ủy ban nhân dân Quận 1".into()),
            organization_name: "Trường Mầm non Cô Giang".into(),
            organization_short: "MNCG".into(),
            place: "Quận 1".into(),
            round_title: "Hội đồng đánh giá sáng kiến năm học 2023–2024".into(),
            campaign_code: "175/KH-UBND".into(),
            meeting_on: NaiveDate::from_ymd_opt(2023, 11, 24),
            meeting_place: Some("Phòng họp Trường Mầm non Cô Giang".into()),
            criteria_set_name: "Tiêu chí lựa chọn mô hình, giải pháp".into(),
            criteria: vec![
                ("2".into(), "Giải quyết được vấn đề đặt ra".into()),
                ("3".into(), "Tác động xã hội".into()),
            ],
            gates: vec!["Tính hợp pháp và hiệu quả".into()],
            max_total: 100.0,
            aggregation_vi: "trung bình cộng".into(),
            tie_break_vi: "Cùng điểm thì xếp trước sáng kiến có phiếu thấp nhất cao hơn.".into(),
            members: vec![
                MinutesMember {
                    name: "Nguyễn Thị Hồng".into(),
                    role: "Chủ tịch Hội đồng".into(),
                    present: Some(true),
                },
                MinutesMember {
                    name: "Trần Văn Bình".into(),
                    role: "Thư ký".into(),
                    present: Some(false),
                },
            ],
            rows: vec![
                MinutesRow {
                    rank: Some(1),
                    title: "Mô hình \"Phụ huynh đồng hành\"".into(),
                    unit: "Trường Mầm non Cô Giang".into(),
                    total: Some(82.5),
                    per_criterion: vec![Some(27.5), Some(20.0)],
                    gate_failed: false,
                    sheets: 3,
                    verdict: Some(true),
                    selected_for_award: true,
                    votes: Some((5, 0, 0)),
                    note: Some("Mô hình hiệu quả, có thể nhân rộng.".into()),
                },
                MinutesRow {
                    rank: Some(2),
                    title: "Sổ liên lạc điện tử".into(),
                    unit: "Trường Mầm non Cô Giang".into(),
                    total: Some(40.0),
                    per_criterion: vec![Some(12.0), Some(10.0)],
                    gate_failed: true,
                    sheets: 3,
                    verdict: Some(false),
                    selected_for_award: false,
                    votes: Some((4, 1, 0)),
                    note: None,
                },
            ],
            chair: Some("Nguyễn Thị Hồng".into()),
            secretary: Some("Trần Văn Bình".into()),
        }
    }

    #[test]
    fn the_minutes_say_who_attended_and_what_was_decided() {
        let doc = sample();
        assert_eq!(doc.heading().number_line, "Số: …/BB-MNCG");
        assert_eq!(doc.heading().date_line, "Quận 1, ngày 24 tháng 11 năm 2023");
        assert_eq!(
            doc.attendance(),
            vec![
                "1. Nguyễn Thị Hồng — Chủ tịch Hội đồng (có mặt)",
                "2. Trần Văn Bình — Thư ký (vắng mặt)"
            ]
        );
        assert_eq!(doc.attendance_summary(), "Có mặt 1/2 thành viên Hội đồng.");
        let t = doc.table();
        assert_eq!(t[0][3], "82,5");
        assert_eq!(t[0][4], "Nghiệm thu đạt; đề nghị khen thưởng");
        assert_eq!(t[0][5], "5 / 0 / 0");
        assert_eq!(t[1][3], "40 (không đạt tiêu chí bắt buộc)");
        assert!(
            doc.conclusion()
                .contains("nghiệm thu đạt 1 sáng kiến, không đạt 1")
        );
        assert!(
            doc.conclusion()
                .contains("\"Mô hình \"Phụ huynh đồng hành\"\"")
        );
        assert!(doc.method().contains("Tiêu chí bắt buộc"));
    }

    #[test]
    fn the_docx_is_a_package_with_the_minutes() {
        let bytes = to_docx(&sample()).unwrap();
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        z.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        for s in [
            "BIÊN BẢN",
            "THÀNH PHẦN THAM DỰ",
            "CHỦ TỊCH HỘI ĐỒNG",
            "THƯ KÝ",
            "Sổ liên lạc điện tử",
            "5 / 0 / 0",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ] {
            assert!(xml.contains(s), "{s} missing");
        }
        assert!(xml.contains("&quot;") || xml.contains("Phụ huynh đồng hành"));
    }

    #[test]
    fn the_workbook_has_a_column_per_criterion() {
        let doc = sample();
        let h = doc.workbook_headers();
        assert_eq!(h.len(), 5 + 2 + 6);
        assert_eq!(h[5], "Tiêu chí 2");
        let rows = doc.workbook_rows();
        assert_eq!(rows[0][5], "27,5");
        assert_eq!(rows[1][7], "Không đạt");
        assert!(!to_xlsx(&doc).unwrap().is_empty());
    }
}

/// `cargo test -p thidua-api --lib write_minutes_samples -- --ignored` writes the sample
/// minutes to `$EXPORT_SAMPLES` (default /tmp/minutes-samples), to look at them with
/// `scripts/render-exports.sh`.
#[cfg(test)]
#[test]
#[ignore]
fn write_minutes_samples() {
    let dir = std::env::var("EXPORT_SAMPLES").unwrap_or_else(|_| "/tmp/minutes-samples".into());
    std::fs::create_dir_all(&dir).unwrap();
    let doc = tests::sample();
    std::fs::write(format!("{dir}/minutes.docx"), to_docx(&doc).unwrap()).unwrap();
    std::fs::write(format!("{dir}/results.xlsx"), to_xlsx(&doc).unwrap()).unwrap();
}
