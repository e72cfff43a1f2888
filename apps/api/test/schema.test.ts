import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type GraphQLField,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSchemaFile } from '../src/print-schema';
import { schema } from '../src/schema';

describe('schema.graphql', () => {
  it('is up to date with the code (run `pnpm schema:print` when this fails)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8');
    expect(committed).toBe(printSchemaFile());
  });
});

/** Every missing description as `Type`, `Type.field`, `Type.field(arg)` or `Enum.VALUE`. */
function missingDescriptions(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  if (!type.description) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args)
        if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  if (isUnionType(type) && !type.description) missing.push(type.name);
  return missing;
}

describe('API documentation', () => {
  it('has a description on every type, field, argument and enum value', () => {
    const ours = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));
    const builtIn = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
    const missing = ours.filter((type) => !builtIn.has(type.name)).flatMap(missingDescriptions);
    expect(missing).toEqual([]);
  });
});
