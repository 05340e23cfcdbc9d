//! Mẫu 1 — the unit's registration for the administrative-reform emulation, laid out as an
//! administrative document of Decree 30/2020/NĐ-CP (national motto top right, issuing body
//! top left, title, table, signature bottom right).

use std::collections::HashMap;
use std::io::Write;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, FormatUnderline, Workbook, XlsxError};

use crate::views::initiatives::InitiativeKindCode;
use crate::views::registrations::{CommitmentStatusCode, CommitmentView, RegisteredInitiative};

pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
pub const COMMITMENTS_HEADING: &str = "CAM KẾT KHẮC PHỤC TỒN TẠI, HẠN CHẾ";
pub const SIGNER_TITLE: &str = "THỦ TRƯỞNG ĐƠN VỊ";
pub const SIGNER_NOTE: &str = "(Ký, ghi rõ họ tên, đóng dấu)";
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
const FONT: &str = "Times New Roman";

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

/// "ngày 05 tháng 01 năm 2023": Decree 30/2020/NĐ-CP writes days below 10 and the months
/// 1 and 2 with a leading zero (so that nothing can be added in front of them), others not.
pub fn decree30_date(d: NaiveDate) -> String {
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
}

/// The abbreviation of a unit in a document number ("Số: …/ĐK-MNCG"): words already in
/// capitals (acronyms, numbers) are kept, other words give their first letter, without
/// diacritics — "MN Cô Giang" → "MNCG", "UBND Quận 1" → "UBNDQ1".
pub fn abbreviation(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let acronym = w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
            let kept: String = if acronym {
                w.to_string()
            } else {
                w.chars().take(1).collect()
            };
            thidua_domain::text::fold(&kept).to_uppercase()
        })
        .collect()
}

impl Mau1 {
    pub fn title(&self) -> String {
        format!("BẢN ĐĂNG KÝ THI ĐUA CẢI CÁCH HÀNH CHÍNH NĂM {}", self.year)
    }

    pub fn number_line(&self) -> String {
        format!("Số: …/ĐK-{}", self.unit_short)
    }

    pub fn date_line(&self) -> String {
        match self.date {
            Some(d) => format!("{}, {}", self.place, decree30_date(d)),
            None => format!("{}, ngày … tháng … năm …", self.place),
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

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
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

/// Upper case as Vietnamese writes it (Rust's `to_uppercase` handles the diacritics).
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

// ---------------------------------------------------------------- xlsx

fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(13)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
}

fn cell() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(12)
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
}

// A row that keeps no stored height opens in LibreOffice at the default height whatever its
// wrapped text (which then runs over the rows below), and no office suite grows a row for a
// merged cell. So each row gets a height from an estimate of how Times New Roman wraps its
// cells, erring on the tall side.

/// Rough Times New Roman advance widths, in em.
fn em_width(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ';' | ':' => 0.25,
        'i' | 'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' | 'j' | 'l' | 'f' | 'r' | 't' => 0.3,
        'm' | 'w' => 0.75,
        c if c.is_uppercase() => 0.68,
        c if c.is_ascii_digit() => 0.5,
        c if c.is_alphabetic() => 0.48,
        _ => 0.4,
    }
}

/// Lines that `text` wraps to in a cell `width` Excel character units wide (7 px each,
/// plus 5 px of padding per column).
fn wrapped_lines(text: &str, width: f64, pt: f64, bold: bool) -> usize {
    let px_per_em = pt * 96.0 / 72.0 * if bold { 1.05 } else { 1.0 };
    let room = width * 7.0 + 1.0;
    let space = 0.25 * px_per_em;
    text.split('\n')
        .map(|paragraph| {
            let mut lines = 1;
            let mut used = 0.0;
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let w: f64 = word.chars().map(em_width).sum::<f64>() * px_per_em;
                if used > 0.0 && used + space + w > room {
                    lines += 1;
                    used = w;
                } else if used > 0.0 {
                    used += space + w;
                } else {
                    used = w;
                }
                while used > room {
                    lines += 1;
                    used -= room;
                }
            }
            lines
        })
        .sum()
}

