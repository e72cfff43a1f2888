import { loadEvaluations } from '@ksp/db';
import { testDatabaseKinds } from '@ksp/db/testing';
import type { Evaluation } from '@ksp/domain';
import { exportEditionDocument } from '@ksp/exchange';
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  type IntrospectionField,
  type IntrospectionObjectType,
  type IntrospectionTypeRef,
  introspectionFromSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationsToCsv } from '../../../../packages/exchange/test/support/fieldwork-fixture';
import { schema } from '../../src/schema';
import { PASSWORD, USERS } from '../helpers/test-data';
import { startServerWithDatabase } from '../helpers/test-server';
import { startWebhookReceiver } from '../helpers/webhook-receiver';

// Every mutation answers a document that selects only `__typename` on its result (the admin's reorder does
// exactly that). The list of mutations comes from the schema by introspection, so a new mutation fails here
// until it has an entry in CASES: arguments that succeed on the test data, called in the table's order.

type App = Awaited<ReturnType<typeof startServerWithDatabase>>;
type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
type Vars = Record<string, unknown>;
type Setup = { app: App; receiver: Receiver; template: Evaluation };

type Case = {
  /** The arguments, or a set-up run right before the call that returns them. */
  vars: Vars | ((s: Setup) => Vars | Promise<Vars>);
  /** The caller's token (default: the admin's); null calls anonymously. */
  as?: (s: Setup) => string | null | Promise<string | null>;
  /** A typed error accepted instead of success, only where the arguments cannot sensibly succeed. */
  accepts?: string;
  /** A check of what the call stored. */
  after?: (s: Setup, vars: Vars) => Promise<void>;
};

const DRAFT = 'KSP25';
const COPY = 'KSP26';
const inDraft = { edition: { key: DRAFT } };
const nb = (text: string) => [{ locale: 'nb', text }];

/** Row lookups for set-ups (versions and ids change as the calls before run). */
const rows = ({ app }: Setup) => app.db.prisma;
/** The draft's area keys in their order. */
const areaKeys = async (s: Setup) =>
  (await rows(s).area.findMany({ where: inDraft, orderBy: { order: 'asc' } })).map((r) => r.key);
const userId = async (s: Setup) =>
  (await rows(s).user.findUniqueOrThrow({ where: { email: 'typename@example.org' } })).id;
const subscriptionId = async (s: Setup) =>
  encodeGlobalID('WebhookSubscription', (await rows(s).webhookSubscription.findFirstOrThrow()).id);

