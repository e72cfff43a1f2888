import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the API's committed schema file, so generation never needs a running server.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    './src/generated/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
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
