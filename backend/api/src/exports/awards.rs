//! Award documents in the layout of Decree 30/2020/NĐ-CP: the unit's list of nominations
//! ("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", landscape, with the eligibility of every line), the
//! award decision ("QUYẾT ĐỊNH" with its legal bases, three articles, the recipients, the
//! signature, and the annex "DANH SÁCH ĐƯỢC KHEN THƯỞNG" after a page break, also as a
//! workbook), and one nominee's dossier ("TỜ TRÌNH" with the achievements, the eligibility
//! rules and any approved exception, the attached files and the signature).
//!
//! Everything comes in already resolved to display text; nothing here reads a database.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_xlsxwriter::{FormatAlign, Workbook, Worksheet, XlsxError};

use super::decree30::{
    B, C, Heading, I, SIGNER_NOTE, SIGNER_TITLE, Style, abbreviation, base, date_line,
    decree30_date, docx_document, docx_heading, docx_heading_sized, docx_package, docx_signature,
    esc, para, table, tc, tr, upper, xlsx_heading, xlsx_line, xlsx_signature, xlsx_table,
};

/// One nominee line (STT is its position).
#[derive(Debug, Clone)]
pub struct AwardLine {
    /// "Sáng kiến “Sổ liên lạc điện tử …”" / "Bà Nguyễn Thị A" / "Tập thể Trường Mầm non Cô Giang".
    pub nominee: String,
    /// "Sáng kiến" / "Cá nhân" / "Tập thể".
    pub kind_label: String,
    /// Authors (for an initiative) or position (for a person), may be empty.
    pub detail: String,
    /// The proposing unit's name.
    pub unit: String,
    /// Award form name, e.g. "Giấy khen của Chủ tịch Ủy ban nhân dân Quận 1".
    pub award: String,
    /// Short achievements (báo cáo thành tích excerpt), may be empty.
    pub achievements: String,
    /// "Đủ điều kiện" / "Chưa đủ điều kiện" / "Đủ điều kiện (ngoại lệ: …)".
    pub eligibility: String,
    /// "Nháp", "Đã gửi", "Đã duyệt", "Không duyệt", "Đã có quyết định".
    pub status: String,
}

/// A unit's (or an authority's) list of nominations.
#[derive(Debug, Clone)]
pub struct NominationList {
    /// e.g. "ỦY BAN NHÂN DÂN QUẬN 1" (the parent), if any.
    pub governing_body: Option<String>,
    /// e.g. "Trường Mầm non Cô Giang" or "Phòng Nội vụ Quận 1".
    pub issuer_name: String,
    /// e.g. "Quận 1".
    pub place: String,
    /// The date line.
    pub date: NaiveDate,
    /// "năm 2023" in the title when present.
    pub year: Option<i32>,
    pub lines: Vec<AwardLine>,
}

/// An award decision, a draft while it has no number.
#[derive(Debug, Clone)]
pub struct DecisionDoc {
    pub governing_body: Option<String>,
    /// "Ủy ban nhân dân Quận 1".
    pub authority_name: String,
    /// "Quận 1".
    pub place: String,
    /// None for a draft: prints "Số:      /QĐ-<abbr>" with blanks and "DỰ THẢO" on top.
    pub number: Option<String>,
    pub signed_on: Option<NaiveDate>,
    pub signer_name: Option<String>,
    /// "CHỦ TỊCH" (lines separated by `\n`, e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH").
    pub signer_title: Option<String>,
    /// Legal bases ("Căn cứ …"), one per paragraph; defaults when empty: Luật Thi đua, khen
    /// thưởng ngày 15 tháng 6 năm 2022; Nghị định 98/2023/NĐ-CP; the campaign plan.
    pub bases: Vec<String>,
    /// "Về việc khen thưởng phong trào thi đua cải cách hành chính năm 2023".
    pub subject: String,
    pub ceremony_on: Option<NaiveDate>,
    pub lines: Vec<AwardLine>,
}

/// One eligibility rule as the dossier prints it.
#[derive(Debug, Clone)]
pub struct DossierRule {
    pub title: String,
    /// "Đạt" / "Không đạt" / "Ngoại lệ".
    pub outcome: String,
    pub reason: String,
}

/// One nominee's dossier: the proposal (tờ trình) with its attachments.
#[derive(Debug, Clone)]
pub struct Dossier {
    pub governing_body: Option<String>,
    pub unit_name: String,
    pub place: String,
    /// e.g. "Số:      /TTr-MNCG".
    pub number_line: String,
    pub date: Option<NaiveDate>,
    /// "Ủy ban nhân dân Quận 1 (qua Phòng Nội vụ)".
    pub addressee: String,
    pub line: AwardLine,
    pub year: i32,
    /// The proposal's text; one paragraph per non-blank line.
    pub proposal: String,
    /// The achievements report's text; one paragraph per non-blank line.
    pub achievements: String,
    pub rules: Vec<DossierRule>,
    /// Override printed on the dossier: (rule title, reason, officer name, date) when present.
    pub override_note: Option<(String, String, String, NaiveDate)>,
    /// File names.
    pub evidence: Vec<String>,
    /// "Biên bản họp Hội đồng … (kèm theo)".
    pub minutes: Option<String>,
    /// "HIỆU TRƯỞNG" / "THỦ TRƯỞNG ĐƠN VỊ".
    pub signer_title: String,
    pub signer_name: String,
}

pub const NOMINATION_TITLE: &str = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG";
pub const NOMINATION_COLUMNS: [&str; 9] = [
    "STT",
    "Tên tập thể, cá nhân, sáng kiến",
    "Loại",
    "Tác giả / Chức vụ",
    "Đơn vị",
    "Hình thức khen thưởng",
    "Thành tích",
    "Điều kiện",
    "Trạng thái",
];
pub const ANNEX_TITLE: &str = "DANH SÁCH ĐƯỢC KHEN THƯỞNG";
pub const ANNEX_COLUMNS: [&str; 6] = [
    "STT",
    "Tên tập thể, cá nhân, sáng kiến",
    "Loại",
    "Tác giả / Chức vụ",
    "Đơn vị",
    "Hình thức khen thưởng",
];
pub const RULE_COLUMNS: [&str; 4] = ["STT", "Tiêu chí", "Kết quả", "Căn cứ"];
pub const DRAFT_MARK: &str = "DỰ THẢO";
/// The blanks left for the number of a document not yet issued.
const BLANK_NUMBER: &str = "     ";
const MOVEMENT: &str = "phong trào thi đua cải cách hành chính";
const DECREE_98: &str = "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng";

// ---------------------------------------------------------------- text

