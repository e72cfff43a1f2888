import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../src/features/audit/AuditLog';
import { ErrorState, Loading } from '../src/ui/StateViews';
import { auditEntries } from './fixtures/sampleData';
import { renderWithApp } from './render';

describe('AuditLog', () => {
  it('lists the newest entry first and searches every column', async () => {
    const user = userEvent.setup();
    renderWithApp(<AuditLog entries={auditEntries} />);
    const actions = () => screen.getAllByRole('code').map((c) => c.textContent);
    expect(actions()).toEqual(['export.results', 'definition.update', 'edition.derive']);
    await user.type(screen.getByLabelText('Search the log'), 'analyst');
    expect(actions()).toEqual(['export.results']);
  });
});

describe('state views', () => {
  it('announce loading and errors, with a retry', async () => {
    let retried = 0;
    renderWithApp(
      <>
        <Loading />
        <ErrorState
          onRetry={() => {
            retried++;
          }}
        />
      </>,
    );
    expect(screen.getByRole('status').textContent).toContain('Loading');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retried).toBe(1);
  });
});
