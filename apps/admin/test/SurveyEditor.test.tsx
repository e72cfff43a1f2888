import { type Edition, questionsForChannel } from '@ksp/domain';
import { ksp24 } from '@ksp/domain/fixtures';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SurveyEditor } from '../src/features/editor/SurveyEditor';
import { renderWithApp } from './render';

const draft: Edition = { ...ksp24, key: 'KSP25', year: 2025, status: 'draft', derivedFrom: 'KSP24' };

const treeItemNames = (level: number) =>
  screen
    .getAllByRole('treeitem')
    .filter((item) => item.getAttribute('aria-level') === String(level))
    .map((item) => item.querySelector('.tree-label')?.textContent);

describe('SurveyEditor', () => {
  it('shows areas, performances, questions and options as a tree', () => {
    renderWithApp(<SurveyEditor edition={draft} readOnly={false} onSave={() => {}} />);
    expect(screen.getByRole('tree')).toBeTruthy();
    const areas = [...draft.areas].sort((a, b) => a.order - b.order).map((a) => a.name.en);
    expect(treeItemNames(1)).toEqual(areas);
  });

  it('moves a performance down with Alt+↓ and saves the new order', async () => {
    const onSave = vi.fn();
    renderWithApp(<SurveyEditor edition={draft} readOnly={false} onSave={onSave} />);
    const area = [...draft.areas].sort((a, b) => a.order - b.order).find((a) => a.performances.length >= 2);
    if (!area) throw new Error('fixture needs an area with two performances');
    const [first, second] = [...area.performances].sort((a, b) => a.order - b.order);
    const item = screen
      .getAllByRole('treeitem')
      .filter((el) => el.getAttribute('aria-level') === '2')
      .find((el) => el.querySelector(':scope > .tree-row .tree-label')?.textContent === first?.name.en);
    if (!item) throw new Error('performance not in tree');
    item.focus();
    fireEvent.keyDown(item, { key: 'ArrowDown', altKey: true });

    expect(screen.getByText('Moved to position 2 of', { exact: false })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const saved = onSave.mock.calls[0]?.[0] as Edition;
    const performances = saved.areas.find((a) => a.key === area.key)?.performances ?? [];
    const order = [...performances].sort((a, b) => a.order - b.order).map((p) => p.key);
    expect(order.slice(0, 2)).toEqual([second?.key, first?.key]);
  });

  it('marks missing translations and counts them', async () => {
    const user = userEvent.setup();
    const area = draft.areas[0];
    if (!area) throw new Error('no area');
    const missingEn: Edition = {
      ...draft,
      areas: draft.areas.map((a) => (a.key === area.key ? { ...a, name: { nb: a.name.nb ?? 'x' } } : a)),
    };
    renderWithApp(<SurveyEditor edition={missingEn} readOnly={false} onSave={() => {}} />);
    // The toolbar and the area's tree row both report the one missing text.
    expect(screen.getAllByText('1 texts lack a translation')).toHaveLength(2);
    await user.click(screen.getAllByText(area.name.nb ?? '')[0] as HTMLElement);
    const english = screen.getAllByLabelText(/English/)[0] as HTMLInputElement;
    expect(english.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Translation missing').length).toBeGreaterThan(0);
    fireEvent.change(english, { target: { value: 'Waiting' } });
    expect(screen.queryAllByText('1 texts lack a translation')).toHaveLength(0);
    expect(english.getAttribute('aria-invalid')).toBeNull();
  });

  it('adds a question asked on chat only', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    renderWithApp(<SurveyEditor edition={draft} readOnly={false} onSave={onSave} />);
    const firstPerformance = screen
      .getAllByRole('treeitem')
      .find((el) => el.getAttribute('aria-level') === '2');
    await user.click(firstPerformance?.querySelector('.tree-row') as HTMLElement);
    await user.click(screen.getByRole('button', { name: '+ New question' }));
    const [nbText, enText] = screen.getAllByRole('textbox', { name: /Norwegian|English/ });
    fireEvent.change(nbText as HTMLElement, { target: { value: 'Tilbød agenten chat-oppfølging?' } });
    fireEvent.change(enText as HTMLElement, { target: { value: 'Did the agent offer a chat follow-up?' } });
    const channels = within(screen.getByRole('group', { name: 'Asked on channels' }));
    for (const name of ['Telephone', 'E-mail', 'Messenger']) await user.click(channels.getByLabelText(name));
    fireEvent.change(screen.getByLabelText('Points for “Yes”'), { target: { value: '2' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const saved = onSave.mock.calls[0]?.[0] as Edition;
    const chatKeys = questionsForChannel(saved, 'chat').map((q) => q.question.key);
    const phoneKeys = questionsForChannel(saved, 'phone').map((q) => q.question.key);
    expect(chatKeys).toContain('new_question_1');
    expect(phoneKeys).not.toContain('new_question_1');
    const added = questionsForChannel(saved, 'chat').find((q) => q.question.key === 'new_question_1');
    expect(added?.question.options.map((o) => o.points)).toEqual([2, 0]);
  });

  it('is read-only for a published edition', () => {
    renderWithApp(<SurveyEditor edition={ksp24} readOnly onSave={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByText('Published edition: read-only.')).toBeTruthy();
    const inputs = screen.getAllByRole('textbox') as HTMLInputElement[];
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.every((input) => input.readOnly)).toBe(true);
  });

  it('shows their version when a save conflicts and lets the user take it', async () => {
    const onUseTheirs = vi.fn();
    const theirs = { ...draft, areas: draft.areas.slice(0, 1) };
    renderWithApp(
      <SurveyEditor
        edition={draft}
        readOnly={false}
        onSave={() => {}}
        conflict={{ theirs, theirVersion: 7 }}
        onUseTheirs={onUseTheirs}
      />,
    );
    const banner = screen
      .getByText('Someone else changed this edition')
      .closest('[role="alert"]') as HTMLElement;
    expect(within(banner).getByText(/version 7/)).toBeTruthy();
    await userEvent.click(within(banner).getByRole('button', { name: 'Use their version' }));
    expect(onUseTheirs).toHaveBeenCalledOnce();
  });

  it('edits the waiting-time bands per channel', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    renderWithApp(<SurveyEditor edition={draft} readOnly={false} onSave={onSave} />);
    await user.click(screen.getByRole('tab', { name: 'Channels and waiting time' }));
    const band = screen.getByLabelText('Telephone: points of band 1') as HTMLInputElement;
    fireEvent.change(band, { target: { value: '4' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = onSave.mock.calls[0]?.[0] as Edition;
    expect(saved.channels.find((c) => c.key === 'phone')?.waitingBands[0]?.points).toBe(4);
  });
});
