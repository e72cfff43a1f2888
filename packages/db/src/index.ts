// The public surface of @ksp/db: the database factory, migrations, the data-access layer and its errors.

export {
  AUDIT_ENTRY_ORDER,
  type AuditEntryFilter,
  auditEntryWhere,
  countAuditEntries,
  listAuditEntries,
} from './audit/list-audit-entries';
export {
  type AuditClient,
  type AuditEntryInput,
  recordAuditEntry,
} from './audit/record-audit-entry';
export * from './awards';
export {
  createDatabase,
  type Database,
  type DatabaseKind,
  type DatabaseOptions,
  type PoolTimeouts,
  poolTimeoutsFromEnv,
} from './database/create-database';
export { isDatabaseUnavailable } from './database/database-unavailable';
export type { NotificationHandlers, NotificationListener } from './database/notifications';
export type { CopyLine, SqlDriver, SqlExecutor } from './database/sql-driver';
export {
  type AreaChanges,
  addArea,
  type NewArea,
  removeArea,
  reorderAreas,
  updateArea,
} from './definition/area-edits';
export {
  changeDefinition,
  type DefinitionEdit,
  type DefinitionReader,
  type DefinitionRequest,
  type EditedDefinition,
  type PlanEdit,
} from './definition/change-definition';
export { type ChannelRuleChanges, setChannelRule } from './definition/channel-edits';
export {
  DefinitionKeyTakenError,
  DefinitionNotFoundError,
  DefinitionReadOnlyError,
  DefinitionValidationError,
  DefinitionVersionConflictError,
} from './definition/definition-errors';
export {
  addDefinitionItem,
  removeDefinitionItem,
  reorderDefinitionItems,
  updateDefinitionItem,
} from './definition/definition-item-edits';
export {
  addOption,
  type NewOption,
  type OptionChanges,
  removeOption,
  reorderOptions,
  updateOption,
} from './definition/option-edits';
export {
  addPerformance,
  type NewPerformance,
  type PerformanceChanges,
  removePerformance,
  reorderPerformances,
  updatePerformance,
} from './definition/performance-edits';
export {
  addQuestion,
  type NewQuestion,
  type QuestionChanges,
  removeQuestion,
  reorderQuestions,
  updateQuestion,
} from './definition/question-edits';
export {
  type DraftEditConflict,
  DraftEditsRefusedError,
  lockDraftEdition,
  type SavedDraftEdits,
  saveDraftEdits,
} from './definition/save-draft-edits';
export {
  ConstraintViolationError,
  EditionReadOnlyError,
  EditionStatusChangeError,
  NotFoundError,
} from './errors/database-errors';
export { InUseError } from './errors/in-use-error';
export { RecordNotFoundError } from './errors/record-not-found-error';
export { translateDatabaseError, withDatabaseErrors } from './errors/translate-database-error';
export type { PrismaClient } from './generated/prisma/client';
export { migrateToLatest } from './migrations/migrate-to-latest';
export { MigrationFailedError, MigrationHistoryError } from './migrations/migration-errors';
export { type MigrationStatus, migrationStatus } from './migrations/migration-status';
export { resetDatabase } from './migrations/reset-database';
export {
  type ApiTokenRecord,
  createApiToken,
  findLiveApiToken,
  markApiTokenUsed,
  revokeApiToken,
  revokeUserApiTokens,
} from './repositories/api-tokens';
export type { ChangeRecord, RecordChange } from './repositories/change-recorder';
export { addCompanies, listCompanies } from './repositories/companies';
export { type CopiedEdition, copyEdition } from './repositories/copy-edition';
export { createEmptyEdition } from './repositories/create-empty-edition';
export {
  EDITION_DATA_CHANNEL,
  type EditionDataChange,
  type EditionDataVersion,
  listenForEditionDataChanges,
  parseEditionDataPayload,
  readEditionDataVersion,
} from './repositories/data-version';
export {
  type EditionImportInput,
  type EditionImportResult,
  type ImportedParticipant,
  importEdition,
} from './repositories/edition-import';
export {
  type EditionSummary,
  listEditions,
  loadEdition,
  saveEdition,
  setEditionStatus,
} from './repositories/editions';
export {
  type EvaluationImportWriter,
  findStoredContactIds,
  type ImportBatchResult,
  type ImportCompany,
  type ImportReferences,
  loadImportReferences,
  writeEvaluationImport,
} from './repositories/evaluation-import';
export {
  type EvaluationContent,
  type InsertEvaluationsOptions,
  type InsertEvaluationsResult,
  insertEvaluations,
  loadEvaluations,
  type UpdatedEvaluation,
  updateEvaluation,
} from './repositories/evaluations';
export { addIndustries, type IndustryRecord, listIndustries } from './repositories/industries';
export type { InsertedEvaluation, PreparedEvaluation } from './repositories/insert-evaluation-rows';
export { createKnownDevice, findKnownDevice, renewKnownDevice } from './repositories/known-devices';
export {
  type EditionLineageView,
  type LineageItem,
  type LineageMarkChange,
  loadEditionLineage,
  saveLineageMark,
} from './repositories/lineage';
export {
  type LoginAttemptKey,
  type LoginHistory,
  markLoginSucceeded,
  pruneLoginAttempts,
  reserveLoginAttempt,
} from './repositories/login-attempts';
export {
  addParticipations,
  enrolCompanies,
  listParticipants,
  type ParticipationChange,
  type ParticipationRecord,
  removeParticipation,
  type StoredParticipation,
  updateParticipation,
} from './repositories/participations';
export { editionResults, editionResultsFromAnswers } from './repositories/results';
export {
  addRolePlays,
  createRolePlay,
  listRolePlays,
  type RolePlayChange,
  type RolePlayRecord,
  type StoredRolePlay,
  updateRolePlay,
} from './repositories/role-plays';
export {
  type CredentialUser,
  createSession,
  findLiveSession,
  revokeSession,
  revokeUserSessions,
} from './repositories/sessions';
export { type StoredAnswerRow, type StoredAnswers, storedAnswerRows } from './repositories/stored-answers';
export {
  type StoredCommentRow,
  type StoredComments,
  storedCommentRows,
} from './repositories/stored-comments';
export {
  addUsers,
  findUserByEmail,
  listUsers,
  type NewUser,
  normalizeEmail,
  type UserRecord,
} from './repositories/users';
export * from './webhooks';
