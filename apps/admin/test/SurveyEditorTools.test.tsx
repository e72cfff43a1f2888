import type { Edition } from '@ksp/domain';
import { ksp24 } from '@ksp/domain/fixtures';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SurveyEditor } from '../src/features/editor/SurveyEditor';
import { renderWithApp } from './render';

// The editor's tools on the draft: undo/redo, moves between parents, channels, scoring and search.

const draft: Edition = { ...ksp24, key: 'KSP25', year: 2025, status: 'draft', derivedFrom: 'KSP24' };

const treeItem = (id: string) =>
  document.querySelector<HTMLElement>(`[role="treeitem"][data-node-id="${id}"]`);
const savedDraft = (onSave: ReturnType<typeof vi.fn>) => onSave.mock.calls.at(-1)?.[0] as Edition;
const questionIn = (edition: Edition, key: string) =>
  edition.areas
    .flatMap((area) => area.performances.map((performance) => ({ area, performance })))
    .flatMap(({ area, performance }) =>
      performance.questions.map((question) => ({ area, performance, question })),
    )
    .find(({ question }) => question.key === key);

function renderEditor() {
  const onSave = vi.fn();
  const view = renderWithApp(<SurveyEditor edition={draft} readOnly={false} onSave={onSave} />);
  return { ...view, onSave };
}

