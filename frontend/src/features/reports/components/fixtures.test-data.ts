import type { components } from '@/api/schema.gen';
import type { Report } from '../api/reports';

type FileView = components['schemas']['FileView'];

export const vanlang = { id: 'org-vl', code: 'Q1-THCS-VANLANG', name: 'Trường Trung học cơ sở Văn Lang' };
export const q1 = { id: 'org-q1', code: 'Q1', name: 'Ủy ban nhân dân Quận 1' };

export const evidence = (over: Partial<FileView> = {}): FileView => ({
  id: 'f1',
  original_name: 'Kế hoạch triển khai.pdf',
  category: 'implementation_plan',
  media_type: 'application/pdf',
  size_bytes: 20_480,
  sha256: 'ab'.repeat(32),
  organization_id: vanlang.id,
  initiative_id: null,
  report_id: 'r1',
  report_row_id: null,
  uploaded_by: { id: 'u1', display_name: 'Phạm Thị Thu Trang' },
  created_at: '2023-06-12T03:30:00Z',
  locked: false,
  download_url: '/api/v1/files/f1/content',
  allowed_actions: ['delete'],
  ...over,
});

/** A phase-1 report of Văn Lang as the API returns it, for tests. */
export const report = (over: Partial<Report> = {}): Report => ({
  id: 'r1',
  kind: 'phase1_result',
  campaign: { id: 'c175', code: '175/KH-UBND', title: 'Phát động phong trào thi đua về cải cách hành chính' },
  organization: vanlang,
  milestone: { id: 'm2', kind: 'phase1_report', title: 'Báo cáo kết quả Đợt 1 theo Mẫu 2 và đề cương', due_on: '2023-06-10' },
  initiative: null,
  title: 'Báo cáo kết quả giai đoạn 1 — Trường Trung học cơ sở Văn Lang',
  sections: {
    situation: 'Trường có 42 cán bộ, giáo viên.',
    implementation: '',
    results: '',
    effectiveness: '',
    difficulties: '',
    proposals: '',
  },
  rows: [
    {
      id: 'row1',
      initiative: { id: 'i1', title: 'Tổ tư vấn thủ tục chuyển trường cho phụ huynh' },
      indicator: 'Hồ sơ chuyển trường đúng ngay lần đầu',
      unit_of_measure: '%',
      baseline: 55,
      target: 90,
      actual: null,
      status_note: null,
      sort_order: 0,
    },
  ],
  files: [],
  evidence_requirements: [],
  status: 'draft',
  deadline: { milestone_id: 'm2', due_on: '2023-06-10', effective_due_on: '2023-06-10', late_policy: 'accept_late', late_now: true },
  versions: [],
  created_by: { id: 'u1', display_name: 'Phạm Thị Thu Trang' },
  created_at: '2023-06-01T02:00:00Z',
  updated_at: '2023-06-01T02:00:00Z',
  etag: '"r1.3"',
  allowed_actions: ['update', 'submit'],
  ...over,
});
