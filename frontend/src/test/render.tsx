import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AppProviders } from '@/app/providers';
import { SessionProvider } from '@/lib/auth';

/**
 * Renders `element` at `path` with the app's real providers (query client, antd, i18n, session).
 * `route` is the URL to start at and may carry a query string (`/audit?page=2`).
 */
export function renderPage(element: ReactElement, { path = '/', route = path, state }: { path?: string; route?: string; state?: unknown } = {}) {
  const { pathname, search } = new URL(route, 'http://localhost');
  return render(
    <AppProviders>
      <MemoryRouter initialEntries={[{ pathname, search, state }]}>
        <SessionProvider>
          <Routes>
            <Route path={path} element={element} />
            <Route path="*" element={<div>elsewhere</div>} />
          </Routes>
        </SessionProvider>
      </MemoryRouter>
    </AppProviders>,
  );
}

export const problemResponse = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'x', status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

export const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
