import { describe, expect, it } from 'vitest';
import { evaluationToApi } from '../src/adapters/evaluationToApi';
import { toLocalizedText, toTranslations } from '../src/adapters/localizedText';
import { resultsFromApi } from '../src/adapters/resultsFromApi';

describe('localized text', () => {
  it('turns translation lists into { nb, en } and back, dropping empty texts', () => {
    expect(
      toLocalizedText([
        { locale: 'nb', text: 'Hei' },
        { locale: 'en', text: 'Hi' },
      ]),
    ).toEqual({ nb: 'Hei', en: 'Hi' });
    expect(toTranslations({ nb: 'Hei', en: ' ' })).toEqual([{ locale: 'nb', text: 'Hei' }]);
  });
});

describe('resultsFromApi', () => {
  const api = {
    industries: [
      { key: 'bank', name: 'Bank' },
      { key: 'power', name: 'Strøm' },
    ],
    edition: {
      key: 'KSP25',
      scoring: { headlineAreaKey: 'agent' },
      channels: [
        { key: 'email', order: 1, name: 'E-post' },
        { key: 'phone', order: 0, name: 'Telefon' },
      ],
      areas: [{ key: 'agent', name: 'Kundebehandleren' }],
    },
  };
  // a and c are equal on every ranking rule: a shared first place overall, in the bank class and on phone.
  const tie = { decidedByKeyOrder: true };
  const results = {
    __typename: 'EditionResults' as const,
    editionKey: 'KSP25',
    overall: {
      winners: ['a', 'c'],
      winnerDecidedByKeyOrder: true,
      entries: [
        {
          companyKey: 'a',
          name: 'A Bank',
          industryKey: 'bank',
          position: 1,
          ...tie,
          tiedWith: ['c'],
          eligible: true,
          total: 80,
          headline: 82,
          n: 25,
        },
        {
          companyKey: 'c',
          name: 'C Bank',
          industryKey: 'bank',
          position: 1,
          ...tie,
          tiedWith: ['a'],
          eligible: true,
          total: 80,
          headline: 82,
          n: 25,
        },
        {
          companyKey: 'b',
          name: 'B Bank',
          industryKey: 'bank',
          position: null,
          decidedByKeyOrder: false,
          tiedWith: [],
          eligible: false,
          total: 70,
          headline: null,
          n: 3,
        },
      ],
    },
    industries: [
      {
        industryKey: 'bank',
        winners: ['a', 'c'],
        winnerDecidedByKeyOrder: true,
        ranking: {
          entries: [
            { companyKey: 'a', position: 1, ...tie, tiedWith: ['c'] },
            { companyKey: 'c', position: 1, ...tie, tiedWith: ['a'] },
            { companyKey: 'b', position: null, decidedByKeyOrder: false, tiedWith: [] },
          ],
        },
      },
    ],
    bestOnChannel: [{ channel: 'phone', winners: ['a', 'c'], winnerDecidedByKeyOrder: true, score: 91.5 }],
    companies: [
      { companyKey: 'a', channels: [{ key: 'phone', total: 91.5 }] },
      { companyKey: 'c', channels: [{ key: 'phone', total: 91.5 }] },
      { companyKey: 'b', channels: [] },
    ],
  };

  it('names industries, channels (in survey order) and the headline area, and keeps ranks', () => {
    const data = resultsFromApi(results, api);
    expect(data.headlineName).toBe('Kundebehandleren');
    expect(data.channels.map((c) => c.key)).toEqual(['phone', 'email']);
    // Only industries with companies in the results are offered as filters.
    expect(data.industries).toEqual([{ key: 'bank', name: 'Bank' }]);
    expect(data.rows[0]).toMatchObject({
      companyName: 'A Bank',
      industryName: 'Bank',
      rank: 1,
      industryRank: 1,
      contacts: 25,
      byChannel: { phone: 91.5 },
    });
    expect(data.rows[2]).toMatchObject({ rank: null, industryRank: null, eligible: false });
  });

  it('keeps shared places and shared winners with names, never one silent winner', () => {
    const data = resultsFromApi(results, api);
    expect(data.rows.map((r) => [r.companyKey, r.rank, r.shared])).toEqual([
      ['a', 1, { overall: ['C Bank'], industry: ['C Bank'] }],
      ['c', 1, { overall: ['A Bank'], industry: ['A Bank'] }],
      ['b', null, { overall: [], industry: [] }],
    ]);
    const both = [
      { key: 'a', name: 'A Bank' },
      { key: 'c', name: 'C Bank' },
    ];
    expect(data.overallWinners).toEqual({ companies: both, decidedByKeyOrder: true });
    expect(data.industryWinners).toEqual({ bank: { companies: both, decidedByKeyOrder: true } });
    expect(data.bestOnChannel).toEqual([
      { channel: { key: 'phone', name: 'Telefon' }, companies: both, decidedByKeyOrder: true, score: 91.5 },
    ]);
  });
});

describe('evaluationToApi', () => {
  it('maps the domain input to submitEvaluation’s input, leaving out a missing waiting time', () => {
    const input = evaluationToApi({
      id: 'c-1',
      editionKey: 'KSP25',
      companyKey: 'a',
      industryKey: 'bank',
      channel: 'email',
      rolePlayKey: null,
      observerKey: null,
      contactedAt: '2025-03-01T09:30:00.000Z',
      answered: true,
      waitingTime: null,
      answers: [{ questionKey: 'q1', optionKey: 'yes', text: null, notApplicable: false }],
      comments: { agent: 'Hyggelig' },
    });
    expect(input).toEqual({
      contactId: 'c-1',
      editionKey: 'KSP25',
      companyKey: 'a',
      channelKey: 'email',
      rolePlayKey: null,
      contactedAt: '2025-03-01T09:30:00.000Z',
      answered: true,
      earlierAttempts: [],
      answers: [{ questionKey: 'q1', optionKey: 'yes', text: null, notApplicable: false }],
      comments: [{ areaKey: 'agent', text: 'Hyggelig' }],
    });
  });
});
