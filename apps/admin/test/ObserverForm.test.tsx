import {
  type EvaluationInput,
  evaluationReferences,
  questionsForChannel,
  validateEvaluation,
} from '@ksp/domain';
import { ksp24 } from '@ksp/domain/fixtures';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ObserverForm } from '../src/features/observer/ObserverForm';
import { renderWithApp } from './render';

const companies = [
  { key: 'fjordbank', name: 'Fjordbanken', industryKey: 'bank', channels: ['phone', 'chat', 'email'] },
  { key: 'nordlys', name: 'Nordlys Energi', industryKey: 'energy', channels: ['phone', 'chat'] },
];
const rolePlays = [
  { key: 'switch', name: 'Bytte abonnement', channelKey: null, industryKey: 'energy' },
  { key: 'loan', name: 'Lån', channelKey: null, industryKey: 'bank' },
];
const references = evaluationReferences({
  participants: companies.map((c) => ({
    companyKey: c.key,
    industryKey: c.industryKey,
    channels: c.channels,
  })),
  rolePlays,
});

const renderForm = (onSubmit = vi.fn()) =>
  renderWithApp(
    <ObserverForm
      editions={[{ key: 'KSP24', name: 'KSP24' }]}
      editionKey="KSP24"
      onEditionChange={() => {}}
      edition={ksp24}
      companies={companies}
      rolePlays={rolePlays}
      onSubmit={onSubmit}
      newId={() => 'eval-1'}
    />,
  );

const shownQuestions = () => screen.queryAllByRole('group').filter((g) => g.classList.contains('question'));
const shownTexts = () =>
  shownQuestions().map((g) => g.querySelector('.question-text')?.textContent?.replace(/ \*$/, ''));

