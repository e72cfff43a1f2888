import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { comparableTrendPoints } from '../src/adapters/trendFromApi';
import { ComparableTrendPanel } from '../src/features/comparability/ComparableTrendPanel';
import { LineagePanel } from '../src/features/comparability/LineagePanel';
import { visibleLineage } from '../src/features/comparability/lineageRows';
import { fakeGraphql, renderWithApi } from './fakeGraphql';

const item = (
  level: 'area' | 'performance' | 'question',
  key: string,
  name: string,
  mark: string | null,
  predecessorKeys: string[] = [key],
) => ({
  __typename: 'LineageItem',
  level,
  key,
  areaKey: null,
  performanceKey: null,
  mark,
  markSetBy: mark ? 'derivation' : null,
  name,
  predecessorKeys,
  version: 3,
});

const lineageData = () => ({
  editionLineage: {
    __typename: 'EditionLineage',
    editionKey: 'KSP21',
    predecessorEditionKey: 'KSP20',
    items: [
      item('area', 'welcome', 'Mottak og velkomst', 'split'),
      item('performance', 'waiting', 'Svar- og ventetid', 'split', ['welcome']),
      item('performance', 'greeting', 'Hilsen', 'identical'),
      item('question', 'q_new', 'Nytt spørsmål', 'new', []),
    ],
    retired: [
      {
        __typename: 'LineageItem',
        level: 'question',
        key: 'q_old',
        areaKey: null,
        performanceKey: null,
        name: 'Gammelt spørsmål',
      },
    ],
  },
  editionComparability: {
    __typename: 'EditionComparability',
    fromKey: 'KSP20',
    toKey: 'KSP21',
    total: { __typename: 'ComparabilityVerdict', comparable: false, reasons: ['area welcome is split'] },
    headline: { __typename: 'ComparabilityVerdict', comparable: true, reasons: [] },
  },
});

afterEach(() => vi.unstubAllGlobals());

describe('visibleLineage', () => {
  it('filters by level and hides identical items when asked, keeping survey order', () => {
    const items = lineageData().editionLineage.items as Parameters<typeof visibleLineage>[0];
    expect(visibleLineage(items, { level: '', onlyChanged: true }).map((i) => i.key)).toEqual([
      'welcome',
      'waiting',
      'q_new',
    ]);
    expect(visibleLineage(items, { level: 'performance', onlyChanged: false }).map((i) => i.key)).toEqual([
      'waiting',
      'greeting',
    ]);
  });
});

describe('LineagePanel', () => {
  it('shows marks, the verdicts and retired items; an admin changes a mark with the item version', async () => {
    const { calls } = fakeGraphql({
      EditionLineage: lineageData,
      SetLineageMark: () => ({
        setLineageMark: {
          __typename: 'LineageItem',
          key: 'waiting',
          level: 'performance',
          mark: 'merged',
          markSetBy: 'admin',
          predecessorKeys: ['welcome'],
          version: 4,
        },
      }),
    });
    renderWithApi(<LineagePanel editionKey="KSP21" canEdit />, { locale: 'nb' });
    const table = await screen.findByRole('table', { name: 'Avstamning for hvert ledd i KSP21' });
    const waiting = within(table).getByRole('row', { name: /Svar- og ventetid/ });
    expect(within(waiting).getByText('Delt')).toBeTruthy();
    expect(within(waiting).getByText('welcome')).toBeTruthy();
    expect(within(table).queryByText('Hilsen')).toBeNull(); // identical, hidden by default
    expect(within(table).getByText('Ny')).toBeTruthy();
    expect(screen.getByText('Gammelt spørsmål', { exact: false })).toBeTruthy();
    const verdicts = screen.getByRole('list', { name: 'Sammenlignbare totaler' });
    expect(within(verdicts).getByText('Ikke sammenlignbar')).toBeTruthy();

    await userEvent.click(within(waiting).getByRole('button', { name: 'Endre merke for Svar- og ventetid' }));
    await userEvent.selectOptions(within(waiting).getByLabelText('Merke'), 'merged');
    await userEvent.click(within(waiting).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(calls.some((c) => c.operationName === 'SetLineageMark')).toBe(true));
    expect(calls.find((c) => c.operationName === 'SetLineageMark')?.variables).toEqual({
      editionKey: 'KSP21',
      level: 'performance',
      key: 'waiting',
      mark: 'merged',
      predecessorKeys: ['welcome'],
      version: 3,
    });
    expect(await screen.findByText('Merket for Svar- og ventetid er lagret.')).toBeTruthy();
  });

  it('shows the domain’s refusal next to the mark', async () => {
    fakeGraphql({
      EditionLineage: lineageData,
      SetLineageMark: () => ({
        setLineageMark: {
          __typename: 'ValidationError',
          message: 'Invalid input',
          fieldErrors: [{ path: 'mark', message: 'split needs a predecessor' }],
        },
      }),
    });
    renderWithApi(<LineagePanel editionKey="KSP21" canEdit />);
    const table = await screen.findByRole('table');
    const row = within(table).getByRole('row', { name: /Svar- og ventetid/ });
    await userEvent.click(within(row).getByRole('button', { name: /Change the mark/ }));
    await userEvent.clear(within(row).getByLabelText('Predecessors'));
    await userEvent.click(within(row).getByRole('button', { name: 'Save' }));
    expect((await within(row).findByRole('alert')).textContent).toBe(
      'Invalid input: split needs a predecessor',
    );
  });

  it('has no change buttons for analysts', async () => {
    fakeGraphql({ EditionLineage: lineageData });
    renderWithApi(<LineagePanel editionKey="KSP21" canEdit={false} />);
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /Change the mark/ })).toBeNull();
  });
});

