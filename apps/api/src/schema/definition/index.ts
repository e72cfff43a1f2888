// The survey-definition editing mutations, one file per concept. Every one goes through editDefinition
// (change-definition.ts) into @ksp/db's changeDefinition: one transaction, version check, domain validation, audit entry.
import './area-mutations';
import './performance-mutations';
import './question-mutations';
import './option-mutations';
import './channel-rule-mutations';
import './apply-definition-changes';
