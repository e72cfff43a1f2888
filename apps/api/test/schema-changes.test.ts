import { describe, expect, it } from 'vitest';
import { checkSchemaChanges } from '../scripts/schema-changes';

const base = (deprecation = '') => `
type Query {
  survey(id: ID!, limit: Int): Survey
}
type Survey {
  id: ID!
  title: String
  legacyName: String${deprecation}
}
`;

const paths = (changes: { path?: string }[]) => changes.map((change) => change.path);

describe('checkSchemaChanges', () => {
  it('fails on a removed field', async () => {
    const { failures } = await checkSchemaChanges(base(), base().replace('  legacyName: String\n', ''));
    expect(paths(failures)).toEqual(['Survey.legacyName']);
  });

  it('allows removing a field deprecated with a reason in the base', async () => {
    const deprecated = base(' @deprecated(reason: "Use `title`.")');
    const head = deprecated.replace(/ {2}legacyName.*\n/, '');
    const { changes, failures } = await checkSchemaChanges(deprecated, head);
    expect(paths(changes)).toContain('Survey.legacyName');
    expect(failures).toEqual([]);
  });

  it('fails when the deprecation gave no reason', async () => {
    const deprecated = base(' @deprecated');
    const { failures } = await checkSchemaChanges(deprecated, deprecated.replace(/ {2}legacyName.*\n/, ''));
    expect(paths(failures)).toEqual(['Survey.legacyName']);
  });

  it('does not fail on an added field', async () => {
    const { changes, failures } = await checkSchemaChanges(
      base(),
      base().replace('  id: ID!\n', '  id: ID!\n  year: Int\n'),
    );
    expect(paths(changes)).toEqual(['Survey.year']);
    expect(failures).toEqual([]);
  });

  it('fails on a changed argument type', async () => {
    const { failures } = await checkSchemaChanges(base(), base().replace('limit: Int', 'limit: String'));
    expect(paths(failures)).toEqual(['Query.survey.limit']);
  });

  it('allows removing a type once every field using it was deprecated with a reason', async () => {
    const withType = (deprecation: string) => `
type Query {
  survey: Survey
  old: Old${deprecation}
}
type Survey { id: ID! }
type Old { id: ID! }
`;
    const head = `
type Query {
  survey: Survey
}
type Survey { id: ID! }
`;
    expect((await checkSchemaChanges(withType(' @deprecated(reason: "Gone.")'), head)).failures).toEqual([]);
    expect(paths((await checkSchemaChanges(withType(''), head)).failures)).toEqual(['Old', 'Query.old']);
  });

  it('allows removing a deprecated argument and enum value, not undeprecated ones', async () => {
    const sdl = (limit: string, draft: string) => `
type Query {
  surveys(status: Status, limit: Int${limit}): [ID!]
}
enum Status {
  OPEN
  DRAFT${draft}
}
`;
    const head = 'type Query {\n  surveys(status: Status): [ID!]\n}\nenum Status {\n  OPEN\n}\n';
    const reason = ' @deprecated(reason: "Always 100.")';
    expect((await checkSchemaChanges(sdl(reason, reason), head)).failures).toEqual([]);
    expect(paths((await checkSchemaChanges(sdl('', ''), head)).failures).sort()).toEqual([
      'Query.surveys.limit',
      'Status.DRAFT',
    ]);
  });
});
