import { Redirect } from 'wouter';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session';

/** `/files`: admins start at the evaluation import, analysts at the translations. */
export default function FilesPage() {
  const role = useSession().session?.user.role;
  return <Redirect to={can(role, 'editions.manage') ? '/files/import' : '/files/translations'} replace />;
}
