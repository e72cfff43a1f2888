import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AwardsScreen } from '../src/features/awards/AwardsScreen';
import {
  type AwardNames,
  changeSentence,
  rulesFormErrors,
  rulesInput,
} from '../src/features/awards/awardsLogic';
import { interpolate } from '../src/i18n/I18nProvider';
import { nb } from '../src/i18n/nb';
import { fakeGraphql, renderWithApi } from './fakeGraphql';

const t = (key: keyof typeof nb, vars?: Record<string, string | number>) => interpolate(nb[key], vars);
const names: AwardNames = {
  company: (key) => ({ a: 'Alfa', b: 'Beta' })[key] ?? key,
  industry: (key) => ({ bank: 'Bank' })[key] ?? key,
  channel: (key) => ({ phone: 'Telefon' })[key] ?? key,
};

describe('changeSentence', () => {
  it('says what changed between revisions in words', () => {
    expect(
      changeSentence({ kind: 'winnerChanged', award: 'industry:bank', before: 'a', after: 'b' }, names, t),
    ).toBe('Klassevinner Bank: Alfa → Beta');
    expect(
      changeSentence(
        { kind: 'positionChanged', ranking: 'overall', companyKey: 'a', before: 1, after: 2 },
        names,
        t,
      ),
    ).toBe('Alfa i Totalvinner: plass 1 → 2');
    expect(
      changeSentence({ kind: 'scoreChanged', companyKey: 'a', before: 91.23, after: 90.04 }, names, t),
    ).toBe('Alfa: totalresultat 91.2 → 90');
    expect(
      changeSentence({ kind: 'winnerChanged', award: 'channel:phone', before: 'a', after: null }, names, t),
    ).toBe('Best på Telefon: Alfa → –');
    expect(
      changeSentence(
        { kind: 'sharedWinnersChanged', award: 'overall', before: ['a', 'b'], after: ['a'] },
        names,
        t,
      ),
    ).toBe('Totalvinner: delt førsteplass Alfa, Beta → Alfa');
  });
});

describe('award rules form', () => {
  it('checks the limits and keeps non-default categories with both names', () => {
    const form = {
      minContacts: '10',
      minTotal: '55,5',
      minCompaniesPerIndustry: '0',
      minContactsPerChannel: 'x',
    };
    expect(Object.keys(rulesFormErrors(form, t)).sort()).toEqual([
      'minCompaniesPerIndustry',
      'minContactsPerChannel',
    ]);
    const ok = { ...form, minCompaniesPerIndustry: '2', minContactsPerChannel: '1' };
    expect(rulesFormErrors(ok, t)).toEqual({});
    expect(rulesInput(ok, [], true)).toEqual({
      minContacts: 10,
      minTotal: 55.5,
      minCompaniesPerIndustry: 2,
      minContactsPerChannel: 1,
    });
    expect(
      rulesInput(
        ok,
        [{ key: 'best', kind: 'bestOnChannel', channel: 'phone', nameNb: 'Best på telefon', nameEn: null }],
        false,
      ).categories,
    ).toEqual([
      {
        key: 'best',
        kind: 'bestOnChannel',
        channel: 'phone',
        name: [{ locale: 'nb', text: 'Best på telefon' }],
      },
    ]);
  });
});

const snapshot = (revision: number, reason: string | null) => ({
  __typename: 'AwardSnapshot',
  revision,
  reason,
  rulesVersion: 'KSP23@abc123',
  createdAt: `2026-01-0${revision}T10:00:00Z`,
  createdByName: 'Ada Admin',
  createdByEmail: 'admin@example.org',
  overallWinner: revision === 1 ? 'a' : 'b',
});

