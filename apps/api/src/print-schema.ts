import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema';

/** The SDL as committed in schema.graphql: sorted, so diffs show only real changes. */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
