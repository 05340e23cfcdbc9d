//! Demo data (`thidua seed-demo`): Ho Chi Minh City, District 1 (abolished 30/6/2025) with
//! its units, the four 2025 wards, the accounts of the README, and the 2023 campaigns
//! 175/KH-UBND and 112/KH-MNCG, and a dozen initiatives in every state. Idempotent: what exists (by code or user name) is kept.

mod awards;
mod evaluation;
mod initiatives;
pub mod reports;

use argon2::Argon2;
use argon2::password_hash::PasswordHasher;
use chrono::NaiveDate;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use thidua_db::models::{
    NewCampaign, NewMilestone, NewOrganization, NewRoleGrant, NewUser, Organization,
};
use thidua_db::queries::{
    campaigns as campaign_queries, organizations as org_queries, users as user_queries,
};
use thidua_domain::role::Role;
use uuid::Uuid;

pub const DEMO_PASSWORD: &str = "ThiDua@2023";

fn d(y: i32, m: u32, day: u32) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day).ok_or_else(|| anyhow::anyhow!("bad date {y}-{m}-{day}"))
}

struct OrgSpec {
    code: &'static str,
    name: &'static str,
    short: Option<&'static str>,
    kind: &'static str,
    parent: Option<&'static str>,
    from: (i32, u32, u32),
    to: Option<(i32, u32, u32)>,
}

const ORGS: &[OrgSpec] = &[
    OrgSpec {
        code: "HCM",
        name: "Thành phố Hồ Chí Minh",
        short: Some("TP.HCM"),
        kind: "city",
        parent: None,
        from: (1976, 7, 2),
        to: None,
    },
    OrgSpec {
        code: "HCM-SNV",
        name: "Sở Nội vụ Thành phố Hồ Chí Minh",
        short: Some("Sở Nội vụ"),
        kind: "department",
        parent: Some("HCM"),
        from: (1976, 7, 2),
        to: None,
    },
    OrgSpec {
        code: "Q1",
        name: "Ủy ban nhân dân Quận 1",
        short: Some("UBND Quận 1"),
        kind: "district",
        parent: Some("HCM"),
        from: (1976, 5, 1),
        to: Some((2025, 6, 30)),
    },
    OrgSpec {
        code: "Q1-PNV",
        name: "Phòng Nội vụ Quận 1",
        short: Some("Phòng Nội vụ"),
        kind: "department",
        parent: Some("Q1"),
        from: (1976, 5, 1),
        to: Some((2025, 6, 30)),
    },
    OrgSpec {
        code: "Q1-BCD-CCHC",
        name: "Ban Chỉ đạo cải cách hành chính Quận 1",
        short: Some("BCĐ CCHC Quận 1"),
        kind: "steering_committee",
        parent: Some("Q1"),
        from: (2016, 1, 1),
        to: Some((2025, 6, 30)),
    },
    OrgSpec {
        code: "Q1-PGDDT",
        name: "Phòng Giáo dục và Đào tạo Quận 1",
        short: Some("Phòng GD&ĐT"),
        kind: "department",
        parent: Some("Q1"),
        from: (1976, 5, 1),
        to: Some((2025, 6, 30)),
    },
    OrgSpec {
        code: "Q1-MN-COGIANG",
        name: "Trường Mầm non Cô Giang",
        short: Some("MN Cô Giang"),
        kind: "school",
        parent: Some("Q1"),
        from: (1990, 9, 1),
        to: None,
    },
    OrgSpec {
        code: "Q1-TH-TRANHUNGDAO",
        name: "Trường Tiểu học Trần Hưng Đạo",
        short: Some("TH Trần Hưng Đạo"),
        kind: "school",
        parent: Some("Q1"),
        from: (1975, 9, 1),
        to: None,
    },
    OrgSpec {
        code: "Q1-THCS-VANLANG",
        name: "Trường Trung học cơ sở Văn Lang",
        short: Some("THCS Văn Lang"),
        kind: "school",
        parent: Some("Q1"),
        from: (1985, 9, 1),
        to: None,
    },
    OrgSpec {
        code: "Q1-TYT-BENNGHE",
        name: "Trạm Y tế phường Bến Nghé",
        short: Some("TYT Bến Nghé"),
        kind: "public_service_unit",
        parent: Some("Q1"),
        from: (1980, 1, 1),
        to: Some((2025, 6, 30)),
    },
    OrgSpec {
        code: "Q1-TTVH",
        name: "Trung tâm Văn hóa Quận 1",
        short: Some("TTVH Quận 1"),
        kind: "public_service_unit",
        parent: Some("Q1"),
        from: (1980, 1, 1),
        to: Some((2025, 6, 30)),
    },
    OrgSpec {
        code: "Q1-P-BENNGHE",
        name: "Ủy ban nhân dân phường Bến Nghé",
        short: Some("UBND P. Bến Nghé"),
        kind: "ward",
        parent: Some("Q1"),
        from: (1976, 5, 1),
        to: Some((2025, 6, 30)),
    },
    OrgSpec {
        code: "Q1-P-DAKAO",
        name: "Ủy ban nhân dân phường Đa Kao",
        short: Some("UBND P. Đa Kao"),
        kind: "ward",
        parent: Some("Q1"),
        from: (1976, 5, 1),
        to: Some((2025, 6, 30)),
    },
    OrgSpec {
        code: "P-SAIGON",
        name: "Ủy ban nhân dân phường Sài Gòn",
        short: Some("UBND P. Sài Gòn"),
        kind: "ward",
        parent: Some("HCM"),
        from: (2025, 7, 1),
        to: None,
    },
    OrgSpec {
        code: "P-TANDINH",
        name: "Ủy ban nhân dân phường Tân Định",
        short: Some("UBND P. Tân Định"),
        kind: "ward",
        parent: Some("HCM"),
        from: (2025, 7, 1),
        to: None,
    },
    OrgSpec {
        code: "P-BENTHANH",
        name: "Ủy ban nhân dân phường Bến Thành",
        short: Some("UBND P. Bến Thành"),
        kind: "ward",
        parent: Some("HCM"),
        from: (2025, 7, 1),
        to: None,
    },
    OrgSpec {
        code: "P-CAUONGLANH",
        name: "Ủy ban nhân dân phường Cầu Ông Lãnh",
        short: Some("UBND P. Cầu Ông Lãnh"),
        kind: "ward",
        parent: Some("HCM"),
        from: (2025, 7, 1),
        to: None,
    },
];

