// The public surface of @ksp/domain. Everything the API, the database layer and the app use comes from here.
export * from './model/area';
export * from './model/channel';
export * from './model/edition';
export * from './model/evaluation';
export * from './model/locale';
export * from './model/performance';
export * from './model/question';
export * from './validation/issue';
export * from './comparison/definition-change';
