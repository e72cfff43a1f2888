import { type EvaluationContent, insertEvaluations, updateEvaluation, VersionMismatchError } from '@ksp/db';
import { DomainValidationError, type EvaluationInput } from '@ksp/domain';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { audit } from '../audit';
import { builder, type PothosTypes } from '../builder';
import type { Context } from '../context';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ReadOnlyEditionError,
  ValidationError,
  withApiErrors,
} from '../errors';
import { recordEvaluationsSubmitted } from '../webhooks';
import { directResultOf } from './result-options';

const AnswerInput = builder.inputType('AnswerInput', {
  description: 'The answer to one question.',
  fields: (t) => ({
    questionKey: t.string({ required: true, description: 'The question.' }),
    optionKey: t.string({ description: 'The chosen option, for choice, yes/no, scale and NPS questions.' }),
    text: t.string({ description: 'Free text, for comment questions.' }),
    notApplicable: t.boolean({ description: 'Not applicable (only where the question allows it).' }),
  }),
});

const AttemptInput = builder.inputType('AttemptInput', {
  description:
    'An attempt before the last one: made, not answered in time (no answer, or an answer after the channel’s maximum wait), so another attempt followed.',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', required: true, description: 'When the attempt was made.' }),
    answered: t.boolean({
      required: true,
      description:
        'Whether the company answered at all (after the maximum wait, or it would be the last attempt).',
    }),
    waitingTime: t.float({ description: 'When answered late: the waiting time in the channel’s unit.' }),
  }),
});

const AreaCommentInput = builder.inputType('AreaCommentInput', {
  description: 'A comment on one area.',
  fields: (t) => ({
    areaKey: t.string({ required: true, description: 'The area.' }),
    text: t.string({ required: true, description: 'The comment.' }),
  }),
});

const ContactFields = {
  channelKey: 'The channel used.',
  rolePlayKey: 'The role play acted out, if any.',
  contactedAt: 'When the contact was made.',
  answered:
    'Whether the company answered the last attempt. An answer after the channel’s maximum wait counts as not answered (the contact scores 0) unless the channel’s late answers count (Messenger: 0 waiting points).',
  waitingTime: 'Waiting time of the last attempt in the channel’s unit; omit when not answered.',
  earlierAttempts:
    'The attempts before the last one, oldest first: at most the channel’s maxAttempts − 1, on another day where the channel requires it.',
  answers: 'Every answer (only questions asked on the channel).',
  comments: 'Comments per area.',
} as const;

/** What an observer reports of a contact: the fields a new evaluation and an update share. */
const contactFields = (
  t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>, 'InputObject'>,
) => ({
  channelKey: t.string({ required: true, description: ContactFields.channelKey }),
  rolePlayKey: t.string({ description: ContactFields.rolePlayKey }),
  contactedAt: t.field({ type: 'DateTime', required: true, description: ContactFields.contactedAt }),
  answered: t.boolean({ required: true, description: ContactFields.answered }),
  waitingTime: t.float({ description: ContactFields.waitingTime }),
  earlierAttempts: t.field({
    type: [AttemptInput],
    description: ContactFields.earlierAttempts,
    extensions: { maxItems: 10 },
  }),
  answers: t.field({
    type: [AnswerInput],
    required: true,
    description: ContactFields.answers,
    // One per question of the edition, which may have a few hundred.
    extensions: { maxItems: 500 },
  }),
  comments: t.field({ type: [AreaCommentInput], description: ContactFields.comments }),
});

const SubmitEvaluationInput = builder.inputType('SubmitEvaluationInput', {
  description: 'A new evaluation: one contact with one company. Validated as a whole by the domain rules.',
  fields: (t) => ({
    editionKey: t.string({
      required: true,
      description: 'The edition (published; admins may also use drafts).',
    }),
    contactId: t.string({
      required: true,
      description: 'Your id for the contact, unique within the edition.',
    }),
    companyKey: t.string({
      required: true,
      description: 'The company contacted (it must take part in the edition).',
    }),
    ...contactFields(t),
  }),
});