describe('SurveyEditor tools', () => {
  it('undoes and redoes draft edits with the toolbar buttons and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y outside text fields', async () => {
    const user = userEvent.setup();
    renderEditor();
    const undo = screen.getByRole('button', { name: /Undo/ }) as HTMLButtonElement;
    const redo = screen.getByRole('button', { name: /Redo/ }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    expect(redo.disabled).toBe(true);

    await user.click(
      within(treeItem('a:waiting') as HTMLElement).getAllByText('Answer and waiting time')[0] as HTMLElement,
    );
    const english = within(screen.getByRole('group', { name: 'Name' })).getByLabelText('English');
    fireEvent.change(english, { target: { value: 'Waiting' } });
    expect(screen.getByText('1 unsaved changes')).toBeTruthy();
    // In a text field Ctrl+Z is the browser's own text undo: the editor leaves it alone.
    expect(fireEvent.keyDown(english, { key: 'z', ctrlKey: true })).toBe(true);
    expect((english as HTMLInputElement).value).toBe('Waiting');

    await user.click(undo);
    expect((english as HTMLInputElement).value).toBe('Answer and waiting time');
    expect(screen.getByText('All changes saved')).toBeTruthy();
    expect(undo.disabled).toBe(true);
    await user.click(redo);
    expect((english as HTMLInputElement).value).toBe('Waiting');

    // Elsewhere in the editor (here the tree) the keys undo and redo the draft.
    const item = treeItem('a:waiting') as HTMLElement;
    item.focus();
    expect(fireEvent.keyDown(item, { key: 'z', ctrlKey: true })).toBe(false);
    expect((english as HTMLInputElement).value).toBe('Answer and waiting time');
    fireEvent.keyDown(item, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect((english as HTMLInputElement).value).toBe('Waiting');
    fireEvent.keyDown(item, { key: 'z', ctrlKey: true });
    fireEvent.keyDown(item, { key: 'y', ctrlKey: true });
    expect((english as HTMLInputElement).value).toBe('Waiting');
  });

  it('moves a question to another performance with the keyboard (Move to…), keeps it selected and focused, and saves it there', async () => {
    const user = userEvent.setup();
    const { onSave } = renderEditor();
    await user.click(
      treeItem('q:agent/listening/agent_listening')?.querySelector('.tree-row') as HTMLElement,
    );
    await user.click(
      screen.getByRole('button', {
        name: 'Move “Did you feel the agent listened well to what you said?” to…',
      }),
    );
    const dialog = screen.getByRole('alertdialog', { name: /Move “Did you feel the agent listened/ });
    const target = within(dialog).getByLabelText('New place') as HTMLSelectElement;
    expect(document.activeElement).toBe(target);
    // Every performance but its own, under its area.
    expect([...target.options].map((o) => o.value)).not.toContain('p:agent/listening');
    expect(within(target).getByRole('group', { name: 'Overall impression' })).toBeTruthy();
    await user.selectOptions(target, 'p:overall/efficient_dialogue');
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));

    const moved = treeItem('q:overall/efficient_dialogue/agent_listening') as HTMLElement;
    expect(moved.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(moved));
    expect(treeItem('q:agent/listening/agent_listening')).toBeNull();
    expect(screen.getByText('Moved to “Efficient dialogue”.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = questionIn(savedDraft(onSave), 'agent_listening');
    expect(saved?.performance.key).toBe('efficient_dialogue');
    expect(saved?.performance.questions.map((q) => [q.key, q.order])).toEqual([
      ['overall_efficient', 0],
      ['agent_listening', 1],
    ]);
    // Undo takes it back, and the selection follows it.
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    expect(treeItem('q:agent/listening/agent_listening')?.getAttribute('aria-selected')).toBe('true');
  });

  it('moves a performance into another area by drag and drop', () => {
    const { onSave } = renderEditor();
    const row = (id: string) => treeItem(id)?.querySelector('.tree-row') as HTMLElement;
    const dataTransfer = { setData: () => {}, effectAllowed: '' };
    fireEvent.dragStart(row('p:waiting/call_back'), { dataTransfer });
    fireEvent.dragOver(row('p:overall/referral'), { dataTransfer });
    fireEvent.drop(row('p:overall/referral'), { dataTransfer });
    expect(treeItem('p:overall/call_back')?.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const overall = savedDraft(onSave).areas.find((a) => a.key === 'overall');
    const keys = [...(overall?.performances ?? [])].sort((a, b) => a.order - b.order).map((p) => p.key);
    expect(keys.indexOf('call_back')).toBe(keys.indexOf('referral') - 1);
    expect(
      savedDraft(onSave)
        .areas.find((a) => a.key === 'waiting')
        ?.performances.map((p) => p.key),
    ).toEqual(['waiting_time']);
  });

  it('deletes a waiting band (never the last one) and reorders channels', async () => {
    const user = userEvent.setup();
    const { onSave } = renderEditor();
    await user.click(screen.getByRole('tab', { name: 'Channels and waiting time' }));
    const bands = draft.channels.find((c) => c.key === 'phone')?.waitingBands ?? [];
    await user.click(screen.getByRole('button', { name: 'Telephone: remove band 2' }));
    expect(screen.queryByLabelText('Telephone: points of band 4')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Move “Chat” up' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = savedDraft(onSave);
    expect(saved.channels.find((c) => c.key === 'phone')?.waitingBands).toEqual([
      bands[0],
      bands[2],
      bands[3],
    ]);
    expect([...saved.channels].sort((a, b) => a.order - b.order).map((c) => c.key)).toEqual([
      'phone',
      'chat',
      'email',
      'messenger',
    ]);
    for (const n of [1, 2])
      await user.click(screen.getByRole('button', { name: 'Telephone: remove band 1' }));
    expect(
      (screen.getByRole('button', { name: 'Telephone: remove band 1' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('adds a channel and removes one, taking it off every question', async () => {
    const user = userEvent.setup();
    const { onSave } = renderEditor();
    await user.click(screen.getByRole('tab', { name: 'Channels and waiting time' }));
    await user.click(screen.getByRole('button', { name: '+ New channel' }));
    let dialog = screen.getByRole('alertdialog', { name: 'New channel' });
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(within(dialog).getByText('Give the channel a name.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Name (Norwegian)'), 'Videosamtale');
    await user.type(within(dialog).getByLabelText('Name (English)'), 'Video call');
    expect((within(dialog).getByLabelText('Key') as HTMLInputElement).value).toBe('videosamtale');
    await user.type(within(dialog).getByLabelText('Maximum wait (minutes)', { exact: false }), '5');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('region', { name: 'Video call' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Remove the channel “Chat”' }));
    dialog = screen.getByRole('alertdialog', { name: 'Remove the channel “Chat”?' });
    const onChat = draft.areas
      .flatMap((a) => a.performances)
      .flatMap((p) => p.questions)
      .filter((q) => q.channels.includes('chat')).length;
    expect(within(dialog).getByText(new RegExp(`taken off the ${onChat} question`))).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(screen.queryByRole('region', { name: 'Chat' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = savedDraft(onSave);
    expect(saved.channels.map((c) => c.key)).not.toContain('chat');
    expect(saved.channels.find((c) => c.key === 'videosamtale')).toMatchObject({
      name: { nb: 'Videosamtale', en: 'Video call' },
      waitUnit: 'minutes',
      maxWait: 5,
      waitingBands: [{ upTo: 5, points: 0 }],
    });
    const questions = saved.areas.flatMap((a) => a.performances).flatMap((p) => p.questions);
    expect(questions.some((q) => q.channels.includes('chat'))).toBe(false);
  });

  it('edits the scoring rules on the Scoring tab', async () => {
    const user = userEvent.setup();
    const { onSave } = renderEditor();
    await user.click(screen.getByRole('tab', { name: 'Scoring' }));
    const pooled = screen.getByRole('radio', { name: 'Pooled points' });
    expect(pooled.getAttribute('aria-describedby')).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Weighted by area' }) as HTMLInputElement).checked).toBe(true);
    await user.click(pooled);
    await user.click(screen.getByRole('radio', { name: 'Weighted by channel' }));
    await user.selectOptions(screen.getByLabelText('Area shown beside the total'), '');
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    expect((screen.getByLabelText('Area shown beside the total') as HTMLSelectElement).value).toBe('agent');
    await user.selectOptions(screen.getByLabelText('Area shown beside the total'), 'welcome');
    // Weighing by channel needs a weight on every channel: the domain's check says so until they have one.
    expect(
      screen.getAllByText(/needs a weight when contacts are weighted by channel/).length,
    ).toBeGreaterThan(0);
    await user.click(screen.getByRole('radio', { name: 'Every contact alike' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(savedDraft(onSave).scoring).toEqual({
      areaWeighting: 'points',
      contactWeighting: 'equal',
      headlineAreaKey: 'welcome',
    });
  });

  it('filters the tree by text in any locale or key, and Escape clears the search', async () => {
    const user = userEvent.setup();
    renderEditor();
    const search = screen.getByRole('searchbox', { name: 'Search the tree' });
    const all = screen.getAllByRole('treeitem').length;
    await user.type(search, 'velkomst'); // bokmål text, while the UI is in English
    const shown = screen.getAllByRole('treeitem').map((item) => item.getAttribute('data-node-id'));
    expect(shown).toContain('a:welcome');
    expect(shown.every((id) => id?.startsWith('a:welcome') || id?.includes(':welcome/'))).toBe(true);
    expect(screen.getByText(/\d+ matches/)).toBeTruthy();
    expect(document.querySelectorAll('mark.search-hit').length).toBeGreaterThan(0);

    await user.clear(search);
    await user.type(search, 'agent_listening');
    expect(screen.getByText('1 matches')).toBeTruthy();
    expect(
      screen
        .getAllByRole('treeitem')
        .map((item) => item.getAttribute('data-node-id'))
        .filter((id) => !id?.startsWith('o:')),
    ).toEqual(['a:agent', 'p:agent/listening', 'q:agent/listening/agent_listening']);
    await user.keyboard('{Escape}');
    expect((search as HTMLInputElement).value).toBe('');
    expect(screen.getAllByRole('treeitem')).toHaveLength(all);
  });

  it('marks a question whose text is empty in every locale', async () => {
    const user = userEvent.setup();
    renderEditor();
    await user.click(
      treeItem('q:agent/listening/agent_listening')?.querySelector('.tree-row') as HTMLElement,
    );
    const text = within(screen.getByRole('group', { name: 'Question text' }));
    fireEvent.change(text.getByLabelText(/Norwegian/), { target: { value: '' } });
    expect(text.queryByText('The text is empty in every language. Write it in at least one.')).toBeNull();
    fireEvent.change(text.getByLabelText(/English/), { target: { value: '' } });
    expect(text.getByText('The text is empty in every language. Write it in at least one.')).toBeTruthy();
    expect(text.getByLabelText(/Norwegian/).getAttribute('aria-invalid')).toBe('true');
  });
});
