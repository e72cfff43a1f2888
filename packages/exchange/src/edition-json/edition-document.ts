import {
  channelKeySchema,
  editionSchema,
  evaluationSchema,
  localizedTextSchema,
  stableKeySchema,
} from '@ksp/domain';
import { z } from 'zod';

export const EDITION_DOCUMENT_FORMAT = 'ksp-edition';
/** Raise when a change would make older readers misread a document; readers refuse other versions. */
export const EDITION_DOCUMENT_VERSION = 1;

const industrySchema = z
  .object({ key: z.string().min(1), name: localizedTextSchema })
  .describe('An industry (class) companies compete in.');

const participantSchema = z
  .object({
    key: z.string().min(1).describe('The company’s key.'),
    name: z.string().trim().min(1),
    industryKey: z.string().min(1).describe('The industry it competes in this edition.'),
    channels: z.array(channelKeySchema).describe('The channels measured for it this edition.'),
  })
  .describe('A company taking part in the edition.');

const rolePlaySchema = z
  .object({
    key: stableKeySchema,
    title: localizedTextSchema,
    instructions: localizedTextSchema,
    order: z.number().int().nonnegative(),
    channelKey: channelKeySchema
      .nullable()
      .default(null)
      .describe('The channel it is written for; null = any.'),
    industryKey: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe('The industry (class) it is written for; null = any.'),
  })
  .describe('A scenario observers play when contacting companies.');

/**
 * A whole edition as one JSON document: its definition (the domain's Edition), the industries, companies and
 * role plays it refers to and, optionally, its evaluations. Published as docs/schemas/ksp-edition.schema.json.
 */
export const editionDocumentSchema = z
  .object({
    format: z.literal(EDITION_DOCUMENT_FORMAT),
    version: z.literal(EDITION_DOCUMENT_VERSION),
    edition: editionSchema,
    industries: z.array(industrySchema),
    participants: z.array(participantSchema),
    rolePlays: z.array(rolePlaySchema),
    evaluations: z
      .array(evaluationSchema)
      .optional()
      .describe('Every contact’s evaluation, by contact id; absent when exported without evaluations.'),
  })
  .describe('A KSP survey edition: definition, participants, role plays and optionally evaluations.');

export type EditionDocument = z.infer<typeof editionDocumentSchema>;
export type EditionDocumentInput = z.input<typeof editionDocumentSchema>;
