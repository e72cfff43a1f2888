import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/App';
import { fakeGraphql } from './fakeGraphql';

const viewer = { email: 'admin@example.org', name: 'Demo admin', role: 'admin' };

beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('ksp.locale', 'en');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a known device', () => {
  it('keeps the device token of a sign-in and sends it with the next, across signing out', async () => {
    const sent: unknown[] = [];
    const { calls } = fakeGraphql({
      Login: (variables) => {
        sent.push(variables.deviceToken ?? null);
        return {
          login: {
            __typename: 'Session',
            token: 'ses_1',
            expiresAt: '2030-01-01T00:00:00.000Z',
            deviceToken: 'dev_this-browser',
            viewer: { __typename: 'Viewer', ...viewer },
          },
        };
      },
      Logout: () => ({ logout: { __typename: 'MutationLogoutSuccess' } }),
    });
    const user = userEvent.setup();
    render(<App />);
    const signIn = async () => {
      await user.type(await screen.findByLabelText(/e-mail/i), viewer.email);
      await user.type(screen.getByLabelText(/password/i), 'demo-password');
      await user.click(screen.getByRole('button', { name: /sign in/i }));
      await screen.findByRole('button', { name: /sign out/i });
    };
    await signIn();
    expect(localStorage.getItem('ksp.device')).toBe('dev_this-browser');
    await user.click(screen.getByRole('button', { name: /sign out/i }));
    await waitFor(() => expect(localStorage.getItem('ksp.session')).toBeNull());
    expect(localStorage.getItem('ksp.device')).toBe('dev_this-browser');
    await signIn();
    expect(sent).toEqual([null, 'dev_this-browser']);
    expect(calls.filter((c) => c.operationName === 'Login')).toHaveLength(2);
  });
});
