import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignInForm } from '../src/features/sign-in/SignInForm';
import { renderWithApp } from './render';

describe('SignInForm', () => {
  it('focuses the e-mail field and submits trimmed credentials', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithApp(<SignInForm onSubmit={onSubmit} />);
    expect(document.activeElement).toBe(screen.getByLabelText('E-mail address'));
    await user.type(screen.getByLabelText('E-mail address'), ' admin@example.org ');
    await user.type(screen.getByLabelText('Password'), 'demo-password{Enter}');
    expect(onSubmit).toHaveBeenCalledWith('admin@example.org', 'demo-password');
  });

  it('announces a failed sign-in', () => {
    renderWithApp(<SignInForm error="Wrong e-mail address or password." onSubmit={() => {}} />);
    expect(screen.getByRole('alert').textContent).toBe('Wrong e-mail address or password.');
  });
});
