// The one allowed breaking change: removing what the previous release had already deprecated with a reason,
// so clients had a release's warning (in introspection and GraphiQL) before it went away.
import { type Change, ChangeType } from '@graphql-inspector/core';
import {
  DEFAULT_DEPRECATION_REASON,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';

const REMOVALS: ReadonlySet<string> = new Set([
  ChangeType.FieldRemoved,
  ChangeType.FieldArgumentRemoved,
  ChangeType.InputFieldRemoved,
  ChangeType.EnumValueRemoved,
  ChangeType.TypeRemoved,
]);

/** A bare `@deprecated` gets graphql-js's default reason; it tells clients nothing, so it does not count. */
function hasReason(reason: string | null | undefined): boolean {
  return !!reason?.trim() && reason !== DEFAULT_DEPRECATION_REASON;
}

/** Deprecation reason of `Type.member` or `Type.field.arg` in the base schema (inspector's change paths). */
function reasonAt(base: GraphQLSchema, path: string): string | null | undefined {
  const [typeName, member, argName] = path.split('.');
  const type = base.getType(typeName ?? '');
  if (!type || member === undefined) return undefined;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason;
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    return argName === undefined
      ? field?.deprecationReason
      : field?.args.find((arg) => arg.name === argName)?.deprecationReason;
  }
  if (isInputObjectType(type)) return type.getFields()[member]?.deprecationReason;
  return undefined;
}

/**
 * GraphQL cannot deprecate a type itself, so a type counts as deprecated when every field, argument and input
 * field that used it was deprecated with a reason. A union member or an interface cannot be deprecated either:
 * a type still in one of those is not removable this way.
 */
function typeDeprecated(base: GraphQLSchema, removed: GraphQLNamedType): boolean {
  let used = false;
  for (const type of Object.values(base.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      if (type.getInterfaces().some((iface) => iface === removed)) return false;
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type) === removed) {
          if (!hasReason(field.deprecationReason)) return false;
          used = true;
        }
        for (const arg of field.args) {
          if (getNamedType(arg.type) !== removed) continue;
          // An argument of a deprecated field goes away with its field.
          if (!hasReason(arg.deprecationReason) && !hasReason(field.deprecationReason)) return false;
          used = true;
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type) !== removed) continue;
        if (!hasReason(field.deprecationReason)) return false;
        used = true;
      }
    } else if (isUnionType(type) && type.getTypes().some((member) => member === removed)) {
      return false;
    }
  }
  return used;
}

/** Whether a breaking change is the removal of something the base schema deprecated with a reason. */
export function isDeprecatedRemoval(change: Change, base: GraphQLSchema): boolean {
  if (!REMOVALS.has(change.type) || !change.path) return false;
  if (change.type === ChangeType.TypeRemoved) {
    const type = base.getType(change.path);
    return !!type && typeDeprecated(base, type);
  }
  return hasReason(reasonAt(base, change.path));
}
