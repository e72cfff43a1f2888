import { listParticipants, loadEdition, loadEvaluations } from '@ksp/db';
import {
  type ContactExplanation,
  compileEdition,
  EXPLANATION_MAX_DEPTH,
  EXPLANATION_SLICE_MAX_ROWS,
  explainCompany,
  explainContact,
  explainRankingPosition,
  explanationSlice,
  type NeighbourComparison,
  type RankingPositionExplanation,
} from '@ksp/domain';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { builder } from '../builder';
import type { Context } from '../context';
import { type FieldError, ForbiddenError, NotFoundError, ValidationError, withApiErrors } from '../errors';
import { heavyWork } from '../heavy-work';
import { isUuid } from '../node-ids';
import { ContactOutcomeEnum } from './enums';
import { ExplanationEffectType, TieBreakStepEnum } from './explanation-effect';
import {
  type CompanyExplanationWithTree,
  companyTree,
  contactTree,
  type ExplanationNode,
} from './explanation-tree';
import { localeArgs, localizedIn } from './localized-text';
import { directResultOf } from './result-options';
import { editionNotFound } from './year-over-year';

const ExplanationNodeKindEnum = builder.enumType('ExplanationNodeKind', {
  description: 'The level of a row in a score explanation.',
  values: {
    company: { description: 'A company’s Totalresultat.' },
    channel: { description: 'A channel of the company.' },
    contact: { description: 'One contact (evaluation).' },
    area: { description: 'An area in one contact.' },
    performance: { description: 'A performance in one contact.' },
    question: { description: 'A question’s answer in one contact.' },
  } as const,
});

const NODES_DESCRIPTION = `Rows in pre-order (parents first; rebuild the tree with parentId), in bounded slices: the root (or, with \`under\`, the rows below that row) and as many whole levels below it as fit in ${EXPLANATION_SLICE_MAX_ROWS} rows, but always its children (domain explanationSlice). A row whose \`childCount\` is above the rows given below it is opened with \`nodes(under: its id)\`.`;

/** The arguments of a slice of an explanation tree. */
const sliceArgs = builder.args((t) => ({
  under: t.string({
    description:
      'A row’s id: the rows below it (not the row itself). Omitted: the root and the rows below it.',
    validate: z.string().max(2000),
  }),
  depth: t.int({
    description: `Levels below the starting row at most (1 = its children, ${EXPLANATION_MAX_DEPTH} = the deepest). Omitted: as many as fit.`,
    validate: z.number().int().min(1).max(EXPLANATION_MAX_DEPTH),
  }),
}));

function slice(
  root: ExplanationNode,
  args: { under?: string | null; depth?: number | null },
): ExplanationNode[] {
  const rows = explanationSlice(root, args);
  if (!rows) throw new NotFoundError('Explanation row', args.under ?? '');
  return rows;
}

