import { definitionIssuesFromZod } from '../draft-edits/definition-issues-from-zod';
import { type Edition, editionSchema } from '../model/edition';
import { checkEdition } from './check-edition';
import { DomainValidationError } from './issue';

/** Parses an edition definition and checks its cross-field rules; throws listing every problem. */
export function parseEdition(input: unknown): Edition {
  const parsed = editionSchema.safeParse(input);
  if (!parsed.success) throw new DomainValidationError('Edition', definitionIssuesFromZod(parsed.error));
  const issues = checkEdition(parsed.data);
  if (issues.length > 0) throw new DomainValidationError(`Edition ${parsed.data.key}`, issues);
  return parsed.data;
}
