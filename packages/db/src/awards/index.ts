// Frozen award results (snapshots with revisions) and award rules as data.

export { loadAwardRules, saveAwardRules } from './award-rules';
export { AwardSnapshotFrozenError, AwardSnapshotStateError } from './award-snapshot-errors';
export {
  type AwardSnapshotRecord,
  findAwardSnapshot,
  listAwardSnapshots,
  rulesHashOf,
  rulesVersionOf,
  type StoreSnapshotInput,
  storeAwardSnapshot,
} from './award-snapshots';
export { VersionMismatchError } from './version-mismatch-error';