const ExplanationNodeType = builder.objectRef<ExplanationNode>('ExplanationNode');
ExplanationNodeType.implement({
  description:
    'One row of a score explanation (answer → points/possible → question → performance → area → contact → channel → company). Numbers are the domain scorer’s; percentages 0–100.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Path-like id, unique within the explanation.' }),
    parentId: t.exposeString('parentId', {
      nullable: true,
      description: 'The parent row’s id; null for the root.',
    }),
    depth: t.exposeInt('depth', { description: '0 for the root.' }),
    kind: t.field({ type: ExplanationNodeKindEnum, description: 'The level.', resolve: (n) => n.kind }),
    key: t.exposeString('key', {
      description: 'Company, channel, contact id, area, performance or question key.',
    }),
    label: t.string({
      args: localeArgs,
      description: 'Name or question text in the wanted language.',
      resolve: (n, args) => localizedIn(n.label, args.locale),
    }),
    points: t.exposeFloat('points', {
      nullable: true,
      description: 'Points earned (before critical zeroing for questions).',
    }),
    possible: t.exposeFloat('possible', {
      nullable: true,
      description:
        'Points possible (0 for bonus, unscored, N/A and unasked questions). On a contact: the denominator of its total (Σ weights or Σ possible).',
    }),
    score: t.exposeFloat('score', { nullable: true, description: 'The percentage / total of this row.' }),
    weight: t.exposeFloat('weight', {
      nullable: true,
      description: 'Area weight, or channel weight when channels are weighed.',
    }),
    contribution: t.exposeFloat('contribution', {
      nullable: true,
      description:
        'What the row adds to its parent’s total (areas → contact; contacts and channels → company).',
    }),
    counted: t.exposeBoolean('counted', { description: 'Whether the row feeds its parent’s score.' }),
    n: t.exposeInt('n', { nullable: true, description: 'Contacts behind a company or channel row.' }),
    status: t.exposeString('status', {
      nullable: true,
      description:
        'Questions: answered, waitingTime, notApplicable, notAnswered, contactUnanswered. Contacts: weighted, points, unanswered, criticalContact, nothingScorable.',
    }),
    optionKey: t.exposeString('optionKey', { nullable: true, description: 'The chosen option.' }),
    optionLabel: t.string({
      nullable: true,
      args: localeArgs,
      description: 'The chosen option’s label.',
      resolve: (n, args) => (n.optionLabel ? localizedIn(n.optionLabel, args.locale) : null),
    }),
    waitingTime: t.exposeFloat('waitingTime', {
      nullable: true,
      description: 'The waiting time (waiting-time questions).',
    }),
    shadowPoints: t.exposeFloat('shadowPoints', {
      nullable: true,
      description: 'Points as if every question were scored.',
    }),
    shadowPossible: t.exposeFloat('shadowPossible', {
      nullable: true,
      description: 'Possible as if scored.',
    }),
    shadowScore: t.exposeFloat('shadowScore', { nullable: true, description: 'Percentage as if scored.' }),
    effects: t.field({
      type: [ExplanationEffectType],
      description:
        'The rules that shaped the row as codes with their numbers (weights, N/A exclusions, not asked on the channel, waiting bands, late and unanswered contacts, critical and bonus effects, shadow-only rows). Replaces the English sentences this field held before.',
      resolve: (n) => n.effects,
    }),
    childCount: t.int({
      description:
        'Rows directly below. When `nodes` left them out (a bounded answer), `nodes(under: id)` gives them.',
      resolve: (n) => n.children.length,
    }),
    children: t.field({
      type: [ExplanationNodeType],
      // Near the real fan-out (4 channels, ~6 contacts each, ~5 areas, 3 performances, 4 questions): the
      // complexity limit refuses a company's whole tree nested with its effects (over 1 MB), and still lets a
      // contact's (three levels) through. `nodes` reads any tree in bounded slices.
      complexity: { field: 1, multiplier: 5 },
      description:
        'The rows below (nested selection). A company’s whole tree is too big for one answer: use `nodes`, which gives it in bounded slices.',
      resolve: (n) => n.children,
    }),
  }),
});

type ContactResult = ContactExplanation & { editionKey: string; root: ExplanationNode };

const ContactExplanationType = builder.objectRef<ContactResult>('ContactExplanation').implement({
  description: 'Why one contact scored what it did (domain explainContact).',
  fields: (t) => ({
    editionKey: t.exposeString('editionKey', { description: 'The edition.' }),
    contactId: t.exposeString('evaluationId', { description: 'The contact’s id (Evaluation.contactId).' }),
    companyKey: t.exposeString('companyKey', { description: 'The company contacted.' }),
    channel: t.exposeString('channel', { description: 'The channel.' }),
    answered: t.exposeBoolean('answered', {
      description: 'Whether the contact counts as answered (in time, or late where late answers count).',
    }),
    outcome: t.field({
      type: ContactOutcomeEnum,
      description: 'How the contact ended under the channel’s waiting rule.',
      resolve: (c) => c.outcome,
    }),
    total: t.exposeFloat('total', { nullable: true, description: 'The contact total (0–100).' }),
    totalRule: t.exposeString('totalRule', {
      description: 'weighted, points, unanswered, criticalContact or nothingScorable.',
    }),
    criticalEffect: t.exposeString('criticalEffect', {
      nullable: true,
      description: '`area` or `contact` when a critical answer zeroed something.',
    }),
    root: t.field({
      type: ExplanationNodeType,
      description: 'The contact row with its tree.',
      resolve: (c) => c.root,
    }),
    nodes: t.field({
      type: [ExplanationNodeType],
      args: sliceArgs,
      description: NODES_DESCRIPTION,
      resolve: (c, args) => slice(c.root, args),
    }),
  }),
});

