import { lazy, Suspense, useCallback } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { PageSpinner } from '@/components/PageSpinner';
import { SessionProvider } from '@/lib/auth';
import { AppShell } from './layout/AppShell';
import { NotFound } from './layout/NotFound';
import { RequireAuth, type LoginState } from './RequireAuth';
import { PublicLayout } from '@/features/showcase/components/PublicLayout';

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
const NominationListPage = lazy(() => import('@/features/awards/components/NominationListPage'));
const ReviewQueuePage = lazy(() => import('@/features/awards/components/ReviewQueuePage'));
const NominationWizardPage = lazy(() => import('@/features/awards/components/NominationWizardPage'));
const NominationPage = lazy(() => import('@/features/awards/components/NominationPage'));
const DecisionListPage = lazy(() => import('@/features/awards/components/DecisionListPage'));
const DecisionFormPage = lazy(() => import('@/features/awards/components/DecisionFormPage'));
const DecisionPage = lazy(() => import('@/features/awards/components/DecisionPage'));
const MyAwardsPage = lazy(() => import('@/features/awards/components/MyAwardsPage'));
const ShowcaseListPage = lazy(() => import('@/features/showcase/components/ShowcaseListPage'));
const ShowcaseModelPage = lazy(() => import('@/features/showcase/components/ShowcaseModelPage'));
const ReplicationListPage = lazy(() => import('@/features/showcase/components/ReplicationListPage'));
const ReplicationPage = lazy(() => import('@/features/showcase/components/ReplicationPage'));
const RatingsPage = lazy(() => import('@/features/records/components/RatingsPage'));
const ViolationsPage = lazy(() => import('@/features/records/components/ViolationsPage'));
const ViolationPage = lazy(() => import('@/features/records/components/ViolationPage'));

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
          {/* The showcase is public: no RequireAuth, no token (signed in, it keeps the app's shell). */}
          <Route element={<PublicLayout shell={<AppShell />} />}>
            <Route path="showcase" element={<ShowcaseListPage />} />
            <Route path="showcase/:modelId" element={<ShowcaseModelPage />} />
          </Route>
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
              <Route path="awards" element={<NominationListPage />} />
              <Route path="awards/review" element={<ReviewQueuePage />} />
              <Route path="awards/nominations/new" element={<NominationWizardPage />} />
              <Route path="awards/nominations/:nominationId" element={<NominationPage />} />
              <Route path="awards/nominations/:nominationId/edit" element={<NominationWizardPage />} />
              <Route path="awards/decisions" element={<DecisionListPage />} />
              <Route path="awards/decisions/new" element={<DecisionFormPage />} />
              <Route path="awards/decisions/:decisionId" element={<DecisionPage />} />
              <Route path="awards/mine" element={<MyAwardsPage />} />
              <Route path="replications" element={<ReplicationListPage />} />
              <Route path="replications/:replicationId" element={<ReplicationPage />} />
              <Route path="records" element={<Navigate to="/records/ratings" replace />} />
              <Route path="records/ratings" element={<RatingsPage />} />
              <Route path="records/violations" element={<ViolationsPage />} />
              <Route path="records/violations/:violationId" element={<ViolationPage />} />
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
