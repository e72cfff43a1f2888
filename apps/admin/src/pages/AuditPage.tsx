import { ApiPending } from './ApiPending';

// The API records audit entries but has no query for them yet (docs/admin.md, "Wiring status").
export default function AuditPage() {
  return <ApiPending title="nav.audit" />;
}
