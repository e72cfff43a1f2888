import { diffEditions } from '@ksp/domain';
import { ksp23, ksp24 } from '@ksp/domain/fixtures';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { groupChanges, namesFrom } from '../src/features/changes/groupChanges';
import { WhatChanged } from '../src/features/changes/WhatChanged';
import { renderWithApp } from './render';

const diff = diffEditions(ksp23, ksp24);
const names = namesFrom(ksp24, ksp23);

describe('WhatChanged', () => {
  it('groups the KSP23 → KSP24 changes by area with readable sentences in the chosen language', () => {
    renderWithApp(<WhatChanged diff={diff} names={names} />, { locale: 'nb' });
    const agent = screen.getByRole('region', { name: 'Kundebehandleren' });
    const sentences = within(agent)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    const moved = diff.changes.find((c) => c.kind === 'moved' && c.key === 'valued');
    expect(moved).toBeDefined();
    expect(sentences.some((s) => s.includes(moved?.summary.nb ?? '∅'))).toBe(true);
    expect(screen.getAllByText('Flyttet').length).toBeGreaterThan(0);
  });

  it('filters to the changes that affect scores', async () => {
    const user = userEvent.setup();
    renderWithApp(<WhatChanged diff={diff} names={names} />);
    const all = screen.getAllByRole('listitem').length;
    await user.click(screen.getByLabelText('Only changes that affect scores'));
    const scoring = screen.getAllByRole('listitem');
    expect(scoring.length).toBe(diff.changes.filter((c) => c.affectsScores).length);
    expect(scoring.length).toBeLessThan(all);
    for (const item of scoring) expect(within(item).getByText('Not like-for-like')).toBeTruthy();
  });

  it('groups edition-wide changes first, then per area and performance', () => {
    const groups = groupChanges([
      { ...base, areaKey: 'a', performanceKey: 'p', key: 'q1' },
      { ...base, areaKey: null, performanceKey: null, key: 'phone', level: 'channel' },
      { ...base, areaKey: 'a', performanceKey: null, key: 'a', level: 'area' },
    ]);
    expect(groups.map((g) => g.areaKey)).toEqual([null, 'a']);
    expect(groups[1]?.performances.map((p) => p.performanceKey)).toEqual([null, 'p']);
  });
});

const base = {
  level: 'question' as const,
  kind: 'renamed' as const,
  key: '',
  path: '',
  areaKey: null as string | null,
  performanceKey: null as string | null,
  before: null,
  after: null,
  summary: { nb: 'x', en: 'x' },
  affectsScores: false,
};
