import { useState } from 'react';
import { useMutation } from 'urql';
import { mutationOutcome } from '../../api/outcome';
import { LoginMutation } from '../../api/session';
import { knownDeviceToken, rememberDevice } from '../../auth/device';
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
    const result = await login({ email, password, deviceToken: knownDeviceToken() });
    const outcome = mutationOutcome(result.data?.login, 'Session', result.error);
    if (outcome.ok) {
      rememberDevice(outcome.data.deviceToken);
      onSignedIn({ token: outcome.data.token, user: outcome.data.viewer });
    } else if (outcome.error.__typename === 'InvalidCredentialsError') setError(t('signIn.failed'));
    else setError(outcome.error.message || t('state.errorBody'));
  };

  return <SignInForm busy={fetching} error={error} onSubmit={submit} />;
}
