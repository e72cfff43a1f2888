import type { Edition } from '@ksp/domain';
import { ksp24 } from '@ksp/domain/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import { SessionProvider } from '../src/auth/session';
import EditorPage from '../src/pages/EditorPage';
import { fakeGraphql, renderWithApi } from './fakeGraphql';
import { apiEdition } from './fixtures/apiEdition';

// The editor page against a fake API: what it sends (versions, inputs, one mutation per change) and what it
// shows when the API refuses a save with a ConflictError.

const draft: Edition = { ...ksp24, key: 'KSP25', year: 2025, status: 'draft', derivedFrom: 'KSP24' };
const editions = {
  editions: [
    {
      key: 'KSP25',
      year: 2025,
      name: 'KSP25',
      status: 'draft',
      derivedFrom: { key: 'KSP24' },
      participants: [],
    },
  ],
};
const area = [...draft.areas].sort((a, b) => a.order - b.order)[1];
const performance = [...(area?.performances ?? [])].sort((a, b) => a.order - b.order)[0];
if (!area || !performance) throw new Error('KSP24 fixture shape');

function renderEditor() {
  return renderWithApi(
    <SessionProvider initial={{ token: 'ses_test', user: { email: 'a@x.no', name: 'Anna', role: 'admin' } }}>
      <Route path="/editions/:edition/editor" component={EditorPage} />
    </SessionProvider>,
    { path: '/editions/KSP25/editor' },
  );
}

async function renamePerformance(name: string) {
  const user = userEvent.setup();
  const label = await screen.findByText(performance?.name.en ?? '', { selector: '.tree-label' });
  await user.click(label);
  const english = within(screen.getByRole('group', { name: 'Name' })).getByLabelText('English');
  await user.clear(english);
  await user.type(english, name);
  await user.click(screen.getByRole('button', { name: 'Save' }));
  return user;
}

afterEach(() => vi.unstubAllGlobals());

const applied = (count = 1) => ({
  applyDefinitionChanges: { __typename: 'DefinitionChangesApplied', applied: count, mergedChanges: [] },
});
const sentChanges = (calls: { operationName: string; variables: unknown }[]) =>
  (calls.find((c) => c.operationName === 'ApplyDefinitionChanges')?.variables as { changes: unknown[] })
    ?.changes;

describe('EditorPage', () => {
  it('saves a renamed performance in one request with the version it read, then reloads the definition', async () => {
    const { calls } = fakeGraphql({
      Editions: () => editions,
      EditionDefinition: () => ({ edition: apiEdition(draft) }),
      ApplyDefinitionChanges: () => applied(),
    });
    renderEditor();
    await renamePerformance('Warm welcome');
    await screen.findByText('Saved 1 change(s).');
    expect(calls.find((c) => c.operationName === 'ApplyDefinitionChanges')?.variables).toEqual({
      editionKey: 'KSP25',
      changes: [
        {
          updatePerformance: {
            key: performance.key,
            version: 3,
            name: [{ locale: 'en', text: 'Warm welcome' }],
          },
        },
      ],
    });
    await waitFor(() => expect(calls.filter((c) => c.operationName === 'EditionDefinition')).toHaveLength(2));
  });

  it('shows the other admin’s value of the field both changed, and saves the rest of mine on request', async () => {
    let answer: unknown = {
      applyDefinitionChanges: {
        __typename: 'DefinitionChangesRefusedError',
        message: 'Nothing was saved',
        problems: [],
        conflicts: [
          {
            changeIndex: 0,
            item: { level: 'performance', key: performance.key, questionKey: null },
            currentVersion: 5,
            fields: ['name.en'],
            current: { key: performance.key, version: 5, name: { nb: 'Deres navn', en: 'Their name' } },
          },
        ],
      },
    };
    const { calls } = fakeGraphql({
      Editions: () => editions,
      EditionDefinition: () => ({ edition: apiEdition(draft) }),
      ApplyDefinitionChanges: () => answer,
    });
    renderEditor();
    await renamePerformance('My name');
    const banner = (await screen.findByText('Someone else changed this edition')).closest(
      '[role="alert"]',
    ) as HTMLElement;
    const nameRow = within(banner).getByRole('rowheader', { name: 'name.en' }).closest('tr') as HTMLElement;
    expect(nameRow.textContent).toContain('Their name');
    expect(nameRow.textContent).toContain('My name');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);

    answer = applied(1);
    await userEvent.click(within(banner).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.operationName === 'ApplyDefinitionChanges')).toHaveLength(2),
    );
    const resent = calls.filter((c) => c.operationName === 'ApplyDefinitionChanges')[1]?.variables;
    expect(resent).toMatchObject({
      changes: [{ updatePerformance: { version: 5, name: [{ locale: 'en', text: 'My name' }] } }],
    });
    await waitFor(() => expect(screen.queryByText('Someone else changed this edition')).toBeNull());
  });

  it('shows a refused save’s problem in the user’s language, worded from its code', async () => {
    fakeGraphql({
      Editions: () => editions,
      EditionDefinition: () => ({ edition: apiEdition(draft) }),
      ApplyDefinitionChanges: () => ({
        applyDefinitionChanges: {
          __typename: 'DefinitionChangesRefusedError',
          message: 'Nothing was saved',
          conflicts: [],
          problems: [
            {
              changeIndex: 0,
              path: 'areas[1].weight',
              code: 'AREA_WEIGHT_REQUIRED',
              params: [{ name: 'key', value: area.key }],
              item: { level: 'area', key: area.key, questionKey: null },
            },
          ],
        },
      }),
    });
    renderEditor();
    await renamePerformance('Whatever');
    await screen.findByText('Nothing was saved: 1 problem(s) to fix.');
    const message = `The area ${area.key} counts in the total and needs a weight when areas are weighted.`;
    // The list names it; following it selects the area, where the weight field is marked and focused.
    await userEvent.click(screen.getByRole('button', { name: message }));
    const weight = await screen.findByRole('spinbutton', { name: 'Weight' });
    expect(weight.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(weight));
  });

  it('keeps the selected node selected when the saved definition comes back with a new version', async () => {
    let loads = 0;
    const { calls } = fakeGraphql({
      Editions: () => editions,
      // Each load is a newer stored version, so the page gives the editor a fresh start.
      EditionDefinition: () => ({ edition: { ...apiEdition(draft), version: 10 + loads++ } }),
      ApplyDefinitionChanges: () => applied(),
    });
    renderEditor();
    await renamePerformance('Warm welcome');
    await waitFor(() => expect(calls.filter((c) => c.operationName === 'EditionDefinition')).toHaveLength(2));
    const selected = await screen.findByRole('treeitem', { selected: true });
    expect(selected.getAttribute('data-node-id')).toBe(`p:${area.key}/${performance.key}`);
    expect(within(screen.getByRole('group', { name: 'Name' })).getByLabelText('English')).toBeTruthy();
  });

  it('removes a performance with its version after the confirmation', async () => {
    const user = userEvent.setup();
    const { calls } = fakeGraphql({
      Editions: () => editions,
      EditionDefinition: () => ({ edition: apiEdition(draft) }),
      ApplyDefinitionChanges: () => applied(),
    });
    renderEditor();
    await user.click(await screen.findByText(performance.name.en ?? '', { selector: '.tree-label' }));
    await user.click(screen.getByRole('button', { name: `Remove “${performance.name.en}”` }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved 1 change(s).');
    expect(sentChanges(calls)).toEqual([
      { remove: { item: { level: 'performance', key: performance.key }, version: 3 } },
    ]);
  });
});
