import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ResultsView } from '../src/features/results/ResultsView';
import { results } from './fixtures/sampleData';
import { renderWithApp } from './render';

const companies = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('link')[0]?.textContent);

describe('ResultsView', () => {
  it('ranks every company by total and names the best on each channel', () => {
    renderWithApp(<ResultsView results={results} />);
    expect(companies()).toEqual([
      'Fjordbanken',
      'Nordlys Energi',
      'Kystbanken',
      'Telenett',
      'Vindkraft Strøm',
    ]);
    const bestOn = screen.getByRole('region', { name: 'Best on channel' });
    expect(
      within(bestOn)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Fjordbanken', 'Nordlys Energi', 'Fjordbanken']);
    expect(within(bestOn).getByText('No winner')).toBeTruthy();
  });

  it('filters by industry and names the industry winner', async () => {
    const user = userEvent.setup();
    renderWithApp(<ResultsView results={results} />);
    await user.selectOptions(screen.getByLabelText('Industry'), 'bank');
    expect(companies()).toEqual(['Fjordbanken', 'Kystbanken']);
    expect(screen.getByText('Winner in Bank: Fjordbanken')).toBeTruthy();
  });

  it('ranks by a channel’s score when a channel is chosen', async () => {
    const user = userEvent.setup();
    renderWithApp(<ResultsView results={results} />);
    await user.selectOptions(screen.getByLabelText('Channel'), 'email');
    // E-post: Nordlys 97.5 > Fjordbanken 93.0 > Telenett 86.0 > Kystbanken 84.4 > Vindkraft 81.2
    expect(companies()).toEqual([
      'Nordlys Energi',
      'Fjordbanken',
      'Telenett',
      'Kystbanken',
      'Vindkraft Strøm',
    ]);
    expect(screen.getByRole('columnheader', { name: /Score E-post/ })).toBeTruthy();
  });

  it('sorts by company name when its header is clicked', async () => {
    const user = userEvent.setup();
    renderWithApp(<ResultsView results={results} />);
    await user.click(screen.getByRole('button', { name: /Company/ }));
    expect(companies()).toEqual([
      'Fjordbanken',
      'Kystbanken',
      'Nordlys Energi',
      'Telenett',
      'Vindkraft Strøm',
    ]);
  });

  it('exports the filtered table as CSV', async () => {
    const user = userEvent.setup();
    let csv = '';
    renderWithApp(
      <ResultsView
        results={results}
        onExport={(text) => {
          csv = text;
        }}
      />,
    );
    await user.selectOptions(screen.getByLabelText('Industry'), 'energy');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(csv.split('\r\n')).toEqual([
      'Industry rank,Company,Industry,Total,Kundebehandleren,Contacts',
      '1,Nordlys Energi,Energi,91.3,92.8,25',
      '2,Vindkraft Strøm,Energi,79.4,80,25',
    ]);
  });
});
