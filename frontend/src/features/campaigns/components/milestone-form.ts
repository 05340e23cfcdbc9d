import type { Dayjs } from 'dayjs';
import { fromIsoDate, toIsoDate } from '@/lib/dates';
import type { LatePolicy, Milestone, MilestoneKind, NewMilestone } from '../api/campaigns';

export const MILESTONE_KINDS: readonly MilestoneKind[] = [
  'registration',
  'phase1_report',
  'phase2_acceptance',
  'self_assessment',
  'award_dossier',
  'unit_selection',
  'replication',
  'other',
];

export const LATE_POLICIES: readonly LatePolicy[] = ['accept_late', 'refuse'];

export interface MilestoneFormValues {
  kind: MilestoneKind;
  title: string;
  starts_on?: Dayjs | null;
  due_on: Dayjs;
  late_policy: LatePolicy;
}

export const EMPTY_MILESTONE: Partial<MilestoneFormValues> = { kind: 'other', late_policy: 'accept_late' };

export function milestoneToForm(m: Milestone): MilestoneFormValues {
  return {
    kind: m.kind,
    title: m.title,
    starts_on: fromIsoDate(m.starts_on),
    due_on: fromIsoDate(m.due_on) as Dayjs,
    late_policy: m.late_policy,
  };
}

export function milestoneFromForm(v: MilestoneFormValues): NewMilestone {
  return {
    kind: v.kind,
    title: v.title.trim(),
    starts_on: toIsoDate(v.starts_on),
    due_on: toIsoDate(v.due_on) ?? '',
    late_policy: v.late_policy,
  };
}
