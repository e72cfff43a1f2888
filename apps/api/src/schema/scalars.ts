import {
  DateTimeResolver,
  DurationResolver,
  EmailAddressResolver,
  JSONResolver,
  NonNegativeFloatResolver,
} from 'graphql-scalars';
import { builder } from '../builder';

builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'A point in time as an RFC 3339 string in UTC, e.g. 2024-03-01T09:30:00.000Z.',
});
builder.addScalarType('Duration', DurationResolver, {
  description: 'A length of time as an ISO 8601 duration, e.g. PT4M30S (4 minutes 30 seconds).',
});
builder.addScalarType('EmailAddress', EmailAddressResolver, {
  description: 'An e-mail address (RFC 5322).',
});
builder.addScalarType('JSON', JSONResolver, {
  description: 'Any JSON value; used only where the shape is documented on the field.',
});
builder.addScalarType('NonNegativeFloat', NonNegativeFloatResolver, {
  description: 'A floating point number that is 0 or greater.',
});
