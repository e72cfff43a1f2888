import {
  buildClientSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { gql } from './gql';

/** The running server's schema, from introspection (the server must run with GRAPHQL_INTROSPECTION=true). */
export async function fetchSchema(baseUrl: string, token: string): Promise<GraphQLSchema> {
  const response = await gql(baseUrl, getIntrospectionQuery(), {}, token);
  if (!response.data) throw new Error(`introspection failed: ${JSON.stringify(response.errors)}`);
  return buildClientSchema(response.data as IntrospectionQuery);
}

/** Real keys and ids the generated calls point at, so a call reaches the resolver's real checks. */
export type CallTargets = {
  editionKey: string;
  keys: Record<string, string>;
  versions: Map<string, number>;
  userId: string;
  evaluationId: string;
  unique: () => string;
};

const KEY_ARGS: Record<string, string> = {
  areaKey: 'area',
  performanceKey: 'performance',
  questionKey: 'question',
  optionKey: 'option',
  channelKey: 'channel',
  companyKey: 'company',
  industryKey: 'industry',
  rolePlayKey: 'rolePlay',
};

/** Which kind of object a plain `key` argument names, guessed from the field name (updateArea → area). */
function keyKind(fieldName: string): string {
  const lower = fieldName.toLowerCase();
  for (const kind of [
    'performance',
    'question',
    'option',
    'area',
    'channel',
    'company',
    'industry',
    'roleplay',
  ]) {
    if (lower.includes(kind)) return kind === 'roleplay' ? 'rolePlay' : kind;
  }
  return 'area';
}

function scalarValue(name: string, argName: string, targets: CallTargets): unknown {
  switch (name) {
    case 'Int':
      return argName === 'version' ? 1 : argName === 'year' ? 2031 : 1;
    case 'Float':
    case 'NonNegativeFloat':
      return 0.5;
    case 'Boolean':
      return true;
    case 'ID':
      return targets.evaluationId;
    case 'DateTime':
      return new Date().toISOString();
    case 'EmailAddress':
      return `generated-${targets.unique()}@example.org`;
    case 'JSON':
      return {};
    case 'Duration':
      return 'PT5M';
    default:
      return `generated ${targets.unique()}`;
  }
}

/** A value for an argument or input field: real keys by name, every input field filled (optional ones too). */
export function valueFor(
  type: GraphQLInputType,
  argName: string,
  fieldName: string,
  targets: CallTargets,
  depth = 0,
): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, argName, fieldName, targets, depth);
  if (isListType(type)) return [valueFor(type.ofType, argName.replace(/s$/, ''), fieldName, targets, depth)];
  if (/^(editionKey|fromKey|toKey|sourceKey)$/.test(argName)) return targets.editionKey;
  if (argName === 'key' && /^(update|set|remove|reorder)/.test(fieldName))
    return targets.keys[keyKind(fieldName)] ?? 'missing';
  if (argName === 'key') return `gen${targets.unique().replace(/\W/g, '')}`.slice(0, 20).toLowerCase();
  const kind = KEY_ARGS[argName];
  if (kind && targets.keys[kind]) return targets.keys[kind];
  if (argName === 'userId') return targets.userId;
  if (argName === 'version') {
    const key = targets.keys[keyKind(fieldName)];
    return (key && targets.versions.get(`${keyKind(fieldName)}:${key}`)) ?? 1;
  }
  if (argName === 'password') return 'generated-password-123';
  if (argName === 'contactId') return `gen-${targets.unique()}`;
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isScalarType(type)) return scalarValue(type.name, argName, targets);
  if (isInputObjectType(type)) {
    if (depth > 4) return {};
    return Object.fromEntries(
      Object.values(type.getFields()).map((f) => [
        f.name,
        valueFor(f.type, f.name, fieldName, targets, depth + 1),
      ]),
    );
  }
  return null;
}

function typeString(type: GraphQLInputType): string {
  return type.toString();
}

/**
 * Scalar fields of an object (no required arguments), and one level below for object fields. Inside union
 * and interface members every field gets an alias with the member's name, so same-named fields of different
 * types (status: EditionStatus! vs String!) do not conflict.
 */
function selection(type: GraphQLOutputType, schema: GraphQLSchema, depth = 0, alias = ''): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named)) {
    const members = schema.getPossibleTypes(named);
    return `{ __typename ${members.map((m) => `... on ${m.name} ${selection(m, schema, depth, `${m.name}_`) || '{ __typename }'}`).join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const parts = ['__typename'];
  for (const field of fields) {
    const inner = getNamedType(field.type);
    const name = alias ? `${alias}${field.name}: ${field.name}` : field.name;
    if (isScalarType(inner) || isEnumType(inner)) parts.push(name);
    else if (depth < 1) {
      const sub = selection(field.type, schema, depth + 1);
      if (sub) parts.push(`${name} ${sub}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

export type GeneratedCall = {
  field: string;
  operation: 'query' | 'mutation';
  document: string;
  variables: Record<string, unknown>;
};

/** One call of a root field with every argument filled (as variables) and its result's fields selected. */
export function generateCall(
  schema: GraphQLSchema,
  operation: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  targets: CallTargets,
  overrides: Record<string, unknown> = {},
): GeneratedCall {
  const args: readonly GraphQLArgument[] = field.args;
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const uses: string[] = [];
  for (const arg of args) {
    const value =
      arg.name in overrides ? overrides[arg.name] : valueFor(arg.type, arg.name, field.name, targets);
    if (value === undefined) continue;
    variables[arg.name] = value;
    declarations.push(`$${arg.name}: ${typeString(arg.type)}`);
    uses.push(`${arg.name}: $${arg.name}`);
  }
  const head = declarations.length ? `(${declarations.join(', ')})` : '';
  const call = uses.length ? `(${uses.join(', ')})` : '';
  const document = `${operation}${head} { result: ${field.name}${call} ${selection(field.type, schema)} }`;
  return { field: field.name, operation, document, variables };
}

export function rootFields(schema: GraphQLSchema, operation: 'query' | 'mutation') {
  const type = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(type?.getFields() ?? {});
}

/** The result is data (not null, not one of the typed errors). */
export function returnedData(result: unknown): boolean {
  if (result === null || result === undefined) return false;
  if (Array.isArray(result)) return result.some((item) => returnedData(item));
  if (typeof result === 'object') {
    const typename = (result as { __typename?: string }).__typename ?? '';
    if (/Error$/.test(typename)) return false;
    const edges = (result as { edges?: unknown[] }).edges;
    if (Array.isArray(edges)) return edges.length > 0;
    const data = (result as Record<string, unknown>)[`${typename}_data`];
    if (/Success$/.test(typename))
      return data !== false && data !== null && !(Array.isArray(data) && data.length === 0);
    return true;
  }
  return result !== false;
}
