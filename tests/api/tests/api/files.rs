//! Evidence files (issue 4, item 3): streamed upload, content-addressed store, type and size
//! checks from the content, downloads with the original Vietnamese name, reach.

use std::io::Write;
use std::time::Duration;

use uuid::Uuid;

use crate::helpers::{TestApp, pdf, spawn_app};

const TEACHER: &str = "giaovien.cogiang.1";
/// The uploads of the test, not the demo's (2023).
const NEW_FILES: &str = "files WHERE created_at > '2024-01-01'";

/// A draft initiative of Cô Giang authored by the teacher.
async fn initiative(app: &TestApp) -> Uuid {
    let org = app.org_id("Q1-MN-COGIANG").await;
    let campaign = app.campaign_id("175/KH-UBND").await;
    let teacher = app.user_id(TEACHER).await;
    app.insert_initiative(org, campaign, "in_progress", teacher, &[(teacher, 100)])
        .await
}

/// What this test stored (the demo evidence dates from 2023): uploads, blobs, and the
/// temporary objects in the store.
async fn stored_counts(app: &TestApp) -> (i64, i64, usize) {
    (
        app.count(NEW_FILES).await,
        app.count("file_blobs WHERE created_at > '2024-01-01'")
            .await,
        app.files.temporary_objects().await.unwrap(),
    )
}

