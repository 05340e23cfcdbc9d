//! Demo initiatives of 2023 across the District 1 units, one or more in every state, with
//! authors, roadmaps and the history of how each got where it is.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use thidua_db::models::{
    InitiativeAuthor, NewInitiative, NewInitiativeTransition, NewRoadmapMilestone,
};
use thidua_db::queries::{
    campaigns as campaign_queries, initiatives as initiative_queries, organizations as org_queries,
    users as user_queries,
};
use thidua_db::schema::initiatives;
use uuid::Uuid;

type Day = (i32, u32, u32);

struct Demo {
    unit: &'static str,
    kind: &'static str,
    area: &'static str,
    title: &'static str,
    summary: &'static str,
    problem: &'static str,
    objectives: &'static str,
    approach: &'static str,
    expected: &'static str,
    period: (Day, Day),
    /// (user name, share); empty for a collective initiative.
    authors: &'static [(&'static str, i16)],
    /// Who acts for the unit (focal officer or head) in its history.
    officer: &'static str,
    status: &'static str,
    /// (title, due, done, progress)
    roadmap: &'static [(&'static str, Day, Option<Day>, i16)],
    return_reason: Option<&'static str>,
}

const DEMOS: &[Demo] = &[
    Demo {
        unit: "Q1-MN-COGIANG",
        kind: "solution",
        area: "digital_government",
        title: "Số hóa hồ sơ tuyển sinh mầm non trực tuyến",
        summary: "Phụ huynh nộp hồ sơ tuyển sinh qua cổng dịch vụ công, nhà trường tiếp nhận và trả kết quả điện tử.",
        problem: "Phụ huynh phải đến trường nhiều lần để nộp, bổ sung hồ sơ; hồ sơ giấy dễ thất lạc.",
        objectives: "100% hồ sơ tuyển sinh năm học 2023–2024 được tiếp nhận trực tuyến.",
        approach: "Khảo sát nhu cầu, xây dựng quy trình, tập huấn giáo viên, hướng dẫn phụ huynh.",
        expected: "Giảm 2/3 số lần phụ huynh phải đến trường; thời gian xử lý hồ sơ còn 3 ngày.",
        period: ((2023, 5, 1), (2023, 11, 30)),
        authors: &[("giaovien.cogiang.1", 60), ("giaovien.cogiang.2", 40)],
        officer: "hieutruong.cogiang",
        status: "in_progress",
        roadmap: &[
            (
                "Khảo sát nhu cầu phụ huynh",
                (2023, 5, 20),
                Some((2023, 5, 18)),
                100,
            ),
            (
                "Xây dựng quy trình tiếp nhận trực tuyến",
                (2023, 6, 30),
                None,
                70,
            ),
            ("Tập huấn và triển khai chính thức", (2023, 8, 15), None, 20),
        ],
        return_reason: None,
    },
    Demo {
        unit: "Q1-MN-COGIANG",
        kind: "initiative",
        area: "administrative_procedures",
        title: "Cải cách thủ tục xác nhận học sinh đang học tại trường",
        summary: "Rút ngắn thủ tục cấp giấy xác nhận học sinh cho phụ huynh, trả kết quả trong ngày.",
        problem: "Giấy xác nhận cần ba chữ ký và mất đến 5 ngày làm việc.",
        objectives: "Trả giấy xác nhận trong ngày làm việc.",
        approach: "Ủy quyền ký cho Phó Hiệu trưởng, mẫu giấy điện tử có mã tra cứu.",
        expected: "Thời gian trả kết quả từ 5 ngày xuống dưới 1 ngày.",
        period: ((2023, 5, 15), (2023, 9, 30)),
        authors: &[("phohieutruong.cogiang", 100)],
        officer: "hieutruong.cogiang",
        status: "registered",
        roadmap: &[
            ("Ban hành quyết định ủy quyền ký", (2023, 6, 15), None, 0),
            ("Áp dụng mẫu giấy có mã tra cứu", (2023, 8, 31), None, 0),
        ],
        return_reason: None,
    },
    Demo {
        unit: "Q1-MN-COGIANG",
        kind: "model",
        area: "civil_service",
        title: "Mô hình \"Phụ huynh đồng hành\" giám sát bữa ăn bán trú",
        summary: "Ban đại diện cha mẹ học sinh luân phiên giám sát khâu nhận thực phẩm và chia suất ăn.",
        problem: "Phụ huynh chưa được tham gia, thiếu thông tin về chất lượng bữa ăn bán trú.",
        objectives: "Mỗi tuần có ít nhất 2 lượt phụ huynh giám sát; công khai kết quả.",
        approach: "Lập lịch giám sát, biểu mẫu ghi nhận, công khai trên bảng tin.",
        expected: "Tăng mức hài lòng của phụ huynh về bán trú lên trên 95%.",
        period: ((2023, 4, 28), (2023, 10, 31)),
        authors: &[("giaovien.cogiang.5", 100)],
        officer: "hieutruong.cogiang",
        status: "completed",
        roadmap: &[
            (
                "Thành lập tổ giám sát",
                (2023, 5, 10),
                Some((2023, 5, 8)),
                100,
            ),
            (
                "Giám sát định kỳ học kỳ II",
                (2023, 6, 30),
                Some((2023, 6, 28)),
                100,
            ),
            (
                "Tổng kết, công khai kết quả",
                (2023, 10, 31),
                Some((2023, 10, 25)),
                100,
            ),
        ],
        return_reason: None,
    },
    Demo {
        unit: "Q1-MN-COGIANG",
        kind: "good_practice",
        area: "digital_government",
        title: "Thông báo học phí và lịch học qua Zalo OA của trường",
        summary: "Dùng tài khoản Zalo OA chính thức gửi thông báo học phí, lịch học, thực đơn hằng tuần.",
        problem: "Thông báo giấy không đến tay phụ huynh, nhiều phụ huynh hỏi lại qua điện thoại.",
        objectives: "90% phụ huynh theo dõi Zalo OA của trường.",
        approach: "Đăng ký OA, chuẩn hóa mẫu tin nhắn, phân công giáo viên phụ trách.",
        expected: "Giảm 80% cuộc gọi hỏi thông tin.",
        period: ((2023, 6, 1), (2023, 12, 15)),
        authors: &[("giaovien.cogiang.3", 100)],
        officer: "phohieutruong.cogiang",
        status: "submitted",
        roadmap: &[("Đăng ký và xác thực Zalo OA", (2023, 6, 30), None, 0)],
        return_reason: None,
    },
    Demo {
        unit: "Q1-MN-COGIANG",
        kind: "solution",
        area: "state_apparatus",
        title: "Luân chuyển văn bản nội bộ hoàn toàn điện tử",
        summary: "Chuyển toàn bộ văn bản nội bộ sang hệ thống quản lý văn bản, ký số.",
        problem: "In ấn, chuyển tay văn bản mất thời gian và giấy.",
        objectives: "100% văn bản nội bộ được xử lý trên môi trường điện tử.",
        approach: "Rà soát quy trình, cấp chữ ký số, hướng dẫn sử dụng.",
        expected: "Tiết kiệm 70% giấy in văn phòng.",
        period: ((2023, 7, 1), (2023, 12, 31)),
        authors: &[("giaovien.cogiang.4", 70), ("giaovien.cogiang.5", 30)],
        officer: "phohieutruong.cogiang",
        status: "draft",
        roadmap: &[],
        return_reason: None,
    },
    Demo {
        unit: "Q1-MN-COGIANG",
        kind: "initiative",
        area: "public_finance",
        title: "Công khai thu chi bán trú trên bảng tin điện tử",
        summary: "Công khai hằng tháng các khoản thu chi bán trú trên màn hình tại cổng trường và trang web.",
        problem: "Phụ huynh thắc mắc về các khoản thu chi, thông tin công khai chậm.",
        objectives: "Công khai trước ngày 5 hằng tháng.",
        approach: "Lập mẫu báo cáo, phân công kế toán cập nhật.",
        expected: "Không còn khiếu nại về thu chi bán trú.",
        period: ((2023, 5, 1), (2023, 12, 31)),
        authors: &[("giaovien.cogiang.5", 100)],
        officer: "phohieutruong.cogiang",
        status: "returned",
        roadmap: &[("Thiết kế mẫu công khai", (2023, 5, 31), None, 0)],
        return_reason: Some("Bổ sung số liệu thu chi năm học trước để so sánh và chỉ tiêu cụ thể."),
    },
    Demo {
        unit: "Q1-MN-COGIANG",
        kind: "solution",
        area: "digital_government",
        title: "Sổ liên lạc điện tử kết nối nhà trường và phụ huynh",
        summary: "Thông báo, nhận xét hằng ngày và xin phép nghỉ học qua ứng dụng sổ liên lạc điện tử thay cho sổ giấy.",
        problem: "Sổ liên lạc giấy hay thất lạc, phụ huynh nhận thông tin chậm, giáo viên mất thời gian ghi chép.",
        objectives: "100% phụ huynh dùng sổ liên lạc điện tử; thông báo đến phụ huynh trong ngày.",
        approach: "Chọn ứng dụng, tập huấn giáo viên, hướng dẫn phụ huynh cài đặt, bỏ sổ giấy từ học kỳ II.",
        expected: "Giảm 80% thời gian ghi sổ liên lạc của giáo viên.",
        period: ((2023, 3, 1), (2023, 9, 30)),
        authors: &[("giaovien.cogiang.2", 100)],
        officer: "hieutruong.cogiang",
        status: "accepted",
        roadmap: &[
            (
                "Tập huấn giáo viên",
                (2023, 3, 31),
                Some((2023, 3, 28)),
                100,
            ),
            (
                "Hướng dẫn phụ huynh cài đặt",
                (2023, 5, 15),
                Some((2023, 5, 12)),
                100,
            ),
            ("Bỏ sổ liên lạc giấy", (2023, 9, 5), Some((2023, 9, 5)), 100),
        ],
        return_reason: None,
    },
    Demo {
        unit: "Q1-TH-TRANHUNGDAO",
        kind: "work",
        area: "digital_government",
        title: "Thư viện số cho học sinh tiểu học",
        summary: "Số hóa 1.200 đầu sách, học sinh mượn đọc trên máy tính bảng của trường.",
        problem: "Thư viện nhỏ, sách giấy ít, học sinh khó tiếp cận.",
        objectives: "Mỗi học sinh đọc ít nhất 1 sách số mỗi tháng.",
        approach: "Số hóa sách, xây dựng phần mềm mượn đọc, tổ chức ngày hội đọc.",
        expected: "Tăng gấp đôi lượt đọc sách.",
        period: ((2023, 4, 28), (2023, 10, 31)),
        authors: &[
            ("giaovien.tranhungdao.1", 50),
            ("giaovien.tranhungdao.2", 50),
        ],
        officer: "hieutruong.tranhungdao",
        status: "accepted",
        roadmap: &[
            (
                "Số hóa sách giáo khoa và truyện",
                (2023, 6, 30),
                Some((2023, 6, 25)),
                100,
            ),
            ("Ra mắt thư viện số", (2023, 9, 5), Some((2023, 9, 5)), 100),
        ],
        return_reason: None,
    },
    Demo {
        unit: "Q1-TH-TRANHUNGDAO",
        kind: "solution",
        area: "administrative_procedures",
        title: "Rút ngắn thời gian cấp bản sao học bạ",
        summary: "Tiếp nhận yêu cầu trực tuyến, trả bản sao học bạ trong 2 ngày.",
        problem: "Cấp bản sao học bạ mất đến 7 ngày.",
        objectives: "Trả kết quả trong 2 ngày làm việc.",
        approach: "Số hóa học bạ lưu trữ, tiếp nhận qua cổng thông tin.",
        expected: "100% yêu cầu được trả đúng hạn.",
        period: ((2023, 5, 1), (2023, 12, 31)),
        authors: &[("giaovien.tranhungdao.2", 100)],
        officer: "hieutruong.tranhungdao",
        status: "in_progress",
        roadmap: &[
            (
                "Số hóa học bạ các khóa 2018–2022",
                (2023, 7, 31),
                Some((2023, 8, 10)),
                100,
            ),
            ("Tiếp nhận trực tuyến", (2023, 10, 31), None, 40),
        ],
        return_reason: None,
    },
    Demo {
        unit: "Q1-THCS-VANLANG",
        kind: "solution",
        area: "digital_government",
        title: "Tra cứu kết quả học tập và xác nhận học sinh trực tuyến",
        summary: "Phụ huynh tra cứu điểm, nhận xét và đề nghị giấy xác nhận học sinh trên cổng thông tin của trường.",
        problem: "Phụ huynh phải đến trường để xin giấy xác nhận và hỏi kết quả học tập của con.",
        objectives: "Trả giấy xác nhận trong ngày làm việc; 80% phụ huynh dùng cổng tra cứu.",
        approach: "Kết nối sổ điểm điện tử với cổng thông tin, ký số giấy xác nhận.",
        expected: "Giảm 90% lượt phụ huynh phải đến trường để làm thủ tục.",
        period: ((2023, 5, 2), (2023, 10, 15)),
        authors: &[("giaovien.vanlang.2", 60), ("giaovien.vanlang.1", 40)],
        officer: "hieutruong.vanlang",
        status: "accepted",
        roadmap: &[
            (
                "Kết nối sổ điểm điện tử",
                (2023, 7, 31),
                Some((2023, 7, 28)),
                100,
            ),
            (
                "Ký số giấy xác nhận",
                (2023, 9, 30),
                Some((2023, 9, 22)),
                100,
            ),
        ],
        return_reason: None,
    },
    Demo {
        unit: "Q1-THCS-VANLANG",
        kind: "model",
        area: "administrative_procedures",
        title: "Tổ tư vấn thủ tục chuyển trường cho phụ huynh",
        summary: "Tổ tư vấn trực tại trường hướng dẫn hồ sơ chuyển trường, chuyển cấp.",
        problem: "Phụ huynh không nắm được thủ tục, hồ sơ chuyển trường bị trả lại nhiều lần.",
        objectives: "Hồ sơ đúng ngay lần đầu đạt 90%.",
        approach: "Thành lập tổ tư vấn, tài liệu hướng dẫn, đường dây nóng.",
        expected: "Giảm số lần bổ sung hồ sơ.",
        period: ((2023, 5, 1), (2023, 9, 30)),
        authors: &[("giaovien.vanlang.1", 100)],
        officer: "hieutruong.vanlang",
        status: "not_accepted",
        roadmap: &[(
            "Thành lập tổ tư vấn",
            (2023, 5, 31),
            Some((2023, 6, 20)),
            100,
        )],
        return_reason: None,
    },
    Demo {
        unit: "Q1-TYT-BENNGHE",
        kind: "solution",
        area: "digital_government",
        title: "Đặt lịch tiêm chủng qua tổng đài và cổng thông tin",
        summary: "Người dân đặt lịch tiêm trước, nhận tin nhắn nhắc lịch.",
        problem: "Người dân chờ lâu tại trạm y tế vào các ngày tiêm chủng.",
        objectives: "Thời gian chờ trung bình dưới 15 phút.",
        approach: "Tổng đài đặt lịch, phần mềm nhắc lịch qua tin nhắn.",
        expected: "Giảm 60% thời gian chờ.",
        period: ((2023, 6, 1), (2023, 12, 31)),
        authors: &[("nhanvien.tytbennghe.1", 60), ("nhanvien.tytbennghe.2", 40)],
        officer: "truongtram.tytbennghe",
        status: "registered",
        roadmap: &[
            ("Lắp đặt tổng đài", (2023, 7, 15), None, 0),
            ("Vận hành thử nghiệm", (2023, 9, 30), None, 0),
        ],
        return_reason: None,
    },
    Demo {
        unit: "Q1-P-BENNGHE",
        kind: "model",
        area: "administrative_procedures",
        title: "Tổ một cửa lưu động hỗ trợ người cao tuổi",
        summary: "Công chức một cửa đến tận nhà tiếp nhận hồ sơ cho người cao tuổi, người khuyết tật.",
        problem: "Người cao tuổi khó đi lại để làm thủ tục hành chính.",
        objectives: "Phục vụ tận nhà 100% trường hợp đăng ký.",
        approach: "Lập tổ lưu động, lịch trực, đăng ký qua tổ dân phố.",
        expected: "Người dân hài lòng trên 98%.",
        period: ((2023, 5, 1), (2023, 12, 31)),
        authors: &[("congchuc.bennghe.1", 70), ("congchuc.bennghe.2", 30)],
        officer: "chutich.bennghe",
        status: "in_progress",
        roadmap: &[
            (
                "Thành lập tổ lưu động",
                (2023, 5, 31),
                Some((2023, 5, 30)),
                100,
            ),
            ("Phục vụ thí điểm tại 3 khu phố", (2023, 8, 31), None, 60),
        ],
        return_reason: None,
    },
    Demo {
        unit: "Q1-TTVH",
        kind: "initiative",
        area: "digital_government",
        title: "Đăng ký lớp năng khiếu hè trực tuyến",
        summary: "Mở đăng ký và thanh toán học phí lớp năng khiếu hè trên cổng thông tin.",
        problem: "Phụ huynh xếp hàng từ sớm để đăng ký lớp hè.",
        objectives: "100% đăng ký trực tuyến.",
        approach: "Phần mềm đăng ký, thanh toán không dùng tiền mặt.",
        expected: "Không còn xếp hàng đăng ký.",
        period: ((2023, 4, 28), (2023, 6, 30)),
        authors: &[("nhanvien.ttvh.1", 100)],
        officer: "giamdoc.ttvh",
        status: "withdrawn",
        roadmap: &[],
        return_reason: None,
    },
];