const trendData = (vars: Record<string, unknown>) => ({
  comparableTrend: {
    __typename: 'ComparableTrend',
    editionKeys: ['KSP23', 'KSP24'],
    subjectKind: vars.companyKey ? 'company' : 'overall',
    totals: [
      { __typename: 'TrendTotal', editionKey: 'KSP23', n: 1, total: 80 },
      { __typename: 'TrendTotal', editionKey: 'KSP24', n: 1, total: 84.5 },
    ],
    steps: [
      {
        __typename: 'YearOverYear',
        fromKey: 'KSP23',
        toKey: 'KSP24',
        companies: vars.companyKey ? 'one' : vars.allCompanies ? 'all' : 'both',
        nBaseline: 10,
        nCurrent: 12,
        rows: [
          {
            __typename: 'YearOverYearRow',
            metric: 'total',
            key: null,
            current: 84.5,
            baseline: 80,
            delta: vars.includeNonComparable ? 4.5 : null,
            comparable: false,
            reasons: ['area agent rescaled'],
          },
          {
            __typename: 'YearOverYearRow',
            metric: 'area',
            key: 'agent',
            current: 90,
            baseline: 85,
            delta: vars.includeNonComparable ? 5 : null,
            comparable: false,
            reasons: ['rescaled'],
          },
        ],
        excluded: vars.includeNonComparable
          ? []
          : [
              { __typename: 'YearOverYearRow', metric: 'total', key: null, reasons: ['area agent rescaled'] },
              { __typename: 'YearOverYearRow', metric: 'area', key: 'agent', reasons: ['rescaled'] },
            ],
      },
    ],
  },
  editions: [
    {
      __typename: 'Edition',
      key: 'KSP24',
      areas: [{ __typename: 'Area', key: 'agent', name: 'Kundebehandleren', performances: [] }],
    },
  ],
});

describe('comparableTrendPoints', () => {
  it('flags the step whose total is not like-for-like and names what was left out', () => {
    const data = trendData({ companyKey: 'kyst' });
    const points = comparableTrendPoints(data.comparableTrend as never, data.editions as never);
    expect(points[0]?.step).toBeNull();
    expect(points[1]?.step).toMatchObject({ fromKey: 'KSP23', comparable: false, delta: null });
    expect(points[1]?.step?.notComparable.map((f) => f.name)).toEqual(['total', 'Kundebehandleren']);
  });
});

describe('ComparableTrendPanel', () => {
  it('asks again with the toggles and lists the figures left out', async () => {
    const { calls } = fakeGraphql({ ComparableTrend: trendData });
    renderWithApi(
      <ComparableTrendPanel
        companyKey="kyst"
        companyName="Kystbanken"
        industryKey="bank"
        industryName="Bank"
      />,
    );
    const table = await screen.findByRole('table', { name: 'Change from edition to edition' });
    const ksp24 = within(table).getByRole('row', { name: /KSP24/ });
    expect(within(ksp24).getByText('Not like-for-like')).toBeTruthy();
    expect(within(ksp24).getByText('2 figures not comparable')).toBeTruthy();
    expect(within(ksp24).getByText(/Area: Kundebehandleren/)).toBeTruthy();
    // All companies only applies to averages.
    expect((screen.getByLabelText(/All companies each year/) as HTMLInputElement).disabled).toBe(true);

    await userEvent.click(screen.getByLabelText('Include figures that are not comparable'));
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Change from edition to edition' })).getByText('+4.5'),
      ).toBeTruthy(),
    );
    await userEvent.selectOptions(screen.getByLabelText('Show for'), 'industry');
    await userEvent.click(screen.getByLabelText(/All companies each year/));
    await waitFor(() =>
      expect(calls.at(-1)?.variables).toMatchObject({
        companyKey: null,
        industryKey: 'bank',
        includeNonComparable: true,
        allCompanies: true,
      }),
    );
    expect(await screen.findByText('All: 10 → 12')).toBeTruthy();
  });
});
