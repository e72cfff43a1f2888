import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ApiExplanationNode, explanationTree, localizeEffect } from '../src/adapters/explanationFromApi';
import { CompanyExplanation } from '../src/features/explain/CompanyExplanation';
import { ExplanationTree } from '../src/features/explain/ExplanationTree';
import { RankingExplanation } from '../src/features/explain/RankingExplanation';
import { en } from '../src/i18n/en';
import { interpolate } from '../src/i18n/I18nProvider';
import { nb } from '../src/i18n/nb';
import { fakeGraphql, renderWithApi } from './fakeGraphql';
import { renderWithApp } from './render';

const row = (
  fields: Partial<ApiExplanationNode> & Pick<ApiExplanationNode, 'id' | 'kind' | 'key' | 'label'>,
) => ({ parentId: null, depth: 0, counted: true, effects: [], ...fields }) as ApiExplanationNode;

// A company with one phone contact: area weights 2 and 1, an N/A question, a triggered critical question and a bonus.
const nodes: ApiExplanationNode[] = [
  row({
    id: 'c',
    kind: 'company',
    key: 'kyst',
    label: 'Kystbanken',
    score: 62.5,
    n: 2,
    effects: [{ code: 'COMPANY_EQUAL', count: 2 }],
  }),
  row({
    id: 'c/ch',
    parentId: 'c',
    depth: 1,
    kind: 'channel',
    key: 'phone',
    label: 'Telefon',
    score: 62.5,
    n: 2,
    contribution: 62.5,
    effects: [{ code: 'CHANNEL_UNANSWERED', count: 1 }],
  }),
  row({
    id: 'c/ch/k1',
    parentId: 'c/ch',
    depth: 2,
    kind: 'contact',
    key: 'K1',
    label: 'K1 (phone)',
    score: 62.5,
    status: 'weighted',
    possible: 3,
    contribution: 62.5,
    effects: [{ code: 'CONTACT_WEIGHTED', weightSum: 3 }],
  }),
  row({
    id: 'c/ch/k1/a',
    parentId: 'c/ch/k1',
    depth: 3,
    kind: 'area',
    key: 'agent',
    label: 'Kundebehandleren',
    points: 3,
    possible: 4,
    score: 75,
    weight: 2,
    contribution: 50,
  }),
  row({
    id: 'c/ch/k1/a/p',
    parentId: 'c/ch/k1/a',
    depth: 4,
    kind: 'performance',
    key: 'polite',
    label: 'Høflighet',
    points: 3,
    possible: 4,
    score: 75,
  }),
  row({
    id: 'c/ch/k1/a/p/q1',
    parentId: 'c/ch/k1/a/p',
    depth: 5,
    kind: 'question',
    key: 'q1',
    label: 'Hilste?',
    points: 3,
    possible: 4,
    status: 'answered',
    optionLabel: 'Ja, tydelig',
  }),
  row({
    id: 'c/ch/k1/a/p/q2',
    parentId: 'c/ch/k1/a/p',
    depth: 5,
    kind: 'question',
    key: 'q2',
    label: 'Navn?',
    points: 0,
    possible: 0,
    counted: false,
    status: 'notApplicable',
    effects: [{ code: 'NA_EXCLUDED', possible: 2 }],
  }),
  row({
    id: 'c/ch/k1/a/p/q3',
    parentId: 'c/ch/k1/a/p',
    depth: 5,
    kind: 'question',
    key: 'q3',
    label: 'Bonus?',
    points: 1,
    possible: 0,
    status: 'answered',
    effects: [{ code: 'BONUS', points: 1 }],
  }),
  row({
    id: 'c/ch/k1/b',
    parentId: 'c/ch/k1',
    depth: 3,
    kind: 'area',
    key: 'gdpr',
    label: 'GDPR',
    points: 0,
    possible: 2,
    score: 0,
    weight: 1,
    contribution: 0,
    effects: [{ code: 'CRITICAL_ZEROED_AREA', earned: 0 }],
  }),
  row({
    id: 'c/ch/k1/b/p/q',
    parentId: 'c/ch/k1/b',
    depth: 4,
    kind: 'question',
    key: 'gq',
    label: 'Samtykke?',
    points: 0,
    possible: 2,
    status: 'answered',
    effects: [{ code: 'CRITICAL_TRIGGERED', scope: 'area' }],
  }),
];