struct UserSpec {
    username: &'static str,
    name: &'static str,
    position: &'static str,
    org: &'static str,
    /// (role, organisation code the role is rooted at)
    roles: &'static [(Role, &'static str)],
}

const USERS: &[UserSpec] = &[
    UserSpec {
        username: "admin",
        name: "Quản trị hệ thống",
        position: "Quản trị viên",
        org: "HCM",
        roles: &[(Role::Admin, "HCM")],
    },
    UserSpec {
        username: "noivu.quan1",
        name: "Lê Thị Thanh Tâm",
        position: "Chuyên viên Phòng Nội vụ",
        org: "Q1-PNV",
        roles: &[(Role::AuthorityOfficer, "Q1")],
    },
    UserSpec {
        username: "hieutruong.cogiang",
        name: "Nguyễn Thị Minh Hạnh",
        position: "Hiệu trưởng",
        org: "Q1-MN-COGIANG",
        roles: &[(Role::UnitHead, "Q1-MN-COGIANG")],
    },
    UserSpec {
        username: "phohieutruong.cogiang",
        name: "Trần Thị Ngọc Lan",
        position: "Phó Hiệu trưởng",
        org: "Q1-MN-COGIANG",
        roles: &[
            (Role::UnitFocal, "Q1-MN-COGIANG"),
            (Role::Staff, "Q1-MN-COGIANG"),
        ],
    },
    UserSpec {
        username: "congdoan.cogiang",
        name: "Phạm Thị Thu Hương",
        position: "Chủ tịch Công đoàn",
        org: "Q1-MN-COGIANG",
        roles: &[
            (Role::UnitFocal, "Q1-MN-COGIANG"),
            (Role::Staff, "Q1-MN-COGIANG"),
        ],
    },
    UserSpec {
        username: "chidoan.cogiang",
        name: "Võ Hoàng Yến",
        position: "Bí thư Chi đoàn",
        org: "Q1-MN-COGIANG",
        roles: &[
            (Role::UnitFocal, "Q1-MN-COGIANG"),
            (Role::Staff, "Q1-MN-COGIANG"),
        ],
    },
    UserSpec {
        username: "giaovien.cogiang.1",
        name: "Đặng Thị Kim Oanh",
        position: "Giáo viên",
        org: "Q1-MN-COGIANG",
        roles: &[(Role::Staff, "Q1-MN-COGIANG")],
    },
    UserSpec {
        username: "giaovien.cogiang.2",
        name: "Huỳnh Ngọc Trâm",
        position: "Giáo viên",
        org: "Q1-MN-COGIANG",
        roles: &[(Role::Staff, "Q1-MN-COGIANG")],
    },
    UserSpec {
        username: "giaovien.cogiang.3",
        name: "Lý Thị Mỹ Duyên",
        position: "Giáo viên",
        org: "Q1-MN-COGIANG",
        roles: &[(Role::Staff, "Q1-MN-COGIANG")],
    },
    UserSpec {
        username: "giaovien.cogiang.4",
        name: "Bùi Thị Phương Thảo",
        position: "Giáo viên",
        org: "Q1-MN-COGIANG",
        roles: &[(Role::Staff, "Q1-MN-COGIANG")],
    },
    UserSpec {
        username: "giaovien.cogiang.5",
        name: "Ngô Thị Hồng Nhung",
        position: "Nhân viên văn phòng",
        org: "Q1-MN-COGIANG",
        roles: &[(Role::Staff, "Q1-MN-COGIANG")],
    },
    UserSpec {
        username: "bcd.quan1.1",
        name: "Trương Văn Phúc",
        position: "Phó Chủ tịch UBND Quận 1, Trưởng Ban Chỉ đạo",
        org: "Q1-BCD-CCHC",
        roles: &[(Role::Evaluator, "Q1")],
    },
    UserSpec {
        username: "bcd.quan1.2",
        name: "Đỗ Thị Bích Ngọc",
        position: "Trưởng Phòng Nội vụ, Phó Trưởng Ban",
        org: "Q1-BCD-CCHC",
        roles: &[(Role::Evaluator, "Q1")],
    },
    UserSpec {
        username: "bcd.quan1.3",
        name: "Hồ Minh Tuấn",
        position: "Thành viên Ban Chỉ đạo",
        org: "Q1-BCD-CCHC",
        roles: &[(Role::Evaluator, "Q1")],
    },
    UserSpec {
        username: "bcd.quan1.4",
        name: "Lâm Thị Thùy Linh",
        position: "Thành viên Ban Chỉ đạo",
        org: "Q1-BCD-CCHC",
        roles: &[(Role::Evaluator, "Q1")],
    },
    UserSpec {
        username: "bcd.quan1.5",
        name: "Cao Văn Khánh",
        position: "Thư ký Ban Chỉ đạo",
        org: "Q1-BCD-CCHC",
        roles: &[(Role::Evaluator, "Q1")],
    },
    UserSpec {
        username: "hieutruong.tranhungdao",
        name: "Vũ Quốc Bảo",
        position: "Hiệu trưởng",
        org: "Q1-TH-TRANHUNGDAO",
        roles: &[(Role::UnitHead, "Q1-TH-TRANHUNGDAO")],
    },
    UserSpec {
        username: "giaovien.tranhungdao.1",
        name: "Mai Thị Thanh Hà",
        position: "Giáo viên",
        org: "Q1-TH-TRANHUNGDAO",
        roles: &[(Role::Staff, "Q1-TH-TRANHUNGDAO")],
    },
    UserSpec {
        username: "giaovien.tranhungdao.2",
        name: "Tạ Minh Châu",
        position: "Giáo viên",
        org: "Q1-TH-TRANHUNGDAO",
        roles: &[(Role::Staff, "Q1-TH-TRANHUNGDAO")],
    },
    UserSpec {
        username: "hieutruong.vanlang",
        name: "Đinh Thị Lệ Thu",
        position: "Hiệu trưởng",
        org: "Q1-THCS-VANLANG",
        roles: &[(Role::UnitHead, "Q1-THCS-VANLANG")],
    },
    UserSpec {
        username: "giaovien.vanlang.1",
        name: "Phan Thanh Sơn",
        position: "Giáo viên",
        org: "Q1-THCS-VANLANG",
        roles: &[(Role::Staff, "Q1-THCS-VANLANG")],
    },
    UserSpec {
        username: "giaovien.vanlang.2",
        name: "Kiều Thị Ánh Tuyết",
        position: "Giáo viên",
        org: "Q1-THCS-VANLANG",
        roles: &[(Role::Staff, "Q1-THCS-VANLANG")],
    },
    UserSpec {
        username: "truongtram.tytbennghe",
        name: "Lưu Đức Thịnh",
        position: "Trưởng Trạm Y tế",
        org: "Q1-TYT-BENNGHE",
        roles: &[(Role::UnitHead, "Q1-TYT-BENNGHE")],
    },
    UserSpec {
        username: "nhanvien.tytbennghe.1",
        name: "Quách Thị Diễm",
        position: "Y sĩ",
        org: "Q1-TYT-BENNGHE",
        roles: &[(Role::Staff, "Q1-TYT-BENNGHE")],
    },
    UserSpec {
        username: "nhanvien.tytbennghe.2",
        name: "Thái Văn Lộc",
        position: "Điều dưỡng",
        org: "Q1-TYT-BENNGHE",
        roles: &[(Role::Staff, "Q1-TYT-BENNGHE")],
    },
    UserSpec {
        username: "giamdoc.ttvh",
        name: "Tôn Nữ Minh Thư",
        position: "Giám đốc Trung tâm",
        org: "Q1-TTVH",
        roles: &[(Role::UnitHead, "Q1-TTVH")],
    },
    UserSpec {
        username: "nhanvien.ttvh.1",
        name: "Âu Gia Huy",
        position: "Viên chức",
        org: "Q1-TTVH",
        roles: &[(Role::Staff, "Q1-TTVH")],
    },
    UserSpec {
        username: "nhanvien.ttvh.2",
        name: "Dương Thị Kiều My",
        position: "Viên chức",
        org: "Q1-TTVH",
        roles: &[(Role::Staff, "Q1-TTVH")],
    },
    UserSpec {
        username: "chutich.bennghe",
        name: "Nghiêm Văn Toàn",
        position: "Chủ tịch UBND phường",
        org: "Q1-P-BENNGHE",
        roles: &[(Role::UnitHead, "Q1-P-BENNGHE")],
    },
    UserSpec {
        username: "congchuc.bennghe.1",
        name: "Lạc Thị Hồng Vân",
        position: "Công chức Văn phòng - Thống kê",
        org: "Q1-P-BENNGHE",
        roles: &[(Role::Staff, "Q1-P-BENNGHE")],
    },
    UserSpec {
        username: "congchuc.bennghe.2",
        name: "Hà Minh Nhật",
        position: "Công chức Tư pháp - Hộ tịch",
        org: "Q1-P-BENNGHE",
        roles: &[(Role::Staff, "Q1-P-BENNGHE")],
    },
    UserSpec {
        username: "truongphong.pgddt",
        name: "La Thị Ngọc Bích",
        position: "Trưởng phòng",
        org: "Q1-PGDDT",
        roles: &[(Role::UnitHead, "Q1-PGDDT")],
    },
    UserSpec {
        username: "chuyenvien.pgddt.1",
        name: "Khổng Văn Đạt",
        position: "Chuyên viên",
        org: "Q1-PGDDT",
        roles: &[(Role::Staff, "Q1-PGDDT")],
    },
    UserSpec {
        username: "chuyenvien.pgddt.2",
        name: "Giang Thị Thảo Vy",
        position: "Chuyên viên",
        org: "Q1-PGDDT",
        roles: &[(Role::Staff, "Q1-PGDDT")],
    },
];

