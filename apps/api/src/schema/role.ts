import { ROLES } from '../auth/viewer';
import { builder } from '../builder';

export const RoleEnum = builder.enumType('Role', {
  description: 'What a user may do.',
  values: {
    admin: { value: ROLES[0], description: 'Everything: definitions, publication, users and roles.' },
    analyst: { value: ROLES[1], description: 'Reads everything, including results of all editions.' },
    observer: {
      value: ROLES[2],
      description: 'Reads published editions; submits and edits own evaluations until the edition closes.',
    },
  } as const,
});