/// Width of columns `a..=b` merged, in Excel character units.
fn span_width(widths: &[f64], a: u16, b: u16) -> f64 {
    widths[a as usize..=b as usize].iter().sum::<f64>() + f64::from(b - a) * 5.0 / 7.0
}

/// One cell of a row to fit: text, width, font size in points, bold.
type Fit<'a> = (&'a str, f64, f64, bool);

fn fit_row(ws: &mut rust_xlsxwriter::Worksheet, row: u32, cells: &[Fit]) -> Result<(), XlsxError> {
    let height = cells
        .iter()
        .map(|(text, width, pt, bold)| wrapped_lines(text, *width, *pt, *bold) as f64 * pt * 1.2)
        .fold(0.0, f64::max);
    ws.set_row_height(row, height + 3.0)?;
    Ok(())
}

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
    let motto = bold_center.clone().set_underline(FormatUnderline::Single);
    let italic_center = center.clone().set_italic();
    let left_end = 2u16;
    let right_start = last - 3;
    let left_w = span_width(widths, 0, left_end);
    let right_w = span_width(widths, right_start, last);
    let all_w = span_width(widths, 0, last);

    let governing = upper(doc.governing_body.as_deref().unwrap_or(""));
    let unit = upper(&doc.unit_name);
    let number = doc.number_line();
    let date = doc.date_line();
    ws.merge_range(0, 0, 0, left_end, &governing, &center)?;
    ws.merge_range(0, right_start, 0, last, NATION, &bold_center)?;
    fit_row(
        ws,
        0,
        &[
            (&governing, left_w, 13.0, false),
            (NATION, right_w, 13.0, true),
        ],
    )?;
    ws.merge_range(1, 0, 1, left_end, &unit, &bold_center)?;
    ws.merge_range(1, right_start, 1, last, MOTTO, &motto)?;
    fit_row(
        ws,
        1,
        &[(&unit, left_w, 13.0, true), (MOTTO, right_w, 13.0, true)],
    )?;
    ws.merge_range(2, 0, 2, left_end, &number, &center)?;
    ws.merge_range(2, right_start, 2, last, &date, &italic_center)?;
    fit_row(
        ws,
        2,
        &[
            (&number, left_w, 13.0, false),
            (&date, right_w, 13.0, false),
        ],
    )?;
    let title = doc.title();
    ws.merge_range(4, 0, 4, last, &title, &bold_center)?;
    fit_row(ws, 4, &[(&title, all_w, 13.0, true)])?;
    ws.merge_range(5, 0, 5, last, &doc.campaign_reference, &italic_center)?;
    fit_row(ws, 5, &[(&doc.campaign_reference, all_w, 13.0, false)])?;

    let head = cell()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let mut row = 7u32;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &head)?;
    }
    let fits: Vec<Fit> = headers
        .iter()
        .zip(widths)
        .map(|(h, w)| (*h, *w, 12.0, true))
        .collect();
    fit_row(ws, row, &fits)?;
    // The column headings again at the top of every printed page.
    ws.set_repeat_rows(row, row)?;
    let body = cell();
    for cells in doc.table() {
        row += 1;
        for (c, v) in cells.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, v, &body)?;
        }
        let fits: Vec<Fit> = cells
            .iter()
            .zip(widths)
            .map(|(v, w)| (v.as_str(), *w, 12.0, false))
            .collect();
        fit_row(ws, row, &fits)?;
    }

    if let Some(_commitments) = &doc.commitments {
        row += 2;
        ws.merge_range(row, 0, row, last, COMMITMENTS_HEADING, &base().set_bold())?;
        fit_row(ws, row, &[(COMMITMENTS_HEADING, all_w, 13.0, true)])?;
        row += 1;
        // STT | Tồn tại (B:C) | Nội dung cam kết (D:F) | Thời hạn (G) | Tình trạng (H:last)
        let spans: [(u16, u16); 5] = [(0, 0), (1, 2), (3, 5), (6, 6), (7, last)];
        let write = |ws: &mut rust_xlsxwriter::Worksheet,
                     r: u32,
                     values: &[String],
                     f: &Format,
                     bold: bool|
         -> Result<(), XlsxError> {
            for ((a, b), v) in spans.iter().zip(values) {
                if a == b {
                    ws.write_string_with_format(r, *a, v, f)?;
                } else {
                    ws.merge_range(r, *a, r, *b, v, f)?;
                }
            }
            let fits: Vec<Fit> = spans
                .iter()
                .zip(values)
                .map(|((a, b), v)| (v.as_str(), span_width(widths, *a, *b), 12.0, bold))
                .collect();
            fit_row(ws, r, &fits)
        };
        let titles: Vec<String> = COMMITMENT_COLUMNS.iter().map(|s| s.to_string()).collect();
        write(ws, row, &titles, &head, true)?;
        for values in doc.commitment_table() {
            row += 1;
            write(ws, row, &values, &body, false)?;
        }
    }

    row += 2;
    let head_name = doc.head_name.as_deref().unwrap_or("");
    ws.merge_range(row, right_start, row, last, SIGNER_TITLE, &bold_center)?;
    fit_row(ws, row, &[(SIGNER_TITLE, right_w, 13.0, true)])?;
    ws.merge_range(
        row + 1,
        right_start,
        row + 1,
        last,
        SIGNER_NOTE,
        &italic_center,
    )?;
    fit_row(ws, row + 1, &[(SIGNER_NOTE, right_w, 13.0, false)])?;
    ws.merge_range(row + 5, right_start, row + 5, last, head_name, &bold_center)?;
    fit_row(ws, row + 5, &[(head_name, right_w, 13.0, true)])?;
    wb.save_to_buffer()
}

