import type { Permission } from '../auth/permissions';
import type { MessageKey } from '../i18n/nb';

export interface NavItem {
  href: string;
  label: MessageKey;
  permission: Permission;
}

/** The main navigation; each item shows only to roles with its permission. */
export const navItems: readonly NavItem[] = [
  { href: '/editions', label: 'nav.editions', permission: 'editions.view' },
  { href: '/editor', label: 'nav.editor', permission: 'definition.view' },
  { href: '/changes', label: 'nav.changes', permission: 'changes.view' },
  { href: '/results', label: 'nav.results', permission: 'results.view' },
  { href: '/files', label: 'nav.files', permission: 'definition.view' },
  { href: '/observe', label: 'nav.observe', permission: 'evaluations.submit' },
  { href: '/audit', label: 'nav.audit', permission: 'audit.view' },
];
