import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/App';
import { fakeGraphql } from './fakeGraphql';

const session = {
  token: 'ses_signed-in',
  user: { email: 'admin@example.org', name: 'Demo admin', role: 'admin' },
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('signing out', () => {
  it('revokes the session on the server with its token before forgetting it', async () => {
    localStorage.setItem('ksp.session', JSON.stringify(session));
    localStorage.setItem('ksp.locale', 'en');
    // The session is still stored when the server is asked to end it.
    const storedAtLogout: (string | null)[] = [];
    const { calls, fetchMock } = fakeGraphql({
      Logout: () => {
        storedAtLogout.push(localStorage.getItem('ksp.session'));
        return { logout: { __typename: 'MutationLogoutSuccess' } };
      },
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: /sign out|logg ut/i }));

    await waitFor(() => expect(localStorage.getItem('ksp.session')).toBeNull());
    expect(calls.map((c) => c.operationName)).toContain('Logout');
    const logoutRequest = fetchMock.mock.calls.find(([, init]) => String(init?.body).includes('logout'));
    expect(new Headers(logoutRequest?.[1]?.headers).get('authorization')).toBe('Bearer ses_signed-in');
    expect(storedAtLogout).toEqual([JSON.stringify(session)]);
    // Back on the sign-in page.
    expect(await screen.findByRole('button', { name: /sign in|logg inn/i })).toBeDefined();
  });

  it('signs out locally when the server cannot be reached', async () => {
    localStorage.setItem('ksp.session', JSON.stringify(session));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: /sign out|logg ut/i }));
    await waitFor(() => expect(localStorage.getItem('ksp.session')).toBeNull());
  });
});