// ---------------------------------------------------------------- docx

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

#[derive(Clone, Copy, Default)]
struct Style {
    bold: bool,
    italic: bool,
    underline: bool,
    center: bool,
    /// Half-points; 0 for the document default (13 pt).
    size: u32,
    /// Kept on the page of what follows (a heading above its table).
    keep_next: bool,
}

const B: Style = Style {
    bold: true,
    italic: false,
    underline: false,
    center: true,
    size: 0,
    keep_next: false,
};
const C: Style = Style {
    bold: false,
    italic: false,
    underline: false,
    center: true,
    size: 0,
    keep_next: false,
};
const I: Style = Style {
    bold: false,
    italic: true,
    underline: false,
    center: true,
    size: 0,
    keep_next: false,
};

/// One paragraph; line breaks in `text` become `<w:br/>`.
fn para(text: &str, s: Style) -> String {
    let mut rpr = String::new();
    if s.bold {
        rpr.push_str("<w:b/>");
    }
    if s.italic {
        rpr.push_str("<w:i/>");
    }
    // CT_RPr is a sequence: sz before u, or Word reports unreadable content.
    if s.size > 0 {
        rpr.push_str(&format!(
            "<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            s.size
        ));
    }
    if s.underline {
        rpr.push_str("<w:u w:val=\"single\"/>");
    }
    let runs: Vec<String> = text
        .split('\n')
        .map(|line| format!("<w:t xml:space=\"preserve\">{}</w:t>", esc(line)))
        .collect();
    format!(
        "<w:p><w:pPr>{}<w:spacing w:before=\"0\" w:after=\"0\"/>{}</w:pPr><w:r><w:rPr>{rpr}</w:rPr>{}</w:r></w:p>",
        if s.keep_next { "<w:keepNext/>" } else { "" },
        if s.center {
            "<w:jc w:val=\"center\"/>"
        } else {
            ""
        },
        runs.join("<w:br/>")
    )
}

fn tc(width: u32, content: &str) -> String {
    format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{content}</w:tc>")
}

