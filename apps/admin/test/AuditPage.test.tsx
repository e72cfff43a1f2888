import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import AuditPage from '../src/pages/AuditPage';
import { fakeGraphql, renderWithApi } from './fakeGraphql';

// The audit page against a fake API: the filter and cursor it sends for the route's edition.

const editions = {
  editions: [
    {
      key: 'KSP25',
      year: 2025,
      name: 'KSP25',
      status: 'draft',
      derivedFrom: { key: 'KSP24' },
      participants: [],
    },
    { key: 'KSP24', year: 2024, name: 'KSP24', status: 'published', derivedFrom: null, participants: [] },
  ],
};
const entry = (n: number) => ({
  node: {
    id: `QXVkaXQ6${n}`,
    at: '2025-01-02T09:30:00.000Z',
    action: 'performance.update',
    entityType: 'Performance',
    entityId: `KSP25/p${n}`,
    actor: { id: 'VXNlcjox', name: 'Anna Admin', email: 'anna@example.org' },
    before: { name: { nb: `Før ${n}` } },
    after: { name: { nb: `Etter ${n}` } },
  },
});

afterEach(() => vi.unstubAllGlobals());

describe('AuditPage', () => {
  it("asks for the route's edition with the filters, and pages with the end cursor", async () => {
    const user = userEvent.setup();
    const { calls } = fakeGraphql({
      Editions: () => editions,
      AuditActors: () => ({ users: [{ id: 'VXNlcjox', name: 'Anna Admin', email: 'anna@example.org' }] }),
      AuditEntries: (variables) => ({
        auditEntries: {
          totalCount: 30,
          pageInfo: { hasNextPage: !variables.after, endCursor: variables.after ? 'c2' : 'c1' },
          edges: variables.after ? [entry(26)] : [entry(1), entry(2)],
        },
      }),
    });
    renderWithApi(<Route path="/editions/:edition/audit" component={AuditPage} />, {
      path: '/editions/KSP25/audit',
    });
    expect(await screen.findByText('KSP25/p1')).toBeTruthy();
    expect(calls.find((c) => c.operationName === 'AuditEntries')?.variables).toEqual({
      filter: { editionKey: 'KSP25' },
      first: 25,
      after: null,
    });

    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(await screen.findByText('KSP25/p26')).toBeTruthy();
    expect(calls.filter((c) => c.operationName === 'AuditEntries').at(-1)?.variables).toMatchObject({
      after: 'c1',
    });
    expect(screen.getByText('Page 2 of 2 · 30 changes')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Type'), 'Performance');
    await user.selectOptions(await screen.findByLabelText('Who'), 'Anna Admin');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    // New filters start again at the first page.
    await waitFor(() =>
      expect(calls.filter((c) => c.operationName === 'AuditEntries').at(-1)?.variables).toEqual({
        filter: { editionKey: 'KSP25', entityType: 'Performance', actorId: 'VXNlcjox' },
        first: 25,
        after: null,
      }),
    );
    expect(await screen.findByText('Page 1 of 2 · 30 changes')).toBeTruthy();
  });
});