/// The emulation content items of §II.1, shortened to their headline.
const CONTENT_ITEMS: &[(&str, &str)] = &[
    (
        "1.1",
        "Nêu cao trách nhiệm của người đứng đầu trong chỉ đạo, điều hành, chấn chỉnh và kiểm soát thủ tục hành chính; mỗi công chức, viên chức có trên 20% nhiệm vụ hoàn thành vượt tiến độ",
    ),
    (
        "1.2",
        "Sắp xếp, kiện toàn tổ chức, bộ máy, đảm bảo hiệu lực, hiệu quả",
    ),
    (
        "1.3",
        "Quán triệt, triển khai đồng bộ, thống nhất và hiệu quả các quy định pháp luật về cải cách hành chính",
    ),
    (
        "1.4",
        "Kiểm tra chặt chẽ quy trình giải quyết thủ tục hành chính, kịp thời chấn chỉnh sai sót",
    ),
    (
        "1.5",
        "Nghiêm túc thực hiện Thư xin lỗi và có cơ chế kiểm soát việc thực hiện Thư xin lỗi",
    ),
    (
        "1.6",
        "Nghiên cứu, đưa ra giải pháp khắc phục, chấn chỉnh tình trạng trễ hạn, gây phiền hà",
    ),
    (
        "1.7",
        "Vận động cán bộ, giáo viên, nhân viên thực hiện tốt quy chế dân chủ cơ sở",
    ),
    (
        "1.8",
        "Thực hiện Đề án xây dựng Thành phố Hồ Chí Minh thành đô thị thông minh, chuyển đổi số",
    ),
    (
        "1.9",
        "Đổi mới công tác tuyên truyền chủ trương, chính sách của Đảng, pháp luật của Nhà nước về cải cách hành chính",
    ),
];

