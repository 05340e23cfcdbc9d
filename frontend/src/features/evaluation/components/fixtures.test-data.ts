import type { Criterion, Entry, EntryPage, ResultRow, Round, RoundResults, Sheet } from '../api/evaluation';

export const cogiang = { id: 'org-cg', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' };
export const initiative = { id: 'i1', title: 'Mô hình "Phụ huynh đồng hành" giám sát bữa ăn bán trú', organization: cogiang };

export const people = {
  chair: { id: 'u-ht', display_name: 'Nguyễn Thị Minh Hạnh' },
  secretary: { id: 'u-pht', display_name: 'Trần Thị Ngọc Lan' },
  congdoan: { id: 'u-cd', display_name: 'Phạm Thị Thu Hương' },
  chidoan: { id: 'u-cdn', display_name: 'Võ Hoàng Yến' },
  teacher: { id: 'u-gv3', display_name: 'Lý Thị Mỹ Duyên' },
};

/** The seed's selection criteria (§III.1): legality is a gate, then four scored criteria. */
export const criteria: Criterion[] = [
  { code: 'legality', name_vi: 'Bảo đảm tính hợp pháp, hiệu quả', name_en: 'Legality and effectiveness', guidance_vi: 'Không đạt thì không xét tiếp.', max_points: 0, weight: 0, gate: true },
  { code: 'solves_problems', name_vi: 'Giải quyết các vấn đề đặt ra', name_en: 'Solves the problems posed', guidance_vi: 'Có số liệu trước và sau khi áp dụng.', max_points: 30, weight: 1, gate: false },
  { code: 'social_impact', name_vi: 'Tác động về mặt xã hội', name_en: 'Social impact', guidance_vi: 'Tác động tới người dân.', max_points: 25, weight: 1, gate: false },
  { code: 'superiority', name_vi: 'Tính vượt trội, lợi thế cạnh tranh', name_en: 'Superiority', guidance_vi: 'So với cách làm trước đây.', max_points: 25, weight: 1, gate: false },
  { code: 'future_development', name_vi: 'Sự phát triển trong tương lai', name_en: 'Future development', guidance_vi: 'Khả năng nhân rộng.', max_points: 20, weight: 1, gate: false },
];

export const round = (over: Partial<Round> = {}): Round => ({
  id: 'r1',
  campaign: { id: 'c175', code: '175/KH-UBND', title: 'Phát động phong trào thi đua về cải cách hành chính' },
  level: 'unit_committee',
  organization: cogiang,
  title: 'Hội đồng sáng kiến Trường Mầm non Cô Giang năm 2023',
  criteria_set: { id: 'cs1', code: 'seed-selection', version: 1, name_vi: 'Tiêu chí lựa chọn', name_en: 'Selection criteria', criteria, max_total: 100 },
  aggregation: 'mean',
  evaluators_per_initiative: 3,
  scoring_opens_on: '2023-11-01',
  scoring_closes_on: '2023-11-15',
  meeting_on: '2023-11-20',
  meeting_place: 'Phòng họp nhà trường',
  status: 'scoring',
  members: [
    { user: people.chair, role: 'chair', present: null },
    { user: people.secretary, role: 'secretary', present: null },
    { user: people.congdoan, role: 'member', present: null },
    { user: people.chidoan, role: 'member', present: null },
    { user: people.teacher, role: 'member', present: null },
  ],
  my_role: 'chair',
  created_at: '2023-11-01T02:00:00Z',
  updated_at: '2023-11-01T02:00:00Z',
  closed_at: null,
  published_at: null,
  etag: '"r1.2"',
  allowed_actions: ['manage', 'decide', 'view_board', 'view_results'],
  ...over,
});

export const entry = (over: Partial<Entry> = {}): Entry => ({
  id: 'e1',
  initiative,
  sort_order: 1,
  assignments: [
    { id: 'a-cd', evaluator: people.congdoan, recused: false, conflict_note: null, sheet: 'submitted' },
    { id: 'a-cdn', evaluator: people.chidoan, recused: true, conflict_note: 'Là người thân của tác giả', sheet: 'due' },
    { id: 'a-gv3', evaluator: people.teacher, recused: false, conflict_note: null, sheet: 'draft' },
  ],
  decision: null,
  ...over,
});

/** One page of the board, as `GET …/entries` answers it (by default: all of `items` on page 1). */
export const entryPage = (items: Entry[] = [entry()], over: Partial<EntryPage> = {}): EntryPage => ({
  items,
  total: items.length,
  page: 1,
  per_page: 20,
  ...over,
});

export const sheet = (over: Partial<Sheet> = {}): Sheet => ({
  assignment_id: 'a-gv3',
  entry_id: 'e1',
  round_id: 'r1',
  round: {
    id: 'r1',
    title: 'Hội đồng sáng kiến Trường Mầm non Cô Giang năm 2023',
    level: 'unit_committee',
    organization: cogiang,
    status: 'scoring',
    scoring_closes_on: '2023-11-15',
    meeting_on: '2023-11-20',
    published_at: null,
  },
  recused: false,
  initiative,
  evaluator: people.teacher,
  criteria,
  scores: {},
  gates: {},
  comments: {},
  overall_comment: null,
  status: 'due',
  submitted_at: null,
  reopened_reason: null,
  total: 0,
  max_total: 100,
  etag: '"a-gv3.0"',
  allowed_actions: ['save', 'submit'],
  ...over,
});

export const resultRow = (over: Partial<ResultRow> = {}): ResultRow => ({
  rank: 1,
  entry_id: 'e1',
  initiative,
  total: 82.5,
  per_criterion: [
    { code: 'legality', value: null },
    { code: 'solves_problems', value: 26 },
    { code: 'social_impact', value: 21.5 },
    { code: 'superiority', value: 20 },
    { code: 'future_development', value: 15 },
  ],
  lowest: 80,
  sheets_submitted: 2,
  sheets_expected: 2,
  gate_failed: false,
  eligible: true,
  decision: null,
  ...over,
});

export const results = (over: Partial<RoundResults> = {}): RoundResults => ({
  round_id: 'r1',
  max_total: 100,
  aggregation: 'mean',
  tie_break_vi: 'Sáng kiến đủ điều kiện xếp trước; cùng điểm thì xếp trước sáng kiến có phiếu thấp nhất cao hơn, sau đó sáng kiến đăng ký sớm hơn.',
  tie_break_en: 'Eligible initiatives rank first; on equal aggregates, the one whose lowest sheet is higher ranks first, then the one registered earlier.',
  progress: { expected: 2, submitted: 1, drafts: 1, due: 0, recused: 1, overdue: false },
  ranking: [resultRow()],
  ...over,
});
