//! The layout of an administrative document of Decree 30/2020/NĐ-CP, shared by the exports
//! (Mẫu 1, Mẫu 2, …): the heading (issuing body top left, national motto top right, number
//! and date), Times New Roman, tables whose rows fit their text, the signature block — in an
//! Excel workbook (rust_xlsxwriter) and in a WordprocessingML document.

use std::io::Write;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, FormatUnderline, Worksheet, XlsxError};

pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
pub const SIGNER_TITLE: &str = "THỦ TRƯỞNG ĐƠN VỊ";
pub const SIGNER_NOTE: &str = "(Ký, ghi rõ họ tên, đóng dấu)";
pub const FONT: &str = "Times New Roman";

/// The top of a document: who issues it, its number and its date line.
#[derive(Debug, Clone)]
pub struct Heading {
    /// Cơ quan chủ quản (the parent organisation), if any.
    pub governing_body: Option<String>,
    pub unit_name: String,
    /// "Số: …/ĐK-MNCG".
    pub number_line: String,
    /// "Quận 1, ngày 20 tháng 4 năm 2023".
    pub date_line: String,
}

/// "Quận 1, ngày 20 tháng 4 năm 2023", blanks when there is no date yet.
pub fn date_line(place: &str, date: Option<NaiveDate>) -> String {
    match date {
        Some(d) => format!("{place}, {}", decree30_date(d)),
        None => format!("{place}, ngày … tháng … năm …"),
    }
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

pub fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Upper case as Vietnamese writes it (Rust's `to_uppercase` handles the diacritics).
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

// ---------------------------------------------------------------- xlsx

pub fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(13)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
}

pub fn cell() -> Format {
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
pub fn em_width(c: char) -> f64 {
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
pub fn wrapped_lines(text: &str, width: f64, pt: f64, bold: bool) -> usize {
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
pub fn span_width(widths: &[f64], a: u16, b: u16) -> f64 {
    widths[a as usize..=b as usize].iter().sum::<f64>() + f64::from(b - a) * 5.0 / 7.0
}

/// One cell of a row to fit: text, width, font size in points, bold.
pub type Fit<'a> = (&'a str, f64, f64, bool);

pub fn fit_row(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    cells: &[Fit],
) -> Result<(), XlsxError> {
    let height = cells
        .iter()
        .map(|(text, width, pt, bold)| wrapped_lines(text, *width, *pt, *bold) as f64 * pt * 1.2)
        .fold(0.0, f64::max);
    ws.set_row_height(row, height + 3.0)?;
    Ok(())
}

/// Rows 0–2: issuing body, unit and number over columns `0..=left_end`; nation, motto and
/// date over `right_start..=last`.
pub fn xlsx_heading(
    ws: &mut Worksheet,
    widths: &[f64],
    left_end: u16,
    right_start: u16,
    last: u16,
    h: &Heading,
) -> Result<(), XlsxError> {
    let center = base().set_align(FormatAlign::Center);
    let bold_center = center.clone().set_bold();
    let motto = bold_center.clone().set_underline(FormatUnderline::Single);
    let italic_center = center.clone().set_italic();
    let left_w = span_width(widths, 0, left_end);
    let right_w = span_width(widths, right_start, last);
    let governing = upper(h.governing_body.as_deref().unwrap_or(""));
    let unit = upper(&h.unit_name);
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
    ws.merge_range(2, 0, 2, left_end, &h.number_line, &center)?;
    ws.merge_range(2, right_start, 2, last, &h.date_line, &italic_center)?;
    fit_row(
        ws,
        2,
        &[
            (&h.number_line, left_w, 13.0, false),
            (&h.date_line, right_w, 13.0, false),
        ],
    )
}

/// One line of text over columns `a..=b` of `row`, its height fitted.
pub fn xlsx_line(
    ws: &mut Worksheet,
    widths: &[f64],
    row: u32,
    (a, b): (u16, u16),
    text: &str,
    f: &Format,
    bold: bool,
) -> Result<(), XlsxError> {
    ws.merge_range(row, a, row, b, text, f)?;
    fit_row(ws, row, &[(text, span_width(widths, a, b), 13.0, bold)])
}

/// The signer's title, the note and the name (four rows below) over `right_start..=last`.
pub fn xlsx_signature(
    ws: &mut Worksheet,
    widths: &[f64],
    row: u32,
    right_start: u16,
    last: u16,
    name: &str,
) -> Result<(), XlsxError> {
    let center = base().set_align(FormatAlign::Center);
    let bold_center = center.clone().set_bold();
    let italic_center = center.set_italic();
    let span = (right_start, last);
    xlsx_line(ws, widths, row, span, SIGNER_TITLE, &bold_center, true)?;
    xlsx_line(
        ws,
        widths,
        row + 1,
        span,
        SIGNER_NOTE,
        &italic_center,
        false,
    )?;
    xlsx_line(ws, widths, row + 5, span, name, &bold_center, true)
}

/// One table row whose cells span columns (`spans[i]` = first and last column of cell `i`).
pub fn xlsx_spanned_row(
    ws: &mut Worksheet,
    widths: &[f64],
    row: u32,
    spans: &[(u16, u16)],
    values: &[String],
    f: &Format,
    bold: bool,
) -> Result<(), XlsxError> {
    for ((a, b), v) in spans.iter().zip(values) {
        if a == b {
            ws.write_string_with_format(row, *a, v, f)?;
        } else {
            ws.merge_range(row, *a, row, *b, v, f)?;
        }
    }
    let fits: Vec<Fit> = spans
        .iter()
        .zip(values)
        .map(|((a, b), v)| (v.as_str(), span_width(widths, *a, *b), 12.0, bold))
        .collect();
    fit_row(ws, row, &fits)
}

/// The bold centred heading cell of a table, and its ordinary cell.
pub fn table_formats() -> (Format, Format) {
    (
        cell()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        cell(),
    )
}

/// A table: bold centred headings (repeated on every printed page), then the rows; returns
/// the last row written.
pub fn xlsx_table(
    ws: &mut Worksheet,
    widths: &[f64],
    first_row: u32,
    headers: &[&str],
    rows: &[Vec<String>],
) -> Result<u32, XlsxError> {
    let (head, body) = table_formats();
    let mut row = first_row;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &head)?;
    }
    let fits: Vec<Fit> = headers
        .iter()
        .zip(widths)
        .map(|(h, w)| (*h, *w, 12.0, true))
        .collect();
    fit_row(ws, row, &fits)?;
    ws.set_repeat_rows(first_row, first_row)?;
    for cells in rows {
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
    Ok(row)
}

// ---------------------------------------------------------------- docx

pub fn esc(s: &str) -> String {
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
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub center: bool,
    /// Half-points; 0 for the document default (13 pt).
    pub size: u32,
    /// Kept on the page of what follows (a heading above its table).
    pub keep_next: bool,
}

pub const B: Style = Style {
    bold: true,
    italic: false,
    underline: false,
    center: true,
    size: 0,
    keep_next: false,
};
pub const C: Style = Style {
    bold: false,
    italic: false,
    underline: false,
    center: true,
    size: 0,
    keep_next: false,
};
pub const I: Style = Style {
    bold: false,
    italic: true,
    underline: false,
    center: true,
    size: 0,
    keep_next: false,
};

/// One paragraph; line breaks in `text` become `<w:br/>`.
pub fn para(text: &str, s: Style) -> String {
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

pub fn tc(width: u32, content: &str) -> String {
    format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{content}</w:tc>")
}

pub fn table(widths: &[u32], rows: &[String], borders: bool) -> String {
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

pub fn tr(widths: &[u32], cells: &[String], header: bool) -> String {
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

/// The heading as a borderless two-column table `left` + `right` twips wide.
pub fn docx_heading(left: u32, right: u32, h: &Heading) -> String {
    docx_heading_sized(left, right, h, 0)
}

/// [`docx_heading`] with the issuing body and the national motto in `size` half-points
/// (Decree 30 allows 12 to 13 pt: 12 pt keeps them on one line of an A4 portrait page).
pub fn docx_heading_sized(left: u32, right: u32, h: &Heading, size: u32) -> String {
    let (b, c) = (Style { size, ..B }, Style { size, ..C });
    let l = [
        para(&upper(h.governing_body.as_deref().unwrap_or("")), c),
        para(&upper(&h.unit_name), b),
        para("________", c),
        para(&h.number_line, C),
    ]
    .concat();
    let r = [
        para(NATION, b),
        para(
            MOTTO,
            Style {
                underline: true,
                ..B
            },
        ),
        para("", C),
        para(&h.date_line, I),
    ]
    .concat();
    table(
        &[left, right],
        &[format!("<w:tr>{}{}</w:tr>", tc(left, &l), tc(right, &r))],
        false,
    )
}

/// The signature block on the right, `left_content` (e.g. "Nơi nhận") on the left, as one
/// unsplittable row: the signer's title never sits on one page and the name on the next.
pub fn docx_signature(left: u32, right: u32, left_content: &str, name: &str) -> String {
    let sign = [
        para(SIGNER_TITLE, B),
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

/// `word/document.xml` around `body`: A4, 2 cm margins (landscape for wide tables).
pub fn docx_document(body: &str, landscape: bool) -> String {
    let page = if landscape {
        "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
    } else {
        // Decree 30: top and bottom 2 cm, left 3 cm, right 1.5 cm.
        "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
    };
    // Word ends a body with a paragraph, never a table.
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{body}{}<w:sectPr>{page}</w:sectPr></w:body></w:document>",
        para("", C)
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

/// The WordprocessingML package of a `word/document.xml`.
pub fn docx_package(document_xml: &str) -> zip::result::ZipResult<Vec<u8>> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("word/_rels/document.xml.rels", DOC_RELS),
            ("word/styles.xml", STYLES),
            ("word/document.xml", document_xml),
        ] {
            z.start_file(name, opts)?;
            z.write_all(content.as_bytes())?;
        }
        z.finish()?;
    }
    Ok(buf.into_inner())
}

/// A generated document as the `.docx` or `.xlsx` download named `<name>.<ext>` (ASCII
/// fallback `<ascii_stem>.<ext>`).
pub fn download(
    docx: bool,
    make_docx: impl FnOnce() -> zip::result::ZipResult<Vec<u8>>,
    make_xlsx: impl FnOnce() -> Result<Vec<u8>, XlsxError>,
    ascii_stem: &str,
    name: &str,
) -> Result<actix_web::HttpResponse, crate::error::ApiError> {
    let (bytes, content_type, ext) = if docx {
        (
            make_docx().map_err(crate::error::ApiError::internal)?,
            super::DOCX,
            "docx",
        )
    } else {
        (
            make_xlsx().map_err(crate::error::ApiError::internal)?,
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
