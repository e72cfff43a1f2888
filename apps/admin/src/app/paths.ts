/** Every URL in the app, in one place, so links and routes can't drift apart. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  editions: '/editions',
  editor: (editionKey = ':edition') => `/editions/${editionKey}/editor`,
  /** The editor with one tree node (`nodeId` of features/editor/treeNodes) selected, e.g. where a check failed. */
  editorAt: (editionKey: string, nodeId: string) =>
    `/editions/${editionKey}/editor?item=${encodeURIComponent(nodeId)}`,
  changes: (editionKey = ':edition') => `/editions/${editionKey}/changes`,
  results: (editionKey = ':edition') => `/editions/${editionKey}/results`,
  company: (editionKey = ':edition', companyKey = ':company') =>
    `/editions/${editionKey}/companies/${companyKey}`,
  observe: '/observe',
  audit: '/audit',
  auditOf: (editionKey = ':edition') => `/editions/${editionKey}/audit`,
  // Award results and what-if sit under Results (tabs there), so the menu stays short.
  awards: (editionKey = ':edition') => `/results/awards/${editionKey}`,
  whatIf: (editionKey = ':edition') => `/results/what-if/${editionKey}`,
  importEvaluations: (editionKey = ':edition') => `/files/import/${editionKey}`,
  translations: (editionKey = ':edition') => `/files/translations/${editionKey}`,
} as const;