fn table(widths: &[u32], rows: &[String], borders: bool) -> String {
    let border = if borders {
        "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders>"
    } else {
        "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
    };
    let grid: String = widths
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
        .collect();
    let total: u32 = widths.iter().sum();
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>{border}<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{}</w:tbl>",
        rows.concat()
    )
}

fn tr(widths: &[u32], cells: &[String], header: bool) -> String {
    let style = Style {
        bold: header,
        center: header,
        size: 24,
        ..Style::default()
    };
    let tcs: String = widths
        .iter()
        .zip(cells)
        .map(|(w, v)| tc(*w, &para(v, style)))
        .collect();
    let trpr = if header {
        "<w:trPr><w:tblHeader/></w:trPr>"
    } else {
        "<w:trPr><w:cantSplit/></w:trPr>"
    };
    format!("<w:tr>{trpr}{tcs}</w:tr>")
}

/// The body of `word/document.xml`.
pub fn document_xml(doc: &Mau1) -> String {
    // A4 landscape, 2 cm margins: 16838 − 2 × 1134 = 14570 twips of text width.
    let mut body = String::new();
    let left = [
        para(&upper(doc.governing_body.as_deref().unwrap_or("")), C),
        para(&upper(&doc.unit_name), B),
        para("________", C),
        para(&doc.number_line(), C),
    ]
    .concat();
    let right = [
        para(NATION, B),
        para(
            MOTTO,
            Style {
                underline: true,
                ..B
            },
        ),
        para("", C),
        para(&doc.date_line(), I),
    ]
    .concat();
    body.push_str(&table(
        &[5570, 9000],
        &[format!(
            "<w:tr>{}{}</w:tr>",
            tc(5570, &left),
            tc(9000, &right)
        )],
        false,
    ));
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
    let sign = [
        para(SIGNER_TITLE, B),
        para(SIGNER_NOTE, I),
        para("", C),
        para("", C),
        para("", C),
        para(doc.head_name.as_deref().unwrap_or(""), B),
    ]
    .concat();
    // One unsplittable row: the signer's title never sits on one page and the name on the next.
    body.push_str(&table(
        &[8570, 6000],
        &[format!(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>{}{}</w:tr>",
            tc(8570, &para("", C)),
            tc(6000, &sign)
        )],
        false,
    ));
    // Word ends a body with a paragraph, never a table.
    body.push_str(&para("", C));

    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Times New Roman 13 pt for every script, so Vietnamese renders in Word and LibreOffice.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;

/// The WordprocessingML package.
pub fn to_docx(doc: &Mau1) -> zip::result::ZipResult<Vec<u8>> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in [
            ("[Content_Types].xml", CONTENT_TYPES.to_string()),
            ("_rels/.rels", RELS.to_string()),
            ("word/_rels/document.xml.rels", DOC_RELS.to_string()),
            ("word/styles.xml", STYLES.to_string()),
            ("word/document.xml", document_xml(doc)),
        ] {
            z.start_file(name, opts)?;
            z.write_all(content.as_bytes())?;
        }
        z.finish()?;
    }
    Ok(buf.into_inner())
}

/// A Mẫu 1 document as the `.xlsx` or `.docx` download named `<name>.<ext>` (ASCII
/// fallback `<ascii_stem>.<ext>`).
pub fn response(
    doc: &Mau1,
    docx: bool,
    ascii_stem: &str,
    name: &str,
) -> Result<actix_web::HttpResponse, crate::error::ApiError> {
    let (bytes, content_type, ext) = if docx {
        (
            to_docx(doc).map_err(crate::error::ApiError::internal)?,
            super::DOCX,
            "docx",
        )
    } else {
        (
            to_xlsx(doc).map_err(crate::error::ApiError::internal)?,
            super::XLSX,
            "xlsx",
        )
    };
    Ok(super::ExportFile {
        bytes,
        content_type,
        ascii_name: format!("{ascii_stem}.{ext}"),
        name: format!("{name}.{ext}"),
    }
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
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
