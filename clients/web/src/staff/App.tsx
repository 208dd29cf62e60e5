import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useQuery } from '@apollo/client';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { MeDocument, MfaStatusDocument } from '@cip/sdk/documents';
import { getSession, signOut, subscribeSession } from './api/session';
import { useFlagContext } from './flags/flags';
import { Shell } from './shell/Shell';
import { homeFor, roleAt } from './shell/roles';
import { ShopContext } from './shell/shop';
import { SignIn } from './screens/signin/SignIn';
import { StepUpProvider } from './stepup/StepUp';

const Dashboard = lazy(() => import('./screens/dashboard/Dashboard'));
const Board = lazy(() => import('./screens/board/Board'));
const Work = lazy(() => import('./screens/Work'));
const InspectionSheet = lazy(() => import('./screens/sheet/InspectionSheet'));
const Recommendations = lazy(() => import('./screens/recommendations/Recommendations'));
const Customers = lazy(() => import('./screens/customers/Customers'));
const CustomerDetail = lazy(() => import('./screens/customers/CustomerDetail'));
const Earnings = lazy(() => import('./screens/Earnings'));
const Security = lazy(() => import('./screens/security/Security'));

const shopKey = 'cip.shop';

export function App({ onSignOut }: { onSignOut(): Promise<void> }) {
  const session = useSyncExternalStore(subscribeSession, getSession);
  const [, navigate] = useLocation();
  if (!session) return <SignIn onSignedIn={() => navigate('/')} />;
  return (
    <StepUpProvider>
      <SignedIn
        onSignOut={async () => {
          await signOut();
          await onSignOut();
          navigate('/');
        }}
      />
    </StepUpProvider>
  );
}

function SignedIn({ onSignOut }: { onSignOut(): Promise<void> }) {
  const mfa = useQuery(MfaStatusDocument);
  const { data, error, refetch } = useQuery(MeDocument, { skip: mfa.data?.mfaStatus.enrollmentRequired === true });
  const [shopId, setShopId] = useState<string | null>(() => localStorage.getItem(shopKey));
  useEffect(() => {
    if (shopId) localStorage.setItem(shopKey, shopId);
  }, [shopId]);

  // The organization's policy lets a user without a factor do nothing else until they enroll one.
  if (mfa.data?.mfaStatus.enrollmentRequired) {
    return (
      <main className="content">
        <Suspense fallback={<p className="muted" aria-busy="true">Loading…</p>}>
          <Security onEnrolled={() => void mfa.refetch().then(() => refetch())} />
        </Suspense>
        <button type="button" className="btn" onClick={() => void onSignOut()}>Sign out</button>
      </main>
    );
  }
  if (!data) {
    return (
      <main className="center" aria-busy={!error}>
        {error ? <p className="error" role="alert">Could not load your account: {error.message}</p> : <p className="muted">Loading…</p>}
      </main>
    );
  }
  const current = roleAt(data.me, shopId);
  if (!current) return <main className="center"><p>Your account has no shop yet. Ask your shop's owner to add you.</p></main>;

  return (
    <ShopContext.Provider value={{ me: data.me, shopId: current.shopId, role: current.role, setShopId }}>
      <FlagContext userId={data.me.id} shopId={current.shopId} />
      <Shell onSignOut={onSignOut}>
        <Suspense fallback={<p className="muted" aria-busy="true">Loading…</p>}>
          <Switch>
            <Route path="/dashboard" component={Dashboard} />
            <Route path="/board" component={Board} />
            <Route path="/work" component={Work} />
            <Route path="/inspections/:id/recommendations">{(params) => <Recommendations id={params.id} />}</Route>
            <Route path="/inspections/:id">{(params) => <InspectionSheet id={params.id} />}</Route>
            <Route path="/customers/:id">{(params) => <CustomerDetail id={params.id} />}</Route>
            <Route path="/customers" component={Customers} />
            <Route path="/earnings" component={Earnings} />
            <Route path="/security">{() => <Security isOwner={current.role === 'OWNER'} />}</Route>
            <Route>
              <Redirect to={homeFor(current.role)} replace />
            </Route>
          </Switch>
        </Suspense>
      </Shell>
    </ShopContext.Provider>
  );
}

function FlagContext({ userId, shopId }: { userId: string; shopId: string }) {
  useFlagContext(userId, shopId);
  return null;
}
