import {
  byOrder,
  contactOutcome,
  type Edition,
  type EvaluationInput,
  type EvaluationRolePlay,
  evaluationReferences,
  questionsForChannel,
  textIn,
  type ValidationIssue,
  validateEvaluation,
} from '@ksp/domain';
import { useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { Button } from '../../ui/Button';
import { Checkbox, SelectField, TextField } from '../../ui/Field';
import { EmptyState } from '../../ui/StateViews';
import { AttemptsFields } from './AttemptsFields';
import {
  type AnswerState,
  answerable,
  buildEvaluation,
  emptyAnswer,
  type ObserverFormState,
} from './buildEvaluation';
import { evaluationIssueText } from './issueText';
import './ObserverForm.css';

/** A company taking part in the edition: the industry it competes in and the channels it is measured on. */
export interface CompanyOption {
  key: string;
  name: string;
  industryKey: string;
  channels: readonly string[];
}

/** A role play with the channel and industry it is written for (null = any). */
export interface RolePlayOption extends EvaluationRolePlay {
  name: string;
}

interface ObserverFormProps {
  editions: ReadonlyArray<{ key: string; name: string }>;
  editionKey: string;
  onEditionChange: (key: string) => void;
  /** The chosen edition's definition; null while it loads. */
  edition: Edition | null;
  companies: readonly CompanyOption[];
  rolePlays: readonly RolePlayOption[];
  submitting?: boolean;
  serverIssues?: readonly ValidationIssue[];
  onSubmit: (evaluation: EvaluationInput) => void;
  newId?: () => string;
}

/** A datetime-local value (`YYYY-MM-DDTHH:mm`, local time) `daysBefore` days before now. */
const localTime = (daysBefore = 0) => {
  const date = new Date(Date.now() - daysBefore * 86_400_000);
  date.setSeconds(0, 0);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * The mystery shopper's report: pick edition, company, channel and role play, record the attempts, then answer
 * exactly the questions asked on that channel. The domain's validateEvaluation decides what is valid, with the
 * same references (the company's participation, the role plays) the API checks against.
 */
export function ObserverForm({
  editions,
  editionKey,
  onEditionChange,
  edition,
  companies,
  rolePlays,
  submitting,
  serverIssues = [],
  onSubmit,
  newId = () => crypto.randomUUID(),
}: ObserverFormProps) {
  const { t, locale } = useI18n();
  const summary = useRef<HTMLDivElement>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [state, setState] = useState<ObserverFormState>({
    companyKey: '',
    industryKey: '',
    channel: '',
    rolePlayKey: '',
    contactedAt: localTime(),
    answered: true,
    waitingTime: '',
    earlierAttempts: [],
    answers: {},
    comments: {},
  });

  const references = useMemo(
    () =>
      evaluationReferences({
        participants: companies.map((c) => ({
          companyKey: c.key,
          industryKey: c.industryKey,
          channels: c.channels,
        })),
        rolePlays,
      }),
    [companies, rolePlays],
  );
  const company = companies.find((c) => c.key === state.companyKey);
  // Only the channels the company is measured on, and role plays written for its industry and the channel.
  const channels = useMemo(
    () => byOrder(edition?.channels ?? []).filter((c) => !company || company.channels.includes(c.key)),
    [edition, company],
  );
  const channel = channels.find((c) => c.key === state.channel);
  const fittingRolePlays = rolePlays.filter(
    (r) =>
      (r.industryKey === null || !company || r.industryKey === company.industryKey) &&
      (r.channelKey === null || !state.channel || r.channelKey === state.channel),
  );
  const waited = state.waitingTime === '' ? null : Number(state.waitingTime);
  const outcome = channel ? contactOutcome(channel, state.answered, waited) : null;
  // An answer after the maximum wait where late answers do not count scores 0: its questions are not owed.
  const late = outcome === 'answeredTooLate';
  const questions = useMemo(
    () => (edition && state.channel ? questionsForChannel(edition, state.channel) : []),
    [edition, state.channel],
  );
  const answerQuestions = answerable(questions);
  const timed = questions.some(({ question }) => question.type === 'waitingTime');

  const allIssues = [...issues, ...serverIssues];
  const issueFor = (questionKey: string) => {
    const index = answerQuestions.findIndex(({ question }) => question.key === questionKey);
    return allIssues.find(
      (issue) =>
        issue.path.startsWith(`answers[${index}]`) ||
        (issue.path === 'answers' && issue.params?.questionKey === questionKey),
    );
  };
  // The API names the channel `channelKey`; the domain `channel`.
  const fieldIssue = (path: string) => {
    const issue = allIssues.find((i) => i.path === path || (path === 'channel' && i.path === 'channelKey'));
    return issue && evaluationIssueText(t, issue);
  };

  const setAnswer = (key: string, patch: Partial<AnswerState>) =>
    setState((s) => ({
      ...s,
      answers: { ...s.answers, [key]: { ...(s.answers[key] ?? emptyAnswer), ...patch } },
    }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!edition) return;
    const input = buildEvaluation(
      newId(),
      edition.key,
      state,
      questions,
      channel ? channel.attempts.maxAttempts - 1 : 0,
    );
    const found = validateEvaluation(edition, references, input);
    setIssues(found);
    if (found.length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    onSubmit(input);
  };

  // Group the channel's questions under their area and performance, in survey order.
  const sections = useMemo(() => {
    const out: Array<{ area: (typeof questions)[number]['area']; items: typeof questions }> = [];
    // Waiting time is asked once at the top, so an area with nothing else to answer gets no section.
    for (const item of answerable(questions)) {
      const last = out[out.length - 1];
      if (last && last.area.key === item.area.key) last.items.push(item);
      else out.push({ area: item.area, items: [item] });
    }
    return out;
  }, [questions]);

  return (
    <form className="observer-form" onSubmit={submit} noValidate>
      {allIssues.length > 0 && (
        <div className="issues" role="alert" tabIndex={-1} ref={summary}>
          <strong>{t('observer.issuesTitle', { count: allIssues.length })}</strong>
          <ul>
            {allIssues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>{evaluationIssueText(t, issue)}</li>
            ))}
          </ul>
        </div>
      )}

      <section className="card observer-context" aria-labelledby="context-title">
        <h2 id="context-title" className="card-title">
          {t('observer.contact')}
        </h2>
        <div className="observer-grid">
          <SelectField
            label={t('observer.edition')}
            value={editionKey}
            options={editions.map((e) => ({ value: e.key, label: e.name }))}
            onChange={(event) => onEditionChange(event.target.value)}
          />
          <SelectField
            label={t('observer.company')}
            value={state.companyKey}
            placeholder={t('observer.choose')}
            error={fieldIssue('companyKey')}
            options={companies.map((c) => ({ value: c.key, label: c.name }))}
            onChange={(event) => {
              const picked = companies.find((c) => c.key === event.target.value);
              setState((s) => ({
                ...s,
                companyKey: picked?.key ?? '',
                industryKey: picked?.industryKey ?? '',
                // A channel the company is not measured on is no choice any more.
                channel: picked && !picked.channels.includes(s.channel) ? '' : s.channel,
              }));
            }}
          />
          <SelectField
            label={t('observer.channel')}
            value={state.channel}
            placeholder={t('observer.choose')}
            error={fieldIssue('channel')}
            options={channels.map((c) => ({ value: c.key, label: textIn(c.name, locale) }))}
            onChange={(event) => setState((s) => ({ ...s, channel: event.target.value }))}
          />
          <SelectField
            label={t('observer.rolePlay')}
            value={state.rolePlayKey}
            placeholder={t('observer.none')}
            error={fieldIssue('rolePlayKey')}
            options={fittingRolePlays.map((r) => ({ value: r.key, label: r.name }))}
            onChange={(event) => setState((s) => ({ ...s, rolePlayKey: event.target.value }))}
          />
          <TextField
            label={t('observer.contactedAt')}
            type="datetime-local"
            value={state.contactedAt}
            error={fieldIssue('contactedAt')}
            onChange={(event) => setState((s) => ({ ...s, contactedAt: event.target.value }))}
          />
        </div>
        {channel && channel.attempts.maxAttempts > 1 && (
          <AttemptsFields
            channel={channel}
            attempts={state.earlierAttempts}
            onChange={(earlierAttempts) => setState((s) => ({ ...s, earlierAttempts }))}
            issueAt={fieldIssue}
            newAttemptAt={() => localTime(1)}
          />
        )}
        {channel && (
          <div className="observer-grid">
            <Checkbox
              label={t('observer.answered')}
              checked={state.answered}
              onChange={(event) => setState((s) => ({ ...s, answered: event.target.checked }))}
            />
            {state.answered && timed && (
              <TextField
                label={t('observer.waitingTime', { unit: t(`waitUnit.${channel.waitUnit}`) })}
                hint={t('observer.waitingHint', {
                  max: channel.maxWait,
                  unit: t(`waitUnit.${channel.waitUnit}`),
                })}
                type="number"
                min={0}
                step="any"
                value={state.waitingTime}
                error={fieldIssue('waitingTime')}
                onChange={(event) => setState((s) => ({ ...s, waitingTime: event.target.value }))}
              />
            )}
            {(outcome === 'lateAnswerCounted' || outcome === 'answeredTooLate') && (
              <p className={late ? 'field-error' : 'muted'} role="status">
                {t(`observer.outcome.${outcome}`, {
                  maxWait: channel.maxWait,
                  unit: t(`waitUnit.${channel.waitUnit}`),
                })}
                {late ? ` ${t('observer.lateNoQuestions')}` : ''}
              </p>
            )}
          </div>
        )}
      </section>

      {!state.channel ? (
        <EmptyState title={t('observer.pickChannel')} />
      ) : !state.answered ? (
        <EmptyState title={t('observer.notAnswered')} />
      ) : (
        sections.map(({ area, items }) => (
          <section key={area.key} className="card observer-area" aria-labelledby={`area-${area.key}`}>
            <h2 id={`area-${area.key}`} className="card-title">
              {textIn(area.name, locale)}
            </h2>
            {items
              .filter(({ question }) => question.type !== 'waitingTime')
              .map(({ question, performance }) => {
                const answer = state.answers[question.key] ?? emptyAnswer;
                const issue = issueFor(question.key);
                const name = `q-${question.key}`;
                return (
                  <fieldset
                    key={question.key}
                    className={issue ? 'question is-invalid' : 'question'}
                    aria-describedby={issue ? `${name}-error` : undefined}
                  >
                    <legend>
                      <span className="question-performance">{textIn(performance.name, locale)}</span>
                      <span className="question-text">
                        {textIn(question.text, locale)}
                        {question.required && <span aria-hidden="true"> *</span>}
                      </span>
                    </legend>
                    {question.type === 'comment' ? (
                      <textarea
                        className="input"
                        aria-label={textIn(question.text, locale)}
                        value={answer.text}
                        onChange={(event) => setAnswer(question.key, { text: event.target.value })}
                      />
                    ) : (
                      <div className={question.type === 'nps' ? 'options-row nps' : 'options-row'}>
                        {byOrder(question.options).map((option) => (
                          <label key={option.key} className="option-pill">
                            <input
                              type="radio"
                              name={name}
                              checked={!answer.notApplicable && answer.optionKey === option.key}
                              onChange={() =>
                                setAnswer(question.key, { optionKey: option.key, notApplicable: false })
                              }
                            />
                            <span>{textIn(option.label, locale)}</span>
                          </label>
                        ))}
                        {question.allowNotApplicable && (
                          <label className="option-pill">
                            <input
                              type="radio"
                              name={name}
                              checked={answer.notApplicable}
                              onChange={() =>
                                setAnswer(question.key, { optionKey: null, notApplicable: true })
                              }
                            />
                            <span>{t('observer.notApplicable')}</span>
                          </label>
                        )}
                      </div>
                    )}
                    {issue && (
                      <p className="field-error" id={`${name}-error`}>
                        {evaluationIssueText(t, issue)}
                      </p>
                    )}
                  </fieldset>
                );
              })}
            <div className="field">
              <label className="field-label" htmlFor={`comment-${area.key}`}>
                {t('observer.areaComment', { area: textIn(area.name, locale) })}
              </label>
              <textarea
                id={`comment-${area.key}`}
                className="input"
                value={state.comments[area.key] ?? ''}
                onChange={(event) =>
                  setState((s) => ({ ...s, comments: { ...s.comments, [area.key]: event.target.value } }))
                }
              />
            </div>
          </section>
        ))
      )}

      <div className="observer-submit">
        <span className="muted">
          {state.channel && state.answered
            ? t('observer.questionCount', { count: answerQuestions.length })
            : ''}
        </span>
        <Button type="submit" variant="primary" busy={submitting} disabled={!edition}>
          {t('observer.submit')}
        </Button>
      </div>
    </form>
  );
}
