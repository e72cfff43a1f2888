import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the API's committed schema file, so generation never needs a running server.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    './src/generated/gql/': {
      preset: 'client',
      // Masked fragments: a component reads a fragment's fields only through `readFragment` (api/outcome.ts).
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'readFragment' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          DateTime: 'string',
          Duration: 'string',
          EmailAddress: 'string',
          JSON: 'unknown',
          NonNegativeFloat: 'number',
        },
      },
    },
  },
};

export default config;
