import { builder } from '../builder';

builder.queryType({
  description: 'Reads. Every field needs a signed-in user unless its description says otherwise.',
});
builder.mutationType({
  description: 'Writes. Each returns a union of its success type and the typed errors it can produce.',
});
