import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../src/auth/session';
import EditionsPage from '../src/pages/EditionsPage';
import { fakeGraphql, renderWithApi } from './fakeGraphql';

// The editions page against a fake API: what creating an edition sends, and where it goes next.

const editions = {
  editions: [
    {
      key: 'KSP24',
      year: 2024,
      name: 'KSP24 – Kundeserviceprisen 2024',
      status: 'published',
      derivedFrom: null,
      participants: [],
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  return renderWithApi(
    <SessionProvider initial={{ token: 'ses_test', user: { email: 'a@x.no', name: 'Anna', role: 'admin' } }}>
      <EditionsPage />
    </SessionProvider>,
    { path: '/editions' },
  );
}

describe('EditionsPage', () => {
  it('creates an empty edition from scratch and opens its editor', async () => {
    const { calls } = fakeGraphql({
      Editions: () => editions,
      EvaluationCount: () => ({ evaluations: { totalCount: 0 } }),
      CreateEmptyEdition: ({ key }) => ({ createEmptyEdition: { __typename: 'Edition', key } }),
    });
    const user = userEvent.setup();
    const { location } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'New edition' }));
    const dialog = screen.getByRole('alertdialog', { name: 'New edition' });
    await user.click(within(dialog).getByRole('radio', { name: 'Start from scratch' }));
    await user.type(within(dialog).getByLabelText('Name of the new edition'), 'Pilot 2025');
    await user.click(within(dialog).getByRole('button', { name: 'Create draft' }));

    await screen.findByText('KSP25 was created as a draft.');
    expect(calls.find((c) => c.operationName === 'CreateEmptyEdition')?.variables).toEqual({
      key: 'KSP25',
      year: 2025,
      name: 'Pilot 2025',
    });
    expect(calls.some((c) => c.operationName === 'CreateEditionFrom')).toBe(false);
    expect(location.history?.at(-1)).toBe('/editions/KSP25/editor');
  });
});