const UpdateEvaluationInput = builder.inputType('UpdateEvaluationInput', {
  description: 'The new content of an evaluation (replaces answers and comments). Validated as a whole.',
  fields: (t) => ({
    ...contactFields(t),
  }),
});

type Content = {
  channelKey: string;
  rolePlayKey?: string | null;
  contactedAt: Date;
  answered: boolean;
  waitingTime?: number | null;
  earlierAttempts?: { at: Date; answered: boolean; waitingTime?: number | null }[] | null;
  answers: {
    questionKey: string;
    optionKey?: string | null;
    text?: string | null;
    notApplicable?: boolean | null;
  }[];
  comments?: { areaKey: string; text: string }[] | null;
};

/** The API's content input as the domain spells it. */
function contentOf(content: Content): EvaluationContent {
  return {
    channel: content.channelKey,
    rolePlayKey: content.rolePlayKey ?? null,
    contactedAt: content.contactedAt.toISOString(),
    answered: content.answered,
    waitingTime: content.waitingTime ?? null,
    earlierAttempts: (content.earlierAttempts ?? []).map((a) => ({
      at: a.at.toISOString(),
      answered: a.answered,
      waitingTime: a.waitingTime ?? null,
    })),
    answers: content.answers.map((a) => ({
      questionKey: a.questionKey,
      optionKey: a.optionKey ?? null,
      text: a.text ?? null,
      notApplicable: a.notApplicable ?? false,
    })),
    comments: Object.fromEntries((content.comments ?? []).map((c) => [c.areaKey, c.text])),
  };
}

function domainEvaluation(
  identity: {
    id: string;
    editionKey: string;
    companyKey: string;
    industryKey: string;
    observerKey: string | null;
  },
  content: Content,
): EvaluationInput {
  return { ...identity, ...contentOf(content) };
}

/** Stands for the industry of a company that does not take part: the evaluation check refuses the company first. */
const NO_INDUSTRY = '-';

/** Evaluation fields the mutations' inputs name differently. */
const INPUT_FIELD: Record<string, string> = { channel: 'channelKey', id: 'contactId' };

/**
 * The domain reports an evaluation's problems by its own field paths (for a batch, under `evaluations[i].`);
 * a single evaluation's mutation reports them by its input's field names.
 */
async function withInputPaths<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof DomainValidationError)) throw error;
    const issues = error.issues.map((issue) => {
      const path = issue.path.replace(/^evaluations\[0\]\./, '');
      const field = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
      return {
        ...issue,
        path: field in INPUT_FIELD ? `${INPUT_FIELD[field]}${path.slice(field.length)}` : path,
      };
    });
    throw new ValidationError(issues, error.message);
  }
}

/** Observers write into published editions only; admins and analysts also into drafts. Closed is read-only for all. */
function checkWritable(context: Context, edition: { key: string; status: string }) {
  if (edition.status === 'closed') throw new ReadOnlyEditionError(edition.key, edition.status);
  if (edition.status === 'draft' && context.viewer?.role === 'observer')
    throw new NotFoundError('Edition', edition.key);
}

