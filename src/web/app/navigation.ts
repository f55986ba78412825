// What each role may open. The navbar and the signed-in home read this list, so a
// link never appears for someone the server would refuse.
import type { ComponentType } from 'react';
import type { Role } from '../../contracts/common.ts';
import { Alert, Book, Building, Chat, Home, Key, Lifebuoy, List, Mail, Star, User, Users } from '../components/icons.tsx';
import { CASE_HANDLERS, DECLARANTS, DECLARATION_ENTRY, RESULTS_ROLES } from './access.ts';

export { CASE_HANDLERS, DECLARANTS, DECLARATION_ENTRY, RESULTS_ROLES };

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
const PARTNERSHIP_ORGANIZER: readonly Role[] = ['branch_leader', 'department_leader', 'gd_staff'];
const PARTNERSHIP_BUSINESS: readonly Role[] = ['enterprise_user', 'broker'];
const SUPPORT_STAFF: readonly Role[] = ['officer', 'team_lead', 'branch_leader', 'department_leader', 'gd_staff'];
const SUPPORT_USERS: readonly Role[] = [...SUPPORT_STAFF, 'enterprise_user', 'broker', 'association_rep'];

export const NAV_GROUPS: NavGroup[] = [
  {
    key: 'main',
    labelKey: 'nav.main',
    items: [
      { to: '/app', labelKey: 'nav.dashboard', descriptionKey: 'nav.dashboardDescription', icon: Home, testId: 'nav-dashboard' },
      { to: '/app/to-khai', labelKey: 'nav.myDeclarations', descriptionKey: 'nav.myDeclarationsDescription', icon: Star, roles: DECLARANTS, testId: 'nav-my-declarations' },
      { to: '/app/phan-anh', labelKey: 'nav.cases', descriptionKey: 'nav.casesDescription', icon: Alert, roles: CASE_HANDLERS, testId: 'nav-cases' },
      { to: '/app/nhap-to-khai', labelKey: 'nav.imports', descriptionKey: 'nav.importsDescription', icon: List, roles: DECLARATION_ENTRY, testId: 'nav-imports' },
      { to: '/app/ket-qua', labelKey: 'results.nav', descriptionKey: 'results.navDescription', icon: Star, roles: RESULTS_ROLES, testId: 'nav-results' },
    ],
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
    key: 'partnership',
    labelKey: 'partnership.nav.group',
    roles: [...PARTNERSHIP_ORGANIZER, ...PARTNERSHIP_BUSINESS, 'association_rep'],
    items: [
      { to: '/app/events', labelKey: 'partnership.nav.events', descriptionKey: 'partnership.nav.eventsDescription', icon: Chat, roles: [...PARTNERSHIP_ORGANIZER, ...PARTNERSHIP_BUSINESS], testId: 'nav-events' },
      { to: '/app/dialogues', labelKey: 'partnership.nav.dialogues', descriptionKey: 'partnership.nav.dialoguesDescription', icon: Users, roles: [...PARTNERSHIP_ORGANIZER, ...PARTNERSHIP_BUSINESS], testId: 'nav-dialogues' },
      { to: '/app/agreements', labelKey: 'partnership.nav.agreements', descriptionKey: 'partnership.nav.agreementsDescription', icon: Building, roles: [...PARTNERSHIP_ORGANIZER, ...PARTNERSHIP_BUSINESS, 'association_rep'], testId: 'nav-agreements' },
      { to: '/van-ban', labelKey: 'partnership.nav.documents', descriptionKey: 'partnership.nav.documentsDescription', icon: Book, roles: [...PARTNERSHIP_ORGANIZER, ...PARTNERSHIP_BUSINESS, 'association_rep'], testId: 'nav-documents' },
      { to: '/app/newsletters', labelKey: 'partnership.nav.newsletters', descriptionKey: 'partnership.nav.newslettersDescription', icon: Mail, roles: PARTNERSHIP_ORGANIZER, testId: 'nav-newsletters' },
      { to: '/app/event-results', labelKey: 'partnership.nav.results', descriptionKey: 'partnership.nav.resultsDescription', icon: List, roles: PARTNERSHIP_ORGANIZER, testId: 'nav-event-results' },
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
      { to: '/app/ho-tro-thu-den', labelKey: 'supportInbound.nav.inbox', descriptionKey: 'supportInbound.nav.inboxDescription', icon: Mail, roles: SUPPORT_STAFF, testId: 'nav-support-inbox' },
      { to: '/app/ho-tro-thoi-han', labelKey: 'supportInbound.nav.levels', descriptionKey: 'supportInbound.nav.levelsDescription', icon: List, roles: SUPPORT_STAFF, testId: 'nav-support-levels' },
    ],
  },
  {
    key: 'account',
    labelKey: 'nav.accountGroup',
    items: [{ to: '/app/account', labelKey: 'nav.account', descriptionKey: 'nav.accountDescription', icon: User, testId: 'nav-account' }],
  },
];