type MilestoneSpec = (
    &'static str,
    &'static str,
    Option<(i32, u32, u32)>,
    (i32, u32, u32),
    &'static str,
);

const MILESTONES_2023: &[MilestoneSpec] = &[
    (
        "registration",
        "Đăng ký trực tuyến, tổng hợp danh sách theo Mẫu 1",
        None,
        (2023, 4, 22),
        "accept_late",
    ),
    (
        "phase1_report",
        "Báo cáo kết quả Đợt 1 theo Mẫu 2 và đề cương",
        Some((2023, 4, 26)),
        (2023, 6, 10),
        "accept_late",
    ),
    (
        "phase2_acceptance",
        "Đợt 2: đôn đốc, kiểm tra, nghiệm thu",
        Some((2023, 6, 10)),
        (2023, 11, 25),
        "accept_late",
    ),
    (
        "self_assessment",
        "Báo cáo kết quả khảo sát, tự đánh giá",
        None,
        (2023, 9, 30),
        "accept_late",
    ),
    (
        "award_dossier",
        "Hồ sơ đề xuất khen thưởng cấp thành phố",
        None,
        (2023, 12, 5),
        "refuse",
    ),
    (
        "unit_selection",
        "Hội đồng đơn vị chọn ít nhất 01 mô hình đề xuất khen thưởng",
        Some((2023, 12, 1)),
        (2023, 12, 31),
        "accept_late",
    ),
    (
        "replication",
        "Nhân rộng các mô hình, giải pháp được công nhận",
        Some((2024, 1, 1)),
        (2024, 3, 31),
        "accept_late",
    ),
];