const CompanyExplanationType = builder.objectRef<CompanyExplanationWithTree>('CompanyExplanation').implement({
  description:
    'Why a company’s Totalresultat is what it is (domain explainCompany): channels, contacts and their trees.',
  fields: (t) => ({
    editionKey: t.exposeString('editionKey', { description: 'The edition.' }),
    companyKey: t.string({ description: 'Company key.', resolve: (c) => c.company.companyKey }),
    name: t.string({ description: 'Company name.', resolve: (c) => c.company.name }),
    total: t.float({
      nullable: true,
      description: 'Totalresultat (equals the published result).',
      resolve: (c) => c.company.total,
    }),
    answeredOnly: t.float({
      nullable: true,
      description: 'Score for answered contacts.',
      resolve: (c) => c.company.answeredOnly,
    }),
    headline: t.float({
      nullable: true,
      description: 'Headline area score.',
      resolve: (c) => c.company.headline,
    }),
    n: t.int({ description: 'Contacts.', resolve: (c) => c.company.n }),
    nAnswered: t.int({ description: 'Answered contacts.', resolve: (c) => c.company.nAnswered }),
    contactWeighting: t.exposeString('contactWeighting', {
      description: '`equal` (every contact alike) or `channel` (channels weighed).',
    }),
    root: t.field({
      type: ExplanationNodeType,
      description: 'The company row with its tree.',
      resolve: (c) => c.root,
    }),
    nodes: t.field({
      type: [ExplanationNodeType],
      args: sliceArgs,
      // At most EXPLANATION_SLICE_MAX_ROWS rows (a node's children may be more): counted as one long list.
      complexity: { field: 1, multiplier: 20 },
      description: NODES_DESCRIPTION,
      resolve: (c, args) => slice(c.root, args),
    }),
  }),
});

const NeighbourType = builder.objectRef<NeighbourComparison>('RankingNeighbour').implement({
  description: 'The neighbour in the ranking and the rule that separated the two.',
  fields: (t) => ({
    companyKey: t.exposeString('companyKey', { description: 'The neighbour.' }),
    decidedBy: t.field({
      type: TieBreakStepEnum,
      description:
        'The first ranking rule they differ on; companyKey: equal on every rule, so the two share the place and key order only lists them.',
      resolve: (n) => n.decidedBy,
    }),
    difference: t.exposeFloat('difference', {
      description: 'This company’s value minus the neighbour’s on that rule.',
    }),
  }),
});

type RankingResult = RankingPositionExplanation & {
  editionKey: string;
  industryKey: string | null;
  company: () => Promise<CompanyExplanationWithTree>;
};

const RankingPositionExplanationType = builder
  .objectRef<RankingResult>('RankingPositionExplanation')
  .implement({
    description:
      'Why a company holds a place in the overall or an industry ranking (domain explainRankingPosition): eligibility, the tie-break rule against its neighbours, and its score tree.',
    fields: (t) => ({
      editionKey: t.exposeString('editionKey', { description: 'The edition.' }),
      industryKey: t.exposeString('industryKey', {
        nullable: true,
        description: 'The industry ranking; null = overall.',
      }),
      companyKey: t.string({
        description: 'The company at the position.',
        resolve: (r) => r.entry.companyKey,
      }),
      name: t.string({ description: 'Its name.', resolve: (r) => r.entry.name }),
      position: t.int({
        nullable: true,
        description: 'Its position (null when not eligible).',
        resolve: (r) => r.entry.position,
      }),
      eligible: t.boolean({ description: 'Whether it can win.', resolve: (r) => r.entry.eligible }),
      reasons: t.exposeStringList('reasons', {
        description: 'Why it cannot win, in English (empty when eligible).',
        deprecationReason: 'Use `effects` (INELIGIBLE_* codes with their numbers).',
      }),
      total: t.float({ nullable: true, description: 'Totalresultat.', resolve: (r) => r.entry.total }),
      answeredOnly: t.float({
        nullable: true,
        description: 'Answered-only score.',
        resolve: (r) => r.entry.answeredOnly,
      }),
      headline: t.float({
        nullable: true,
        description: 'Headline area score.',
        resolve: (r) => r.entry.headline,
      }),
      above: t.field({
        type: NeighbourType,
        nullable: true,
        description: 'The company just above and what put it there.',
        resolve: (r) => r.above,
      }),
      below: t.field({
        type: NeighbourType,
        nullable: true,
        description: 'The company just below and what put it there.',
        resolve: (r) => r.below,
      }),
      winner: t.exposeString('winner', { nullable: true, description: 'The ranking’s winner.' }),
      winnerWithheld: t.exposeString('winnerWithheld', {
        nullable: true,
        description: 'Why an industry has no winner although companies are eligible, in English.',
        deprecationReason: 'Use `effects` (WINNER_WITHHELD with the eligible count and the minimum).',
      }),
      effects: t.field({
        type: [ExplanationEffectType],
        description:
          'Why the company is where it is, as codes with their numbers: INELIGIBLE_* reasons, TOP_OF_RANKING, BEHIND_NEIGHBOUR / AHEAD_OF_NEIGHBOUR (the deciding rule and difference), WINNER_WITHHELD.',
        resolve: (r) => r.effects,
      }),
      company: t.field({
        type: CompanyExplanationType,
        description: 'The company’s full score explanation.',
        resolve: (r) => r.company(),
      }),
    }),
  });

