import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '@/api/query-client';
import { jsonResponse, problemResponse } from '@/test/render';
import type { Me } from '@/lib/auth';
import { round } from '../components/fixtures.test-data';
import { useEvaluationMenu } from './menu';

const me = (roles: string[]): Me => ({ user: {}, organization: { id: 'o', code: 'O', name: 'Org' }, roles: roles.map((role) => ({ role })), capabilities: [] }) as unknown as Me;

function stub(assignments: unknown[], rounds: unknown[]) {
  vi.stubGlobal('fetch', async (req: Request) => {
    const path = new URL(req.url).pathname;
    if (path === '/api/v1/evaluation-assignments') return jsonResponse(200, assignments);
    if (path === '/api/v1/evaluation-rounds') return jsonResponse(200, { items: rounds, total: rounds.length, page: 1, per_page: 20 });
    return problemResponse(404, { code: 'not_found' });
  });
}

const client = createQueryClient();
const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;

describe('useEvaluationMenu', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    client.clear();
  });

  it('shows the rounds to organisers, whatever the data', async () => {
    stub([], []);
    const { result } = renderHook(() => useEvaluationMenu(me(['unit_head'])), { wrapper });
    expect(result.current).toEqual({ evaluation: true, mySheets: false });
  });

  it('shows a staff member the rounds once they sit on a committee, and their sheets once assigned', async () => {
    stub([{ id: 'a1' }], [round({ my_role: 'member' })]);
    const { result } = renderHook(() => useEvaluationMenu(me(['staff'])), { wrapper });
    await waitFor(() => expect(result.current).toEqual({ evaluation: true, mySheets: true }));
  });

  it('shows a staff member on no committee neither', async () => {
    stub([], [round({ my_role: null, allowed_actions: ['view_results'], status: 'published' })]);
    const { result } = renderHook(() => useEvaluationMenu(me(['staff'])), { wrapper });
    // Both probes answered, and neither says so.
    await waitFor(() => expect(client.getQueryState(['evaluation', 'assignments', 'mine'])?.status).toBe('success'));
    await waitFor(() => expect(client.isFetching()).toBe(0));
    expect(result.current).toEqual({ evaluation: false, mySheets: false });
  });
});
