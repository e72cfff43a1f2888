import {
  type Database,
  type StoredAnswerRow,
  type StoredAnswers,
  type StoredCommentRow,
  type StoredComments,
  storedAnswerRows,
  storedCommentRows,
} from '@ksp/db';
import { type Attempt, contactOutcome, type WaitingBand } from '@ksp/domain';
import { builder } from '../builder';
import { isUuid } from '../node-ids';
import { answerLoaders } from './answer-loaders';
import { ContactOutcomeEnum } from './enums';
import { wrappedResultQuery } from './result-options';

builder.prismaNode('Evaluation', {
  description: 'One observer’s report of one contact with a company.',
  id: { field: 'id', description: 'Global id.' },
  // Analysts and admins see all evaluations; observers only their own.
  authScopes: (evaluation) => ({ $any: { analyst: true, self: evaluation.observerId ?? '' } }),
  fields: (t) => ({
    contactId: t.exposeString('contactId', {
      description: 'The contact’s id outside the database (unique per edition).',
    }),
    edition: t.relation('edition', { description: 'The edition.' }),
    company: t.relation('company', { description: 'The company contacted.' }),
    industry: t.relation('industry', { description: 'The industry the company competed in when contacted.' }),
    channel: t.relation('channel', { description: 'The channel used.' }),
    channelKey: t.exposeString('channelKey', { description: 'The channel’s key.' }),
    rolePlay: t.relation('rolePlay', { nullable: true, description: 'The role play acted out, if any.' }),
    observer: t.relation('observer', { nullable: true, description: 'Who made the contact.' }),
    contactedAt: t.expose('contactedAt', { type: 'DateTime', description: 'When the contact was made.' }),
    answered: t.exposeBoolean('answered', {
      description:
        'Whether the company answered the last attempt (at all: see `outcome` for whether it counts).',
    }),
    waitingTime: t.exposeFloat('waitingTime', {
      nullable: true,
      description: 'Waiting time of the last attempt in the channel’s unit (minutes or working days).',
    }),
    outcome: t.field({
      type: ContactOutcomeEnum,
      description:
        'How the channel’s waiting rule judges the contact: only answered and lateAnswerCounted are scored.',
      select: { channel: { select: { maxWait: true, waitingBands: true, lateAnswerCounts: true } } },
      resolve: (evaluation) =>
        contactOutcome(
          {
            maxWait: evaluation.channel.maxWait,
            waitingBands: evaluation.channel.waitingBands as WaitingBand[],
            attempts: { lateAnswerCounts: evaluation.channel.lateAnswerCounts },
          },
          evaluation.answered,
          evaluation.waitingTime,
        ),
    }),
    earlierAttempts: t.field({
      type: [AttemptRef],
      description:
        'The attempts before the last one, oldest first (none when the first attempt ended the contact).',
      resolve: (evaluation) => evaluation.earlierAttempts as Attempt[],
    }),
    version: t.exposeInt('version', { description: 'Optimistic-locking version; send it with updates.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
    answers: t.field({
      type: [AnswerRef],
      description: 'Answers in question order.',
      resolve: (evaluation) => storedAnswerRows(evaluation as StoredAnswers),
    }),
    comments: t.field({
      type: [AreaCommentRef],
      description: 'Comments per area.',
      resolve: (evaluation) => storedCommentRows(evaluation.areaComments as StoredComments),
    }),
  }),
});

const AttemptRef = builder.objectRef<Attempt>('Attempt');
AttemptRef.implement({
  description: 'An attempt before the one that ended a contact: it did not count as answered.',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', description: 'When it was made.', resolve: (a) => new Date(a.at) }),
    answered: t.exposeBoolean('answered', { description: 'Whether the company answered at all (late).' }),
    waitingTime: t.exposeFloat('waitingTime', {
      nullable: true,
      description: 'When answered late: the waiting time in the channel’s unit.',
    }),
  }),
});

// Answers are columns of the evaluation row (see the database's Evaluation model), not rows of their own.
const AnswerRef = builder.objectRef<StoredAnswerRow>('Answer');
AnswerRef.implement({
  description: 'The answer to one question in one evaluation.',
  fields: (t) => ({
    question: t.prismaField({
      type: 'Question',
      description: 'The question.',
      resolve: (_query, answer, _args, context) => answerLoaders(context).question.load(answer.questionId),
    }),
    option: t.prismaField({
      type: 'AnswerOption',
      nullable: true,
      description: 'The option chosen, if any.',
      resolve: (_query, answer, _args, context) =>
        answer.optionId === null ? null : answerLoaders(context).option.load(answer.optionId),
    }),
    text: t.exposeString('text', { nullable: true, description: 'Free text, for comment questions.' }),
    notApplicable: t.exposeBoolean('notApplicable', { description: 'Marked as not applicable.' }),
  }),
});