/// The first letter in lower case ("Về việc …" inside a sentence).
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Hiệu trưởng" from "HIỆU TRƯỞNG".
fn sentence_case(s: &str) -> String {
    let lower = s.trim().to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A nominee inside a sentence: "bà Lê Thị Thu Trang", "sáng kiến “…”", "tập thể Trường …";
/// a bare name stays as it is.
pub fn in_sentence(nominee: &str) -> String {
    const COMMON: [&str; 9] = [
        "Bà ",
        "Ông ",
        "Đồng chí ",
        "Sáng kiến",
        "Tập thể",
        "Mô hình",
        "Giải pháp",
        "Công trình",
        "Cách làm hay",
    ];
    if COMMON.iter().any(|p| nominee.starts_with(p)) {
        lower_first(nominee)
    } else {
        nominee.to_string()
    }
}

fn is_people_committee(name: &str) -> bool {
    let f = thidua_domain::text::fold(name.trim());
    f.starts_with("uy ban nhan dan") || f.starts_with("ubnd")
}

/// "01 tập thể, 01 cá nhân và 01 sáng kiến": the lines counted by kind, collectives first,
/// then persons, initiatives and any other kind in order of appearance.
pub fn grouped_counts(lines: &[AwardLine]) -> String {
    let mut order: Vec<String> = ["tập thể", "cá nhân", "sáng kiến"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for l in lines {
        let kind = l.kind_label.trim().to_lowercase();
        let kind = if kind.is_empty() {
            "trường hợp".to_string()
        } else {
            kind
        };
        if !order.contains(&kind) {
            order.push(kind.clone());
        }
        *counts.entry(kind).or_default() += 1;
    }
    let parts: Vec<String> = order
        .iter()
        .filter_map(|k| counts.get(k).map(|n| format!("{n:02} {k}")))
        .collect();
    match parts.as_slice() {
        [] => "các tập thể, cá nhân, sáng kiến".to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} và {last}", rest.join(", ")),
    }
}

/// Each basis ends with ";" and the last with ".", as Decree 30 sets them.
fn punctuate(list: Vec<String>) -> Vec<String> {
    let n = list.len();
    list.into_iter()
        .enumerate()
        .map(|(i, b)| {
            let core = b.trim().trim_end_matches([';', '.', ',']).trim_end();
            format!("{core}{}", if i + 1 == n { "." } else { ";" })
        })
        .collect()
}

/// Non-blank lines, trimmed.
fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

impl AwardLine {
    /// STT, nominee, kind, detail, unit, award.
    fn annex_cells(&self, n: usize) -> Vec<String> {
        vec![
            (n + 1).to_string(),
            self.nominee.clone(),
            self.kind_label.clone(),
            self.detail.clone(),
            self.unit.clone(),
            self.award.clone(),
        ]
    }

    /// The annex's cells, then achievements, eligibility and status.
    fn nomination_cells(&self, n: usize) -> Vec<String> {
        let mut cells = self.annex_cells(n);
        cells.extend([
            self.achievements.clone(),
            self.eligibility.clone(),
            self.status.clone(),
        ]);
        cells
    }

    /// "Tác giả" for an initiative, "Chức vụ" for a person.
    fn detail_label(&self) -> &'static str {
        match thidua_domain::text::fold(self.kind_label.trim()).as_str() {
            "sang kien" | "mo hinh" | "giai phap" | "cong trinh" | "cach lam hay" => "Tác giả",
            "ca nhan" => "Chức vụ",
            _ => "Thành phần",
        }
    }
}

// ---------------------------------------------------------------- docx pieces

/// Body text: justified, first line indented; one paragraph per non-blank line.
fn body_para(text: &str) -> String {
    styled_body(text, "")
}

fn italic_body(text: &str) -> String {
    styled_body(text, "<w:i/>")
}

fn styled_body(text: &str, rpr: &str) -> String {
    paragraphs(text)
        .iter()
        .map(|line| {
            format!(
                "<w:p><w:pPr><w:spacing w:before=\"60\" w:after=\"60\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                esc(line)
            )
        })
        .collect()
}

/// A body paragraph that opens with a bold `label` ("Điều 1. ", "Kết luận: ").
fn labelled(label: &str, text: &str) -> String {
    let text = if text.is_empty() {
        String::new()
    } else {
        format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(text))
    };
    format!(
        "<w:p><w:pPr><w:spacing w:before=\"60\" w:after=\"60\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>{text}</w:p>",
        esc(label)
    )
}

fn page_break() -> String {
    "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>".to_string()
}

/// "DỰ THẢO", bold in a box, top right.
fn draft_mark() -> String {
    format!(
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"120\"/><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:b/><w:bdr w:val=\"single\" w:sz=\"6\" w:space=\"2\"/></w:rPr><w:t xml:space=\"preserve\">{DRAFT_MARK}</w:t></w:r></w:p>"
    )
}

/// A section heading ("I. BÁO CÁO THÀNH TÍCH"), a little apart from what precedes it and
/// kept with what follows.
fn section(text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        esc(text)
    )
}

/// `paragraphs` kept on the page of what follows (the last words of a text with the
/// signature under them). The paragraph properties open with `<w:keepNext/>`, as CT_PPr
/// orders them.
fn keep_with_next(paragraphs: &str) -> String {
    paragraphs
        .replace("<w:pPr>", "<w:pPr><w:keepNext/>")
        .replace("<w:keepNext/><w:keepNext/>", "<w:keepNext/>")
}

/// "Nơi nhận:" and its list, for the left of the signature block.
fn recipients(lines: &str) -> String {
    [
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
            lines,
            Style {
                center: false,
                size: 22,
                ..Style::default()
            },
        ),
    ]
    .concat()
}

/// [`docx_signature`] with the signer's own title (lines separated by `\n`).
fn signature(left: u32, right: u32, left_content: &str, title: &str, name: &str) -> String {
    let sign = [
        para(title, B),
        para(SIGNER_NOTE, I),
        para("", C),
        para("", C),
        para("", C),
        para(name, B),
    ]
    .concat();
    let left_content = if left_content.is_empty() {
        para("", C)
    } else {
        left_content.to_string()
    };
    table(
        &[left, right],
        &[format!(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>{}{}</w:tr>",
            tc(left, &left_content),
            tc(right, &sign)
        )],
        false,
    )
}

fn data_table(widths: &[u32], headers: &[&str], rows: &[Vec<String>]) -> String {
    let titles: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
    let mut trs = vec![tr(widths, &titles, true)];
    trs.extend(rows.iter().map(|r| tr(widths, r, false)));
    table(widths, &trs, true)
}