#[tokio::test]
async fn the_same_bytes_are_kept_once_and_come_back_with_their_vietnamese_name() {
    let app = spawn_app().await;
    let token = app.token(TEACHER).await;
    let id = initiative(&app).await;
    let bytes = pdf("Kế hoạch triển khai");

    let first = app
        .upload(
            &token,
            id,
            "implementation_plan",
            "Kế hoạch triển khai số 1.pdf",
            bytes.clone(),
        )
        .await
        .expect(201);
    assert_eq!(first.body["media_type"], "application/pdf");
    assert_eq!(first.body["original_name"], "Kế hoạch triển khai số 1.pdf");
    assert_eq!(first.body["category"], "implementation_plan");
    assert_eq!(first.body["size_bytes"], bytes.len());
    assert_eq!(first.body["allowed_actions"], serde_json::json!(["delete"]));
    let again = app
        .upload(&token, id, "other", "bản sao.pdf", bytes.clone())
        .await
        .expect(201);
    assert_eq!(again.body["sha256"], first.body["sha256"]);
    assert_ne!(again.body["id"], first.body["id"]);
    assert_eq!(stored_counts(&app).await, (2, 1, 0));
    assert_eq!(app.count("audit_log WHERE action = 'file.upload'").await, 2);

    // Download: the bytes, the detected type, the original name (RFC 6266 / 5987).
    let url = first.str("/download_url");
    let res = app
        .plain_client()
        .get(app.url(&url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers().clone();
    assert_eq!(h["content-type"], "application/pdf");
    assert_eq!(h["x-content-type-options"], "nosniff");
    let cd = h["content-disposition"].to_str().unwrap().to_string();
    assert!(cd.starts_with("attachment"), "{cd}");
    assert!(
        cd.contains("filename=\"Ke hoach trien khai so 1.pdf\""),
        "{cd}"
    );
    assert!(
        cd.contains("filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch"),
        "{cd}"
    );
    assert_eq!(res.bytes().await.unwrap().to_vec(), bytes);

    // Listed on the initiative, for the unit's head and the district officer too.
    for who in [TEACHER, "hieutruong.cogiang", "noivu.quan1"] {
        let t = app.token(who).await;
        let list = app
            .get(&format!("/api/v1/initiatives/{id}/files"), &t)
            .await
            .expect(200);
        assert_eq!(list.body.as_array().unwrap().len(), 2, "{who}");
    }
}

#[tokio::test]
async fn wrong_types_oversized_files_and_path_names_store_nothing_unsafe() {
    let app = spawn_app().await;
    let token = app.token(TEACHER).await;
    let id = initiative(&app).await;

    // An executable renamed .pdf: refused from its content.
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    elf.extend(std::iter::repeat_n(0u8, 4096));
    app.upload(&token, id, "product", "bao-cao.pdf", elf)
        .await
        .expect_problem(415, "unsupported_file_type");
    // Plain text is not evidence either.
    app.upload(&token, id, "data", "so-lieu.pdf", b"so lieu 2023".to_vec())
        .await
        .expect_problem(415, "unsupported_file_type");
    // Over the limit (25 MiB by default): refused while streaming.
    let mut big = pdf("lớn");
    big.resize(25 * 1024 * 1024 + 1, b' ');
    app.upload(&token, id, "data", "lon.pdf", big)
        .await
        .expect_problem(413, "file_too_large");
    assert_eq!(stored_counts(&app).await, (0, 0, 0));

    // A name that looks like a path is only a name: its last part is kept.
    let r = app
        .upload(&token, id, "other", "../../etc/passwd", pdf("x"))
        .await
        .expect(201);
    assert_eq!(r.body["original_name"], "passwd");

    // Fields: the category and the initiative come before the file, and must be valid.
    app.upload(&token, id, "bien-ban", "a.pdf", pdf("y"))
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(app.count(NEW_FILES).await, 1);
}

#[tokio::test]
async fn only_the_units_people_add_evidence_and_others_do_not_see_it() {
    let app = spawn_app().await;
    let id = initiative(&app).await;
    let teacher = app.token(TEACHER).await;
    let r = app
        .upload(&teacher, id, "photo", "ảnh.pdf", pdf("ảnh"))
        .await
        .expect(201);
    let file = r.str("/id");

    // Another unit's head: the file does not exist for them.
    let other = app.token("hieutruong.tranhungdao").await;
    app.get(&format!("/api/v1/files/{file}/content"), &other)
        .await
        .expect_problem(404, "not_found");
    app.get(&format!("/api/v1/initiatives/{id}/files"), &other)
        .await
        .expect_problem(404, "not_found");
    app.upload(&other, id, "photo", "x.pdf", pdf("x"))
        .await
        .expect_problem(404, "not_found");
    // The district officer sees it but adds nothing; a colleague who is not an author
    // neither.
    let officer = app.token("noivu.quan1").await;
    app.get(&format!("/api/v1/files/{file}/content"), &officer)
        .await
        .expect(200);
    app.upload(&officer, id, "photo", "x.pdf", pdf("x"))
        .await
        .expect_problem(403, "forbidden");
    let colleague = app.token("giaovien.cogiang.2").await;
    app.upload(&colleague, id, "photo", "x.pdf", pdf("x"))
        .await
        .expect_problem(403, "forbidden");
    app.delete(&format!("/api/v1/files/{file}"), &colleague)
        .await
        .expect_problem(403, "forbidden");

    // Part of a submitted version: never deleted.
    app.exec_ok(&format!(
        "UPDATE files SET locked_at = now() WHERE id = '{file}'"
    ))
    .await;
    app.delete(&format!("/api/v1/files/{file}"), &teacher)
        .await
        .expect_problem(409, "file_locked");
    assert!(
        app.exec(&format!("DELETE FROM files WHERE id = '{file}'"))
            .await
            .is_err(),
        "the database refuses too"
    );
    // A file not locked is deleted by its uploader.
    let r = app
        .upload(&teacher, id, "photo", "ảnh 2.pdf", pdf("ảnh 2"))
        .await
        .expect(201);
    app.delete(&format!("/api/v1/files/{}", r.str("/id")), &teacher)
        .await
        .expect(204);
    assert_eq!(app.count(NEW_FILES).await, 1);
}

/// The client goes away in the middle of the file: no record, no bytes left behind.
#[tokio::test]
async fn an_interrupted_upload_leaves_nothing_behind() {
    let app = spawn_app().await;
    let token = app.token(TEACHER).await;
    let id = initiative(&app).await;
    let addr = app.base.trim_start_matches("http://").to_string();
    let boundary = "----thidua-boundary";
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nphoto\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"initiative_id\"\r\n\r\n{id}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    );
    let declared = head.len() + 10 * 1024 * 1024;
    std::thread::spawn(move || {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        write!(
            s,
            "POST /api/v1/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: multipart/form-data; boundary={boundary}\r\n\
             Content-Length: {declared}\r\n\r\n{head}"
        )
        .unwrap();
        s.write_all(&pdf("một phần")).unwrap();
        // Two MiB of the promised ten, then the connection drops.
        let chunk = vec![b' '; 64 * 1024];
        for _ in 0..32 {
            s.write_all(&chunk).unwrap();
        }
        s.flush().unwrap();
        std::thread::sleep(Duration::from_millis(300));
        drop(s);
    })
    .join()
    .unwrap();

    let mut left = (1, 1, 1);
    for _ in 0..50 {
        left = stored_counts(&app).await;
        if left == (0, 0, 0) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(left, (0, 0, 0), "files, blobs, temporary objects");
}

/// Not a multipart form at all: a problem document like every other refusal.
#[tokio::test]
async fn a_body_that_is_not_a_form_gets_a_problem() {
    let app = spawn_app().await;
    let token = app.token(TEACHER).await;
    let r = app
        .post("/api/v1/files", &token, &serde_json::json!({ "file": "x" }))
        .await;
    assert!(r.status == 400 || r.status == 415, "{}", r.status);
    crate::helpers::assert_problem_shape(&r);
}

/// A deleted file's bytes are collected once nothing names them and no upload claimed them
/// for an hour; bytes another file still names stay, and the same bytes can come again.
#[tokio::test]
async fn bytes_no_file_names_are_collected() {
    use diesel_async::AsyncConnection;
    let app = spawn_app().await;
    let token = app.token(TEACHER).await;
    let id = initiative(&app).await;
    let alone = app
        .upload(&token, id, "data", "Số liệu.pdf", pdf("chỉ một lần"))
        .await
        .expect(201);
    let shared = pdf("hai lần");
    let first = app
        .upload(&token, id, "data", "Bản 1.pdf", shared.clone())
        .await
        .expect(201);
    app.upload(&token, id, "data", "Bản 2.pdf", shared.clone())
        .await
        .expect(201);
    for f in [&alone, &first] {
        app.delete(&format!("/api/v1/files/{}", f.str("/id")), &token)
            .await
            .expect(204);
    }
    let hex = |r: &crate::helpers::Resp| r.str("/sha256");
    let mut conn = diesel_async::AsyncPgConnection::establish(&app.db_url)
        .await
        .unwrap();
    let hour = Duration::from_secs(3600);
    // Claimed within the hour: kept.
    let n = thidua_api::files::collect_unnamed(&mut conn, &app.files, hour)
        .await
        .unwrap();
    assert_eq!(n, 0);
    app.exec_ok("UPDATE file_blobs SET claimed_at = now() - interval '2 hours'")
        .await;
    let n = thidua_api::files::collect_unnamed(&mut conn, &app.files, hour)
        .await
        .unwrap();
    assert_eq!(n, 1, "only the bytes no file names");
    assert_eq!(
        app.count(&format!(
            "file_blobs WHERE sha256 = decode('{}', 'hex')",
            hex(&alone)
        ))
        .await,
        0
    );
    let gone = hex(&alone);
    let bytes: Vec<u8> = (0..gone.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&gone[i..i + 2], 16).unwrap())
        .collect();
    assert!(
        app.files.get(&bytes).await.is_err(),
        "the bytes are deleted"
    );
    // The shared bytes are still served; the demo evidence is untouched.
    assert_eq!(app.count(NEW_FILES).await, 1);
    assert_eq!(app.count("file_blobs").await, 7);
    // The collected bytes can be uploaded again, and are served.
    let again = app
        .upload(&token, id, "data", "Số liệu.pdf", pdf("chỉ một lần"))
        .await
        .expect(201);
    let res = app
        .plain_client()
        .get(app.url(&again.str("/download_url")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf("chỉ một lần"));
}
