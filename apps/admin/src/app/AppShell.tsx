import { LOCALES } from '@ksp/domain';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useLocation } from 'wouter';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import { useI18n } from '../i18n/I18nProvider';
import { Button } from '../ui/Button';
import './AppShell.css';
import { navItems } from './navigation';

interface AppShellProps {
  user: SessionUser;
  onSignOut: () => void;
  children: ReactNode;
}

/** Header with product name, role-aware navigation, language switch and the signed-in user. */
export function AppShell({ user, onSignOut, children }: AppShellProps) {
  const { t, locale, setLocale } = useI18n();
  const [location] = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location]);

  const items = navItems.filter((item) => can(user.role, item.permission));
  // `/editions/<key>/<screen>` belongs to that screen's menu item, not to "Editions".
  const isActive = (href: string) =>
    location === href ||
    (location.startsWith(`${href}/`) && !/^\/editions\/[^/]+\/\w/.test(location)) ||
    (href === '/editor' && /\/editions\/[^/]+\/editor/.test(location)) ||
    (href === '/changes' && /\/editions\/[^/]+\/changes/.test(location)) ||
    (href === '/results' && /\/editions\/[^/]+\/(results|companies)/.test(location)) ||
    (href === '/audit' && /\/editions\/[^/]+\/audit/.test(location));

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <header className="header">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            K
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <nav className="nav" aria-label={t('nav.main')}>
          <ul>
            {items.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className={isActive(item.href) ? 'nav-link is-active' : 'nav-link'}
                  aria-current={isActive(item.href) ? 'page' : undefined}
                >
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <fieldset className="lang-switch">
            <legend className="visually-hidden">{t('nav.language')}</legend>
            {LOCALES.map((code) => (
              <button
                key={code}
                type="button"
                className={code === locale ? 'lang is-active' : 'lang'}
                aria-pressed={code === locale}
                lang={code}
                onClick={() => setLocale(code)}
              >
                {code.toUpperCase()}
              </button>
            ))}
          </fieldset>
          <div className="user">
            <span className="user-name">{user.name}</span>
            <span className="user-role">{t(`role.${user.role}`)}</span>
          </div>
          <Button size="sm" variant="ghost" className="sign-out" onClick={onSignOut}>
            {t('nav.signOut')}
          </Button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="main">
        {children}
      </main>
    </div>
  );
}
