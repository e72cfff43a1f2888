import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EditionsList } from '../src/features/editions/EditionsList';
import { nextEditionKey } from '../src/features/editions/nextEditionKey';
import { editionSummaries } from './fixtures/sampleData';
import { renderWithApp } from './render';

const handlers = () => ({ onStartNext: vi.fn(), onPublish: vi.fn(), onClose: vi.fn() });

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
    renderWithApp(<EditionsList editions={editionSummaries} canManage {...props} />);
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Publish KSP25 – Kundeserviceprisen 2025?' });
    expect(
      within(dialog).getByText(/areas, performances, questions, answer options, points and weights/),
    ).toBeTruthy();
    expect(within(dialog).getByText('channels and waiting-time rules')).toBeTruthy();
    // The safe choice has focus first.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
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
    expect(props.onStartNext).toHaveBeenCalledWith('KSP24', 'KSP25B', 2025);
  });

  it('hides admin actions from analysts', () => {
    renderWithApp(<EditionsList editions={editionSummaries} canManage={false} {...handlers()} />);
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start next year from this' })).toBeNull();
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
