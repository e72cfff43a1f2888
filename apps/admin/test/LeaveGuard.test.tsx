import type { Edition } from '@ksp/domain';
import { ksp24 } from '@ksp/domain/fixtures';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Link, useLocation } from 'wouter';
import { SurveyEditor } from '../src/features/editor/SurveyEditor';
import { requestNavigation } from '../src/features/editor/useLeaveGuard';
import { renderWithApp } from './render';

// With unsaved changes, following a link to another screen of the app asks first: save, discard or stay.

const draft: Edition = { ...ksp24, key: 'KSP25', year: 2025, status: 'draft', derivedFrom: 'KSP24' };
const EDITOR = '/editions/KSP25/editor';

/** A navigation made in code (like the edition picker's), asked for through the guard. */
function OtherEditionButton() {
  const [, navigate] = useLocation();
  return (
    <button type="button" onClick={() => requestNavigation('/editions/KSP26/editor', navigate)}>
      KSP26
    </button>
  );
}

function renderWithMenu(onSave = vi.fn()) {
  const view = renderWithApp(
    <>
      <nav>
        <Link href="/results">Results</Link>
        <a href="#main">Skip to content</a>
        <OtherEditionButton />
      </nav>
      <SurveyEditor edition={draft} readOnly={false} onSave={onSave} />
    </>,
    { path: EDITOR },
  );
  return { ...view, onSave };
}

/** Makes one unsaved change: the first area's English name. */
function editSomething() {
  const english = within(screen.getByRole('group', { name: 'Name' })).getByLabelText('English');
  fireEvent.change(english, { target: { value: 'Changed' } });
}

const currentPath = (location: { history?: string[] }) => location.history?.at(-1);

describe('leave guard', () => {
  it('lets a link (or a navigation in code) go when nothing is unsaved', async () => {
    const { location } = renderWithMenu();
    await userEvent.click(screen.getByRole('button', { name: 'KSP26' }));
    expect(currentPath(location)).toBe('/editions/KSP26/editor');
    await userEvent.click(screen.getByRole('link', { name: 'Results' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(currentPath(location)).toBe('/results');
  });

  it('asks before leaving with unsaved changes: Stay keeps the draft, Discard leaves', async () => {
    const user = userEvent.setup();
    const { location } = renderWithMenu();
    editSomething();
    // A jump within the page is no leaving.
    await user.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Results' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Unsaved changes' });
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Stay', 'Discard', 'Save']);
    expect(document.activeElement?.textContent).toBe('Stay');
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(currentPath(location)).toBe(EDITOR);
    expect(screen.getByText('1 unsaved changes')).toBeTruthy();

    await user.click(screen.getByRole('link', { name: 'Results' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    expect(currentPath(location)).toBe('/results');
  });

  it('holds back a navigation made in code (the edition picker) the same way', async () => {
    const user = userEvent.setup();
    const { location } = renderWithMenu();
    editSomething();
    await user.click(screen.getByRole('button', { name: 'KSP26' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    expect(currentPath(location)).toBe('/editions/KSP26/editor');
  });

  it('Save saves the draft and goes on once the save succeeded', async () => {
    const user = userEvent.setup();
    const { location, onSave } = renderWithMenu();
    editSomething();
    await user.click(screen.getByRole('link', { name: 'Results' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledOnce();
    const [saved, afterSaved] = onSave.mock.calls[0] as [Edition, () => void];
    expect(saved.areas.some((a) => a.name.en === 'Changed')).toBe(true);
    // Still here while the save runs; on success the page calls back and the navigation happens.
    expect(currentPath(location)).toBe(EDITOR);
    afterSaved();
    expect(currentPath(location)).toBe('/results');
  });

  it('speaks Norwegian by default', async () => {
    renderWithApp(
      <>
        <Link href="/results">Resultater</Link>
        <SurveyEditor edition={draft} readOnly={false} onSave={() => {}} />
      </>,
      { path: EDITOR, locale: 'nb' },
    );
    fireEvent.change(within(screen.getByRole('group', { name: 'Navn' })).getByLabelText(/Engelsk/), {
      target: { value: 'Endret' },
    });
    await userEvent.click(screen.getByRole('link', { name: 'Resultater' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Ulagrede endringer' });
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Bli', 'Forkast', 'Lagre']);
  });
});
