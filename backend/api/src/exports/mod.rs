//! Documents generated from views: pure functions from view types to file bytes, so the
//! layout is tested without a server or a database.

pub mod awards;
pub mod decree30;
pub mod mau1;
pub mod mau2;
pub mod minutes;

/// The HTTP pieces of a generated file.
pub struct ExportFile {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    /// ASCII fallback for old clients.
    pub ascii_name: String,
    /// The Vietnamese name, sent as RFC 5987 `filename*`.
    pub name: String,
}

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// `Content-Disposition` per RFC 6266 with an RFC 5987 UTF-8 name.
pub fn content_disposition(ascii_name: &str, name: &str) -> String {
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    let fallback: String = ascii_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

impl ExportFile {
    pub fn into_response(self) -> actix_web::HttpResponse {
        actix_web::HttpResponse::Ok()
            .content_type(self.content_type)
            .insert_header((
                "Content-Disposition",
                content_disposition(&self.ascii_name, &self.name),
            ))
            .insert_header(("Cache-Control", "no-store"))
            .body(self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disposition_carries_both_names() {
        assert_eq!(
            content_disposition("Mau1-dang-ky.xlsx", "Mẫu 1 đăng ký.xlsx"),
            "attachment; filename=\"Mau1-dang-ky.xlsx\"; filename*=UTF-8''M%E1%BA%ABu%201%20%C4%91%C4%83ng%20k%C3%BD.xlsx"
        );
    }
}