fn setup_sheet(ws: &mut Worksheet, name: &str, widths: &[f64]) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- the list of nominations

impl NominationList {
    pub fn heading(&self) -> Heading {
        Heading {
            governing_body: self.governing_body.clone(),
            unit_name: self.issuer_name.clone(),
            number_line: format!("Số:{BLANK_NUMBER}/DS-{}", abbreviation(&self.issuer_name)),
            date_line: date_line(&self.place, Some(self.date)),
        }
    }

    /// "Phong trào thi đua cải cách hành chính năm 2023", under the title.
    pub fn subtitle(&self) -> String {
        match self.year {
            Some(y) => format!("Phong trào thi đua cải cách hành chính năm {y}"),
            None => "Phong trào thi đua cải cách hành chính".to_string(),
        }
    }

    pub fn table(&self) -> Vec<Vec<String>> {
        self.lines
            .iter()
            .enumerate()
            .map(|(n, l)| l.nomination_cells(n))
            .collect()
    }

    pub fn total(&self) -> String {
        format!("Tổng cộng: {}.", grouped_counts(&self.lines))
    }
}

/// "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" on A4 landscape: the table of nominations with their
/// eligibility and status, the total, the signature of the unit's head.
pub fn nomination_list_docx(d: &NominationList) -> anyhow::Result<Vec<u8>> {
    // A4 landscape, 2 cm margins: 14570 twips of text width.
    let mut body = docx_heading(5570, 9000, &d.heading());
    body.push_str(&para("", C));
    body.push_str(&para(NOMINATION_TITLE, B));
    body.push_str(&para(&d.subtitle(), B));
    body.push_str(&para("", C));
    let w = [600, 2600, 1000, 1700, 1700, 2000, 2270, 1600, 1100];
    body.push_str(&data_table(&w, &NOMINATION_COLUMNS, &d.table()));
    body.push_str(&labelled(
        "Tổng cộng: ",
        &format!("{}.", grouped_counts(&d.lines)),
    ));
    body.push_str(&para("", C));
    body.push_str(&docx_signature(8570, 6000, "", ""));
    Ok(docx_package(&docx_document(&body, true))?)
}

/// The list as a workbook: one sheet "Đề nghị khen thưởng", A4 landscape.
pub fn nomination_list_xlsx(d: &NominationList) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let widths: &[f64] = &[5.0, 28.0, 10.0, 18.0, 18.0, 22.0, 34.0, 16.0, 12.0];
    setup_sheet(ws, "Đề nghị khen thưởng", widths)?;
    ws.set_landscape();
    let last = (widths.len() - 1) as u16;
    let right_start = last - 3;
    xlsx_heading(ws, widths, 2, right_start, last, &d.heading())?;
    let bold_center = base().set_align(FormatAlign::Center).set_bold();
    let all = (0, last);
    xlsx_line(ws, widths, 4, all, NOMINATION_TITLE, &bold_center, true)?;
    xlsx_line(ws, widths, 5, all, &d.subtitle(), &bold_center, true)?;
    let row = xlsx_table(ws, widths, 7, &NOMINATION_COLUMNS, &d.table())?;
    let text = base().set_align(FormatAlign::Top).set_bold();
    xlsx_line(ws, widths, row + 1, all, &d.total(), &text, true)?;
    xlsx_signature(ws, widths, row + 3, right_start, last, "")?;
    wb.save_to_buffer()
}

// ---------------------------------------------------------------- the decision

impl DecisionDoc {
    pub fn is_draft(&self) -> bool {
        self.number.as_deref().is_none_or(|n| n.trim().is_empty())
    }

    /// "UBND" for a people's committee, else the abbreviation of the authority.
    pub fn symbol(&self) -> String {
        if is_people_committee(&self.authority_name) {
            "UBND".to_string()
        } else {
            abbreviation(&self.authority_name)
        }
    }

    /// "1234/QĐ-UBND", or "     /QĐ-UBND" with blanks for a draft.
    pub fn number_text(&self) -> String {
        match self.number.as_deref().map(str::trim) {
            Some(n) if !n.is_empty() => n
                .strip_prefix("Số:")
                .map(str::trim)
                .unwrap_or(n)
                .to_string(),
            _ => format!("{BLANK_NUMBER}/QĐ-{}", self.symbol()),
        }
    }

    pub fn heading(&self) -> Heading {
        Heading {
            governing_body: self.governing_body.clone(),
            unit_name: self.authority_name.clone(),
            number_line: format!("Số: {}", self.number_text()),
            date_line: date_line(&self.place, self.signed_on),
        }
    }

    /// Who decides, in a sentence: "Chủ tịch Ủy ban nhân dân Quận 1", "Hiệu trưởng Trường …",
    /// "Trưởng Phòng Nội vụ Quận 1".
    pub fn competence(&self) -> String {
        let authority = self.authority_name.trim();
        if is_people_committee(authority) {
            return format!("Chủ tịch {authority}");
        }
        let title = self
            .signer_title
            .as_deref()
            .and_then(|t| t.lines().next())
            .map(|t| {
                let t = t.trim();
                ["KT.", "TM.", "TL.", "TUQ.", "Q."]
                    .iter()
                    .find_map(|p| t.strip_prefix(p))
                    .unwrap_or(t)
                    .trim()
                    .to_string()
            })
            .filter(|t| !t.is_empty());
        let Some(title) = title else {
            return format!("Thủ trưởng {authority}");
        };
        let title = sentence_case(&title);
        // "Trưởng phòng" + "Phòng Nội vụ" → "Trưởng Phòng Nội vụ".
        let (head, last) = title.rsplit_once(' ').unwrap_or(("", title.as_str()));
        let first = authority.split(' ').next().unwrap_or("");
        if !head.is_empty() && thidua_domain::text::fold(last) == thidua_domain::text::fold(first) {
            format!("{head} {authority}")
        } else {
            format!("{title} {authority}")
        }
    }

