import { ApiPending } from './ApiPending';

// Wired to the API once it offers this screen's operations (docs/admin.md, "Wiring status").
export default function AuditPage() {
  return <ApiPending title="nav.audit" />;
}