const AreaCommentRef = builder.objectRef<StoredCommentRow>('AreaComment');
AreaCommentRef.implement({
  description: 'The observer’s comment on one area.',
  fields: (t) => ({
    area: t.prismaField({
      type: 'Area',
      description: 'The area.',
      resolve: (_query, comment, _args, context) => answerLoaders(context).area.load(comment.areaId),
    }),
    text: t.exposeString('text', { description: 'The comment.' }),
  }),
});

const EvaluationFilter = builder.inputType('EvaluationFilter', {
  description: 'Which evaluations to list; all conditions must hold.',
  fields: (t) => ({
    editionKey: t.string({ description: 'Of this edition.' }),
    companyKey: t.string({ description: 'Of this company.' }),
    industryKey: t.string({ description: 'Of companies competing in this industry.' }),
    channelKey: t.string({ description: 'On this channel.' }),
    observerId: t.string({ description: 'By this observer (user id, not global id).' }),
    answered: t.boolean({ description: 'Answered (true) or not answered (false).' }),
  }),
});

builder.queryField('evaluations', (t) =>
  t.prismaConnection(
    {
      type: 'Evaluation',
      cursor: 'id',
      description: 'Evaluations, newest contact first, paginated. Observers see only their own.',
      authScopes: { observer: true },
      args: { filter: t.arg({ type: EvaluationFilter, description: 'Conditions to filter by.' }) },
      totalCount: (_connection, args, context) =>
        context.services.db.prisma.evaluation.count({ where: evaluationWhere(args.filter, context.viewer) }),
      resolve: (query, _root, args, context) =>
        context.services.db.prisma.evaluation.findMany({
          ...query,
          where: evaluationWhere(args.filter, context.viewer),
          orderBy: [{ contactedAt: 'desc' }, { id: 'asc' }],
        }),
    },
    {
      description: 'A page of evaluations.',
      // Replaces the plugin's undocumented totalCount field with the same behaviour plus a description.
      fields: (t) => ({
        totalCount: t.int({
          description: 'How many evaluations match the filter in all pages.',
          extensions: { pothosPrismaTotalCount: true },
          resolve: (connection) => (connection as { totalCount?: () => Promise<number> }).totalCount?.() ?? 0,
        }),
      }),
    },
    { description: 'An evaluation in a page.' },
  ),
);

builder.queryField('evaluation', (t) =>
  t.prismaField({
    type: 'Evaluation',
    nullable: true,
    description:
      'One evaluation by the contact id people know it by; null if there is none with that id in the edition (or it is hidden from you). Observers see only their own.',
    authScopes: { observer: true },
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition, e.g. `KSP24`.' }),
      contactId: t.arg.string({
        required: true,
        description: 'The contact’s id outside the database (Evaluation.contactId; unique per edition).',
      }),
    },
    // The same rule as `evaluations`: an observer's lookup only matches their own evaluations.
    resolve: (query, _root, args, context) =>
      context.services.db.prisma.evaluation.findFirst({
        ...wrappedResultQuery(query),
        where: {
          AND: [
            evaluationWhere({ editionKey: args.editionKey }, context.viewer),
            { contactId: args.contactId },
          ],
        },
      }),
  }),
);

type EvaluationWhere = NonNullable<
  NonNullable<Parameters<Database['prisma']['evaluation']['count']>[0]>['where']
>;

type Filter =
  | {
      editionKey?: string | null;
      companyKey?: string | null;
      industryKey?: string | null;
      channelKey?: string | null;
      observerId?: string | null;
      answered?: boolean | null;
    }
  | null
  | undefined;

function evaluationWhere(filter: Filter, viewer: { userId: string; role: string } | null): EvaluationWhere {
  return {
    ...(viewer?.role === 'observer' ? { observerId: viewer.userId } : {}),
    ...(filter?.editionKey ? { edition: { key: filter.editionKey } } : {}),
    ...(filter?.companyKey ? { company: { key: filter.companyKey } } : {}),
    ...(filter?.industryKey ? { industry: { key: filter.industryKey } } : {}),
    ...(filter?.channelKey ? { channelKey: filter.channelKey } : {}),
    // A value that is not a user id matches nobody (and must not reach the uuid column).
    ...(filter?.observerId && viewer?.role !== 'observer'
      ? isUuid(filter.observerId)
        ? { observerId: filter.observerId }
        : { id: { in: [] } }
      : {}),
    ...(filter?.answered != null ? { answered: filter.answered } : {}),
  };
}