    /// The signer's title under the text: as given, else "CHỦ TỊCH" for a people's committee.
    pub fn signature_title(&self) -> String {
        match self.signer_title.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => upper(t),
            _ if is_people_committee(&self.authority_name) => "CHỦ TỊCH".to_string(),
            _ => SIGNER_TITLE.to_string(),
        }
    }

    /// What the awards are for: "phong trào thi đua cải cách hành chính năm 2023" from
    /// "Về việc khen thưởng phong trào …".
    fn context(&self) -> String {
        let subject = self.subject.trim().trim_end_matches('.');
        let words: Vec<&str> = subject.split_whitespace().collect();
        let folded: Vec<String> = words
            .iter()
            .take(4)
            .map(|w| thidua_domain::text::fold(w))
            .collect();
        if folded == ["ve", "viec", "khen", "thuong"] {
            let rest = words[4..].join(" ");
            if thidua_domain::text::fold(&rest).starts_with("phong trao") {
                return lower_first(&rest);
            }
            if !rest.is_empty() {
                return format!("{MOVEMENT} ({})", lower_first(&rest));
            }
        }
        MOVEMENT.to_string()
    }

    /// The legal bases as printed: the given ones or the defaults, punctuated.
    pub fn bases(&self) -> Vec<String> {
        let given: Vec<String> = self
            .bases
            .iter()
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty())
            .collect();
        if !given.is_empty() {
            return punctuate(given);
        }
        punctuate(vec![
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022".to_string(),
            format!("Căn cứ {DECREE_98}"),
            format!(
                "Căn cứ Kế hoạch tổ chức {MOVEMENT} của {}",
                self.authority_name.trim()
            ),
            format!(
                "Theo đề nghị của Hội đồng Thi đua - Khen thưởng {}",
                self.authority_name.trim()
            ),
        ])
    }

    pub fn article1(&self) -> String {
        let counts = grouped_counts(&self.lines);
        let context = self.context();
        let first_award = self.lines.first().map(|l| l.award.trim()).unwrap_or("");
        let one_award =
            !first_award.is_empty() && self.lines.iter().all(|l| l.award.trim() == first_award);
        if one_award {
            format!(
                "Tặng {first_award} cho {counts} đã có thành tích xuất sắc trong {context} (có danh sách kèm theo)."
            )
        } else {
            format!(
                "Khen thưởng {counts} có tên trong danh sách kèm theo Quyết định này, với hình thức khen thưởng ghi tại danh sách, vì đã có thành tích xuất sắc trong {context}."
            )
        }
    }

    pub fn article2(&self) -> String {
        let mut s = format!(
            "Mức tiền thưởng kèm theo hình thức khen thưởng tại Điều 1 thực hiện theo quy định tại {DECREE_98}, được chi từ quỹ thi đua, khen thưởng của {}.",
            self.authority_name.trim()
        );
        match self.ceremony_on {
            Some(d) => s.push_str(&format!(
                " Việc trao tặng được thực hiện tại Hội nghị tổng kết {} tổ chức {}.",
                self.context(),
                decree30_date(d)
            )),
            None => s.push_str(&format!(
                " Việc trao tặng được thực hiện tại Hội nghị tổng kết {}.",
                self.context()
            )),
        }
        s
    }

    pub fn article3(&self) -> String {
        "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng cơ quan thường trực Hội đồng Thi đua - Khen thưởng, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.".to_string()
    }

    pub const RECIPIENTS: &'static str =
        "- Như Điều 3;\n- Hội đồng Thi đua - Khen thưởng;\n- Lưu: VT.";

    /// "(Kèm theo Quyết định số 1234/QĐ-UBND ngày … của Chủ tịch Ủy ban nhân dân Quận 1)".
    pub fn annex_reference(&self) -> String {
        let date = match self.signed_on {
            Some(d) => decree30_date(d),
            None => "ngày … tháng … năm …".to_string(),
        };
        format!(
            "(Kèm theo Quyết định số {} {date} của {})",
            self.number_text(),
            self.competence()
        )
    }

    /// The workbook's line under the title: the reference, or for a draft "Dự thảo — …".
    pub fn workbook_reference(&self) -> String {
        if self.is_draft() {
            format!(
                "(Dự thảo — kèm theo Quyết định {} của {})",
                lower_first(self.subject.trim()),
                self.competence()
            )
        } else {
            self.annex_reference()
        }
    }

    pub fn annex_table(&self) -> Vec<Vec<String>> {
        self.lines
            .iter()
            .enumerate()
            .map(|(n, l)| l.annex_cells(n))
            .collect()
    }
}

/// The decision on A4 portrait, then its annex on a new page.
pub fn decision_docx(d: &DecisionDoc) -> anyhow::Result<Vec<u8>> {
    // A4 portrait, Decree 30 margins: 9355 twips of text width.
    let mut body = String::new();
    if d.is_draft() {
        body.push_str(&draft_mark());
    }
    body.push_str(&docx_heading_sized(3955, 5400, &d.heading(), 24));
    body.push_str(&para("", C));
    body.push_str(&para("QUYẾT ĐỊNH", B));
    body.push_str(&para(d.subject.trim(), B));
    body.push_str(&para("________", C));
    body.push_str(&para("", C));
    body.push_str(&para(&upper(&d.competence()), B));
    body.push_str(&para("", C));
    for basis in d.bases() {
        body.push_str(&italic_body(&basis));
    }
    body.push_str(&para("", C));
    body.push_str(&para(
        "QUYẾT ĐỊNH:",
        Style {
            keep_next: true,
            ..B
        },
    ));
    body.push_str(&para("", C));
    body.push_str(&labelled("Điều 1. ", &d.article1()));
    body.push_str(&labelled("Điều 2. ", &d.article2()));
    body.push_str(&keep_with_next(&labelled("Điều 3. ", &d.article3())));
    body.push_str(&keep_with_next(&para("", C)));
    body.push_str(&signature(
        4355,
        5000,
        &recipients(DecisionDoc::RECIPIENTS),
        &d.signature_title(),
        d.signer_name.as_deref().unwrap_or(""),
    ));

    body.push_str(&page_break());
    body.push_str(&para("PHỤ LỤC", B));
    body.push_str(&para(ANNEX_TITLE, B));
    body.push_str(&para(&d.annex_reference(), I));
    body.push_str(&para("________", C));
    body.push_str(&para("", C));
    let w = [600, 2700, 1000, 1700, 1655, 1700];
    body.push_str(&data_table(&w, &ANNEX_COLUMNS, &d.annex_table()));
    Ok(docx_package(&docx_document(&body, false))?)
}

/// The annex as a workbook: one sheet "Danh sách khen thưởng", A4 portrait.
pub fn decision_xlsx(d: &DecisionDoc) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let widths: &[f64] = &[5.0, 32.0, 10.0, 20.0, 22.0, 28.0];
    setup_sheet(ws, "Danh sách khen thưởng", widths)?;
    let last = (widths.len() - 1) as u16;
    xlsx_heading(ws, widths, 1, 3, last, &d.heading())?;
    let center = base().set_align(FormatAlign::Center);
    let bold_center = center.clone().set_bold();
    let italic_center = center.set_italic();
    let all = (0, last);
    xlsx_line(ws, widths, 4, all, ANNEX_TITLE, &bold_center, true)?;
    let reference = d.workbook_reference();
    xlsx_line(ws, widths, 5, all, &reference, &italic_center, false)?;
    xlsx_table(ws, widths, 7, &ANNEX_COLUMNS, &d.annex_table())?;
    wb.save_to_buffer()
}

