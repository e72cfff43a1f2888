import { useState } from 'react';
import { useMutation } from 'urql';
import { LoginMutation } from '../../api/session';
import type { Session } from '../../auth/session';
import { useI18n } from '../../i18n/I18nProvider';
import { SignInForm } from './SignInForm';

/** Signs in with the API's `login` mutation and hands the session to the app. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [error, setError] = useState<string | null>(null);

  const submit = async (email: string, password: string) => {
    setError(null);
    const result = await login({ email, password });
    const outcome = result.data?.login;
    if (outcome?.__typename === 'Session') {
      onSignedIn({ token: outcome.token, user: outcome.viewer });
    } else if (outcome?.__typename === 'InvalidCredentialsError') {
      setError(t('signIn.failed'));
    } else {
      setError(
        outcome && 'message' in outcome ? outcome.message : (result.error?.message ?? t('state.errorBody')),
      );
    }
  };

  return <SignInForm busy={fetching} error={error} onSubmit={submit} />;
}
