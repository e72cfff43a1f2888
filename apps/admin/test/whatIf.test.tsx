import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultWhatIfPair } from '../src/features/what-if/defaultRules';
import { WhatIfView } from '../src/features/what-if/WhatIfView';
import { whatIfFromApi, winnerLines } from '../src/features/what-if/whatIfRows';
import { renderWithApp } from './render';

const api = {
  __typename: 'WhatIf' as const,
  editionKey: 'KSP23',
  rulesEditionKey: 'KSP24',
  overallWinner: { asScored: 'a', whatIf: 'b', changed: true },
  industryWinners: [
    { industryKey: 'bank', asScored: 'a', whatIf: 'b', changed: true },
    { industryKey: 'power', asScored: 'c', whatIf: 'c', changed: false },
  ],
  companies: [
    {
      companyKey: 'a',
      name: 'Alfa',
      industryKey: 'bank',
      asScored: 90,
      whatIf: 88,
      delta: -2,
      positionAsScored: 1,
      positionWhatIf: 2,
      positionChange: -1,
    },
    {
      companyKey: 'b',
      name: 'Beta',
      industryKey: 'bank',
      asScored: 89,
      whatIf: 89.5,
      delta: 0.5,
      positionAsScored: 2,
      positionWhatIf: 1,
      positionChange: 1,
    },
    {
      companyKey: 'c',
      name: 'Ceta',
      industryKey: 'power',
      asScored: 70,
      whatIf: 70,
      delta: 0,
      positionAsScored: 3,
      positionWhatIf: 3,
      positionChange: 0,
    },
  ],
  report: {
    evaluationsDropped: 0,
    questionsDropped: ['q_gdpr'],
    questionsNotAsked: [],
    optionsDropped: [{ questionKey: 'q1', optionKey: 'maybe', count: 2 }],
  },
};
const industries = [
  { key: 'bank', name: 'Bank' },
  { key: 'power', name: 'Strøm' },
];

describe('whatIfFromApi and winnerLines', () => {
  it('names companies and industries, and lists changed industry winners first', () => {
    const data = whatIfFromApi(api, industries);
    expect(data.overall).toEqual({ asScored: 'Alfa', whatIf: 'Beta', changed: true });
    expect(winnerLines(data).map((l) => [l.label, l.changed])).toEqual([
      ['overall', true],
      ['Bank', true],
      ['Strøm', false],
    ]);
  });
});

describe('defaultWhatIfPair', () => {
  const editions = [
    { key: 'KSP25', status: 'draft', derivedFrom: { key: 'KSP24' } },
    { key: 'KSP24', status: 'published', derivedFrom: { key: 'KSP23' } },
    { key: 'KSP23', status: 'closed', derivedFrom: { key: 'KSP22' } },
  ];
  it('re-scores the newest non-draft edition with a successor under the successor’s rules', () => {
    expect(defaultWhatIfPair(editions, undefined, undefined)).toEqual({
      editionKey: 'KSP24',
      rulesKey: 'KSP25',
    });
    expect(defaultWhatIfPair(editions, 'KSP23', undefined)).toEqual({
      editionKey: 'KSP23',
      rulesKey: 'KSP24',
    });
    expect(defaultWhatIfPair(editions, 'KSP23', 'KSP25')).toEqual({ editionKey: 'KSP23', rulesKey: 'KSP25' });
  });
});

describe('WhatIfView', () => {
  it('shows both scores with rank changes, winners, what was not carried over and filters to movers', async () => {
    renderWithApp(<WhatIfView data={whatIfFromApi(api, industries)} />, { locale: 'nb' });
    const table = screen.getByRole('table', { name: 'KSP23 som beregnet og med reglene fra KSP24' });
    const beta = within(table).getByRole('row', { name: /Beta/ });
    expect(within(beta).getByText('Opp 1 plasser')).toBeTruthy();
    expect(within(beta).getByText('+0,5')).toBeTruthy();
    expect(within(within(table).getByRole('row', { name: /Alfa/ })).getByText('Ned 1 plasser')).toBeTruthy();
    expect(screen.getByText(/q_gdpr/)).toBeTruthy();
    expect(screen.getByText('q1: alternativet maybe finnes ikke i reglene (2 svar)')).toBeTruthy();
    expect(screen.getByText(/Ingen resultater endres/)).toBeTruthy();

    await userEvent.click(screen.getByLabelText('Bare selskaper som flytter seg'));
    expect(within(table).queryByRole('row', { name: /Ceta/ })).toBeNull();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });
});
