import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompanyView } from '../src/features/company/CompanyView';
import { RankingExplanation } from '../src/features/explain/RankingExplanation';
import { ResultsView } from '../src/features/results/ResultsView';
import type { ResultsData } from '../src/features/results/types';
import { fakeGraphql, renderWithApi } from './fakeGraphql';
import { company, results, tiedResults as tied } from './fixtures/sampleData';
import { renderWithApp } from './render';

const rankCells = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

describe('shared places and winners decided only by key order', () => {
  it('shows a shared place as "1 (shared)" with who shares it, and explains it under the table', () => {
    renderWithApp(<ResultsView results={tied} />);
    expect(rankCells()).toEqual(['1 (shared)', '1 (shared)', '3', '4', '5']);
    const shared = screen.getAllByText('1 (shared)');
    expect(shared[0]?.getAttribute('title')).toBe(
      'Shared place with Kystbanken: equal on every ranking rule. The list order is only alphabetical by company key.',
    );
    expect(screen.getByRole('note').textContent).toMatch(
      /^Shared place: the companies are equal on Totalresultat/,
    );
  });

  it('warns that the overall, class and channel winners are a tie, naming both', async () => {
    const user = userEvent.setup();
    renderWithApp(<ResultsView results={tied} />);
    expect(screen.getByText(/Shared first place overall: Fjordbanken and Kystbanken/)).toBeTruthy();
    const bestOn = screen.getByRole('region', { name: 'Best on channel' });
    const phone = within(bestOn).getByText('Telefon').parentElement as HTMLElement;
    expect(
      within(phone)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Fjordbanken', 'Kystbanken']);
    const badge = within(phone).getByText('Tie: shared first place');
    expect(badge.className).toContain('badge-warning');
    expect(badge.getAttribute('title')).toBe(
      'Equal on every ranking rule: only company key order would name a single winner. The jury must decide.',
    );
    // Both are class winners of Bank, each with the warning.
    await user.selectOptions(screen.getByLabelText('Industry'), 'bank');
    expect(screen.getByText(/Shared first place in Bank: Fjordbanken and Kystbanken/)).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getAllByText('Industry winner')).toHaveLength(2);
    expect(within(table).getAllByText('Tie: shared first place')).toHaveLength(2);
  });

  it('says it in Norwegian too: "1 (delt)" and «Uavgjort: delt førsteplass»', () => {
    renderWithApp(<ResultsView results={tied} />, { locale: 'nb' });
    expect(rankCells().slice(0, 2)).toEqual(['1 (delt)', '1 (delt)']);
    expect(screen.getByText(/Delt førsteplass totalt: Fjordbanken og Kystbanken/)).toBeTruthy();
    expect(screen.getAllByText('Uavgjort: delt førsteplass').length).toBeGreaterThan(0);
  });

  it('shows no tie marks when every place is its own; a withheld class winner gets no winner badge', async () => {
    const user = userEvent.setup();
    const withheld: ResultsData = {
      ...results,
      industryWinners: { ...results.industryWinners, telecom: { companies: [], decidedByKeyOrder: false } },
    };
    renderWithApp(<ResultsView results={withheld} />);
    expect(rankCells()).toEqual(['1', '2', '3', '4', '5']);
    expect(screen.queryByText('Tie: shared first place')).toBeNull();
    expect(screen.queryByRole('note')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Industry'), 'telecom');
    expect(screen.queryByText('Industry winner')).toBeNull();
    expect(screen.queryByText(/Winner in Telekom/)).toBeNull();
  });

  it('the company page reads a shared place as "1 (delt)"', () => {
    renderWithApp(<CompanyView company={{ ...company, rank: 1, rankShared: true, industryRank: 1 }} />, {
      locale: 'nb',
    });
    expect(screen.getByText('1 (delt)')).toBeTruthy();
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('the explanation of a shared place', () => {
  it('asks for the chosen company at the position and says the place is shared, not decided by key', async () => {
    const { calls } = fakeGraphql({
      ExplainRankingPosition: () => ({
        explainRankingPosition: {
          __typename: 'RankingPositionExplanation',
          companyKey: 'kystbank',
          name: 'Kystbanken',
          position: 1,
          industryKey: null,
          eligible: true,
          total: 94.7,
          answeredOnly: 95,
          headline: 96.1,
          winner: 'fjordbank',
          effects: [
            { __typename: 'ExplanationEffect', code: 'TOP_OF_RANKING' },
            { __typename: 'ExplanationEffect', code: 'SHARES_PLACE', companyKey: 'fjordbank' },
            {
              __typename: 'ExplanationEffect',
              code: 'AHEAD_OF_NEIGHBOUR',
              companyKey: 'nordlys',
              step: 'total',
              difference: 3.4,
            },
          ],
          company: {
            __typename: 'CompanyExplanation',
            n: 25,
            nAnswered: 24,
            contactWeighting: 'equal',
            nodes: [],
          },
        },
      }),
    });
    renderWithApi(
      <RankingExplanation
        editionKey="KSP24"
        position={1}
        companyKey="kystbank"
        names={
          new Map([
            ['fjordbank', 'Fjordbanken'],
            ['nordlys', 'Nordlys Energi'],
          ])
        }
        onClose={() => {}}
      />,
    );
    expect(
      await screen.findByText('Shared place with Fjordbanken: equal on every ranking rule'),
    ).toBeTruthy();
    expect(screen.getByText(/Ahead of Nordlys Energi: decided by Totalresultat/)).toBeTruthy();
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'ExplainRankingPosition')?.variables).toMatchObject({
        position: 1,
        companyKey: 'kystbank',
      }),
    );
  });
});
