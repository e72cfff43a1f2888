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

/** The tree row labelled exactly `name` (the panel may show the same text in a field). */
const treeLabel = (name: string, level?: number) => {
  const rows = level
    ? screen.getAllByRole('treeitem').filter((item) => item.getAttribute('aria-level') === String(level))
    : [screen.getByRole('tree')];
  const label = rows
    .flatMap((row) => [...row.querySelectorAll(':scope > .tree-row .tree-label, .tree-label')])
    .find((l) => l.textContent === name);
  if (!label) throw new Error(`no tree row ${name}`);
  return label as HTMLElement;
};

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
    expect(chatKeys).toContain('new_question');
    expect(phoneKeys).not.toContain('new_question');
    const added = questionsForChannel(saved, 'chat').find((q) => q.question.key === 'new_question');
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

  it('removes a performance only after confirming, and saves without it', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    renderWithApp(<SurveyEditor edition={draft} readOnly={false} onSave={onSave} />);
    const area = [...draft.areas].sort((a, b) => a.order - b.order)[0];
    const performance = [...(area?.performances ?? [])].sort((a, b) => a.order - b.order)[0];
    const name = performance?.name.en ?? '';
    await user.click(treeLabel(name, 2));
    await user.click(screen.getByRole('button', { name: `Remove “${name}”` }));
    const dialog = screen.getByRole('alertdialog');
    expect(
      within(dialog).getByText(/Everything in it goes too: 0 performance\(s\) and 1 question/),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(treeLabel(name, 2)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: `Remove “${name}”` }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    expect(() => treeLabel(name, 2)).toThrow();
    expect(screen.getByText('1 unsaved changes')).toBeTruthy();
    // Leaving the page now asks first.
    const leave = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leave);
    expect(leave.defaultPrevented).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = onSave.mock.calls[0]?.[0] as Edition;
    expect(saved.areas.find((a) => a.key === area?.key)?.performances.map((p) => p.key)).not.toContain(
      performance?.key,
    );
  });

  it('moves the selected item with the Move down button, and an option with its ↑ button', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    renderWithApp(<SurveyEditor edition={draft} readOnly={false} onSave={onSave} />);
    const [first, second] = [...draft.areas].sort((a, b) => a.order - b.order);
    await user.click(treeLabel(first?.name.en ?? ''));
    expect(
      (screen.getByRole('button', { name: `Move “${first?.name.en}” up` }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: `Move “${first?.name.en}” down` }));
    expect(treeItemNames(1).slice(0, 2)).toEqual([second?.name.en, first?.name.en]);

    const question = draft.areas
      .flatMap((a) => a.performances)
      .flatMap((p) => p.questions)
      .find((q) => q.options.length >= 2);
    const options = [...(question?.options ?? [])].sort((a, b) => a.order - b.order);
    await user.click(treeLabel(question?.text.en ?? ''));
    await user.click(screen.getByRole('button', { name: `Move “${options[1]?.label.en}” up` }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = onSave.mock.calls[0]?.[0] as Edition;
    const savedOptions = saved.areas
      .flatMap((a) => a.performances)
      .flatMap((p) => p.questions)
      .find((q) => q.key === question?.key)?.options;
    expect(
      [...(savedOptions ?? [])]
        .sort((a, b) => a.order - b.order)
        .map((o) => o.key)
        .slice(0, 2),
    ).toEqual([options[1]?.key, options[0]?.key]);
  });

  it("edits a question's channels, critical effect, bonus and an option's points; marks a missing English label", async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    const question = draft.areas
      .flatMap((a) => a.performances)
      .flatMap((p) => p.questions)
      .find((q) => q.scored && q.options.length >= 2);
    const option = question?.options[0];
    const withoutEnglish: Edition = {
      ...draft,
      areas: draft.areas.map((a) => ({
        ...a,
        performances: a.performances.map((p) => ({
          ...p,
          questions: p.questions.map((q) =>
            q.key === question?.key
              ? {
                  ...q,
                  options: q.options.map((o) =>
                    o.key === option?.key ? { ...o, label: { nb: o.label.nb ?? 'x' } } : o,
                  ),
                }
              : q,
          ),
        })),
      })),
    };
    renderWithApp(<SurveyEditor edition={withoutEnglish} readOnly={false} onSave={onSave} />);
    await user.click(treeLabel(question?.text.en ?? ''));
    const english = screen.getByLabelText(`Option ${option?.key} (English)`);
    expect(english.className).toContain('is-missing');

    // Chat only: tick chat, untick the others.
    const box = (key: string) =>
      screen.getByRole('checkbox', { name: draft.channels.find((c) => c.key === key)?.name.en ?? key });
    if (!question?.channels.includes('chat')) await user.click(box('chat'));
    for (const channel of question?.channels ?? []) if (channel !== 'chat') await user.click(box(channel));
    await user.selectOptions(screen.getByLabelText('Critical question'), 'contact');
    await user.click(screen.getByRole('checkbox', { name: /Bonus/ }));
    const points = screen.getByLabelText(`Points for “${option?.label.nb}”`);
    fireEvent.change(points, { target: { value: '9' } });
    fireEvent.change(english, { target: { value: 'Now in English' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = (onSave.mock.calls[0]?.[0] as Edition | undefined)?.areas
      .flatMap((a) => a.performances)
      .flatMap((p) => p.questions)
      .find((q) => q.key === question?.key);
    expect(saved?.channels).toEqual(['chat']);
    expect(saved?.critical).toBe('contact');
    expect(saved?.bonus).toBe(true);
    expect(saved?.options.find((o) => o.key === option?.key)).toMatchObject({
      points: 9,
      label: { en: 'Now in English' },
    });
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
