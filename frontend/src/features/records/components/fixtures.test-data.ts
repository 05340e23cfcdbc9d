import type { components } from '@/api/schema.gen';
import type { Me } from '@/lib/auth';
import type { OrganizationNode } from '@/lib/organizations';
import type { StaffRating, UnitRating, Violation } from '../api/records';

type User = components['schemas']['UserView'];

export const q1 = { id: 'org-q1', code: 'Q1', name: 'UBND Quận 1' };
export const cogiang = { id: 'org-cg', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' };
export const benthanh = { id: 'org-bt', code: 'Q1-MN-BENTHANH', name: 'Trường Mầm non Bến Thành' };

const node = (o: { id: string; code: string; name: string }, children: OrganizationNode[] = []): OrganizationNode => ({
  ...o,
  kind: children.length ? 'district' : 'school',
  valid_from: '2021-01-01',
  valid_to: null,
  in_force: true,
  children,
});
export const tree: OrganizationNode[] = [node(q1, [node(cogiang), node(benthanh)])];

export const user = (id: string, display_name: string, position: string, organization = cogiang): User => ({
  id,
  username: id,
  display_name,
  email: null,
  position,
  organization,
  is_active: true,
  roles: [],
  created_at: '2023-01-01T00:00:00Z',
  etag: `"${id}"`,
  allowed_actions: [],
});

export const people = {
  head: user('u-ht', 'Nguyễn Thị Minh Hạnh', 'Hiệu trưởng'),
  teacher: user('u-gv', 'Lý Thị Mỹ Duyên', 'Giáo viên'),
  cook: user('u-cd', 'Phạm Thị Thu Hương', 'Nhân viên cấp dưỡng'),
};

export const usersPage = (items: User[]) => ({ items, total: items.length, page: 1, per_page: 50 });

export const me = (role: Me['roles'][number]['role'], root: string, self = people.head): Me => ({
  user: self,
  organization: self.organization,
  roles: [{ id: 'g1', role, role_name_vi: role, role_name_en: role, organization_id: root, organization_name: '' }],
  capabilities: [],
});

const person = (u: User) => ({ id: u.id, display_name: u.display_name, position: u.position, organization: u.organization });

export const staffRating = (u: User, over: Partial<StaffRating> = {}): StaffRating => ({
  id: `sr-${u.id}-${over.period ?? 'year'}`,
  person: person(u),
  year: 2023,
  period: 'year',
  rating: 'good',
  rating_label_vi: 'Hoàn thành tốt nhiệm vụ',
  note: null,
  recorded_by: people.head.id,
  updated_at: '2024-01-10T02:00:00Z',
  ...over,
});

export const unitRating = (org: { id: string; code: string; name: string }, over: Partial<UnitRating> = {}): UnitRating => ({
  id: `ur-${org.id}`,
  organization: org,
  year: 2023,
  rating: 'excellent',
  rating_label_vi: 'Hoàn thành xuất sắc nhiệm vụ',
  decision_ref: '25/QĐ-UBND',
  note: null,
  recorded_by: 'u-cv',
  updated_at: '2024-01-20T02:00:00Z',
  ...over,
});

export const violation = (over: Partial<Violation> = {}): Violation => ({
  id: 'v1',
  person: person(people.cook),
  occurred_on: '2023-09-12',
  kind: 'code_of_conduct',
  kind_label_vi: 'Vi phạm quy tắc ứng xử',
  description: 'Có lời nói thiếu chuẩn mực với phụ huynh khi đón trẻ.',
  discipline: 'reprimand',
  discipline_label_vi: 'Khiển trách',
  decision_ref: '12/QĐ-MNCG',
  decided_on: '2023-10-02',
  recorded_by: people.head.id,
  created_at: '2023-10-03T02:00:00Z',
  ...over,
});