const t = (key: keyof typeof nb, vars?: Record<string, string | number>) => interpolate(nb[key], vars);
const tEn = (key: keyof typeof nb, vars?: Record<string, string | number>) => interpolate(en[key], vars);

describe('explanationTree', () => {
  it('rebuilds the tree from the pre-order list and raises badges from the effect codes', () => {
    const [company] = explanationTree(nodes);
    expect(company?.children[0]?.children[0]?.children.map((a) => a.key)).toEqual(['agent', 'gdpr']);
    const questions = company?.children[0]?.children[0]?.children[0]?.children[0]?.children ?? [];
    expect(questions.map((q) => [q.key, q.flags.notApplicable, q.flags.bonus])).toEqual([
      ['q1', false, false],
      ['q2', true, false],
      ['q3', false, true],
    ]);
    const critical = company?.children[0]?.children[0]?.children[1]?.children[0];
    expect(critical?.flags).toMatchObject({ critical: true, criticalTriggered: true });
    expect(company?.children[0]?.flags.unanswered).toBe(true);
  });

  it('makes orphans roots instead of dropping them', () => {
    expect(
      explanationTree([row({ id: 'x/y', parentId: 'x', kind: 'area', key: 'y', label: 'Y' })]).map(
        (r) => r.id,
      ),
    ).toEqual(['x/y']);
  });
});

describe('localizeEffect', () => {
  it('words an effect from its code and numbers in bokmål', () => {
    expect(
      localizeEffect(
        { code: 'WAITING_BAND', waitingTime: 2.5, waitUnit: 'minutes', upTo: 3, points: 1, maxPoints: 2 },
        t,
        'nb',
      ),
    ).toBe('Ventetid 2,5 minutter: intervallet til og med 3 minutter gir 1 av 2 poeng.');
    expect(localizeEffect({ code: 'CRITICAL_TRIGGERED', scope: 'contact' }, t, 'nb')).toBe(
      'Kritisk: svaret ga 0 poeng og satte kontakten til 0.',
    );
    expect(localizeEffect({ code: 'CRITICAL_CONTACTS', count: 2 }, t, 'nb')).toBe(
      '2 kontakt(er) satt til 0 av et kritisk svar.',
    );
    expect(
      localizeEffect(
        { code: 'AREA_WEIGHT', weight: 3, weightSum: 4, percentage: 40, contribution: 30 },
        t,
        'nb',
      ),
    ).toBe('Vekt 3 × 40,0 / Σ vekter 4 = 30,0 i totalen.');
    expect(
      localizeEffect({ code: 'ANSWERED_TOO_LATE', waitingTime: 7, waitUnit: 'minutes', maxWait: 5 }, t, 'nb'),
    ).toBe(
      'Besvart etter 7 minutter, over maksimal ventetid 5 minutter: regnes som ikke besvart og teller 0.',
    );
  });

  it('names the neighbour and the deciding rule of a ranking, with a signed difference', () => {
    const names = new Map([['acme', 'Acme ASA']]);
    expect(
      localizeEffect(
        { code: 'AHEAD_OF_NEIGHBOUR', companyKey: 'acme', step: 'total', difference: 1.234 },
        t,
        'nb',
        (key) => names.get(key) ?? key,
      ),
    ).toBe('Foran Acme ASA: avgjort på totalresultat (+1,23)');
    expect(localizeEffect({ code: 'INELIGIBLE_TOO_FEW_CONTACTS', count: 12, minimum: 20 }, tEn, 'en')).toBe(
      'Not eligible: 12 contacts, fewer than the 20 required.',
    );
  });
});

