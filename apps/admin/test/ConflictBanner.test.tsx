import { type DraftEdit, draftEditSchema } from '@ksp/domain';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConflictBanner } from '../src/features/editor/ConflictBanner';
import { type DraftConflict, keepingMine, takingTheirs } from '../src/features/editor/draftConflict';
import { renderWithApp } from './render';

const edit = (input: unknown): DraftEdit => draftEditSchema.parse(input);

// Two edits sent on version 3: the question's nb text collided with another admin's, its en text and the
// area's weight did not (they would merge).
const conflict: DraftConflict = {
  edits: [
    edit({ kind: 'updateQuestion', key: 'q1', version: 3, text: { nb: 'Min tekst', en: 'My text' } }),
    edit({ kind: 'updateArea', key: 'a1', version: 1, weight: 2 }),
  ],
  items: [
    {
      changeIndex: 0,
      name: 'Hilste agenten?',
      currentVersion: 4,
      fields: [{ field: 'text.nb', theirs: 'Deres tekst', mine: 'Min tekst' }],
    },
  ],
};

describe('a save conflict', () => {
  it('shows their value beside mine for the fields both changed, and offers three ways on', async () => {
    const onKeepMine = vi.fn();
    const onTakeTheirs = vi.fn();
    renderWithApp(
      <ConflictBanner
        conflict={conflict}
        onKeepMine={onKeepMine}
        onTakeTheirs={onTakeTheirs}
        onReload={() => {}}
      />,
    );
    const banner = screen.getByRole('alert');
    const row = within(banner).getByRole('rowheader', { name: 'text.nb' }).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Deres tekst');
    expect(row.textContent).toContain('Min tekst');
    within(banner).getByRole('button', { name: 'Keep mine' }).click();
    expect(onKeepMine).toHaveBeenCalled();
  });

  it('keeps mine by resending on the current version', () => {
    expect(keepingMine(conflict)[0]).toMatchObject({ version: 4, text: { nb: 'Min tekst' } });
    expect(keepingMine(conflict)[1]).toEqual(conflict.edits[1]);
  });

  it('takes theirs by dropping only the fields both changed', () => {
    const resent = takingTheirs(conflict);
    expect(resent[0]).toEqual(
      edit({ kind: 'updateQuestion', key: 'q1', version: 3, text: { en: 'My text' } }),
    );
    expect(resent[1]).toEqual(conflict.edits[1]);
    const onlyThat = {
      ...conflict,
      edits: [edit({ kind: 'updateQuestion', key: 'q1', version: 3, text: { nb: 'x' } })],
    };
    expect(takingTheirs(onlyThat)).toEqual([]);
  });
});