/** One entry per mutation, in the order they run: later calls use what earlier ones created. */
const CASES: Record<string, Case> = {
  // Session and users.
  login: { vars: { email: USERS.admin, password: PASSWORD }, as: () => null },
  logout: {
    vars: {},
    as: async ({ app }) =>
      (
        await app.gql(
          'mutation($email: EmailAddress!, $password: String!) { login(email: $email, password: $password) { ... on Session { token } } }',
          { email: USERS.analyst, password: PASSWORD },
        )
      ).data?.login.token,
  },
  createUser: {
    vars: {
      email: 'typename@example.org',
      name: 'Tina Typename',
      password: 'a-long-password-1',
      role: 'observer',
    },
  },
  setUserRole: { vars: async (s) => ({ userId: await userId(s), role: 'analyst' }) },
  createApiToken: { vars: async (s) => ({ userId: await userId(s), name: 'typename' }) },
  revokeApiToken: {
    vars: async (s) => ({
      id: (await rows(s).apiToken.findFirstOrThrow({ where: { name: 'typename' } })).id,
    }),
  },
  disableUser: { vars: async (s) => ({ userId: await userId(s) }) },

  // Industries and companies.
  createIndustry: { vars: { key: 'typename', name: nb('Typenavn') } },
  updateIndustry: { vars: { key: 'typename', name: nb('Typenavn 2'), version: 1 } },
  createCompany: { vars: { key: 'typename_co', name: 'Typename AS', industryKey: 'typename' } },
  updateCompany: { vars: { key: 'typename_co', name: 'Typename ASA', version: 1 } },

  // Webhooks (the receiver on loopback is allowed); deliveries come from the events below.
  createWebhookSubscription: {
    vars: ({ receiver }) => ({ input: { url: receiver.url, events: ['editionPublished'] } }),
  },
  updateWebhookSubscription: {
    vars: async (s) => ({
      id: await subscriptionId(s),
      version: (await rows(s).webhookSubscription.findFirstOrThrow()).version,
      input: { active: true },
    }),
  },
  rotateWebhookSecret: { vars: async (s) => ({ id: await subscriptionId(s) }) },

  // A new draft copied from KSP24: participants and role plays, then published and closed.
  createEditionFrom: { vars: { sourceKey: 'KSP24', key: COPY, year: 2026, name: 'KSP 2026' } },
  createEmptyEdition: { vars: { key: 'KSP27', year: 2027, name: 'KSP 2027' } },
  addParticipants: {
    vars: {
      editionKey: COPY,
      participants: [{ companyKey: 'typename_co', industryKey: 'typename', channels: ['phone'] }],
    },
  },
  updateParticipant: {
    vars: { editionKey: COPY, companyKey: 'typename_co', channels: ['phone', 'chat'], version: 1 },
  },
  removeParticipant: { vars: { editionKey: COPY, companyKey: 'typename_co' } },
  createRolePlay: {
    vars: { editionKey: COPY, input: { key: 'typename', title: nb('Rolle'), instructions: nb('Gjør slik') } },
  },
  updateRolePlay: {
    vars: { editionKey: COPY, key: 'typename', version: 1, input: { title: nb('Rolle 2') } },
  },
  publishEdition: { vars: { editionKey: COPY } },
  closeEdition: { vars: { editionKey: COPY } },
  redeliverWebhook: {
    vars: async (s) => ({
      deliveryId: encodeGlobalID('WebhookDelivery', (await rows(s).webhookDelivery.findFirstOrThrow()).id),
    }),
  },
  deleteWebhookSubscription: { vars: async (s) => ({ id: await subscriptionId(s) }) },

  // The draft's definition: add, change and reorder at every level, then remove what was added.
  addArea: {
    vars: { editionKey: DRAFT, input: { key: 'tn_area', name: nb('Område'), counting: 'unscored' } },
  },
  updateArea: { vars: { editionKey: DRAFT, key: 'tn_area', version: 1, input: { weight: 1 } } },
  addPerformance: {
    vars: { editionKey: DRAFT, areaKey: 'tn_area', input: { key: 'tn_perf', name: nb('Prestasjon') } },
  },
  updatePerformance: {
    vars: { editionKey: DRAFT, key: 'tn_perf', version: 1, input: { name: nb('Prestasjon 2') } },
  },
  addQuestion: {
    vars: {
      editionKey: DRAFT,
      performanceKey: 'tn_perf',
      input: {
        key: 'tn_q',
        text: nb('Spørsmål?'),
        type: 'yesNo',
        channels: ['chat'],
        scored: false,
        options: [
          { key: 'ja', label: nb('Ja') },
          { key: 'nei', label: nb('Nei') },
        ],
      },
    },
  },
  updateQuestion: {
    vars: { editionKey: DRAFT, key: 'tn_q', version: 1, input: { text: nb('Spørsmål 2?') } },
  },
  addOption: {
    vars: { editionKey: DRAFT, questionKey: 'tn_q', input: { key: 'kanskje', label: nb('Kanskje') } },
  },
  updateOption: {
    vars: async (s) => ({
      editionKey: DRAFT,
      questionKey: 'tn_q',
      key: 'kanskje',
      version: (
        await rows(s).answerOption.findFirstOrThrow({
          where: { key: 'kanskje', question: { key: 'tn_q', ...inDraft } },
        })
      ).version,
      input: { label: nb('Kanskje så') },
    }),
  },
  reorderAreas: {
    vars: async (s) => ({ editionKey: DRAFT, keys: (await areaKeys(s)).reverse() }),
    after: async (s, vars) => expect(await areaKeys(s)).toEqual(vars.keys),
  },
  applyDefinitionChanges: {
    vars: async (s) => {
      const { version } = await rows(s).area.findFirstOrThrow({ where: { key: 'tn_area', ...inDraft } });
      return {
        editionKey: DRAFT,
        changes: [{ updateArea: { key: 'tn_area', version, name: nb('Omdøpt') } }],
      };
    },
  },
  reorderPerformances: { vars: { editionKey: DRAFT, areaKey: 'tn_area', keys: ['tn_perf'] } },
  reorderQuestions: { vars: { editionKey: DRAFT, performanceKey: 'tn_perf', keys: ['tn_q'] } },
  reorderOptions: { vars: { editionKey: DRAFT, questionKey: 'tn_q', keys: ['kanskje', 'nei', 'ja'] } },
  setChannelRule: {
    vars: async (s) => ({
      editionKey: DRAFT,
      key: 'phone',
      version: (await rows(s).channelRule.findFirstOrThrow({ where: { key: 'phone', ...inDraft } })).version,
      input: { maxAttempts: 4 },
    }),
  },
  removeOption: {
    vars: async (s) => ({
      editionKey: DRAFT,
      questionKey: 'tn_q',
      key: 'kanskje',
      version: (
        await rows(s).answerOption.findFirstOrThrow({
          where: { key: 'kanskje', question: { key: 'tn_q', ...inDraft } },
        })
      ).version,
    }),
  },
  removeQuestion: {
    vars: async (s) => ({
      editionKey: DRAFT,
      key: 'tn_q',
      version: (await rows(s).question.findFirstOrThrow({ where: { key: 'tn_q', ...inDraft } })).version,
    }),
  },
  removePerformance: {
    vars: async (s) => ({
      editionKey: DRAFT,
      key: 'tn_perf',
      version: (await rows(s).performance.findFirstOrThrow({ where: { key: 'tn_perf', ...inDraft } }))
        .version,
    }),
  },
  removeArea: {
    vars: async (s) => ({
      editionKey: DRAFT,
      key: 'tn_area',
      version: (await rows(s).area.findFirstOrThrow({ where: { key: 'tn_area', ...inDraft } })).version,
    }),
  },
  setAwardRules: {
    vars: async (s) => ({
      editionKey: DRAFT,
      version: (await rows(s).edition.findUniqueOrThrow({ where: { key: DRAFT } })).version,
      input: { minContacts: 15, minTotal: 50, minCompaniesPerIndustry: 3 },
    }),
  },
  importTranslations: {
    vars: async ({ app }) => ({
      editionKey: DRAFT,
      format: 'csv',
      content: (
        await app.gql(
          `{ translationExport(editionKey: "${DRAFT}", format: csv) { content } }`,
          {},
          app.tokens.admin,
        )
      ).data?.translationExport.content,
    }),
  },

  // Field work and results in the published KSP24.
  submitEvaluation: {
    vars: ({ template }) => ({
      input: {
        editionKey: 'KSP24',
        contactId: 'typename-1',
        companyKey: template.companyKey,
        ...content(template),
      },
    }),
    as: ({ app }) => app.tokens.observer,
  },
  updateEvaluation: {
    vars: async (s) => ({
      id: encodeGlobalID(
        'Evaluation',
        (await rows(s).evaluation.findFirstOrThrow({ where: { contactId: 'typename-1' } })).id,
      ),
      version: 1,
      input: content(s.template),
    }),
    as: ({ app }) => app.tokens.observer,
  },
  importEvaluations: {
    vars: ({ template }) => ({
      editionKey: 'KSP24',
      format: 'CSV',
      content: evaluationsToCsv([{ ...template, id: 'typename-import-1', observerKey: USERS.observer }]),
    }),
  },
  setLineageMark: {
    vars: async ({ app }) => {
      const lineage = await app.gql(
        '{ editionLineage(editionKey: "KSP24") { ... on EditionLineage { items { level key version } } } }',
        {},
        app.tokens.admin,
      );
      const item = lineage.data?.editionLineage.items.find(
        (i: { level: string; key: string }) => i.level === 'area' && i.key === 'agent',
      );
      return { editionKey: 'KSP24', level: 'area', key: 'agent', mark: 'identical', version: item.version };
    },
  },
  publishResults: { vars: { editionKey: 'KSP24' } },
  correctResults: { vars: { editionKey: 'KSP24', reason: 'An evaluation was corrected.' } },
  importEditionJson: {
    vars: async ({ app }) => ({
      document: await exportEditionDocument(app.db, 'KSP24', { withEvaluations: false }),
      newKey: 'KSP24COPY',
    }),
  },
};

