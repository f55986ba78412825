// What each role may open. The navbar and the signed-in home read this list, so a
// link never appears for someone the server would refuse.
import type { ComponentType } from 'react';
import type { Role } from '../../contracts/common.ts';
import { Book, Building, Chat, Home, Key, Lifebuoy, List, Mail, User, Users } from '../components/icons.tsx';

export interface NavItem {
  to: string;
  labelKey: string;
  descriptionKey: string;
  icon: ComponentType<{ size?: number }>;
  /** Roles that may open it; undefined = everyone signed in. */
  roles?: readonly Role[];
  testId: string;
}

export interface NavGroup {
  key: string;
  labelKey: string;
  roles?: readonly Role[];
  items: NavItem[];
}

const ADMIN: readonly Role[] = ['admin'];
const SUPPORT_STAFF: readonly Role[] = ['officer', 'team_lead', 'branch_leader', 'department_leader', 'gd_staff'];
const SUPPORT_USERS: readonly Role[] = [...SUPPORT_STAFF, 'enterprise_user', 'broker', 'association_rep'];

export const NAV_GROUPS: NavGroup[] = [
  {
    key: 'main',
    labelKey: 'nav.main',
    items: [{ to: '/app', labelKey: 'nav.dashboard', descriptionKey: 'nav.dashboardDescription', icon: Home, testId: 'nav-dashboard' }],
  },
  {
    key: 'admin',
    labelKey: 'nav.admin',
    roles: ADMIN,
    items: [
      { to: '/app/admin/units', labelKey: 'nav.units', descriptionKey: 'nav.unitsDescription', icon: Building, roles: ADMIN, testId: 'nav-units' },
      { to: '/app/admin/accounts', labelKey: 'nav.accounts', descriptionKey: 'nav.accountsDescription', icon: Users, roles: ADMIN, testId: 'nav-accounts' },
      { to: '/app/admin/api-keys', labelKey: 'nav.apiKeys', descriptionKey: 'nav.apiKeysDescription', icon: Key, roles: ADMIN, testId: 'nav-api-keys' },
      { to: '/app/admin/audit', labelKey: 'nav.audit', descriptionKey: 'nav.auditDescription', icon: List, roles: ADMIN, testId: 'nav-audit' },
      { to: '/app/admin/outbox', labelKey: 'nav.outbox', descriptionKey: 'nav.outboxDescription', icon: Mail, roles: ADMIN, testId: 'nav-outbox' },
    ],
  },
  {
    key: 'support',
    labelKey: 'support.nav.group',
    roles: SUPPORT_USERS,
    items: [
      { to: '/app/ho-tro', labelKey: 'support.nav.requests', descriptionKey: 'support.nav.requestsDescription', icon: Lifebuoy, roles: SUPPORT_USERS, testId: 'nav-support' },
      { to: '/app/ho-tro-bao-cao', labelKey: 'support.nav.dashboard', descriptionKey: 'support.nav.dashboardDescription', icon: Chat, roles: SUPPORT_STAFF, testId: 'nav-support-dashboard' },
      { to: '/app/hoi-dap', labelKey: 'support.nav.bank', descriptionKey: 'support.nav.bankDescription', icon: Book, roles: SUPPORT_STAFF, testId: 'nav-question-bank' },
      { to: '/hoi-dap', labelKey: 'support.nav.public', descriptionKey: 'support.nav.publicDescription', icon: Book, roles: SUPPORT_USERS, testId: 'nav-public-bank' },
    ],
  },
  {
    key: 'account',
    labelKey: 'nav.accountGroup',
    items: [{ to: '/app/account', labelKey: 'nav.account', descriptionKey: 'nav.accountDescription', icon: User, testId: 'nav-account' }],
  },
];
