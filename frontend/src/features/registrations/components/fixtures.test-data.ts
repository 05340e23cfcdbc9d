import type { Registration } from '../api/registrations';

/** A registration as the API returns it, for tests. */
export const registration = (over: Partial<Registration> = {}): Registration => ({
  id: 'r1',
  campaign: { id: 'c175', code: '175/KH-UBND', title: 'Phát động phong trào thi đua' },
  organization: { id: 'cogiang', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' },
  status: 'draft',
  initiatives: [
    {
      id: 'i1',
      title: 'Cải cách thủ tục xác nhận học sinh đang học tại trường',
      kind: 'initiative',
      reform_area: 'administrative_procedures',
      summary: '',
      objectives: '',
      expected_results: '',
      starts_on: '2023-05-15',
      ends_on: '2023-09-30',
      status: 'registered',
      authors: ['Trần Thị Ngọc Lan (Giáo viên), 70 %', 'Huỳnh Ngọc Trâm (Giáo viên), 30 %'],
      collective: false,
    },
  ],
  commitments: [
    { id: 'k1', shortcoming: 'Hồ sơ còn giấy tờ trùng lặp', commitment: 'Số hóa toàn bộ hồ sơ', target_date: '2023-12-31', status: 'in_progress', sort_order: 0 },
  ],
  deadline: { milestone_id: 'm1', due_on: '2000-01-10', effective_due_on: '2000-01-10', late_policy: 'accept_late', late_now: true },
  versions: [
    {
      number: 1,
      submitted_at: '2023-05-20T03:30:00Z',
      submitted_by: { id: 'u9', display_name: 'Nguyễn Văn Hiệu' },
      late: false,
      due_on: '2023-05-31',
      decision: 'returned',
      decided_at: '2023-05-22T02:00:00Z',
      decided_by: { id: 'u7', display_name: 'Lê Thị Phòng' },
      reason: 'Thiếu cam kết khắc phục',
    },
  ],
  created_at: '2023-05-01T02:00:00Z',
  updated_at: '2023-05-22T02:00:00Z',
  etag: '"r1.5"',
  allowed_actions: ['update', 'submit'],
  ...over,
});

