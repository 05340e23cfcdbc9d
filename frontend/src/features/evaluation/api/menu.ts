import { useQuery } from '@tanstack/react-query';
import { hasRole, type Me } from '@/lib/auth';
import { myAssignmentsQuery, roundListQuery } from './evaluation';

/**
 * Whether the menu offers "Đánh giá sáng kiến" and "Phiếu chấm của tôi". Organisers (unit
 * heads, authority officers) and Ban Chỉ đạo evaluators always see the rounds; anyone else
 * once they sit on a committee (a seat in a recent round) or have sheets to score. Two light
 * probes, fetched once a session (the API still decides everything).
 */
export function useEvaluationMenu(me: Me | undefined): { evaluation: boolean; mySheets: boolean } {
  const organiser = hasRole(me, 'unit_head', 'authority_officer', 'evaluator', 'admin');
  const assignments = useQuery({ ...myAssignmentsQuery(), enabled: !!me, staleTime: 5 * 60_000 });
  const rounds = useQuery({ ...roundListQuery({ per_page: 20 }), enabled: !!me && !organiser, staleTime: 5 * 60_000 });
  const mySheets = (assignments.data?.length ?? 0) > 0;
  const seated = (rounds.data?.items ?? []).some((r) => !!r.my_role);
  return { evaluation: !!me && (organiser || seated || mySheets), mySheets: mySheets || hasRole(me, 'evaluator') };
}
