import type { EditionImportResult } from '@ksp/db';
import { importEditionDocument } from '@ksp/exchange';
import { audit } from '../audit';
import { builder } from '../builder';
import { ConflictError, ValidationError, withApiErrors } from '../errors';
import { directResultOf } from './result-options';

const EditionImportResultType = builder.objectRef<EditionImportResult>('EditionImportResult').implement({
  description: 'What an edition JSON import wrote.',
  fields: (t) => ({
    editionKey: t.exposeString('editionKey', { description: 'The imported edition’s key here.' }),
    industriesAdded: t.exposeInt('industriesAdded', { description: 'Industries that were new here.' }),
    companiesAdded: t.exposeInt('companiesAdded', { description: 'Companies that were new here.' }),
    participants: t.exposeInt('participants', { description: 'Companies enrolled in the edition.' }),
    rolePlays: t.exposeInt('rolePlays', { description: 'Role plays imported.' }),
    evaluations: t.exposeInt('evaluations', { description: 'Evaluations imported.' }),
    derivedFromDropped: t.exposeString('derivedFromDropped', {
      nullable: true,
      description:
        'The parent edition the document named but this installation lacks (imported without a parent).',
    }),
    observersMissing: t.exposeStringList('observersMissing', {
      description:
        'Observer e-mails without a user here: their evaluations were imported without an observer.',
    }),
  }),
});

builder.mutationField('importEditionJson', (t) =>
  t.field({
    type: EditionImportResultType,
    description:
      'Imports an edition exported as JSON (format `ksp-edition`, docs/schemas/ksp-edition.schema.json) from another installation, in one transaction: the definition (validated by the domain), industries and companies it needs, participants, role plays and any evaluations. An existing key is refused. Admins.',
    authScopes: { admin: true },
    errors: directResultOf('importEditionJson', [ValidationError, ConflictError]),
    args: {
      document: t.arg({ type: 'JSON', required: true, description: 'The parsed JSON document.' }),
      newKey: t.arg.string({ description: 'Import under this edition key instead of the document’s.' }),
    },
    resolve: async (_root, args, context) => {
      const result = await withApiErrors(() =>
        importEditionDocument(context.services.db, args.document, { newKey: args.newKey }, (tx, change) =>
          audit(tx, context, change),
        ),
      );
      context.services.results.invalidate();
      return result;
    },
  }),
);
