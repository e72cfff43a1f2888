import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppShell } from '../src/app/AppShell';
import type { SessionUser } from '../src/auth/session';
import { I18nProvider } from '../src/i18n/I18nProvider';
import { renderWithApp } from './render';

const user = (role: SessionUser['role']): SessionUser => ({
  email: `${role}@example.org`,
  name: `Demo ${role}`,
  role,
});
const navLinks = () =>
  within(screen.getByRole('navigation', { name: /menu|Hovedmeny/ }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('AppShell', () => {
  it('shows admins every screen', () => {
    renderWithApp(
      <AppShell user={user('admin')} onSignOut={() => {}}>
        <p>content</p>
      </AppShell>,
    );
    expect(navLinks()).toEqual([
      'Editions',
      'Survey editor',
      'What changed',
      'Results',
      'Files',
      'Observer form',
      'Audit',
    ]);
  });

  it('shows analysts no observer form and no audit log (admins only), and observers only the observer form', () => {
    const { unmount } = renderWithApp(
      <AppShell user={user('analyst')} onSignOut={() => {}}>
        <p>content</p>
      </AppShell>,
    );
    expect(navLinks()).toEqual(['Editions', 'Survey editor', 'What changed', 'Results', 'Files']);
    unmount();
    renderWithApp(
      <AppShell user={user('observer')} onSignOut={() => {}}>
        <p>content</p>
      </AppShell>,
    );
    expect(navLinks()).toEqual(['Observer form']);
  });

  it('switches the language of every label', async () => {
    const onSignOut = vi.fn();
    renderWithApp(
      <I18nProvider>
        <AppShell user={user('admin')} onSignOut={onSignOut}>
          <p>content</p>
        </AppShell>
      </I18nProvider>,
    );
    // Norwegian is the default language.
    expect(navLinks()[0]).toBe('Utgaver');
    await userEvent.click(screen.getByRole('button', { name: 'EN' }));
    expect(navLinks()[0]).toBe('Editions');
    expect(document.documentElement.lang).toBe('en');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledOnce();
  });
});