fn day(x: Day) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(x.0, x.1, x.2).ok_or_else(|| anyhow::anyhow!("bad date {x:?}"))
}

/// The (action, from, to, by-officer) steps that lead from draft to `status`.
fn path_to(status: &str) -> Vec<(&'static str, &'static str, &'static str, bool)> {
    let submit = ("submit", "draft", "submitted", false);
    let register = ("register", "submitted", "registered", true);
    let start = ("start", "registered", "in_progress", false);
    let complete = ("complete", "in_progress", "completed", false);
    match status {
        "submitted" => vec![submit],
        "returned" => vec![submit, ("return", "submitted", "returned", true)],
        "registered" => vec![submit, register],
        "in_progress" => vec![submit, register, start],
        // accepted / not_accepted are reached through an evaluation round; the demo history
        // shows the work up to completion.
        "completed" | "accepted" | "not_accepted" => vec![submit, register, start, complete],
        "withdrawn" => vec![submit, ("withdraw", "submitted", "withdrawn", false)],
        _ => vec![],
    }
}

/// Adds the demo initiatives that are not there yet (by unit and title); returns how many.
pub async fn ensure(conn: &mut AsyncPgConnection) -> anyhow::Result<usize> {
    let district = org_queries::find_by_code(conn, "Q1").await?;
    let Some(campaign) =
        campaign_queries::find_by_code(conn, district.id, 2023, "175/KH-UBND").await?
    else {
        return Ok(0);
    };
    let mut added = 0;
    for demo in DEMOS {
        let unit = org_queries::find_by_code(conn, demo.unit).await?;
        let exists: bool = diesel::select(diesel::dsl::exists(
            initiatives::table
                .filter(initiatives::organization_id.eq(unit.id))
                .filter(initiatives::title.eq(demo.title)),
        ))
        .get_result(conn)
        .await?;
        if exists {
            continue;
        }
        let mut author_ids = Vec::new();
        for (name, pct) in demo.authors {
            let u = user_queries::find_by_username(conn, name)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no demo user {name}"))?;
            author_ids.push((u.id, *pct));
        }
        let officer = user_queries::find_by_username(conn, demo.officer)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no demo user {}", demo.officer))?;
        let creator = <[_]>::first(&author_ids)
            .map(|a: &(Uuid, i16)| a.0)
            .unwrap_or(officer.id);
        let id = Uuid::now_v7();
        initiative_queries::insert(
            conn,
            &NewInitiative {
                id,
                campaign_id: campaign.id,
                organization_id: unit.id,
                kind: demo.kind.into(),
                reform_area: demo.area.into(),
                title: demo.title.into(),
                summary: demo.summary.into(),
                problem: demo.problem.into(),
                objectives: demo.objectives.into(),
                approach: demo.approach.into(),
                expected_results: demo.expected.into(),
                starts_on: Some(day(demo.period.0)?),
                ends_on: Some(day(demo.period.1)?),
                collective: demo.authors.is_empty(),
                created_by: creator,
            },
        )
        .await?;
        let authors: Vec<InitiativeAuthor> = author_ids
            .iter()
            .enumerate()
            .map(|(i, (user_id, pct))| InitiativeAuthor {
                initiative_id: id,
                user_id: *user_id,
                contribution_pct: *pct,
                sort_order: i as i32,
            })
            .collect();
        initiative_queries::replace_authors(conn, id, &authors).await?;
        let mut steps = Vec::new();
        for (i, (title, due, done, progress)) in demo.roadmap.iter().enumerate() {
            steps.push(NewRoadmapMilestone {
                id: Uuid::now_v7(),
                initiative_id: id,
                title: (*title).into(),
                due_on: day(*due)?,
                done_on: done.map(day).transpose()?,
                progress: *progress,
                sort_order: i as i32,
            });
        }
        initiative_queries::insert_steps(conn, &steps).await?;
        for (action, from, to, by_officer) in path_to(demo.status) {
            initiative_queries::record_transition(
                conn,
                &NewInitiativeTransition {
                    initiative_id: id,
                    action: action.into(),
                    from_status: from.into(),
                    to_status: to.into(),
                    actor_user_id: if by_officer { officer.id } else { creator },
                    reason: if action == "return" {
                        demo.return_reason.map(Into::into)
                    } else {
                        None
                    },
                },
            )
            .await?;
        }
        diesel::update(initiatives::table.find(id))
            .set(initiatives::status.eq(demo.status))
            .execute(conn)
            .await?;
        added += 1;
    }
    Ok(added)
}