/**
 * The domain's explanation of a company, with its tree: computed once per data version of the edition (the
 * explanation cache), in the heavy-query queue.
 */
function companyExplanation(
  context: Context,
  editionKey: string,
  companyKey: string,
): Promise<CompanyExplanationWithTree> {
  const { db, explanations } = context.services;
  return explanations.get(editionKey, companyKey, () =>
    heavyWork(async () => {
      const [edition, participants, evaluations] = await Promise.all([
        loadEdition(db, editionKey).catch(editionNotFound(editionKey)),
        listParticipants(db, editionKey),
        // Only this company's rows: an explanation never reads the whole edition's evaluations.
        loadEvaluations(db, editionKey, { companyKey }),
      ]);
      const company = participants.find((p) => p.key === companyKey);
      if (!company) throw new NotFoundError('Company in edition', `${editionKey}/${companyKey}`);
      const explanation = explainCompany(compileEdition(edition), evaluations, {
        key: company.key,
        name: company.name,
        industryKey: company.industryKey,
      });
      return { ...explanation, editionKey, root: companyTree(edition, explanation) };
    }),
  );
}

function evaluationUuid(id: string): string | null {
  try {
    const decoded = decodeGlobalID(id);
    if (decoded.typename === 'Evaluation') return isUuid(decoded.id) ? decoded.id : null;
  } catch {
    // Not a global id: maybe the database id itself.
  }
  return isUuid(id) ? id : null;
}

/**
 * Which evaluation `explainContact` is asked about: its global id, or its edition and contact id; exactly one
 * of the two ways, else a ValidationError naming the arguments.
 */
function contactKey(args: {
  evaluationId?: string | number | null;
  editionKey?: string | null;
  contactId?: string | null;
}): { evaluationId: string } | { editionKey: string; contactId: string } {
  const byId = args.evaluationId != null;
  const byKey = args.editionKey != null || args.contactId != null;
  if (byId && byKey)
    throw new ValidationError([
      { path: 'evaluationId', message: 'give either evaluationId or editionKey and contactId, not both' },
    ]);
  if (byId) return { evaluationId: String(args.evaluationId) };
  const problems: FieldError[] = [];
  if (args.editionKey == null)
    problems.push({
      path: 'editionKey',
      message: 'required (with contactId) when evaluationId is not given',
    });
  if (args.contactId == null)
    problems.push({
      path: 'contactId',
      message: 'required (with editionKey) when evaluationId is not given',
    });
  if (problems.length > 0 || args.editionKey == null || args.contactId == null)
    throw new ValidationError(problems);
  return { editionKey: args.editionKey, contactId: args.contactId };
}

