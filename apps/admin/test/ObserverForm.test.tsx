import { type EvaluationInput, questionsForChannel, validateEvaluation } from '@ksp/domain';
import { ksp24 } from '@ksp/domain/fixtures';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ObserverForm } from '../src/features/observer/ObserverForm';
import { renderWithApp } from './render';

const companies = [
  { key: 'fjordbank', name: 'Fjordbanken', industryKey: 'bank' },
  { key: 'nordlys', name: 'Nordlys Energi', industryKey: 'energy' },
];

const renderForm = (onSubmit = vi.fn()) =>
  renderWithApp(
    <ObserverForm
      editions={[{ key: 'KSP24', name: 'KSP24' }]}
      editionKey="KSP24"
      onEditionChange={() => {}}
      edition={ksp24}
      companies={companies}
      rolePlays={[{ key: 'switch', name: 'Bytte abonnement' }]}
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
    expect(screen.getAllByText(/an answered chat contact needs its waiting time/).length).toBeGreaterThan(0);
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
    expect(validateEvaluation(ksp24, input)).toEqual([]);
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

  it('asks nothing when the contact was not answered', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(screen.getByLabelText('Channel'), 'email');
    await user.click(screen.getByLabelText('The contact was answered'));
    expect(shownQuestions()).toHaveLength(0);
    expect(screen.getByText('Not answered: the contact scores 0 and has no questions.')).toBeTruthy();
  });
});
