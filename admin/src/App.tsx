import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import type { Role } from '../../domain/roles.ts';
import academies from './academies/index.ts';
import anomalies from './anomalies/index.ts';
import { LoginPage } from './auth/LoginPage.tsx';
import { Layout } from './Layout.tsx';
import donations from './donations/index.ts';
import emails from './emails/index.ts';
import funds from './funds/index.ts';
import guides from './guides/index.ts';
import { i18nProvider } from './i18n/fr.ts';
import { lazyPage } from './lazy-page.ts';
import { payoutBatches, payouts } from './payouts/index.ts';
import { canSeeDonations, canSeeFunds, canSeeProjects, isReviewer, canSeeStructures, isAdmin } from './permissions.ts';
import projects, { validationQueue } from './projects/index.ts';
import reconciliations from './reconciliations/index.ts';
import stuckProjects from './stuck-projects/index.ts';
import { authProvider } from './providers/authProvider.ts';
import { dataProvider } from './providers/dataProvider.ts';
import { queryClient } from './providers/queryClient.ts';
import schools from './schools/index.ts';
import structures from './structures/index.ts';
import taxReceipts from './tax-receipts/index.ts';
import { lightTheme } from './theme.ts';
import users from './users/index.ts';

const Dashboard = lazyPage(() => import('./dashboard/Dashboard.tsx'), 'Dashboard');
const SignUpPage = lazyPage(() => import('./auth/SignUpPage.tsx'), 'SignUpPage');

/** The back office: French react-admin over /api, showing each user the resources their roles allow. */
export const App = () => (
  <Admin
    title="app.title"
    dashboard={Dashboard}
    loginPage={LoginPage}
    layout={Layout}
    authProvider={authProvider}
    dataProvider={dataProvider}
    queryClient={queryClient}
    i18nProvider={i18nProvider}
    theme={lightTheme}
    requireAuth
    disableTelemetry
  >
    <CustomRoutes noLayout>
      <Route path="/inscription" element={<SignUpPage />} />
    </CustomRoutes>
    {(roles: Role[] | undefined) => (
      <>
        {isReviewer(roles) ? <Resource name="validation-queue" {...validationQueue} /> : null}
        {canSeeProjects(roles) ? <Resource name="projects" {...projects} /> : null}
        {isReviewer(roles) ? <Resource name="schools" {...schools} /> : null}
        {canSeeFunds(roles) ? <Resource name="funds" {...funds} /> : null}
        {isAdmin(roles) ? <Resource name="users" {...users} /> : null}
        {isAdmin(roles) ? <Resource name="academies" {...academies} /> : null}
        {isAdmin(roles) ? <Resource name="emails" {...emails} /> : null}
        {canSeeDonations(roles) ? <Resource name="donations" {...donations} /> : null}
        {isAdmin(roles) ? <Resource name="payment-anomalies" {...anomalies} /> : null}
        {canSeeStructures(roles) ? <Resource name="structures" {...structures} /> : null}
        {canSeeStructures(roles) ? <Resource name="tax-receipts" {...taxReceipts} /> : null}
        {isAdmin(roles) ? <Resource name="payouts" {...payouts} /> : null}
        {isAdmin(roles) ? <Resource name="payout-batches" {...payoutBatches} /> : null}
        {isAdmin(roles) ? <Resource name="reconciliations" {...reconciliations} /> : null}
        {isAdmin(roles) ? <Resource name="stuck-projects" {...stuckProjects} /> : null}
        {isAdmin(roles) ? <Resource name="guides" {...guides} /> : null}
      </>
    )}
  </Admin>
);