async fn ensure_org(
    conn: &mut AsyncPgConnection,
    spec: &OrgSpec,
) -> anyhow::Result<(Organization, bool)> {
    if let Ok(existing) = org_queries::find_by_code(conn, spec.code).await {
        return Ok((existing, false));
    }
    let parent_id = match spec.parent {
        Some(code) => Some(org_queries::find_by_code(conn, code).await?.id),
        None => None,
    };
    let org = org_queries::insert(
        conn,
        &NewOrganization {
            id: Uuid::now_v7(),
            code: spec.code.into(),
            name: spec.name.into(),
            short_name: spec.short.map(Into::into),
            kind: spec.kind.into(),
            parent_id,
            valid_from: d(spec.from.0, spec.from.1, spec.from.2)?,
            valid_to: spec.to.map(|t| d(t.0, t.1, t.2)).transpose()?,
        },
    )
    .await?;
    Ok((org, true))
}

async fn ensure_user(
    conn: &mut AsyncPgConnection,
    spec: &UserSpec,
    hash: &str,
) -> anyhow::Result<bool> {
    if user_queries::find_by_username(conn, spec.username)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    let org = org_queries::find_by_code(conn, spec.org).await?;
    let user = user_queries::insert(
        conn,
        &NewUser {
            id: Uuid::now_v7(),
            username: spec.username.into(),
            display_name: spec.name.into(),
            email: Some(format!("{}@demo.thidua.vn", spec.username)),
            position: Some(spec.position.into()),
            organization_id: org.id,
            password_hash: hash.into(),
        },
    )
    .await?;
    for (role, code) in spec.roles {
        let root = org_queries::find_by_code(conn, code).await?;
        user_queries::insert_grant(
            conn,
            &NewRoleGrant {
                id: Uuid::now_v7(),
                user_id: user.id,
                role: role.as_str().into(),
                organization_id: root.id,
                granted_by: None,
            },
        )
        .await?;
    }
    Ok(true)
}

