import type { AwardDecision, AwardForm, Eligibility, Nomination, Rule } from '../api/awards';

export const cogiang = { id: 'org-cg', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' };
export const phuongCauOngLanh = { id: 'org-col', code: 'P-COL', name: 'Ủy ban nhân dân phường Cầu Ông Lãnh' };

export const head = {
  user: { id: 'u-ht', username: 'hieutruong.cogiang', display_name: 'Nguyễn Thị Minh Hạnh', organization: cogiang, roles: [] },
  organization: cogiang,
  roles: [{ id: 'g1', role: 'unit_head', role_name_vi: 'Thủ trưởng đơn vị', role_name_en: 'Unit head', organization_id: cogiang.id, organization_name: cogiang.name }],
  capabilities: ['users.view'],
};

export const officer = {
  user: { id: 'u-nv', username: 'noivu.phuong', display_name: 'Lê Thị Thanh Tâm', organization: phuongCauOngLanh, roles: [] },
  organization: phuongCauOngLanh,
  roles: [
    { id: 'g7', role: 'authority_officer', role_name_vi: 'Chuyên viên Phòng/Sở Nội vụ', role_name_en: 'Officer', organization_id: phuongCauOngLanh.id, organization_name: phuongCauOngLanh.name },
  ],
  capabilities: ['campaigns.extend_deadlines'],
};

export const initiative = { id: 'i1', title: 'Mô hình "Phụ huynh đồng hành" giám sát bữa ăn bán trú', status: 'accepted' };

const form = (over: Partial<AwardForm>): AwardForm => ({
  id: 'f-ward',
  code: 'giay-khen-chu-tich-ubnd-phuong',
  name_vi: 'Giấy khen của Chủ tịch Ủy ban nhân dân phường',
  name_en: 'Certificate of merit of a ward People’s Committee chairman',
  level: 'ward',
  granting_authority: 'Chủ tịch Ủy ban nhân dân phường',
  granting_organization_id: null,
  nominee_kinds: ['initiative', 'person', 'unit'],
  valid_from: '2025-07-01',
  valid_to: null,
  deadline_month: null,
  deadline_day: null,
  sort_order: 20,
  in_force: true,
  version: 1,
  etag: '"f.1"',
  ...over,
});

/** The seed's catalogue: the District 1 form ended on 30/06/2025 when the district was abolished. */
export const awardForms: AwardForm[] = [
  form({
    id: 'f-q1',
    code: 'giay-khen-chu-tich-ubnd-quan-1',
    name_vi: 'Giấy khen của Chủ tịch Ủy ban nhân dân Quận 1',
    name_en: 'Certificate of merit of the chairman of the District 1 People’s Committee',
    level: 'district',
    valid_from: '2016-01-01',
    valid_to: '2025-06-30',
    sort_order: 10,
    in_force: false,
  }),
  form({}),
  form({
    id: 'f-city',
    code: 'bang-khen-chu-tich-ubnd-thanh-pho',
    name_vi: 'Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh',
    name_en: 'Certificate of merit of the chairman of the Ho Chi Minh City People’s Committee',
    level: 'city',
    valid_from: '2016-01-01',
    deadline_month: 12,
    deadline_day: 5,
    sort_order: 30,
  }),
];

export const rule = (over: Partial<Rule> & Pick<Rule, 'code'>): Rule => ({
  title_vi: over.code,
  title_en: over.code,
  outcome: 'pass',
  reason_vi: '',
  reason_en: '',
  records: [],
  ...over,
});

export const formRule = rule({
  code: 'award_form_valid',
  title_vi: 'Hình thức khen thưởng còn hiệu lực và áp dụng cho đối tượng',
  title_en: 'The award form is in force and applies to the nominee',
  reason_vi: 'Hình thức có hiệu lực từ 01/07/2025 đến nay; ngày xét 20/11/2025.',
  reason_en: 'In force from 2025-07-01 to now; judged on 2025-11-20.',
  records: [{ kind: 'award_form', id: null, label: 'Giấy khen của Chủ tịch Ủy ban nhân dân phường' }],
});

export const acceptedRule = rule({
  code: 'initiative_accepted',
  title_vi: 'Sáng kiến đã được Hội đồng nghiệm thu đạt',
  title_en: 'The initiative was accepted by a committee',
  reason_vi: 'Được nghiệm thu đạt tại “Hội đồng sáng kiến Trường Mầm non Cô Giang năm 2025”.',
  reason_en: 'Accepted in “Hội đồng sáng kiến Trường Mầm non Cô Giang năm 2025”.',
  records: [{ kind: 'evaluation_round', id: 'r1', label: 'Hội đồng sáng kiến Trường Mầm non Cô Giang năm 2025' }],
});

export const violationRule = rule({
  code: 'no_violation',
  title_vi: 'Không có vi phạm trong năm (mục II.3.2)',
  title_en: 'No violation in the year (§II.3.2)',
  outcome: 'fail',
  reason_vi: 'Có 1 hồ sơ vi phạm trong năm 2025 (Lê Thị Thu Trang): không xem xét, đề nghị khen thưởng.',
  reason_en: '1 violation record(s) in 2025 (Lê Thị Thu Trang): not to be nominated.',
  records: [{ kind: 'violation_record', id: 'v1', label: 'Lê Thị Thu Trang — Vi phạm quy tắc ứng xử ngày 12/03/2025 (QĐ 12/QĐ-MNCG)' }],
});

export const cleanRule = rule({
  code: 'no_violation',
  title_vi: 'Không có vi phạm trong năm (mục II.3.2)',
  title_en: 'No violation in the year (§II.3.2)',
  reason_vi: 'Không có hồ sơ vi phạm nào của tác giả trong năm 2025.',
  reason_en: 'No violation record of the authors in 2025.',
});

export const eligibility = (over: Partial<Eligibility> = {}): Eligibility => ({
  eligible: true,
  as_of: '2025-11-20',
  year: 2025,
  rules: [formRule, rule({ code: 'within_deadline', title_vi: 'Hồ sơ trong thời hạn', title_en: 'The dossier is within its deadline', reason_vi: 'Hình thức này không có hạn nộp hồ sơ cố định.', reason_en: 'This form has no fixed dossier deadline.' }), acceptedRule, cleanRule],
  override: null,
  ...over,
});

export const nomination = (over: Partial<Nomination> = {}): Nomination => ({
  id: 'n1',
  award_form: { id: 'f-ward', code: 'giay-khen-chu-tich-ubnd-phuong', name_vi: 'Giấy khen của Chủ tịch Ủy ban nhân dân phường', name_en: 'Certificate of merit of a ward People’s Committee chairman', level: 'ward' },
  year: 2025,
  nominee: {
    kind: 'initiative',
    label: initiative.title,
    initiative,
    person: null,
    unit: null,
    authors: [{ id: 'u-gv3', display_name: 'Lê Thị Thu Trang', position: 'Giáo viên', organization: cogiang }],
  },
  organization: cogiang,
  proposal: 'Trường Mầm non Cô Giang kính đề nghị Chủ tịch Ủy ban nhân dân phường tặng Giấy khen.',
  achievements: 'Mô hình giúp phụ huynh tham gia giám sát bữa ăn bán trú hằng tuần.',
  files: [],
  minutes_round_id: 'r1',
  status: 'submitted',
  submitted_at: '2025-11-20T02:00:00Z',
  submitted_by: { id: 'u-ht', display_name: 'Nguyễn Thị Minh Hạnh' },
  reviewed_at: null,
  reviewed_by: null,
  rejection_reason: null,
  decision: null,
  eligibility: eligibility({ eligible: false, rules: [formRule, acceptedRule, violationRule] }),
  allowed_actions: ['approve', 'reject', 'override'],
  version: 2,
  etag: '"n1.2"',
  created_by: 'u-ht',
  created_at: '2025-11-18T02:00:00Z',
  updated_at: '2025-11-20T02:00:00Z',
  ...over,
});

export const decision = (over: Partial<AwardDecision> = {}): AwardDecision => ({
  id: 'd1',
  number: '1234/QĐ-UBND',
  signed_on: '2025-12-10',
  signer_name: 'Trần Văn Bình',
  signer_title: 'Chủ tịch',
  organization: phuongCauOngLanh,
  ceremony_on: '2025-12-28',
  ceremony_note: null,
  granted: [],
  created_by: 'u-nv',
  created_at: '2025-12-10T03:00:00Z',
  ...over,
});

export const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, per_page: 20 });