builder.mutationFields((t) => ({
  submitEvaluation: t.prismaField({
    type: 'Evaluation',
    description:
      'Stores a new evaluation after validating it with the domain rules; on errors nothing is stored. Any signed-in user.',
    authScopes: { observer: true },
    errors: directResultOf('submitEvaluation', [
      NotFoundError,
      ValidationError,
      ConflictError,
      ReadOnlyEditionError,
    ]),
    args: { input: t.arg({ type: SubmitEvaluationInput, required: true, description: 'The evaluation.' }) },
    resolve: (query, _root, { input }, context) =>
      withApiErrors(async () => {
        const { db } = context.services;
        const edition = await db.prisma.edition.findUnique({
          where: { key: input.editionKey },
          select: { id: true, key: true, status: true },
        });
        if (!edition) throw new NotFoundError('Edition', input.editionKey);
        checkWritable(context, edition);
        // The industry is the one the company competes in; whether it takes part at all, on this channel, with
        // this role play, is the domain's one evaluation check (inside insertEvaluations).
        const participation = await db.prisma.companyParticipation.findFirst({
          where: { editionId: edition.id, company: { key: input.companyKey } },
          select: { industry: { select: { key: true } } },
        });
        const evaluation = domainEvaluation(
          {
            id: input.contactId,
            editionKey: input.editionKey,
            companyKey: input.companyKey,
            industryKey: participation?.industry.key ?? NO_INDUSTRY,
            observerKey: context.viewer?.email ?? null,
          },
          input,
        );
        const { skipped } = await withInputPaths(() =>
          insertEvaluations(db, input.editionKey, [evaluation], {
            onInserted: (tx, inserted) => recordEvaluationsSubmitted(tx, context, evaluation, inserted),
          }),
        );
        if (skipped.length > 0)
          throw new ConflictError(`Contact ${input.contactId} is already recorded in ${input.editionKey}.`);
        context.services.results.invalidate();
        return db.prisma.evaluation.findUniqueOrThrow({
          ...query,
          where: { editionId_contactId: { editionId: edition.id, contactId: input.contactId } },
        });
      }),
  }),

  updateEvaluation: t.prismaField({
    type: 'Evaluation',
    description:
      'Replaces an evaluation’s content after checking it. Its observer may change it until the edition closes; an admin may change any, giving a `reason`; analysts only read (ForbiddenError). Every change is audited with the evaluation before and after. Send the version you read.',
    authScopes: { observer: true },
    errors: directResultOf('updateEvaluation', [
      NotFoundError,
      ValidationError,
      ConflictError,
      ReadOnlyEditionError,
      ForbiddenError,
    ]),
    args: {
      id: t.arg.id({ required: true, description: 'The evaluation’s global id.' }),
      version: t.arg.int({ required: true, description: 'The version the change is based on.' }),
      input: t.arg({ type: UpdateEvaluationInput, required: true, description: 'The new content.' }),
      reason: t.arg.string({
        description:
          'Why it is changed: required when you are not its observer (an admin correcting an observer’s report); kept in the audit trail.',
        validate: z.string().max(1000),
      }),
    },
    resolve: (query, _root, { id, version, input, reason }, context) =>
      withApiErrors(async () => {
        const { db } = context.services;
        const decoded = (() => {
          try {
            return decodeGlobalID(String(id));
          } catch {
            return null;
          }
        })();
        if (decoded?.typename !== 'Evaluation') throw new NotFoundError('Evaluation', String(id));
        const current = await db.prisma.evaluation.findUnique({
          where: { id: decoded.id },
          select: { id: true, observerId: true, edition: { select: { key: true, status: true } } },
        });
        // Someone else's evaluation is "not found" for an observer: its existence is not theirs to know.
        if (
          !current ||
          (context.viewer?.role === 'observer' && current.observerId !== context.viewer.userId)
        ) {
          throw new NotFoundError('Evaluation', String(id));
        }
        checkWritable(context, current.edition);
        // Who may change a submitted evaluation (docs/api.md, "Changing an evaluation").
        const own = current.observerId !== null && current.observerId === context.viewer?.userId;
        if (context.viewer?.role === 'analyst' && !own)
          throw new ForbiddenError(
            'Analysts read evaluations; only their observer or an admin changes them.',
          );
        const why = reason?.trim() || null;
        if (!own && !why)
          throw new ValidationError([
            { path: 'reason', message: 'say why you change an evaluation you did not make' },
          ]);
        // Validation, the version check, the write and its audit entry (one transaction) are the data layer's.
        try {
          await withInputPaths(() =>
            updateEvaluation(
              db,
              current.id,
              version,
              contentOf(input),
              (tx, change) => audit(tx, context, change),
              why,
            ),
          );
        } catch (error) {
          // The conflict carries the evaluation as clients know it: its global id, version and last change.
          if (error instanceof VersionMismatchError)
            throw new ConflictError(
              `The evaluation was changed elsewhere (version ${error.currentVersion}). Reload and retry.`,
              error.currentVersion,
              { id: String(id), ...(error.current as object) },
            );
          throw error;
        }
        context.services.results.invalidate();
        return db.prisma.evaluation.findUniqueOrThrow({ ...query, where: { id: current.id } });
      }),
  }),
}));