#[allow(clippy::too_many_arguments)]
async fn ensure_campaign(
    conn: &mut AsyncPgConnection,
    org_code: &str,
    code: &str,
    title: &str,
    theme: &str,
    issued_on: NaiveDate,
    parent: Option<Uuid>,
    milestones: &[MilestoneSpec],
) -> anyhow::Result<(Uuid, bool)> {
    let org = org_queries::find_by_code(conn, org_code).await?;
    if let Some(c) = campaign_queries::find_by_code(conn, org.id, 2023, code).await? {
        return Ok((c.id, false));
    }
    let id = Uuid::now_v7();
    let items: Vec<serde_json::Value> = CONTENT_ITEMS
        .iter()
        .map(|(c, t)| serde_json::json!({ "code": c, "title": t }))
        .collect();
    campaign_queries::insert(
        conn,
        &NewCampaign {
            id,
            code: code.into(),
            title: title.into(),
            year: 2023,
            theme: Some(theme.into()),
            issued_on,
            organization_id: org.id,
            parent_campaign_id: parent,
            status: "open".into(),
            content_items: serde_json::Value::Array(items),
            created_by: None,
            acceptance_evidence: None,
        },
    )
    .await?;
    let mut rows = Vec::new();
    for (i, (kind, title, starts, due, policy)) in milestones.iter().enumerate() {
        rows.push(NewMilestone {
            id: Uuid::now_v7(),
            campaign_id: id,
            kind: (*kind).into(),
            title: (*title).into(),
            starts_on: starts.map(|s| d(s.0, s.1, s.2)).transpose()?,
            due_on: d(due.0, due.1, due.2)?,
            late_policy: (*policy).into(),
            sort_order: i as i32,
        });
    }
    campaign_queries::insert_milestones(conn, &rows).await?;
    Ok((id, true))
}

const THEME_2023: &str = "Nâng cao hiệu quả hoạt động công vụ, đẩy mạnh cải cách hành chính và cải thiện môi trường đầu tư; thúc đẩy phát triển kinh tế, đảm bảo an sinh xã hội";

pub async fn seed_demo(database_url: &str) -> anyhow::Result<String> {
    let hash = Argon2::default()
        .hash_password(DEMO_PASSWORD.as_bytes())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))?
        .to_string();
    let mut conn = AsyncPgConnection::establish(database_url).await?;
    let report = conn
        .transaction::<_, anyhow::Error, _>(async move |conn| {
            let (mut orgs, mut users, mut campaigns) = (0, 0, 0);
            for spec in ORGS {
                if ensure_org(conn, spec).await?.1 {
                    orgs += 1;
                }
            }
            for spec in USERS {
                if ensure_user(conn, spec, &hash).await? {
                    users += 1;
                }
            }
            let (district_plan, created) = ensure_campaign(
                conn,
                "Q1",
                "175/KH-UBND",
                "Phát động phong trào thi đua về cải cách hành chính, nhân rộng mô hình, giải pháp, sáng kiến tiêu biểu về cải cách hành chính trên địa bàn Quận 1 năm 2023",
                THEME_2023,
                d(2023, 4, 26)?,
                None,
                MILESTONES_2023,
            )
            .await?;
            campaigns += usize::from(created);
            let (_, created) = ensure_campaign(
                conn,
                "Q1-MN-COGIANG",
                "112/KH-MNCG",
                "Kế hoạch triển khai phát động phong trào thi đua về cải cách hành chính, nhân rộng mô hình, giải pháp, sáng kiến tiêu biểu về cải cách hành chính trên địa bàn Quận 1 năm 2023 tại đơn vị Trường Mầm non Cô Giang",
                THEME_2023,
                d(2023, 4, 28)?,
                Some(district_plan),
                MILESTONES_2023,
            )
            .await?;
            campaigns += usize::from(created);
            let initiatives = initiatives::ensure(conn).await?;
            let reports = reports::ensure(conn).await?;
            let q1 = org_queries::find_by_code(conn, "Q1").await?;
            let rounds = match campaign_queries::find_by_code(conn, q1.id, 2023, "175/KH-UBND").await? {
                Some(c) => evaluation::ensure(conn, c.id).await?,
                None => 0,
            };
            let nominations = awards::ensure(conn).await?;
            if orgs + users + campaigns + initiatives + reports + rounds + nominations > 0 {
                thidua_db::audit::record(conn, thidua_db::audit::NewAuditEntry {
                    actor_user_id: None,
                    action: "demo.seed".into(),
                    entity_type: "system".into(),
                    entity_id: None,
                    organization_id: None,
                    request_id: None,
                    details: serde_json::json!({ "organizations": orgs, "users": users, "campaigns": campaigns, "initiatives": initiatives, "reports": reports, "evaluation_rounds": rounds, "nominations": nominations }),
                })
                .await?;
            }
            Ok(format!(
                "demo data: {orgs} organisations, {users} accounts, {campaigns} campaigns, {initiatives} initiatives, {reports} reports, {rounds} evaluation rounds, {nominations} nominations added (password of every demo account: {DEMO_PASSWORD})"
            ))
        })
        .await?;
    Ok(report)
}

