import type { Edition } from '@ksp/domain';
import { ksp24 } from '@ksp/domain/fixtures';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SurveyEditor } from '../src/features/editor/SurveyEditor';
import { renderWithApp } from './render';

// An edition started from scratch has channels but no areas.
const empty: Edition = { ...ksp24, key: 'PILOT', status: 'draft', derivedFrom: null, areas: [] };

describe('SurveyEditor with no areas', () => {
  it('says the edition has no areas and adds the first one', async () => {
    const user = userEvent.setup();
    renderWithApp(<SurveyEditor edition={empty} readOnly={false} onSave={() => {}} />);
    expect(screen.getByText('The edition has no areas yet.')).toBeTruthy();
    expect(screen.queryByRole('tree')).toBeNull();
    await user.click(screen.getByRole('button', { name: '+ New area' }));
    expect(screen.getByRole('tree')).toBeTruthy();
    expect(screen.queryByText('The edition has no areas yet.')).toBeNull();
  });
});
