import { builder } from '../builder';

export const EditionStatusEnum = builder.enumType('EditionStatus', {
  description: 'Where an edition is in its life cycle.',
  values: {
    draft: { description: 'Being defined; the definition can change. Visible to analysts and admins only.' },
    published: { description: 'Open for evaluations; the definition is read-only.' },
    closed: { description: 'Finished; evaluations and definition are read-only.' },
  } as const,
});

export const WaitUnitEnum = builder.enumType('WaitUnit', {
  description: 'The unit a channel’s waiting time is measured in.',
  values: {
    minutes: { description: 'Minutes (telephone, chat, Messenger).' },
    workingDays: { description: 'Working days (e-mail).' },
  } as const,
});

export const AreaCountingEnum = builder.enumType('AreaCounting', {
  description: 'How an area counts towards the total.',
  values: {
    scored: { description: 'Counts in Totalresultat.' },
    unscored: { description: 'Reported, but not in the total.' },
    separateIndex: { description: 'Reported as its own index (e.g. CX), not in the total.' },
  } as const,
});

export const AnswerTypeEnum = builder.enumType('AnswerType', {
  description: 'The kind of answer a question takes.',
  values: {
    choice: { description: 'One of the listed options.' },
    yesNo: { description: 'Yes or no (two options).' },
    scale: { description: 'A point on a scale (options carry values).' },
    nps: { description: 'Net Promoter Score, 0–10.' },
    waitingTime: { description: 'The waiting time, scored by the channel’s waiting bands.' },
    comment: { description: 'Free text, not scored.' },
  } as const,
});

export const CxMetricEnum = builder.enumType('CxMetric', {
  description: 'A customer-experience metric a question feeds.',
  values: {
    CSAT: { description: 'Customer satisfaction, mean of 1–5.' },
    CES: { description: 'Customer effort score, mean of 1–7.' },
    NPS: { description: 'Net Promoter Score, −100…100.' },
    VES1: { description: 'Value-experience statement 1, mean of 1–7.' },
    VES2: { description: 'Value-experience statement 2, mean of 1–7.' },
  } as const,
});

export const CriticalEffectEnum = builder.enumType('CriticalEffect', {
  description: 'What a critical (failing) answer sets to zero.',
  values: {
    area: { description: 'The area’s score for that contact.' },
    contact: { description: 'The whole contact’s total.' },
  } as const,
});

export const ContactOutcomeEnum = builder.enumType('ContactOutcome', {
  description:
    'How a contact ended under its channel’s waiting rule (domain contactOutcome; docs/scoring.md, "Waiting rules"). Only answered and lateAnswerCounted contacts are scored.',
  values: {
    answered: { description: 'Answered within the channel’s maximum wait.' },
    lateAnswerCounted: {
      description:
        'Answered after the maximum wait where late answers count (Messenger): answered, 0 waiting points.',
    },
    answeredTooLate: {
      description: 'Answered after the maximum wait: counts as not answered, the contact scores 0.',
    },
    unanswered: { description: 'Not answered: the contact scores 0.' },
  } as const,
});