builder.queryFields((t) => ({
  explainContact: t.field({
    type: ContactExplanationType,
    description:
      'The explanation tree of one contact: each question’s points and possible, performances, areas with weights and contributions, the total and the rules that applied. Name the evaluation by `evaluationId` or by `editionKey` and `contactId`. Analysts and admins, and the observer who made the contact.',
    authScopes: { observer: true },
    errors: directResultOf('explainContact', [NotFoundError, ValidationError]),
    args: {
      evaluationId: t.arg.id({
        description:
          'The evaluation’s global id (Evaluation.id); or give `editionKey` and `contactId` instead.',
      }),
      editionKey: t.arg.string({
        description: 'The edition, e.g. `KSP24`; with `contactId`, instead of `evaluationId`.',
      }),
      contactId: t.arg.string({
        description:
          'The contact’s id outside the database (Evaluation.contactId; unique per edition); with `editionKey`, instead of `evaluationId`.',
      }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const { db } = context.services;
        const key = contactKey(args);
        const select = { contactId: true, observerId: true, edition: { select: { key: true } } } as const;
        const uuid = 'evaluationId' in key ? evaluationUuid(key.evaluationId) : null;
        const row =
          'evaluationId' in key
            ? uuid
              ? await db.prisma.evaluation.findUnique({ where: { id: uuid }, select })
              : null
            : await db.prisma.evaluation.findFirst({
                where: { edition: { key: key.editionKey }, contactId: key.contactId },
                select,
              });
        const label = 'evaluationId' in key ? key.evaluationId : `${key.editionKey}/${key.contactId}`;
        if (!row) throw new NotFoundError('Evaluation', label);
        const role = context.viewer?.role;
        if (role === 'observer' && row.observerId !== context.viewer?.userId)
          throw new ForbiddenError('Observers can only see the explanation of their own contacts.');
        const [edition, [evaluation]] = await heavyWork(() =>
          Promise.all([
            loadEdition(db, row.edition.key),
            loadEvaluations(db, row.edition.key, { contactId: row.contactId }),
          ]),
        );
        if (!evaluation) throw new NotFoundError('Evaluation', label);
        const explanation = explainContact(compileEdition(edition), evaluation);
        return { ...explanation, editionKey: edition.key, root: contactTree(edition, explanation) };
      }),
  }),
  explainCompany: t.field({
    type: CompanyExplanationType,
    description:
      'The explanation tree of a company’s result: total → channels (weights) → contacts (unanswered, critical) → areas → performances → questions. Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('explainCompany', [NotFoundError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      companyKey: t.arg.string({ required: true, description: 'The company.' }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        return companyExplanation(context, args.editionKey, args.companyKey);
      }),
  }),
  explainRankingPosition: t.field({
    type: RankingPositionExplanationType,
    description:
      'Why the company at a position of the overall ranking (or an industry’s) is there: eligibility, the tie-break rule against its neighbours, and its score tree. Analysts and admins.',
    authScopes: { analyst: true },
    errors: directResultOf('explainRankingPosition', [NotFoundError]),
    args: {
      editionKey: t.arg.string({ required: true, description: 'The edition.' }),
      position: t.arg.int({ required: true, description: 'The 1-based position among eligible companies.' }),
      industryKey: t.arg.string({ description: 'An industry’s ranking instead of the overall one.' }),
      companyKey: t.arg.string({
        description:
          'Which company, when several share the position (tied on every rule); omitted = the first by key order.',
      }),
    },
    resolve: (_root, args, context) =>
      withApiErrors(async () => {
        const results = await context.services.results
          .get(args.editionKey)
          .catch(editionNotFound(args.editionKey));
        const ranking = args.industryKey
          ? results.industries.find((i) => i.industryKey === args.industryKey)
          : results.overall;
        if (!ranking) throw new NotFoundError('Industry ranking', `${args.editionKey}/${args.industryKey}`);
        const entry = ranking.entries.find(
          (e) => e.position === args.position && (!args.companyKey || e.companyKey === args.companyKey),
        );
        if (!entry) throw new NotFoundError('Ranking position', `${args.editionKey}/${args.position}`);
        const explained = explainRankingPosition(
          results,
          entry.companyKey,
          args.industryKey ? 'industry' : 'overall',
        );
        return {
          ...explained,
          editionKey: args.editionKey,
          industryKey: args.industryKey ?? null,
          company: () => companyExplanation(context, args.editionKey, entry.companyKey),
        };
      }),
  }),
}));
