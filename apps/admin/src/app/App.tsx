import { useCallback, useMemo } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createApiClient } from '../api/client';
import { LogoutMutation } from '../api/session';
import { SessionProvider, useSession } from '../auth/session';
import { SignInPage } from '../features/sign-in/SignInPage';
import { I18nProvider } from '../i18n/I18nProvider';
import { ToastProvider } from '../ui/Toasts';
import { AppShell } from './AppShell';
import { AppRoutes } from './Routes';

function SignedInOrOut() {
  const { session, signIn, signOut } = useSession();
  // A new client per token, so nothing cached for one user leaks to the next.
  const client = useMemo(() => createApiClient(session?.token ?? null), [session?.token]);
  // Revoke the session on the server first: forgetting the token here alone would leave it valid for
  // anyone who copied it. Signed out locally whatever the answer (offline, already expired).
  const logOut = useCallback(async () => {
    await client.mutation(LogoutMutation, {}).toPromise();
    signOut();
  }, [client, signOut]);
  return (
    <UrqlProvider value={client}>
      {session ? (
        <AppShell user={session.user} onSignOut={logOut}>
          <AppRoutes user={session.user} />
        </AppShell>
      ) : (
        <SignInPage onSignedIn={signIn} />
      )}
    </UrqlProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <ToastProvider>
          <SignedInOrOut />
        </ToastProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
