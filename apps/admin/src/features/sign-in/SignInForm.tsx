import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import './SignInForm.css';

interface SignInFormProps {
  busy?: boolean;
  error?: string | null;
  onSubmit: (email: string, password: string) => void;
}

export function SignInForm({ busy, error, onSubmit }: SignInFormProps) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => emailRef.current?.focus(), []);

  return (
    <div className="sign-in">
      <form
        className="card sign-in-card"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(email.trim(), password);
        }}
      >
        <div className="sign-in-brand">
          <span className="brand-mark" aria-hidden="true">
            K
          </span>
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('signIn.subtitle')}</p>
          </div>
        </div>
        {error && (
          <p className="sign-in-error" role="alert">
            {error}
          </p>
        )}
        <TextField
          ref={emailRef}
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" variant="primary" busy={busy} disabled={!email || !password}>
          {t('signIn.submit')}
        </Button>
      </form>
    </div>
  );
}