/** An evaluation's content as the submit and update inputs take it. */
function content(evaluation: Evaluation) {
  return {
    channelKey: evaluation.channel,
    contactedAt: evaluation.contactedAt,
    answered: evaluation.answered,
    waitingTime: evaluation.waitingTime,
    answers: evaluation.answers.map(({ questionKey, optionKey, text, notApplicable }) => ({
      questionKey,
      optionKey,
      text,
      notApplicable,
    })),
  };
}

// The schema's mutations and error types, by the introspection query a client would send.
const introspection = introspectionFromSchema(schema).__schema;
const typeNamed = (name: string) => introspection.types.find((t) => t.name === name);
const mutationFields = (typeNamed('Mutation') as IntrospectionObjectType).fields;
const errorTypes = new Set(
  introspection.types
    .filter((t) => t.kind === 'OBJECT' && t.interfaces.some((i) => i.name === 'Error'))
    .map((t) => t.name),
);

const typeText = (type: IntrospectionTypeRef): string =>
  type.kind === 'NON_NULL'
    ? `${typeText(type.ofType)}!`
    : type.kind === 'LIST'
      ? `[${typeText(type.ofType)}]`
      : type.name;

/** The field called with `vars` (its arguments given as variables), selecting only `__typename`. */
function typenameOnly(field: IntrospectionField, vars: Vars): string {
  const args = field.args.filter((a) => a.name in vars);
  const declared = args.map((a) => `$${a.name}: ${typeText(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} { __typename } }`;
}

// Table order first; mutations without an entry after it (each fails).
const names = [
  ...Object.keys(CASES).filter((name) => mutationFields.some((f) => f.name === name)),
  ...mutationFields.map((f) => f.name).filter((name) => !(name in CASES)),
];

describe.each(testDatabaseKinds())('every mutation with only __typename selected (%s)', (kind) => {
  const setup = {} as Setup;
  beforeAll(async () => {
    setup.receiver = await startWebhookReceiver();
    setup.app = await startServerWithDatabase(kind, {}, { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    setup.template = (await loadEvaluations(setup.app.db, 'KSP24')).find((e) => e.answered) as Evaluation;
  });
  afterAll(async () => {
    await setup.receiver?.close();
    await setup.app?.close();
  });

  it('the table names only mutations of the schema', () => {
    expect(Object.keys(CASES).filter((name) => !mutationFields.some((f) => f.name === name))).toEqual([]);
  });

  for (const name of names) {
    it(name, async () => {
      const entry = CASES[name];
      expect(entry, `no entry for the mutation ${name} in CASES: add its arguments`).toBeDefined();
      if (!entry) return;
      const field = mutationFields.find((f) => f.name === name) as IntrospectionField;
      const vars = typeof entry.vars === 'function' ? await entry.vars(setup) : entry.vars;
      const token = entry.as ? await entry.as(setup) : setup.app.tokens.admin;
      const response = await setup.app.gql(typenameOnly(field, vars), vars, token);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      const typename = response.data?.[name]?.__typename;
      expect(typename).toEqual(expect.any(String));
      if (errorTypes.has(typename)) expect(typename, `${name} answered ${typename}`).toBe(entry.accepts);
      await entry.after?.(setup, vars);
    });
  }
});