// ---------------------------------------------------------------- the dossier

impl Dossier {
    pub fn heading(&self) -> Heading {
        Heading {
            governing_body: self.governing_body.clone(),
            unit_name: self.unit_name.clone(),
            number_line: self.number_line.clone(),
            date_line: date_line(&self.place, self.date),
        }
    }

    /// "Về việc đề nghị khen thưởng bà … trong phong trào thi đua cải cách hành chính năm 2023".
    pub fn subject(&self) -> String {
        format!(
            "Về việc đề nghị khen thưởng {} trong {MOVEMENT} năm {}",
            in_sentence(self.line.nominee.trim()),
            self.year
        )
    }

    /// The proposal's paragraphs, or one written from the line when it is empty.
    pub fn proposal_text(&self) -> String {
        if !self.proposal.trim().is_empty() {
            return self.proposal.clone();
        }
        let l = &self.line;
        let detail = if l.detail.trim().is_empty() {
            String::new()
        } else if l.detail_label() == "Chức vụ" {
            format!(", {}", l.detail.trim())
        } else {
            format!(" ({}: {})", lower_first(l.detail_label()), l.detail.trim())
        };
        format!(
            "Thực hiện {MOVEMENT} năm {}, {} kính đề nghị {} xem xét, tặng {} cho {}{detail} đã có thành tích xuất sắc trong phong trào.",
            self.year,
            self.unit_name.trim(),
            self.addressee.trim(),
            l.award.trim(),
            in_sentence(l.nominee.trim())
        )
    }

    /// "- Tên: …", "- Tác giả: …", "- Đơn vị: …", "- Hình thức đề nghị khen thưởng: …".
    pub fn facts(&self) -> Vec<(String, String)> {
        let l = &self.line;
        let mut v = vec![("Tên".to_string(), l.nominee.clone())];
        if !l.kind_label.trim().is_empty() {
            v.push(("Loại".to_string(), l.kind_label.clone()));
        }
        if !l.detail.trim().is_empty() {
            v.push((l.detail_label().to_string(), l.detail.clone()));
        }
        v.push(("Đơn vị".to_string(), l.unit.clone()));
        v.push(("Hình thức đề nghị khen thưởng".to_string(), l.award.clone()));
        v
    }

    pub fn achievements_text(&self) -> String {
        if !self.achievements.trim().is_empty() {
            self.achievements.clone()
        } else if !self.line.achievements.trim().is_empty() {
            self.line.achievements.clone()
        } else {
            "(Chưa có báo cáo thành tích.)".to_string()
        }
    }

    pub fn rules_table(&self) -> Vec<Vec<String>> {
        self.rules
            .iter()
            .enumerate()
            .map(|(n, r)| {
                vec![
                    (n + 1).to_string(),
                    r.title.clone(),
                    r.outcome.clone(),
                    r.reason.clone(),
                ]
            })
            .collect()
    }

    /// "Ngoại lệ được chấp thuận: <rule> — Lý do: … (<officer>, ngày …)".
    pub fn override_text(&self) -> Option<String> {
        self.override_note
            .as_ref()
            .map(|(rule, reason, officer, date)| {
                format!(
                    "Ngoại lệ được chấp thuận: {rule} — Lý do: {reason} ({officer}, {})",
                    decree30_date(*date)
                )
            })
    }

    /// "1. file.pdf", …, then the minutes.
    pub fn attachments(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .evidence
            .iter()
            .map(|e| e.trim())
            .filter(|e| !e.is_empty())
            .map(str::to_string)
            .collect();
        if let Some(m) = self
            .minutes
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
        {
            v.push(m.to_string());
        }
        v.iter()
            .enumerate()
            .map(|(n, e)| format!("{}. {e}", n + 1))
            .collect()
    }

    pub fn closing(&self) -> String {
        format!(
            "{} kính trình {} xem xét, quyết định./.",
            self.unit_name.trim(),
            self.addressee.trim()
        )
    }
}

