import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { can, type Permission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import { Loading } from '../ui/StateViews';
import { NotFound } from './NotFound';
import { navItems } from './navigation';

// One lazy chunk per screen keeps the first load small (see scripts/check-size.mjs).
const EditionsPage = lazy(() => import('../pages/EditionsPage'));
const EditorPage = lazy(() => import('../pages/EditorPage'));
const ChangesPage = lazy(() => import('../pages/ChangesPage'));
const ResultsPage = lazy(() => import('../pages/ResultsPage'));
const CompanyPage = lazy(() => import('../pages/CompanyPage'));
const ObserverPage = lazy(() => import('../pages/ObserverPage'));
const AuditPage = lazy(() => import('../pages/AuditPage'));
const AwardsPage = lazy(() => import('../pages/AwardsPage'));
const WhatIfPage = lazy(() => import('../pages/WhatIfPage'));
const FilesPage = lazy(() => import('../pages/FilesPage'));
const ImportPage = lazy(() => import('../pages/ImportPage'));
const TranslationsPage = lazy(() => import('../pages/TranslationsPage'));

const routes: Array<{ path: string; permission: Permission; Page: React.ComponentType }> = [
  { path: '/editions', permission: 'editions.view', Page: EditionsPage },
  { path: '/editor', permission: 'definition.view', Page: EditorPage },
  { path: '/editions/:edition/editor', permission: 'definition.view', Page: EditorPage },
  { path: '/changes', permission: 'changes.view', Page: ChangesPage },
  { path: '/editions/:edition/changes', permission: 'changes.view', Page: ChangesPage },
  { path: '/results', permission: 'results.view', Page: ResultsPage },
  { path: '/editions/:edition/results', permission: 'results.view', Page: ResultsPage },
  { path: '/editions/:edition/companies/:company', permission: 'results.view', Page: CompanyPage },
  { path: '/observe', permission: 'evaluations.submit', Page: ObserverPage },
  { path: '/audit', permission: 'audit.view', Page: AuditPage },
  { path: '/editions/:edition/audit', permission: 'audit.view', Page: AuditPage },
  { path: '/results/awards', permission: 'results.view', Page: AwardsPage },
  { path: '/results/awards/:edition', permission: 'results.view', Page: AwardsPage },
  { path: '/results/what-if', permission: 'results.view', Page: WhatIfPage },
  { path: '/results/what-if/:edition', permission: 'results.view', Page: WhatIfPage },
  { path: '/files', permission: 'definition.view', Page: FilesPage },
  { path: '/files/import', permission: 'editions.manage', Page: ImportPage },
  { path: '/files/import/:edition', permission: 'editions.manage', Page: ImportPage },
  { path: '/files/translations', permission: 'definition.view', Page: TranslationsPage },
  { path: '/files/translations/:edition', permission: 'definition.view', Page: TranslationsPage },
];

/** The signed-in app's routes; a role only gets the routes it may use. */
export function AppRoutes({ user }: { user: SessionUser }) {
  const home = navItems.find((item) => can(user.role, item.permission))?.href ?? '/';
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          <Redirect to={home} replace />
        </Route>
        <Route path="/sign-in">
          <Redirect to={home} replace />
        </Route>
        {routes
          .filter((route) => can(user.role, route.permission))
          .map(({ path, Page }) => (
            <Route key={path} path={path} component={Page} />
          ))}
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}
