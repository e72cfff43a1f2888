import {
  buildClientSchema,
  type GraphQLInputType,
  getIntrospectionQuery,
  graphqlSync,
  type IntrospectionQuery,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema';

const isList = (type: GraphQLInputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/** "At most 100 items.": the documented bound of a list input (list-bounds.ts writes and enforces it). */
const BOUND = /\bAt most (\d+) items\.$/;

// Every list a client can send is bounded, and the bound is documented where the client reads it: a list
// without one lets one request make the server do unbounded work (nodes(ids:) with 20,000 ids held the
// event loop 8.8 s). Walks the schema as a client sees it, by introspection.
describe('list inputs', () => {
  const introspection = graphqlSync({ schema, source: getIntrospectionQuery() })
    .data as unknown as IntrospectionQuery;
  const clientSchema = buildClientSchema(introspection);

  it('every list argument and list input field documents its maximum ("at most N")', () => {
    const unbounded: string[] = [];
    const lists: string[] = [];
    for (const type of Object.values(clientSchema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields()))
          for (const arg of field.args)
            if (isList(arg.type)) {
              lists.push(`${type.name}.${field.name}(${arg.name})`);
              if (!BOUND.test(arg.description ?? ''))
                unbounded.push(`${type.name}.${field.name}(${arg.name})`);
            }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields()))
          if (isList(field.type)) {
            lists.push(`${type.name}.${field.name}`);
            if (!BOUND.test(field.description ?? '')) unbounded.push(`${type.name}.${field.name}`);
          }
      }
    }
    expect(lists).toContain('Query.nodes(ids)');
    expect(unbounded).toEqual([]);
  });
});
