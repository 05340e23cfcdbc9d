import { lazy, Suspense, useCallback } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { PageSpinner } from '@/components/PageSpinner';
import { SessionProvider } from '@/lib/auth';
import { AppShell } from './layout/AppShell';
import { NotFound } from './layout/NotFound';
import { RequireAuth, type LoginState } from './RequireAuth';

// Route-level code splitting: each page is its own chunk.
const LoginPage = lazy(() => import('@/features/auth/components/LoginPage'));
const CampaignListPage = lazy(() => import('@/features/campaigns/components/CampaignListPage'));
const CampaignCreatePage = lazy(() => import('@/features/campaigns/components/CampaignCreatePage'));
const CampaignPage = lazy(() => import('@/features/campaigns/components/CampaignPage'));
const OrganizationTreePage = lazy(() => import('@/features/organizations/components/OrganizationTreePage'));
const UsersPage = lazy(() => import('@/features/users/components/UsersPage'));
const MyInitiativesPage = lazy(() => import('@/features/initiatives/components/MyInitiativesPage'));
const UnitInitiativesPage = lazy(() => import('@/features/initiatives/components/UnitInitiativesPage'));
const InitiativeFormPage = lazy(() => import('@/features/initiatives/components/InitiativeFormPage'));
const InitiativePage = lazy(() => import('@/features/initiatives/components/InitiativePage'));
const RegistrationsHomePage = lazy(() => import('@/features/registrations/components/RegistrationsHomePage'));
const RegistrationInboxPage = lazy(() => import('@/features/registrations/components/RegistrationInboxPage'));
const RegistrationPage = lazy(() => import('@/features/registrations/components/RegistrationPage'));
const ReportListPage = lazy(() => import('@/features/reports/components/ReportListPage'));
const ReportPage = lazy(() => import('@/features/reports/components/ReportPage'));
const AuditLogPage = lazy(() => import('@/features/audit/components/AuditLogPage'));
const RoundListPage = lazy(() => import('@/features/evaluation/components/RoundListPage'));
const RoundCreatePage = lazy(() => import('@/features/evaluation/components/RoundCreatePage'));
const RoundPage = lazy(() => import('@/features/evaluation/components/RoundPage'));
const MyAssignmentsPage = lazy(() => import('@/features/evaluation/components/MyAssignmentsPage'));
const ScoringPage = lazy(() => import('@/features/evaluation/components/ScoringPage'));

function SessionRoutes() {
  const navigate = useNavigate();
  const onExpired = useCallback(() => {
    const state: LoginState = { reason: 'expired', from: window.location.pathname + window.location.search };
    void navigate('/login', { replace: true, state });
  }, [navigate]);

  return (
    <SessionProvider onExpired={onExpired}>
      <Suspense fallback={<PageSpinner />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireAuth />}>
            <Route element={<AppShell />}>
              <Route index element={<Navigate to="/campaigns" replace />} />
              <Route path="campaigns" element={<CampaignListPage />} />
              <Route path="campaigns/new" element={<CampaignCreatePage />} />
              <Route path="campaigns/:campaignId" element={<CampaignPage />} />
              <Route path="initiatives" element={<UnitInitiativesPage />} />
              <Route path="initiatives/mine" element={<MyInitiativesPage />} />
              <Route path="initiatives/new" element={<InitiativeFormPage />} />
              <Route path="initiatives/:initiativeId" element={<InitiativePage />} />
              <Route path="initiatives/:initiativeId/edit" element={<InitiativeFormPage />} />
              <Route path="registrations" element={<RegistrationsHomePage />} />
              <Route path="registrations/inbox" element={<RegistrationInboxPage />} />
              <Route path="registrations/:registrationId" element={<RegistrationPage />} />
              <Route path="reports" element={<ReportListPage />} />
              <Route path="reports/:reportId" element={<ReportPage />} />
              <Route path="evaluation" element={<RoundListPage />} />
              <Route path="evaluation/new" element={<RoundCreatePage />} />
              <Route path="evaluation/rounds/:roundId" element={<RoundPage />} />
              <Route path="evaluation/sheets" element={<MyAssignmentsPage />} />
              <Route path="evaluation/sheets/:assignmentId" element={<ScoringPage />} />
              <Route path="organizations" element={<OrganizationTreePage />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="audit" element={<AuditLogPage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </SessionProvider>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <SessionRoutes />
    </BrowserRouter>
  );
}
