import { ksp24 } from '@ksp/domain/fixtures';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditionsList } from '../src/features/editions/EditionsList';
import { nextEditionKey } from '../src/features/editions/nextEditionKey';
import { fakeGraphql, renderWithApi } from './fakeGraphql';
import { apiEdition } from './fixtures/apiEdition';
import { editionSummaries } from './fixtures/sampleData';
import { renderWithApp } from './render';

const handlers = () => ({ onCreate: vi.fn(), onPublish: vi.fn(), onClose: vi.fn() });

afterEach(() => vi.unstubAllGlobals());

describe('EditionsList', () => {
  it('groups editions by year, newest first, with their status', () => {
    renderWithApp(<EditionsList editions={editionSummaries} canManage {...handlers()} />);
    const years = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(years).toEqual(['2025', '2024', '2023']);
    const draft = screen
      .getByRole('heading', { name: 'KSP25 – Kundeserviceprisen 2025' })
      .closest('li') as HTMLElement;
    expect(within(draft).getByText('Draft')).toBeTruthy();
  });

  it('says what becomes read-only before publishing, and publishes on confirm', async () => {
    const user = userEvent.setup();
    const props = handlers();
    // The dialog checks the draft (here KSP24's definition as KSP25) before Publish is enabled.
    fakeGraphql({
      EditionDefinition: ({ key }) => ({
        edition: apiEdition(key === 'KSP25' ? { ...ksp24, key: 'KSP25', derivedFrom: 'KSP24' } : ksp24),
      }),
    });
    renderWithApi(<EditionsList editions={editionSummaries} canManage {...props} />);
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Publish KSP25 – Kundeserviceprisen 2025?' });
    expect(
      within(dialog).getByText(/areas, performances, questions, answer options, points and weights/),
    ).toBeTruthy();
    expect(within(dialog).getByText('channels and waiting-time rules')).toBeTruthy();
    // The safe choice has focus first.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await within(dialog).findByText('No errors stop publishing.');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(props.onPublish).toHaveBeenCalledWith('KSP25');
  });

  it('closes the dialog with Escape without acting', async () => {
    const user = userEvent.setup();
    const props = handlers();
    renderWithApp(<EditionsList editions={editionSummaries} canManage {...props} />);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(props.onClose).not.toHaveBeenCalled();
  });

  it('starts next year from an edition, refusing a key that exists', async () => {
    const user = userEvent.setup();
    const props = handlers();
    renderWithApp(<EditionsList editions={editionSummaries} canManage {...props} />);
    const ksp24 = screen
      .getByRole('heading', { name: 'KSP24 – Kundeserviceprisen 2024' })
      .closest('li') as HTMLElement;
    await user.click(within(ksp24).getByRole('button', { name: 'Start next year from this' }));
    const dialog = screen.getByRole('alertdialog');
    const key = within(dialog).getByLabelText('Key of the new edition') as HTMLInputElement;
    expect(key.value).toBe('KSP25');
    expect(within(dialog).getByText('KSP25 already exists.')).toBeTruthy();
    await user.clear(key);
    await user.type(key, 'KSP25B');
    await user.click(within(dialog).getByRole('button', { name: 'Create draft' }));
    expect(props.onCreate).toHaveBeenCalledWith({
      from: 'copy',
      sourceKey: 'KSP24',
      key: 'KSP25B',
      year: 2025,
    });
  });

  it('starts an edition from scratch, which needs a name', async () => {
    const user = userEvent.setup();
    const props = handlers();
    renderWithApp(<EditionsList editions={editionSummaries} canManage {...props} />);
    await user.click(screen.getByRole('button', { name: 'New edition' }));
    const dialog = screen.getByRole('alertdialog', { name: 'New edition' });
    // The newest edition is offered as the copy; the first choice has focus.
    expect(document.activeElement).toBe(
      within(dialog).getByRole('radio', { name: 'Copy from KSP25 – Kundeserviceprisen 2025' }),
    );
    await user.click(within(dialog).getByRole('radio', { name: 'Start from scratch' }));
    expect(within(dialog).getByText('Enter a name.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Name of the new edition'), 'Pilot 2026');
    await user.click(within(dialog).getByRole('button', { name: 'Create draft' }));
    expect(props.onCreate).toHaveBeenCalledWith({
      from: 'scratch',
      key: 'KSP26',
      year: 2026,
      name: 'Pilot 2026',
    });
  });

  it('offers only a start from scratch when there are no editions', async () => {
    const user = userEvent.setup();
    renderWithApp(<EditionsList editions={[]} canManage {...handlers()} />);
    await user.click(screen.getByRole('button', { name: 'New edition' }));
    const dialog = screen.getByRole('alertdialog', { name: 'New edition' });
    const [scratch, ...others] = within(dialog).getAllByRole('radio') as HTMLInputElement[];
    expect(others).toEqual([]);
    expect(scratch?.checked && scratch.labels?.[0]?.textContent).toBe('Start from scratch');
  });

  it('hides admin actions from analysts', () => {
    renderWithApp(<EditionsList editions={editionSummaries} canManage={false} {...handlers()} />);
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start next year from this' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New edition' })).toBeNull();
  });
});

describe('nextEditionKey', () => {
  it('counts the year on in two- and four-digit keys', () => {
    expect(nextEditionKey('KSP24', 2024)).toEqual({ key: 'KSP25', year: 2025 });
    expect(nextEditionKey('KSP99', 2099)).toEqual({ key: 'KSP00', year: 2100 });
    expect(nextEditionKey('survey-2024', 2024)).toEqual({ key: 'survey-2025', year: 2025 });
    expect(nextEditionKey('pilot', 2024)).toEqual({ key: 'pilot-2025', year: 2025 });
  });
});