/// Creates (or resets the password of) an administrator.
pub async fn create_admin(
    database_url: &str,
    username: &str,
    display_name: &str,
    password: &str,
    org_code: &str,
) -> anyhow::Result<()> {
    let username = thidua_domain::validation::Username::parse("username", username)
        .map_err(|e| anyhow::anyhow!("{}", e.message_en))?;
    let password = thidua_domain::validation::NewPassword::parse("password", password)
        .map_err(|e| anyhow::anyhow!("{}", e.message_en))?;
    let hash = Argon2::default()
        .hash_password(password.expose().as_bytes())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))?
        .to_string();
    let display_name = display_name.to_string();
    let org_code = org_code.to_string();
    let mut conn = AsyncPgConnection::establish(database_url).await?;
    conn.transaction::<_, anyhow::Error, _>(async move |conn| {
        let org = match org_queries::find_by_code(conn, &org_code).await {
            Ok(o) => o,
            Err(diesel::result::Error::NotFound) => {
                ensure_org(
                    conn,
                    &OrgSpec {
                        code: "HCM",
                        name: "Thành phố Hồ Chí Minh",
                        short: Some("TP.HCM"),
                        kind: "city",
                        parent: None,
                        from: (1976, 7, 2),
                        to: None,
                    },
                )
                .await?
                .0
            }
            Err(e) => return Err(e.into()),
        };
        let user = match user_queries::find_by_username(conn, username.as_str()).await? {
            Some(u) => {
                // Recovering an account ends every session of it and makes it usable again.
                thidua_db::queries::auth::revoke_all_for_user(conn, u.id, chrono::Utc::now())
                    .await?;
                if !u.is_active {
                    user_queries::set_active(conn, u.id, true).await?;
                }
                user_queries::set_password(conn, u.id, &hash).await?
            }
            None => {
                user_queries::insert(
                    conn,
                    &NewUser {
                        id: Uuid::now_v7(),
                        username: username.as_str().into(),
                        display_name,
                        email: None,
                        position: None,
                        organization_id: org.id,
                        password_hash: hash,
                    },
                )
                .await?
            }
        };
        let grants = user_queries::grants_of(conn, &[user.id]).await?;
        if !grants.iter().any(|g| g.grant.role == Role::Admin.as_str()) {
            user_queries::insert_grant(
                conn,
                &NewRoleGrant {
                    id: Uuid::now_v7(),
                    user_id: user.id,
                    role: Role::Admin.as_str().into(),
                    organization_id: org.id,
                    granted_by: None,
                },
            )
            .await?;
        }
        thidua_db::audit::record(
            conn,
            thidua_db::audit::NewAuditEntry {
                actor_user_id: None,
                action: "user.create_admin".into(),
                entity_type: "user".into(),
                entity_id: Some(user.id),
                organization_id: Some(org.id),
                request_id: None,
                details: serde_json::json!({ "username": user.username }),
            },
        )
        .await?;
        Ok(())
    })
    .await
}
