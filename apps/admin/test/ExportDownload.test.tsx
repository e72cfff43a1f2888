import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../src/auth/session';
import { CompanyView } from '../src/features/company/CompanyView';
import { ResultsView } from '../src/features/results/ResultsView';
import { company, results } from './fixtures/sampleData';
import { renderWithApp } from './render';

const session = {
  token: 'ses_test',
  user: { email: 'a@example.org', name: 'Ann', role: 'analyst' as const },
};

/** The API: the GraphQL answer with the export link, then the file. */
function fakeApi(path: string) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/graphql') {
      const { variables } = JSON.parse(String(init?.body));
      const links = variables.company ? { companyReport: path } : { resultsXlsx: path };
      return new Response(JSON.stringify({ data: { edition: { exportLinks: links } } }));
    }
    return new Response('xlsx bytes', {
      headers: {
        'content-disposition': `attachment; filename="file.xlsx"; filename*=UTF-8''KSP24-r%C3%B8d.xlsx`,
      },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  const createObjectURL = vi.fn(() => 'blob:export');
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return { fetchMock, createObjectURL, click };
}

describe('export download buttons', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('are absent without a signed-in session', () => {
    renderWithApp(<ResultsView results={results} />);
    expect(screen.queryByRole('button', { name: 'Download Excel' })).toBeNull();
  });

  it('fetch the results workbook with the session token and save it as a blob', async () => {
    const { fetchMock, createObjectURL, click } = fakeApi('/exports/results/KSP24.xlsx?locale=en');
    renderWithApp(
      <SessionProvider initial={session}>
        <ResultsView results={results} />
      </SessionProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Download Excel' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(fetchMock.mock.calls.map((call) => call[0])).toEqual([
      '/graphql',
      '/exports/results/KSP24.xlsx?locale=en',
    ]);
    for (const [, init] of fetchMock.mock.calls)
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer ses_test');
    expect(createObjectURL).toHaveBeenCalledOnce();
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('KSP24-rød.xlsx');
  });

  it('ask for the participant report on the company page and show a failure', async () => {
    const { fetchMock } = fakeApi('/exports/company/KSP24/x.xlsx?locale=en');
    fetchMock.mockImplementationOnce(
      async () => new Response(JSON.stringify({ errors: [{ message: 'Not allowed' }] })),
    );
    renderWithApp(
      <SessionProvider initial={session}>
        <CompanyView company={company} />
      </SessionProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Download report (Excel)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The download failed: Not allowed');
    const variables = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body)).variables;
    expect(variables).toMatchObject({
      key: company.editionKey,
      companyKey: company.companyKey,
      company: true,
    });
  });
});