/// The dossier on A4 portrait: TỜ TRÌNH, I. achievements, II. the rules (and any approved
/// exception), III. the attachments, the signature.
pub fn dossier_docx(d: &Dossier) -> anyhow::Result<Vec<u8>> {
    let mut body = docx_heading_sized(3955, 5400, &d.heading(), 24);
    body.push_str(&para("", C));
    body.push_str(&para("TỜ TRÌNH", B));
    body.push_str(&para(&d.subject(), B));
    body.push_str(&para("________", C));
    body.push_str(&para("", C));
    body.push_str(&para(&format!("Kính gửi: {}.", d.addressee.trim()), C));
    body.push_str(&para("", C));
    body.push_str(&body_para(&d.proposal_text()));

    body.push_str(&section("I. BÁO CÁO THÀNH TÍCH"));
    for (label, value) in d.facts() {
        body.push_str(&labelled(&format!("- {label}: "), &value));
    }
    body.push_str(&labelled("- Thành tích đạt được:", ""));
    body.push_str(&body_para(&d.achievements_text()));

    body.push_str(&section("II. ĐIỀU KIỆN, TIÊU CHUẨN KHEN THƯỞNG"));
    if d.rules.is_empty() {
        body.push_str(&body_para("(Chưa xét điều kiện, tiêu chuẩn.)"));
    } else {
        let w = [600, 3200, 1300, 4255];
        body.push_str(&data_table(&w, &RULE_COLUMNS, &d.rules_table()));
    }
    if let Some(note) = d.override_text() {
        body.push_str(&italic_body(&note));
    }
    if !d.line.eligibility.trim().is_empty() {
        body.push_str(&labelled("Kết luận: ", &d.line.eligibility));
    }

    body.push_str(&section("III. HỒ SƠ KÈM THEO"));
    let attachments = d.attachments();
    if attachments.is_empty() {
        body.push_str(&body_para("(Không có tài liệu kèm theo.)"));
    }
    for a in attachments {
        body.push_str(&body_para(&a));
    }
    body.push_str(&keep_with_next(&body_para(&d.closing())));
    body.push_str(&keep_with_next(&para("", C)));
    body.push_str(&signature(
        4355,
        5000,
        &recipients("- Như trên;\n- Lưu: VT."),
        &upper(d.signer_title.trim()),
        &d.signer_name,
    ));
    Ok(docx_package(&docx_document(&body, false))?)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Read;

    const INITIATIVE: &str = "Sáng kiến “Sổ liên lạc điện tử kết nối nhà trường và phụ huynh”";
    const PERSON: &str = "Bà Lê Thị Thu Trang";
    const COLLECTIVE: &str = "Tập thể Trường Mầm non Cô Giang";
    const AWARD: &str = "Giấy khen của Chủ tịch Ủy ban nhân dân Quận 1";

    pub fn lines() -> Vec<AwardLine> {
        vec![
            AwardLine {
                nominee: INITIATIVE.into(),
                kind_label: "Sáng kiến".into(),
                detail: "Nguyễn Thị Hạnh, Lê Thị Thu Trang".into(),
                unit: "Trường Mầm non Cô Giang".into(),
                award: AWARD.into(),
                achievements:
                    "100% phụ huynh nhận thông báo qua ứng dụng <&> tiết kiệm 30 giờ mỗi tháng"
                        .into(),
                eligibility: "Đủ điều kiện".into(),
                status: "Đã duyệt".into(),
            },
            AwardLine {
                nominee: PERSON.into(),
                kind_label: "Cá nhân".into(),
                detail: "Giáo viên".into(),
                unit: "Trường Mầm non Cô Giang".into(),
                award: AWARD.into(),
                achievements: "Hoàn thành xuất sắc nhiệm vụ năm 2023".into(),
                eligibility: "Đủ điều kiện (ngoại lệ: Đánh giá, xếp loại cá nhân)".into(),
                status: "Đã gửi".into(),
            },
            AwardLine {
                nominee: COLLECTIVE.into(),
                kind_label: "Tập thể".into(),
                detail: String::new(),
                unit: "Trường Mầm non Cô Giang".into(),
                award: AWARD.into(),
                achievements: String::new(),
                eligibility: "Chưa đủ điều kiện".into(),
                status: "Nháp".into(),
            },
        ]
    }

    pub fn list() -> NominationList {
        NominationList {
            governing_body: Some("Ủy ban nhân dân Quận 1".into()),
            issuer_name: "Trường Mầm non Cô Giang".into(),
            place: "Quận 1".into(),
            date: NaiveDate::from_ymd_opt(2023, 11, 28).expect("date"),
            year: Some(2023),
            lines: lines(),
        }
    }

    pub fn decision(number: Option<&str>) -> DecisionDoc {
        DecisionDoc {
            governing_body: None,
            authority_name: "Ủy ban nhân dân Quận 1".into(),
            place: "Quận 1".into(),
            number: number.map(str::to_string),
            signed_on: number.and(NaiveDate::from_ymd_opt(2023, 12, 5)),
            signer_name: number.map(|_| "Nguyễn Văn Dũng".to_string()),
            signer_title: Some("CHỦ TỊCH".into()),
            bases: vec![],
            subject: "Về việc khen thưởng phong trào thi đua cải cách hành chính năm 2023".into(),
            ceremony_on: NaiveDate::from_ymd_opt(2024, 1, 5),
            lines: lines(),
        }
    }

    pub fn dossier() -> Dossier {
        let person = lines().swap_remove(1);
        Dossier {
            governing_body: Some("Ủy ban nhân dân Quận 1".into()),
            unit_name: "Trường Mầm non Cô Giang".into(),
            place: "Quận 1".into(),
            number_line: "Số:      /TTr-MNCG".into(),
            date: NaiveDate::from_ymd_opt(2023, 11, 28),
            addressee: "Ủy ban nhân dân Quận 1 (qua Phòng Nội vụ)".into(),
            line: person,
            year: 2023,
            proposal: "Căn cứ Kế hoạch số 175/KH-UBND của Ủy ban nhân dân Quận 1;\n\nTrường Mầm non Cô Giang kính đề nghị tặng Giấy khen cho bà Lê Thị Thu Trang, Giáo viên.".into(),
            achievements: "Bà Trang xây dựng Sổ liên lạc điện tử kết nối nhà trường và phụ huynh.\nTỷ lệ phụ huynh sử dụng đạt 95%.".into(),
            rules: vec![
                DossierRule {
                    title: "Hình thức khen thưởng hợp lệ".into(),
                    outcome: "Đạt".into(),
                    reason: AWARD.into(),
                },
                DossierRule {
                    title: "Đánh giá, xếp loại cá nhân".into(),
                    outcome: "Ngoại lệ".into(),
                    reason: "Chưa có kết quả xếp loại năm 2023".into(),
                },
            ],
            override_note: Some((
                "Đánh giá, xếp loại cá nhân".into(),
                "Kết quả xếp loại năm 2023 công bố sau hạn nộp hồ sơ <&>".into(),
                "Trần Minh Tuấn".into(),
                NaiveDate::from_ymd_opt(2023, 12, 1).expect("date"),
            )),
            evidence: vec![
                "Bao-cao-thanh-tich-Le-Thi-Thu-Trang.pdf".into(),
                "Hình ảnh triển khai.jpg".into(),
            ],
            minutes: Some("Biên bản họp Hội đồng Thi đua - Khen thưởng Trường Mầm non Cô Giang (kèm theo)".into()),
            signer_title: "HIỆU TRƯỞNG".into(),
            signer_name: "Nguyễn Thị Hạnh".into(),
        }
    }

    fn unzip(bytes: &[u8], name: &str) -> String {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut xml = String::new();
        z.by_name(name)
            .expect("part")
            .read_to_string(&mut xml)
            .expect("utf-8");
        xml
    }

    /// The XML is well formed as far as the generator can break it: tags nest and close,
    /// every `&` opens an entity, no `<` stands in text.
    fn assert_well_formed(xml: &str) {
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = xml;
        while let Some(lt) = rest.find('<') {
            let text = &rest[..lt];
            for (i, _) in text.match_indices('&') {
                let entity = &text[i..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                        .iter()
                        .any(|e| entity.starts_with(e)),
                    "a bare & in {:?}",
                    &entity[..entity.len().min(40)]
                );
            }
            rest = &rest[lt..];
            let gt = rest.find('>').expect("a closed tag");
            let tag = &rest[1..gt];
            assert!(!tag.contains('<'), "a < inside a tag: {tag}");
            if tag.starts_with('?') {
                // The declaration.
            } else if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name.trim()), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().expect("a tag name"));
            }
            rest = &rest[gt + 1..];
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
    }

    #[test]
    fn counts_subjects_and_sentences_read_as_vietnamese() {
        assert_eq!(
            grouped_counts(&lines()),
            "01 tập thể, 01 cá nhân và 01 sáng kiến"
        );
        assert_eq!(grouped_counts(&lines()[..1]), "01 sáng kiến");
        assert_eq!(grouped_counts(&[]), "các tập thể, cá nhân, sáng kiến");
        assert_eq!(in_sentence(PERSON), "bà Lê Thị Thu Trang");
        assert_eq!(in_sentence("Lê Thị Thu Trang"), "Lê Thị Thu Trang");
        let d = decision(Some("1234/QĐ-UBND"));
        assert_eq!(d.competence(), "Chủ tịch Ủy ban nhân dân Quận 1");
        assert_eq!(d.heading().number_line, "Số: 1234/QĐ-UBND");
        assert_eq!(d.heading().date_line, "Quận 1, ngày 05 tháng 12 năm 2023");
        assert!(d.article1().starts_with(&format!(
            "Tặng {AWARD} cho 01 tập thể, 01 cá nhân và 01 sáng kiến đã có thành tích xuất sắc trong phong trào thi đua cải cách hành chính năm 2023"
        )));
        assert!(d.article2().contains("ngày 05 tháng 01 năm 2024"));
        let bases = d.bases();
        assert_eq!(bases.len(), 4);
        assert!(bases[0].starts_with("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"));
        assert!(bases[0].ends_with(';'));
        assert!(bases[1].contains("98/2023/NĐ-CP"));
        assert!(bases[3].ends_with('.'));
        let draft = decision(None);
        assert!(draft.is_draft());
        assert_eq!(draft.heading().number_line, "Số:      /QĐ-UBND");
        assert_eq!(draft.heading().date_line, "Quận 1, ngày … tháng … năm …");
        let school = DecisionDoc {
            authority_name: "Phòng Nội vụ Quận 1".into(),
            signer_title: Some("KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG".into()),
            bases: vec!["Căn cứ A.".into(), " ".into(), "Căn cứ B;".into()],
            ..draft.clone()
        };
        assert_eq!(school.competence(), "Trưởng Phòng Nội vụ Quận 1");
        assert_eq!(school.symbol(), "PNVQ1");
        assert_eq!(school.bases(), vec!["Căn cứ A;", "Căn cứ B."]);
        let mixed = DecisionDoc {
            lines: {
                let mut l = lines();
                l[0].award = "Bằng khen của Ủy ban nhân dân Thành phố".into();
                l
            },
            ..draft
        };
        assert!(mixed.article1().starts_with(
            "Khen thưởng 01 tập thể, 01 cá nhân và 01 sáng kiến có tên trong danh sách kèm theo"
        ));
        let dossier = dossier();
        assert_eq!(
            dossier.subject(),
            "Về việc đề nghị khen thưởng bà Lê Thị Thu Trang trong phong trào thi đua cải cách hành chính năm 2023"
        );
        assert_eq!(dossier.attachments().len(), 3);
        let empty = Dossier {
            proposal: " ".into(),
            ..dossier
        };
        assert!(empty.proposal_text().contains(
            "tặng Giấy khen của Chủ tịch Ủy ban nhân dân Quận 1 cho bà Lê Thị Thu Trang, Giáo viên"
        ));
    }

    #[test]
    fn the_nomination_list_holds_every_line() {
        let xml = unzip(
            &nomination_list_docx(&list()).expect("docx"),
            "word/document.xml",
        );
        assert_well_formed(&xml);
        for text in NOMINATION_COLUMNS {
            assert!(xml.contains(&format!(">{text}<")), "{text}");
        }
        for text in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "ỦY BAN NHÂN DÂN QUẬN 1",
            "TRƯỜNG MẦM NON CÔ GIANG",
            NOMINATION_TITLE,
            "Phong trào thi đua cải cách hành chính năm 2023",
            "Quận 1, ngày 28 tháng 11 năm 2023",
            INITIATIVE,
            PERSON,
            COLLECTIVE,
            AWARD,
            "Giáo viên",
            "Đủ điều kiện (ngoại lệ: Đánh giá, xếp loại cá nhân)",
            "Chưa đủ điều kiện",
            "Nháp",
            ">Tổng cộng: <",
            ">01 tập thể, 01 cá nhân và 01 sáng kiến.<",
            "ứng dụng &lt;&amp;&gt; tiết kiệm",
            SIGNER_TITLE,
        ] {
            assert!(xml.contains(text), "{text}");
        }
        assert!(!xml.contains("<&>"));
        // Landscape A4.
        assert!(xml.contains("w:orient=\"landscape\""));

        let strings = unzip(
            &nomination_list_xlsx(&list()).expect("xlsx"),
            "xl/sharedStrings.xml",
        );
        for text in [
            NOMINATION_TITLE,
            INITIATIVE,
            PERSON,
            COLLECTIVE,
            AWARD,
            "Đã duyệt",
            "Tổng cộng: 01 tập thể, 01 cá nhân và 01 sáng kiến.",
            "ứng dụng &lt;&amp;&gt; tiết kiệm",
        ] {
            assert!(strings.contains(text), "{text}");
        }
    }

    #[test]
    fn the_decision_has_its_articles_and_annex() {
        let xml = unzip(
            &decision_docx(&decision(Some("1234/QĐ-UBND"))).expect("docx"),
            "word/document.xml",
        );
        assert_well_formed(&xml);
        for text in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "ỦY BAN NHÂN DÂN QUẬN 1",
            "Số: 1234/QĐ-UBND",
            "Quận 1, ngày 05 tháng 12 năm 2023",
            ">QUYẾT ĐỊNH<",
            "Về việc khen thưởng phong trào thi đua cải cách hành chính năm 2023",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN 1",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Nghị định số 98/2023/NĐ-CP",
            ">QUYẾT ĐỊNH:<",
            ">Điều 1. <",
            ">Điều 2. <",
            ">Điều 3. <",
            "01 tập thể, 01 cá nhân và 01 sáng kiến",
            "Hội nghị tổng kết phong trào thi đua cải cách hành chính năm 2023 tổ chức ngày 05 tháng 01 năm 2024.",
            "Nơi nhận:",
            "- Như Điều 3;",
            ">CHỦ TỊCH<",
            "Nguyễn Văn Dũng",
            "<w:br w:type=\"page\"/>",
            ">PHỤ LỤC<",
            ANNEX_TITLE,
            "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 05 tháng 12 năm 2023 của Chủ tịch Ủy ban nhân dân Quận 1)",
            INITIATIVE,
            PERSON,
            COLLECTIVE,
            AWARD,
        ] {
            assert!(xml.contains(text), "{text}");
        }
        for text in ANNEX_COLUMNS {
            assert!(xml.contains(&format!(">{text}<")), "{text}");
        }
        assert!(!xml.contains(DRAFT_MARK));
        // The last article stays on the page of the signature.
        assert!(xml.contains("<w:pPr><w:keepNext/><w:spacing w:before=\"60\" w:after=\"60\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Điều 3. </w:t>"));
        // The articles come before the annex, the annex after the page break.
        let article1 = xml.find("Điều 1.").expect("Điều 1");
        let brk = xml.find("w:type=\"page\"").expect("page break");
        let annex = xml.find("PHỤ LỤC").expect("annex");
        assert!(article1 < brk && brk < annex);
        // Portrait A4.
        assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));

        let strings = unzip(
            &decision_xlsx(&decision(Some("1234/QĐ-UBND"))).expect("xlsx"),
            "xl/sharedStrings.xml",
        );
        for text in [
            ANNEX_TITLE,
            "Số: 1234/QĐ-UBND",
            "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 05 tháng 12 năm 2023 của Chủ tịch Ủy ban nhân dân Quận 1)",
            INITIATIVE,
            PERSON,
            COLLECTIVE,
            AWARD,
            "Giáo viên",
        ] {
            assert!(strings.contains(text), "{text}");
        }
        assert!(!strings.contains("Dự thảo"));
    }

    #[test]
    fn a_draft_decision_is_marked_and_left_blank() {
        let mut d = decision(None);
        d.subject = "Về việc khen thưởng <Đợt 1> & tổng kết".into();
        let xml = unzip(&decision_docx(&d).expect("docx"), "word/document.xml");
        assert_well_formed(&xml);
        for text in [
            DRAFT_MARK,
            "Số:      /QĐ-UBND",
            "Quận 1, ngày … tháng … năm …",
            "Về việc khen thưởng &lt;Đợt 1&gt; &amp; tổng kết",
            "(Kèm theo Quyết định số      /QĐ-UBND ngày … tháng … năm … của Chủ tịch Ủy ban nhân dân Quận 1)",
            "PHỤ LỤC",
            PERSON,
        ] {
            assert!(xml.contains(text), "{text}");
        }
        // The mark comes before the heading.
        assert!(xml.find(DRAFT_MARK) < xml.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        let strings = unzip(&decision_xlsx(&d).expect("xlsx"), "xl/sharedStrings.xml");
        for text in [
            "(Dự thảo — kèm theo Quyết định về việc khen thưởng &lt;Đợt 1&gt; &amp; tổng kết của Chủ tịch Ủy ban nhân dân Quận 1)",
            "Số:      /QĐ-UBND",
            INITIATIVE,
        ] {
            assert!(strings.contains(text), "{text}");
        }
    }

    #[test]
    fn the_dossier_prints_the_rules_and_the_exception() {
        let xml = unzip(
            &dossier_docx(&dossier()).expect("docx"),
            "word/document.xml",
        );
        assert_well_formed(&xml);
        for text in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "ỦY BAN NHÂN DÂN QUẬN 1",
            "TRƯỜNG MẦM NON CÔ GIANG",
            "Số:      /TTr-MNCG",
            "Quận 1, ngày 28 tháng 11 năm 2023",
            ">TỜ TRÌNH<",
            "Về việc đề nghị khen thưởng bà Lê Thị Thu Trang",
            "Kính gửi: Ủy ban nhân dân Quận 1 (qua Phòng Nội vụ).",
            "Căn cứ Kế hoạch số 175/KH-UBND của Ủy ban nhân dân Quận 1;",
            "I. BÁO CÁO THÀNH TÍCH",
            PERSON,
            "Giáo viên",
            AWARD,
            "Tỷ lệ phụ huynh sử dụng đạt 95%.",
            "II. ĐIỀU KIỆN, TIÊU CHUẨN KHEN THƯỞNG",
            ">Tiêu chí<",
            ">Kết quả<",
            ">Căn cứ<",
            "Hình thức khen thưởng hợp lệ",
            ">Ngoại lệ<",
            "Ngoại lệ được chấp thuận: Đánh giá, xếp loại cá nhân — Lý do: Kết quả xếp loại năm 2023 công bố sau hạn nộp hồ sơ &lt;&amp;&gt; (Trần Minh Tuấn, ngày 01 tháng 12 năm 2023)",
            "Đủ điều kiện (ngoại lệ: Đánh giá, xếp loại cá nhân)",
            "III. HỒ SƠ KÈM THEO",
            "1. Bao-cao-thanh-tich-Le-Thi-Thu-Trang.pdf",
            "2. Hình ảnh triển khai.jpg",
            "3. Biên bản họp Hội đồng Thi đua - Khen thưởng",
            "kính trình Ủy ban nhân dân Quận 1 (qua Phòng Nội vụ) xem xét, quyết định./.",
            "Nơi nhận:",
            ">HIỆU TRƯỞNG<",
            "Nguyễn Thị Hạnh",
        ] {
            assert!(xml.contains(text), "{text}");
        }
        // The proposal's two lines are two paragraphs: its blank line makes none.
        let a = xml.find("175/KH-UBND").expect("first line");
        let b = xml
            .find("kính đề nghị tặng Giấy khen")
            .expect("second line");
        assert_eq!(xml[a..b].matches("<w:p>").count(), 1);
        assert!(!xml[a..b].contains("<w:t xml:space=\"preserve\"></w:t>"));
        assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
        // The closing sentence stays on the page of the signature.
        assert!(xml.contains("<w:pPr><w:keepNext/><w:spacing w:before=\"60\" w:after=\"60\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr></w:rPr><w:t xml:space=\"preserve\">Trường Mầm non Cô Giang kính trình"));
    }
}

/// `cargo test -p thidua-api --lib write_award_samples -- --ignored` writes the sample award
/// documents to `$EXPORT_SAMPLES` (default /tmp/award-samples), to look at them with
/// `scripts/render-exports.sh`.
#[cfg(test)]
#[test]
#[ignore]
fn write_award_samples() {
    let dir = std::env::var("EXPORT_SAMPLES").unwrap_or_else(|_| "/tmp/award-samples".into());
    std::fs::create_dir_all(&dir).unwrap();
    let list = tests::list();
    std::fs::write(
        format!("{dir}/nominations.docx"),
        nomination_list_docx(&list).unwrap(),
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/nominations.xlsx"),
        nomination_list_xlsx(&list).unwrap(),
    )
    .unwrap();
    let decision = tests::decision(Some("1234/QĐ-UBND"));
    std::fs::write(
        format!("{dir}/decision.docx"),
        decision_docx(&decision).unwrap(),
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/decision.xlsx"),
        decision_xlsx(&decision).unwrap(),
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/decision-draft.docx"),
        decision_docx(&tests::decision(None)).unwrap(),
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/dossier.docx"),
        dossier_docx(&tests::dossier()).unwrap(),
    )
    .unwrap();
}
