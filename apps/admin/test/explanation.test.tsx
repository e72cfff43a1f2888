import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ApiExplanationNode, explanationTree, localizeEffect } from '../src/adapters/explanationFromApi';
import { CompanyExplanation } from '../src/features/explain/CompanyExplanation';
import { ExplanationTree } from '../src/features/explain/ExplanationTree';
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
    effects: [
      'Total = mean of the contact totals, unanswered contacts counting 0, contacts without a score left out.',
    ],
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
    effects: ['1 unanswered contact(s), each counting 0.'],
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
    effects: ['Total = Σ area weight × area % / Σ weights of the scored areas with something possible (3).'],
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
    effects: ['N/A: left out of points and possible.'],
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
    effects: ['Bonus: adds its points, never adds possible points.'],
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
    effects: ['A critical answer set this area to 0.'],
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
    effects: ['Critical (area): a 0-point answer sets the area to 0. Triggered here.'],
  }),
];

const t = (key: keyof typeof nb, vars?: Record<string, string | number>) => interpolate(nb[key], vars);

describe('explanationTree', () => {
  it('rebuilds the tree from the pre-order list and recognises the rules from the effects', () => {
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
  it('puts every API sentence into bokmål with its numbers', () => {
    expect(localizeEffect('Scored by the channel’s waiting bands (waiting time 3.5).', t)).toBe(
      'Poeng etter kanalens ventetidsintervaller (ventetid 3.5).',
    );
    expect(
      localizeEffect('Critical (contact): a 0-point answer sets the contact to 0. Triggered here.', t),
    ).toBe('Kritisk: et svar med 0 poeng setter kontakten til 0. Utløst her.');
    expect(localizeEffect('2 contact(s) set to 0 by a critical answer.', t)).toBe(
      '2 kontakt(er) satt til 0 av et kritisk svar.',
    );
    expect(localizeEffect('Total = 100 × Σ earned / Σ possible over the scored areas (12).', t)).toContain(
      '(12)',
    );
  });

  it('keeps a sentence it does not know', () => {
    expect(localizeEffect('Something new.', t)).toBe('Something new.');
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
    expect(within(na).getByText('Ikke relevant: holdes utenfor både poeng og mulige poeng.')).toBeTruthy();
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

  it('shows the API error', async () => {
    fakeGraphql({
      ExplainCompany: () => ({ explainCompany: { __typename: 'NotFoundError', message: 'No company nope' } }),
    });
    renderWithApi(<CompanyExplanation editionKey="KSP24" companyKey="nope" companyName="Nope" />);
    await userEvent.click(screen.getByRole('button', { name: 'Show the explanation' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No company nope');
  });
});