describe('ObserverForm', () => {
  it('shows exactly the questions asked on the chosen channel', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(screen.getByLabelText('Channel'), 'chat');
    const asked = (channel: string) =>
      questionsForChannel(ksp24, channel)
        .filter((q) => q.question.type !== 'waitingTime')
        .map((q) => q.question.text.en);
    expect(shownTexts()).toEqual(asked('chat'));

    await user.selectOptions(screen.getByLabelText('Channel'), 'phone');
    expect(shownTexts()).toEqual(asked('phone'));
    // The channels really differ, so the form did filter.
    expect(asked('phone')).not.toEqual(asked('chat'));
  });

  it('shows the domain’s validation errors next to the questions and does not submit', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    await user.selectOptions(screen.getByLabelText('Company'), 'fjordbank');
    await user.selectOptions(screen.getByLabelText('Channel'), 'chat');
    await user.click(screen.getByRole('button', { name: 'Submit evaluation' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const summary = screen.getAllByRole('alert')[0] as HTMLElement;
    expect(within(summary).getByText(/problem\(s\) to fix before submitting/)).toBeTruthy();
    // Worded from the code in the user's language, not the domain's English message.
    expect(screen.getAllByText('Enter the waiting time.').length).toBeGreaterThan(0);
    const invalid = shownQuestions().filter((g) => g.classList.contains('is-invalid'));
    expect(invalid.length).toBeGreaterThan(0);
  });

  it('submits an input the domain accepts once every question is answered', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    await user.selectOptions(screen.getByLabelText('Company'), 'nordlys');
    await user.selectOptions(screen.getByLabelText('Channel'), 'chat');
    await user.selectOptions(screen.getByLabelText('Role play'), 'switch');
    fireEvent.change(screen.getByLabelText('Waiting time (minutes)'), { target: { value: '2' } });
    for (const group of shownQuestions()) {
      const radios = within(group).queryAllByRole('radio');
      if (radios[0]) fireEvent.click(radios[0]);
      else fireEvent.change(within(group).getByRole('textbox'), { target: { value: 'Fint' } });
    }
    await user.click(screen.getByRole('button', { name: 'Submit evaluation' }));
    expect(onSubmit).toHaveBeenCalledOnce();
    const input = onSubmit.mock.calls[0]?.[0] as EvaluationInput;
    expect(validateEvaluation(ksp24, references, input)).toEqual([]);
    expect(input).toMatchObject({
      id: 'eval-1',
      editionKey: 'KSP24',
      companyKey: 'nordlys',
      industryKey: 'energy',
      channel: 'chat',
      rolePlayKey: 'switch',
      waitingTime: 2,
    });
  });

  it('offers only the channels the company is measured on and the role plays of its industry', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(screen.getByLabelText('Company'), 'nordlys');
    const channels = within(screen.getByLabelText('Channel')).getAllByRole('option');
    expect(channels.map((o) => o.getAttribute('value')).filter(Boolean)).toEqual(['phone', 'chat']);
    const plays = within(screen.getByLabelText('Role play')).getAllByRole('option');
    expect(plays.map((o) => o.getAttribute('value')).filter(Boolean)).toEqual(['switch']);
  });

  it('records an unanswered first phone attempt on an earlier day and submits both attempts', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    await user.selectOptions(screen.getByLabelText('Company'), 'nordlys');
    await user.selectOptions(screen.getByLabelText('Channel'), 'phone');
    fireEvent.change(screen.getByLabelText('Time of contact'), { target: { value: '2024-03-05T10:00' } });
    await user.click(screen.getByRole('button', { name: 'Add an earlier attempt' }));
    fireEvent.change(screen.getByLabelText('Time of attempt 1'), { target: { value: '2024-03-04T10:00' } });
    // Phone allows two attempts in all: no third.
    expect(screen.queryByRole('button', { name: 'Add an earlier attempt' })).toBeNull();
    await user.click(screen.getByLabelText('The contact was answered'));
    await user.click(screen.getByRole('button', { name: 'Submit evaluation' }));
    expect(onSubmit).toHaveBeenCalledOnce();
    const input = onSubmit.mock.calls[0]?.[0] as EvaluationInput;
    expect(input.earlierAttempts).toEqual([
      { at: new Date('2024-03-04T10:00').toISOString(), answered: false, waitingTime: null },
    ]);
    expect(validateEvaluation(ksp24, references, input)).toEqual([]);
  });

  it('refuses a second attempt on the same day, marked at the attempt', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    await user.selectOptions(screen.getByLabelText('Company'), 'nordlys');
    await user.selectOptions(screen.getByLabelText('Channel'), 'phone');
    fireEvent.change(screen.getByLabelText('Time of contact'), { target: { value: '2024-03-05T14:00' } });
    await user.click(screen.getByRole('button', { name: 'Add an earlier attempt' }));
    fireEvent.change(screen.getByLabelText('Time of attempt 1'), { target: { value: '2024-03-05T10:00' } });
    await user.click(screen.getByLabelText('The contact was answered'));
    await user.click(screen.getByRole('button', { name: 'Submit evaluation' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(
      screen.getAllByText('The next attempt must be made on another day than attempt 1.').length,
    ).toBeGreaterThan(0);
  });

  it('says at once that a phone answer after 5 minutes counts as not answered', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(screen.getByLabelText('Company'), 'nordlys');
    await user.selectOptions(screen.getByLabelText('Channel'), 'phone');
    fireEvent.change(screen.getByLabelText('Waiting time (minutes)'), { target: { value: '7' } });
    expect(screen.getByRole('status').textContent).toContain(
      'Answered after 5 minutes: counts as not answered, and the contact scores 0.',
    );
  });

  it('asks nothing when the contact was not answered', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(screen.getByLabelText('Channel'), 'email');
    await user.click(screen.getByLabelText('The contact was answered'));
    expect(shownQuestions()).toHaveLength(0);
    expect(screen.getByText('Not answered: the contact scores 0 and has no questions.')).toBeTruthy();
  });
});
