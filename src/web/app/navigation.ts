// What each role may open. The navbar and the signed-in home read this list, so a
// link never appears for someone the server would refuse (the role sets are the
// server's own, from src/contracts/roles.ts).
import type { ComponentType } from 'react';
import type { Role } from '../../contracts/common.ts';
import {
  Alert,
  Book,
  Building,
  Chat,
  Home,
  Key,
  Lifebuoy,
  List,
  Mail,
  Star,
  User,
  Users,
} from '../components/icons.tsx';
import {
  MEASURE_VIEWER_ROLES,
  BUSINESS_ROLES,
  CDCI_METHOD_ROLES,
  CASE_HANDLER_ROLES,
  ENTERPRISE_ROLES,
  IMPORT_ROLES,
  ORGANIZER_ROLES,
  RESULTS_ROLES,
  STAFF_ROLES,
  SUPPORT_ROLES,
  SURVEY_OWNER_ROLES,
  SURVEY_FORWARDER_ROLES,
  SURVEY_RESPONDENT_ROLES,
} from '../../contracts/roles.ts';

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

export const NAV_GROUPS: NavGroup[] = [
  {
    key: 'main',
    labelKey: 'nav.main',
    items: [
      {
        to: '/app',
        labelKey: 'nav.dashboard',
        descriptionKey: 'nav.dashboardDescription',
        icon: Home,
        testId: 'nav-dashboard',
      },
      {
        to: '/app/to-khai',
        labelKey: 'nav.myDeclarations',
        descriptionKey: 'nav.myDeclarationsDescription',
        icon: Star,
        roles: ENTERPRISE_ROLES,
        testId: 'nav-my-declarations',
      },
      {
        to: '/theo-doi',
        labelKey: 'screens.follow.nav',
        descriptionKey: 'screens.follow.navDescription',
        icon: List,
        roles: ENTERPRISE_ROLES,
        testId: 'nav-follow',
      },
      {
        to: '/app/phan-anh',
        labelKey: 'nav.cases',
        descriptionKey: 'nav.casesDescription',
        icon: Alert,
        roles: CASE_HANDLER_ROLES,
        testId: 'nav-cases',
      },
      {
        to: '/app/nhap-to-khai',
        labelKey: 'nav.imports',
        descriptionKey: 'nav.importsDescription',
        icon: List,
        roles: IMPORT_ROLES,
        testId: 'nav-imports',
      },
      {
        to: '/app/man-hinh',
        labelKey: 'screens.nav',
        descriptionKey: 'screens.navDescription',
        icon: Home,
        roles: ORGANIZER_ROLES,
        testId: 'nav-screens',
      },
      {
        to: '/app/ket-qua',
        labelKey: 'results.nav',
        descriptionKey: 'results.navDescription',
        icon: Star,
        roles: RESULTS_ROLES,
        testId: 'nav-results',
      },
    ],
  },
  {
    key: 'admin',
    labelKey: 'nav.admin',
    roles: ADMIN,
    items: [
      {
        to: '/app/admin/units',
        labelKey: 'nav.units',
        descriptionKey: 'nav.unitsDescription',
        icon: Building,
        roles: ADMIN,
        testId: 'nav-units',
      },
      {
        to: '/app/admin/accounts',
        labelKey: 'nav.accounts',
        descriptionKey: 'nav.accountsDescription',
        icon: Users,
        roles: ADMIN,
        testId: 'nav-accounts',
      },
      {
        to: '/app/admin/api-keys',
        labelKey: 'nav.apiKeys',
        descriptionKey: 'nav.apiKeysDescription',
        icon: Key,
        roles: ADMIN,
        testId: 'nav-api-keys',
      },
      {
        to: '/app/admin/audit',
        labelKey: 'nav.audit',
        descriptionKey: 'nav.auditDescription',
        icon: List,
        roles: ADMIN,
        testId: 'nav-audit',
      },
      {
        to: '/app/admin/outbox',
        labelKey: 'nav.outbox',
        descriptionKey: 'nav.outboxDescription',
        icon: Mail,
        roles: ADMIN,
        testId: 'nav-outbox',
      },
    ],
  },
  {
    key: 'partnership',
    labelKey: 'partnership.nav.group',
    roles: [...ORGANIZER_ROLES, ...BUSINESS_ROLES],
    items: [
      {
        to: '/app/events',
        labelKey: 'partnership.nav.events',
        descriptionKey: 'partnership.nav.eventsDescription',
        icon: Chat,
        roles: [...ORGANIZER_ROLES, ...ENTERPRISE_ROLES],
        testId: 'nav-events',
      },
      {
        to: '/app/dialogues',
        labelKey: 'partnership.nav.dialogues',
        descriptionKey: 'partnership.nav.dialoguesDescription',
        icon: Users,
        roles: [...ORGANIZER_ROLES, ...ENTERPRISE_ROLES],
        testId: 'nav-dialogues',
      },
      {
        to: '/app/agreements',
        labelKey: 'partnership.nav.agreements',
        descriptionKey: 'partnership.nav.agreementsDescription',
        icon: Building,
        roles: [...ORGANIZER_ROLES, ...BUSINESS_ROLES],
        testId: 'nav-agreements',
      },
      {
        to: '/van-ban',
        labelKey: 'partnership.nav.documents',
        descriptionKey: 'partnership.nav.documentsDescription',
        icon: Book,
        roles: [...ORGANIZER_ROLES, ...BUSINESS_ROLES],
        testId: 'nav-documents',
      },
      {
        to: '/app/ke-hoach',
        labelKey: 'plan.nav',
        descriptionKey: 'plan.navDescription',
        icon: List,
        roles: MEASURE_VIEWER_ROLES,
        testId: 'nav-plan',
      },
      {
        to: '/gop-y',
        labelKey: 'consultations.nav',
        descriptionKey: 'consultations.navDescription',
        icon: Chat,
        roles: [...ORGANIZER_ROLES, ...BUSINESS_ROLES],
        testId: 'nav-consultations',
      },
      {
        to: '/app/khao-sat',
        labelKey: 'surveys.nav',
        descriptionKey: 'surveys.navDescription',
        icon: List,
        roles: [...SURVEY_OWNER_ROLES, ...SURVEY_RESPONDENT_ROLES, ...SURVEY_FORWARDER_ROLES],
        testId: 'nav-surveys',
      },
      {
        to: '/app/chi-so',
        labelKey: 'cdci.nav.methods',
        descriptionKey: 'cdci.nav.methodsDescription',
        icon: Star,
        roles: CDCI_METHOD_ROLES,
        testId: 'nav-cdci',
      },
      {
        to: '/app/chi-so/chi-cuc',
        labelKey: 'cdci.nav.branch',
        descriptionKey: 'cdci.nav.branchDescription',
        icon: Star,
        roles: ['branch_leader'],
        testId: 'nav-cdci-branch',
      },
      {
        to: '/app/cuoc-thi',
        labelKey: 'contests.nav',
        descriptionKey: 'contests.navDescription',
        icon: Star,
        roles: [...ORGANIZER_ROLES, ...ENTERPRISE_ROLES],
        testId: 'nav-contests',
      },
      {
        to: '/app/newsletters',
        labelKey: 'partnership.nav.newsletters',
        descriptionKey: 'partnership.nav.newslettersDescription',
        icon: Mail,
        roles: ORGANIZER_ROLES,
        testId: 'nav-newsletters',
      },
      {
        to: '/app/event-results',
        labelKey: 'partnership.nav.results',
        descriptionKey: 'partnership.nav.resultsDescription',
        icon: List,
        roles: ORGANIZER_ROLES,
        testId: 'nav-event-results',
      },
    ],
  },
  {
    key: 'support',
    labelKey: 'support.nav.group',
    roles: SUPPORT_ROLES,
    items: [
      {
        to: '/app/ho-tro',
        labelKey: 'support.nav.requests',
        descriptionKey: 'support.nav.requestsDescription',
        icon: Lifebuoy,
        roles: SUPPORT_ROLES,
        testId: 'nav-support',
      },
      {
        to: '/app/ho-tro-bao-cao',
        labelKey: 'support.nav.dashboard',
        descriptionKey: 'support.nav.dashboardDescription',
        icon: Chat,
        roles: STAFF_ROLES,
        testId: 'nav-support-dashboard',
      },
      {
        to: '/app/hoi-dap',
        labelKey: 'support.nav.bank',
        descriptionKey: 'support.nav.bankDescription',
        icon: Book,
        roles: STAFF_ROLES,
        testId: 'nav-question-bank',
      },
      {
        to: '/app/hoi-dap-ra-soat',
        labelKey: 'contests.reviewNav',
        descriptionKey: 'contests.reviewNavDescription',
        icon: Alert,
        roles: STAFF_ROLES,
        testId: 'nav-qa-review',
      },
      {
        to: '/hoi-dap',
        labelKey: 'support.nav.public',
        descriptionKey: 'support.nav.publicDescription',
        icon: Book,
        roles: SUPPORT_ROLES,
        testId: 'nav-public-bank',
      },
      {
        to: '/app/ho-tro-thu-den',
        labelKey: 'supportInbound.nav.inbox',
        descriptionKey: 'supportInbound.nav.inboxDescription',
        icon: Mail,
        roles: STAFF_ROLES,
        testId: 'nav-support-inbox',
      },
      {
        to: '/app/ho-tro-thoi-han',
        labelKey: 'supportInbound.nav.levels',
        descriptionKey: 'supportInbound.nav.levelsDescription',
        icon: List,
        roles: STAFF_ROLES,
        testId: 'nav-support-levels',
      },
    ],
  },
  {
    key: 'account',
    labelKey: 'nav.accountGroup',
    items: [
      {
        to: '/app/account',
        labelKey: 'nav.account',
        descriptionKey: 'nav.accountDescription',
        icon: User,
        testId: 'nav-account',
      },
    ],
  },
];
