import type { Edition, LocalizedText } from '@ksp/domain';
import { ksp24 } from '@ksp/domain/fixtures';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import { SessionProvider } from '../src/auth/session';
import EditorPage from '../src/pages/EditorPage';
import { fakeGraphql, renderWithApi } from './fakeGraphql';

// The editor page against a fake API: what it sends (versions, inputs, one mutation per change) and what it
// shows when the API refuses a save with a ConflictError.

const draft: Edition = { ...ksp24, key: 'KSP25', year: 2025, status: 'draft', derivedFrom: 'KSP24' };
const translations = (text: LocalizedText) =>
  Object.entries(text).map(([locale, value]) => ({ locale, text: value }));

/** The edition as the EditionDefinition query returns it, every item at `version`. */
function apiEdition(edition: Edition, version = 3) {
  return {
    key: edition.key,
    year: edition.year,
    name: edition.name,
    status: edition.status,
    version: 10,
    locales: edition.locales,
    derivedFrom: { key: 'KSP24' },
    scoring: edition.scoring,
    awards: edition.awards,
    channels: edition.channels.map((c) => ({
      key: c.key,
      version,
      order: c.order,
      nameTranslations: translations(c.name),
      waitUnit: c.waitUnit,
      maxWait: c.maxWait,
      maxAttempts: c.attempts.maxAttempts,
      retryOnAnotherDay: c.attempts.retryOnAnotherDay,
      lateAnswerCounts: c.attempts.lateAnswerCounts,
      weight: c.weight,
      waitingBands: c.waitingBands,
    })),
    areas: edition.areas.map((a) => ({
      key: a.key,
      version,
      order: a.order,
      counting: a.counting,
      weight: a.weight,
      nameTranslations: translations(a.name),
      descriptionTranslations: translations(a.description),
      performances: a.performances.map((p) => ({
        key: p.key,
        version,
        order: p.order,
        nameTranslations: translations(p.name),
        descriptionTranslations: translations(p.description),
        questions: p.questions.map((q) => ({
          key: q.key,
          version,
          order: q.order,
          type: q.type,
          channels: q.channels,
          scored: q.scored,
          allowNotApplicable: q.allowNotApplicable,
          required: q.required,
          cxMetric: q.cxMetric,
          critical: q.critical,
          bonus: q.bonus,
          textTranslations: translations(q.text),
          options: q.options.map((o) => ({
            key: o.key,
            version,
            order: o.order,
            points: o.points,
            value: o.value,
            labelTranslations: translations(o.label),
          })),
        })),
      })),
    })),
    participants: [],
    rolePlays: [],
  };
}

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

describe('EditorPage', () => {
  it('saves a renamed performance with the version it read, then reloads the definition', async () => {
    const { calls } = fakeGraphql({
      Editions: () => editions,
      EditionDefinition: () => ({ edition: apiEdition(draft) }),
      UpdatePerformance: () => ({
        updatePerformance: { __typename: 'Performance', key: performance.key, version: 4 },
      }),
    });
    renderEditor();
    await renamePerformance('Warm welcome');
    await screen.findByText('Saved: Warm welcome');
    const update = calls.find((c) => c.operationName === 'UpdatePerformance');
    expect(update?.variables).toMatchObject({
      editionKey: 'KSP25',
      key: performance.key,
      version: 3,
      input: { name: expect.arrayContaining([{ locale: 'en', text: 'Warm welcome' }]) },
    });
    await waitFor(() => expect(calls.filter((c) => c.operationName === 'EditionDefinition')).toHaveLength(2));
  });

  it("shows the other admin's stored performance on a conflict, sends nothing more, and reloads on request", async () => {
    const { calls } = fakeGraphql({
      Editions: () => editions,
      EditionDefinition: () => ({ edition: apiEdition(draft) }),
      UpdatePerformance: () => ({
        updatePerformance: {
          __typename: 'ConflictError',
          message:
            'Performance "KSP25/x" was changed by someone else (version 5, you sent 3). Reload and retry.',
          currentVersion: 5,
          current: { key: performance.key, version: 5, name: { nb: 'Deres navn', en: 'Their name' } },
        },
      }),
    });
    renderEditor();
    await renamePerformance('My name');
    const banner = (await screen.findByText('Someone else changed this edition')).closest(
      '[role="alert"]',
    ) as HTMLElement;
    expect(within(banner).getByText(/another admin saved version 5/)).toBeTruthy();
    const nameRow = within(banner).getByRole('rowheader', { name: 'name' }).closest('tr') as HTMLElement;
    expect(nameRow.textContent).toContain('en: Their name');
    expect(nameRow.textContent).toContain('en: My name');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect(calls.filter((c) => c.operationName.startsWith('Update'))).toHaveLength(1);

    await userEvent.click(within(banner).getByRole('button', { name: 'Load their version' }));
    await waitFor(() => expect(screen.queryByText('Someone else changed this edition')).toBeNull());
    expect(await screen.findByText('All changes saved')).toBeTruthy();
  });

  it('keeps the selected node selected when the saved definition comes back with a new version', async () => {
    let loads = 0;
    const { calls } = fakeGraphql({
      Editions: () => editions,
      // Each load is a newer stored version, so the page gives the editor a fresh start.
      EditionDefinition: () => ({ edition: { ...apiEdition(draft), version: 10 + loads++ } }),
      UpdatePerformance: () => ({
        updatePerformance: { __typename: 'Performance', key: performance.key, version: 4 },
      }),
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
      RemovePerformance: () => ({ removePerformance: { __typename: 'Area', key: area.key } }),
    });
    renderEditor();
    await user.click(await screen.findByText(performance.name.en ?? '', { selector: '.tree-label' }));
    await user.click(screen.getByRole('button', { name: `Remove “${performance.name.en}”` }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(`Removed: ${performance.name.en}`);
    expect(calls.find((c) => c.operationName === 'RemovePerformance')?.variables).toEqual({
      editionKey: 'KSP25',
      key: performance.key,
      version: 3,
    });
  });
});
