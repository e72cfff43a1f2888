import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CompanyView } from '../src/features/company/CompanyView';
import { company } from './fixtures/sampleData';
import { renderWithApp } from './render';

describe('CompanyView', () => {
  it('shows the headline figures, and flags areas whose definition changed', async () => {
    renderWithApp(<CompanyView company={company} />, { locale: 'nb' });
    expect(screen.getByText('88,9')).toBeTruthy();
    const areas = screen.getByRole('table', { name: 'Områder' });
    const flagged = within(areas)
      .getAllByRole('row')
      .filter((row) => within(row).queryByText('Endret definisjon'))
      .map(
        (row) => within(row).getAllByRole('cell')[0]?.querySelector('.company-cell')?.firstChild?.textContent,
      );
    expect(flagged).toEqual(['Mottak og velkomst', 'Kundebehandleren']);
    // Kystbanken's agent score 90,2 vs industry 88,0: +2,2
    expect(within(areas).getByText('+2,2')).toBeTruthy();
    expect(screen.getByText('Ikke direkte sammenlignbart med i fjor:')).toBeTruthy();
  });

  it('loads the charts lazily', async () => {
    renderWithApp(<CompanyView company={company} />);
    // The recharts chunk is imported on first render; on a busy 2-core machine that can take seconds.
    const wait = { timeout: 15_000 };
    expect(await screen.findByRole('figure', { name: 'Trend over editions' }, wait)).toBeTruthy();
    expect(await screen.findByRole('figure', { name: 'Areas vs industry average' }, wait)).toBeTruthy();
  });
});