describe('effect messages', () => {
  // The codes of the API's committed schema: a code the API adds must get a message in both languages.
  // Tests run from apps/admin (jsdom has no file: import.meta.url).
  const schema = buildSchema(readFileSync(resolve(process.cwd(), '../api/schema.graphql'), 'utf8'));
  const codes = (schema.getType('ExplanationEffectCode') as GraphQLEnumType).getValues().map((v) => v.name);

  it('has an nb and an en message for every ExplanationEffectCode', () => {
    expect(codes.length).toBeGreaterThanOrEqual(36);
    const key = (code: string) => `explain.effect.${code}` as keyof typeof nb;
    expect(codes.filter((code) => !nb[key(code)]?.trim())).toEqual([]);
    expect(codes.filter((code) => !en[key(code)]?.trim())).toEqual([]);
  });

  it('has no message for a code the API does not send', () => {
    const known = new Set(codes.map((code) => `explain.effect.${code}`));
    expect(Object.keys(nb).filter((k) => k.startsWith('explain.effect.') && !known.has(k))).toEqual([]);
  });
});

describe('ExplanationTree', () => {
  it('opens levels with the keyboard and says which are expanded', async () => {
    renderWithApp(<ExplanationTree label="Forklaring" rows={explanationTree(nodes)} />, { locale: 'nb' });
    const tree = screen.getByRole('tree', { name: 'Forklaring' });
    const company = within(tree).getAllByRole('treeitem')[0] as HTMLElement;
    expect(company.getAttribute('aria-expanded')).toBe('true');
    // Level 1 open: the channel shows, the contact does not.
    const channel = within(tree).getByRole('treeitem', { name: /Telefon/ });
    expect(channel.getAttribute('aria-expanded')).toBe('false');
    expect(within(tree).queryByRole('treeitem', { name: /K1/ })).toBeNull();

    company.focus();
    fireEvent.keyDown(company, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(channel);
    fireEvent.keyDown(channel, { key: 'ArrowRight' });
    expect(channel.getAttribute('aria-expanded')).toBe('true');
    const contact = within(tree).getByRole('treeitem', { name: /K1/ });
    fireEvent.keyDown(channel, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(contact);
    fireEvent.keyDown(contact, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(channel);
    fireEvent.keyDown(channel, { key: 'ArrowLeft' });
    expect(channel.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows points, weights, N/A, bonus and a triggered critical answer when all is expanded', async () => {
    renderWithApp(<ExplanationTree label="Forklaring" rows={explanationTree(nodes)} />, { locale: 'nb' });
    await userEvent.click(screen.getByRole('button', { name: 'Vis alle nivåer' }));
    const q1 = screen.getByRole('treeitem', { name: /Hilste\?/ });
    expect(q1.textContent).toContain('Ja, tydelig');
    expect(q1.textContent).toContain('3 / 4');
    const na = screen.getByRole('treeitem', { name: /Navn\?/ });
    expect(within(na).getByText('Ikke relevant: spørsmålets 2 mulige poeng holdes utenfor.')).toBeTruthy();
    expect(within(na).getByText('Teller ikke')).toBeTruthy();
    expect(within(screen.getByRole('treeitem', { name: /Bonus\?/ })).getByText('Bonus')).toBeTruthy();
    expect(
      within(screen.getByRole('treeitem', { name: /Samtykke\?/ })).getByText('Kritisk utløst'),
    ).toBeTruthy();
    const agent = screen.getByRole('treeitem', { name: /Kundebehandleren/ });
    // weight 2, contribution 50,0 of the contact's 62,5
    expect(agent.querySelector('.xtree-row')?.textContent).toContain('50,0');
  });
});

describe('ExplanationTree with rows left out of the answer', () => {
  // The API's bounded answer: the company down to its contact; the contact's rows come when it is opened.
  const sliced = nodes.slice(0, 3).map((n) => (n.kind === 'contact' ? { ...n, childCount: 2 } : n));
  const below = nodes.slice(3).filter((n) => n.parentId === 'c/ch/k1' || n.parentId?.startsWith('c/ch/k1/'));

  it('loads a row’s children when it is first opened, then opens it', async () => {
    const loadChildren = vi.fn(async () => explanationTree(below));
    renderWithApp(
      <ExplanationTree
        label="Forklaring"
        rows={explanationTree(sliced)}
        openDepth={2}
        loadChildren={loadChildren}
      />,
      { locale: 'nb' },
    );
    const contact = screen.getByRole('treeitem', { name: /K1/ });
    expect(contact.getAttribute('aria-expanded')).toBe('false');
    contact.focus();
    fireEvent.keyDown(contact, { key: 'ArrowRight' });
    await vi.waitFor(() => expect(contact.getAttribute('aria-expanded')).toBe('true'));
    expect(loadChildren).toHaveBeenCalledWith('c/ch/k1');
    expect(screen.getByRole('treeitem', { name: /Kundebehandleren/ })).toBeTruthy();
    // Closed and opened again: no second load.
    fireEvent.keyDown(contact, { key: 'ArrowLeft' });
    fireEvent.keyDown(contact, { key: 'ArrowRight' });
    expect(contact.getAttribute('aria-expanded')).toBe('true');
    expect(loadChildren).toHaveBeenCalledTimes(1);
  });

  it('says so when the rows could not be loaded, and tries again when opened again', async () => {
    const loadChildren = vi
      .fn<(id: string) => Promise<ReturnType<typeof explanationTree>>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(explanationTree(below));
    renderWithApp(
      <ExplanationTree
        label="Forklaring"
        rows={explanationTree(sliced)}
        openDepth={2}
        loadChildren={loadChildren}
      />,
      { locale: 'nb' },
    );
    const contact = screen.getByRole('treeitem', { name: /K1/ });
    fireEvent.keyDown(contact, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe(nb['explain.rowsFailed']);
    expect(contact.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(contact, { key: 'Enter' });
    await vi.waitFor(() => expect(contact.getAttribute('aria-expanded')).toBe('true'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('CompanyExplanation', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads the explanation only when opened, then shows the figures and the tree', async () => {
    const { calls } = fakeGraphql({
      ExplainCompany: () => ({
        explainCompany: {
          __typename: 'CompanyExplanation',
          companyKey: 'kyst',
          name: 'Kystbanken',
          total: 62.5,
          answeredOnly: 83.3,
          headline: 75,
          n: 2,
          nAnswered: 1,
          contactWeighting: 'equal',
          nodes: nodes.map((n) => ({
            __typename: 'ExplanationNode',
            parentId: null,
            points: null,
            possible: null,
            score: null,
            weight: null,
            contribution: null,
            n: null,
            status: null,
            optionKey: null,
            optionLabel: null,
            waitingTime: null,
            shadowScore: null,
            ...n,
          })),
        },
      }),
    });
    renderWithApi(<CompanyExplanation editionKey="KSP24" companyKey="kyst" companyName="Kystbanken" />);
    expect(calls).toEqual([]);
    const toggle = screen.getByRole('button', { name: 'Show the explanation' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(await screen.findByRole('tree', { name: 'Explanation of the result of Kystbanken' })).toBeTruthy();
    expect(calls.map((c) => [c.operationName, c.variables.companyKey])).toEqual([['ExplainCompany', 'kyst']]);
    expect(screen.getByText('Every contact alike')).toBeTruthy();
    expect(screen.getByText('2 (1)')).toBeTruthy();
  });

  it('asks for the rows below a contact when it is opened', async () => {
    const asServed = (n: ApiExplanationNode) => ({
      __typename: 'ExplanationNode',
      parentId: null,
      childCount: 0,
      points: null,
      possible: null,
      score: null,
      weight: null,
      contribution: null,
      n: null,
      status: null,
      optionKey: null,
      optionLabel: null,
      waitingTime: null,
      shadowScore: null,
      ...n,
    });
    const { calls } = fakeGraphql({
      ExplainCompany: () => ({
        explainCompany: {
          __typename: 'CompanyExplanation',
          companyKey: 'kyst',
          name: 'Kystbanken',
          total: 62.5,
          answeredOnly: 83.3,
          headline: 75,
          n: 2,
          nAnswered: 1,
          contactWeighting: 'equal',
          nodes: nodes.slice(0, 3).map((n, i) => asServed({ ...n, childCount: [1, 1, 2][i] })),
        },
      }),
      ExplainCompanyRows: () => ({
        explainCompany: {
          __typename: 'CompanyExplanation',
          nodes: nodes.slice(3).map(asServed),
        },
      }),
    });
    renderWithApi(<CompanyExplanation editionKey="KSP24" companyKey="kyst" companyName="Kystbanken" />);
    await userEvent.click(screen.getByRole('button', { name: 'Show the explanation' }));
    await userEvent.click(
      within(await screen.findByRole('treeitem', { name: /Telefon/ })).getByText('Telefon'),
    );
    const contact = await screen.findByRole('treeitem', { name: /K1/ });
    await userEvent.click(within(contact).getByText('K1 (phone)'));
    await vi.waitFor(() => expect(contact.getAttribute('aria-expanded')).toBe('true'));
    expect(calls.map((c) => [c.operationName, c.variables.under])).toEqual([
      ['ExplainCompany', undefined],
      ['ExplainCompanyRows', 'c/ch/k1'],
    ]);
    expect(within(contact).getByRole('treeitem', { name: /Kundebehandleren/ })).toBeTruthy();
  });

  it('shows the API error', async () => {
    fakeGraphql({
      ExplainCompany: () => ({ explainCompany: { __typename: 'NotFoundError', message: 'No company nope' } }),
    });
    renderWithApi(<CompanyExplanation editionKey="KSP24" companyKey="nope" companyName="Nope" />);
    await userEvent.click(screen.getByRole('button', { name: 'Show the explanation' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No company nope');
  });
});

describe('RankingExplanation', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('words the ranking effects with the neighbours’ names', async () => {
    fakeGraphql({
      ExplainRankingPosition: () => ({
        explainRankingPosition: {
          __typename: 'RankingPositionExplanation',
          companyKey: 'kyst',
          name: 'Kystbanken',
          position: 2,
          industryKey: null,
          eligible: true,
          total: 62.5,
          answeredOnly: 83.3,
          headline: 75,
          winner: 'fjell',
          effects: [
            {
              code: 'BEHIND_NEIGHBOUR',
              count: null,
              minimum: null,
              total: null,
              companyKey: 'fjell',
              step: 'answeredOnly',
              difference: -0.5,
            },
            {
              code: 'AHEAD_OF_NEIGHBOUR',
              count: null,
              minimum: null,
              total: null,
              companyKey: 'dal',
              step: 'nAnswered',
              difference: 2,
            },
          ],
          company: { n: 2, nAnswered: 1, contactWeighting: 'equal', nodes: [] },
        },
      }),
    });
    renderWithApi(
      <RankingExplanation
        editionKey="KSP24"
        position={2}
        names={
          new Map([
            ['fjell', 'Fjellbanken'],
            ['dal', 'Dalbanken'],
          ])
        }
        onClose={() => {}}
      />,
    );
    expect(await screen.findByText('Behind Fjellbanken: decided by answered-only score (-0.5)')).toBeTruthy();
    expect(screen.getByText('Ahead of Dalbanken: decided by answered contacts (+2)')).toBeTruthy();
    expect(screen.getByText('Winner of the ranking: Fjellbanken')).toBeTruthy();
  });
});
