// The survey-definition editing mutations, one file per concept. Every one goes through @ksp/db's
// changeDefinition (see change-definition.ts): one transaction, version check, domain validation, audit entry.
import './area-mutations';
import './performance-mutations';
import './question-mutations';
import './option-mutations';
import './channel-rule-mutations';
