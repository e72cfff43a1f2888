import { type Edition, replaceItem } from '@ksp/domain';
import { ksp24 } from '@ksp/domain/fixtures';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditionsList } from '../src/features/editions/EditionsList';
import { fakeGraphql, renderWithApi } from './fakeGraphql';
import { apiEdition } from './fixtures/apiEdition';
import { editionSummaries } from './fixtures/sampleData';

// The publish dialog against a fake API: it loads the draft and its parent when it opens, and shows the
// domain's checks on them (errors block, missing translations do not) and the score-affecting changes.

const questions = ksp24.areas.flatMap((a) => a.performances.flatMap((p) => p.questions));
const [emptied, untranslated] = questions.filter((q) => q.type !== 'comment');
const repointed = questions.find((q) => q.scored && q.options.some((o) => (o.points ?? 0) > 0));
if (!emptied || !untranslated || !repointed) throw new Error('KSP24 fixture shape');

/** KSP25 from KSP24 with one question's text gone, one untranslated, and one option worth more. */
function draftWithProblems(): Edition {
  let draft: Edition = { ...ksp24, key: 'KSP25', year: 2025, status: 'draft', derivedFrom: 'KSP24' };
  draft = replaceItem(draft, { level: 'question', key: emptied?.key ?? '' }, (q) => ({
    ...q,
    text: { nb: '', en: '' },
  }));
  draft = replaceItem(draft, { level: 'question', key: untranslated?.key ?? '' }, (q) => ({
    ...q,
    text: { nb: q.text.nb ?? '' },
  }));
  return replaceItem(draft, { level: 'question', key: repointed?.key ?? '' }, (q) => ({
    ...q,
    options: q.options.map((o) => ((o.points ?? 0) > 0 ? { ...o, points: (o.points ?? 0) + 1 } : o)),
  }));
}

const handlers = () => ({ onCreate: vi.fn(), onPublish: vi.fn(), onClose: vi.fn() });

afterEach(() => vi.unstubAllGlobals());

async function openPublish(draft: Edition, props = handlers()) {
  const { calls } = fakeGraphql({
    EditionDefinition: ({ key }) => ({ edition: apiEdition(key === 'KSP24' ? ksp24 : draft) }),
  });
  const user = userEvent.setup();
  renderWithApi(<EditionsList editions={editionSummaries} canManage {...props} />);
  expect(calls).toHaveLength(0); // nothing loads for the list itself
  await user.click(screen.getByRole('button', { name: 'Publish' }));
  const dialog = screen.getByRole('alertdialog', { name: 'Publish KSP25 – Kundeserviceprisen 2025?' });
  return { dialog, user, calls, props };
}

describe('PublishDialog', () => {
  it('lists a blocking error, a missing translation and the score-affecting changes, and links to both comparisons', async () => {
    const { dialog, calls } = await openPublish(draftWithProblems());
    await within(dialog).findByText('1 error(s) must be fixed before the edition can be published:');
    expect(calls.map((c) => c.variables.key)).toEqual(['KSP25', 'KSP24']);

    // The error, worded from its code, where it is, linked to that question in the editor.
    const errors = within(dialog).getByText(/must be fixed/).parentElement as HTMLElement;
    const item = within(errors).getByRole('listitem');
    expect(item.textContent).toContain('The text is empty in every language. Write it in at least one.');
    const where = within(item).getByRole('link');
    expect(where.textContent).toContain(emptied?.key);
    expect(where.getAttribute('href')).toContain('/editions/KSP25/editor?item=q%3A');
    expect(within(dialog).getByRole('button', { name: 'Publish' })).toHaveProperty('disabled', true);

    // The warning does not block, and says which language is missing.
    expect(within(dialog).getByText('1 text(s) lack a translation (does not stop publishing):')).toBeTruthy();
    expect(within(dialog).getByText(/The text has no translation \(en\)/)).toBeTruthy();

    expect(within(dialog).getByText('1 change(s) against KSP24 affect scores.')).toBeTruthy();
    expect(
      within(dialog).getByRole('link', { name: 'See what changed from KSP24' }).getAttribute('href'),
    ).toBe('/editions/KSP25/changes');
    expect(
      within(dialog)
        .getByRole('link', { name: 'What-if: KSP24 scored under the rules of KSP25' })
        .getAttribute('href'),
    ).toBe('/results/what-if/KSP24?rules=KSP25');
  });

  it('publishes a draft without errors, and shows a refusal worded like the checks', async () => {
    const draft: Edition = { ...ksp24, key: 'KSP25', year: 2025, status: 'draft', derivedFrom: 'KSP24' };
    const props = handlers();
    props.onPublish.mockResolvedValue([
      { path: 'areas', code: 'AREA_REQUIRED', message: 'an edition needs at least one area' },
    ]);
    const { dialog, user } = await openPublish(draft, props);
    await within(dialog).findByText('No errors stop publishing.');
    expect(within(dialog).getByText('0 change(s) against KSP24 affect scores.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(props.onPublish).toHaveBeenCalledWith('KSP25');
    const refusal = await within(dialog).findByRole('alert');
    expect(refusal.textContent).toContain('The edition needs at least one area before it is published.');
  });

  it('says when there is no parent edition to compare with', async () => {
    const draft: Edition = { ...ksp24, key: 'KSP25', year: 2025, status: 'draft', derivedFrom: null };
    const { dialog } = await openPublish(draft);
    await within(dialog).findByText(
      'This edition was started from scratch, so there is no edition to compare it with.',
    );
    expect(within(dialog).queryByRole('link', { name: /What-if/ })).toBeNull();
  });
});