function api(options: { snapshots: number; status?: string; tie?: boolean; snapshotVersion?: number }) {
  const version = options.snapshotVersion ?? 2;
  // With `tie`, Alfa and Beta share first place everywhere (equal on every rule); version 1 did not record ties.
  const winners = (first: string | null) =>
    version < 2 ? null : options.tie ? ['a', 'b'] : first ? [first] : [];
  const decided = version < 2 ? null : options.tie === true;
  const entry = (companyKey: string, name: string) => ({
    __typename: 'AwardSnapshotEntry',
    position: 1,
    decidedByKeyOrder: decided,
    companyKey,
    name,
    industryKey: 'bank',
    total: 91.2,
    answeredOnly: 93,
    headline: 90,
    n: 25,
    eligible: true,
  });
  const snapshots = [snapshot(1, null), snapshot(2, 'Feil i kontakt K7')].slice(0, options.snapshots);
  return fakeGraphql({
    AwardsOverview: () => ({
      edition: {
        __typename: 'Edition',
        key: 'KSP23',
        name: 'KSP 2023',
        status: options.status ?? 'closed',
        channels: [{ __typename: 'ChannelRule', key: 'phone', name: 'Telefon' }],
      },
      industries: [{ __typename: 'Industry', key: 'bank', name: 'Bank' }],
      companies: [
        { __typename: 'Company', key: 'a', name: 'Alfa' },
        { __typename: 'Company', key: 'b', name: 'Beta' },
      ],
      awardSnapshots: { __typename: 'QueryAwardSnapshotsSuccess', data: snapshots },
      awardRules: {
        __typename: 'EditionAwardRules',
        editionKey: 'KSP23',
        status: options.status ?? 'closed',
        version: 7,
        minContacts: 10,
        minTotal: 0,
        minCompaniesPerIndustry: 3,
        minContactsPerChannel: 1,
        categoriesAreDefault: true,
        categories: [
          {
            __typename: 'AwardCategory',
            key: 'overall',
            kind: 'overall',
            channel: null,
            name: 'Totalvinner',
            nameNb: 'Totalvinner',
            nameEn: 'Overall',
          },
        ],
      },
    }),
    AwardSnapshot: (v) => ({
      awardSnapshot: {
        ...snapshot(v.revision as number, null),
        overallWinner: 'a',
        snapshotVersion: version,
        overallWinners: winners('a'),
        overallWinnerDecidedByKeyOrder: decided,
        overall: options.tie ? [entry('a', 'Alfa'), entry('b', 'Beta')] : [entry('a', 'Alfa')],
        industries: [
          {
            __typename: 'AwardSnapshotIndustry',
            industryKey: 'bank',
            winner: 'a',
            winners: winners('a'),
            winnerDecidedByKeyOrder: decided,
            winnerWithheld: null,
          },
        ],
        bestOnChannel: [
          {
            __typename: 'AwardSnapshotBestOnChannel',
            channel: 'phone',
            winner: 'a',
            winners: winners('a'),
            winnerDecidedByKeyOrder: decided,
            score: 95,
          },
        ],
      },
    }),
    AwardSnapshotDiff: () => ({
      awardSnapshotDiff: {
        __typename: 'AwardSnapshotDiff',
        fromRevision: 1,
        toRevision: 2,
        reason: 'Feil i kontakt K7',
        changes: [
          {
            __typename: 'AwardSnapshotChange',
            kind: 'winnerChanged',
            award: 'overall',
            ranking: null,
            companyKey: null,
            what: null,
            before: 'a',
            after: 'b',
          },
        ],
      },
    }),
    CorrectResults: () => ({ correctResults: { __typename: 'AwardSnapshot', revision: 3 } }),
    PublishResults: () => ({ publishResults: { __typename: 'AwardSnapshot', revision: 1 } }),
    SetAwardRules: () => ({ setAwardRules: { __typename: 'EditionAwardRules', version: 8 } }),
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('AwardsScreen', () => {
  it('lists revisions with reasons, shows the latest, and the diff between the last two', async () => {
    api({ snapshots: 2 });
    renderWithApi(<AwardsScreen editionKey="KSP23" canManage canEditRules />, { locale: 'nb' });
    const revisions = await screen.findByRole('table', { name: 'Publiserte resultater' });
    expect(within(revisions).getByText('Feil i kontakt K7')).toBeTruthy();
    expect(within(revisions).getByText('Første publisering')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Versjon 2' })).toBeTruthy();
    expect(await screen.findByText('Totalvinner: Alfa → Beta')).toBeTruthy();
    await userEvent.click(within(revisions).getByRole('button', { name: 'Vis versjon 1' }));
    expect(await screen.findByRole('heading', { name: 'Versjon 1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publiser resultatene' })).toBeNull();
    expect(screen.getByText('Reglene kan bare endres i utkast.')).toBeTruthy();
  });

  it('names every winner of a shared first place with a warning, and marks the shared places', async () => {
    api({ snapshots: 1, tie: true });
    renderWithApi(<AwardsScreen editionKey="KSP23" canManage={false} canEditRules={false} />);
    const winners = (await screen.findByText('Overall winner:')).closest('ul') as HTMLElement;
    const lines = within(winners).getAllByRole('listitem');
    expect(lines.map((li) => li.textContent)).toEqual([
      'Overall winner: Alfa and Beta Tie: shared first place',
      'Class winner Bank: Alfa and Beta Tie: shared first place',
      'Best on Telefon: Alfa and Beta (95.0) Tie: shared first place',
    ]);
    const ranking = screen.getByRole('table', { name: 'Overall ranking in revision 1' });
    expect(within(ranking).getAllByText('1 (shared)')[0]?.getAttribute('title')).toBe(
      'Shared place with Beta: equal on every ranking rule. The list order is only alphabetical by company key.',
    );
    expect(screen.getByRole('note').textContent).toMatch(/^Shared place:/);
  });

  it('a clear winner has no warning; a version 1 revision says ties were not recorded', async () => {
    api({ snapshots: 1 });
    const { unmount } = renderWithApi(
      <AwardsScreen editionKey="KSP23" canManage={false} canEditRules={false} />,
    );
    expect(await screen.findByText('Overall winner:')).toBeTruthy();
    expect(screen.queryByText('Tie: shared first place')).toBeNull();
    expect(screen.queryByText(/stored before shared places were recorded/)).toBeNull();
    unmount();
    api({ snapshots: 1, snapshotVersion: 1 });
    renderWithApi(<AwardsScreen editionKey="KSP23" canManage={false} canEditRules={false} />);
    expect(
      await screen.findByText(
        'This revision was stored before shared places were recorded; it does not show whether a place was shared.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Overall winner:').parentElement?.textContent).toBe('Overall winner: Alfa');
  });

  it('corrects only with a reason, after confirmation', async () => {
    const { calls } = api({ snapshots: 2 });
    renderWithApi(<AwardsScreen editionKey="KSP23" canManage canEditRules />);
    await userEvent.click(await screen.findByRole('button', { name: 'Correct the results' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Store the correction as revision 3?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Correct the results' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Say why the results are corrected.');
    expect(calls.some((c) => c.operationName === 'CorrectResults')).toBe(false);
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Kontakt K9 registrert feil');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Correct the results' }));
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'CorrectResults')?.variables).toEqual({
        editionKey: 'KSP23',
        reason: 'Kontakt K9 registrert feil',
      }),
    );
    expect(await screen.findByText('Revision 3 is stored.')).toBeTruthy();
  });

  it('publishes revision 1 of a closed edition without snapshots; analysts cannot', async () => {
    const { calls } = api({ snapshots: 0 });
    const { unmount } = renderWithApi(
      <AwardsScreen editionKey="KSP23" canManage={false} canEditRules={false} />,
    );
    expect(await screen.findByText('The results are not published yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publish the results' })).toBeNull();
    unmount();
    renderWithApi(<AwardsScreen editionKey="KSP23" canManage canEditRules />);
    await userEvent.click(await screen.findByRole('button', { name: 'Publish the results' }));
    await userEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Publish the results' }),
    );
    await waitFor(() => expect(calls.some((c) => c.operationName === 'PublishResults')).toBe(true));
  });

  it('edits the rules of a draft with the edition version', async () => {
    const { calls } = api({ snapshots: 0, status: 'draft' });
    renderWithApi(<AwardsScreen editionKey="KSP23" canManage canEditRules />);
    await userEvent.click(await screen.findByRole('button', { name: 'Change the rules' }));
    const minContacts = screen.getByLabelText('Minimum contacts');
    await userEvent.clear(minContacts);
    await userEvent.type(minContacts, '12');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'SetAwardRules')?.variables).toEqual({
        editionKey: 'KSP23',
        version: 7,
        input: { minContacts: 12, minTotal: 0, minCompaniesPerIndustry: 3, minContactsPerChannel: 1 },
      }),
    );
  });
});
