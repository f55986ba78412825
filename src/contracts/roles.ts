// Who may do what, by role: the role sets and the rules built on them, shared by
// the server (which enforces them) and the web app (which shows only what the
// server would allow). Unit scope — which units a grant covers — is the server's
// business (src/server/lib/scope.ts); here a rule asks only "holds one of these roles".
import type { Role } from './common.ts';

/** Roles whose scope is a customs unit (and everything under it). */
export const CUSTOMS_ROLES = [
  'officer',
  'team_lead',
  'branch_leader',
  'department_leader',
  'inspector',
  'gd_staff',
  'admin',
] as const;
/** The business side: an enterprise's own users, brokers, and associations' focal points. */
export const BUSINESS_ROLES = ['enterprise_user', 'broker', 'association_rep'] as const;
/** Who speaks for an enterprise — declares, rates, registers for events, signs agreements: its own users and its brokers. */
export const ENTERPRISE_ROLES = ['enterprise_user', 'broker'] as const;

/** Customs roles that need a unit (the General Department's staff and administrators may have none). */
export const UNIT_REQUIRED_ROLES = ['officer', 'team_lead', 'branch_leader', 'department_leader', 'inspector'] as const;
/** Customs staff who serve businesses: officers and their leaders (not inspectors, not administrators). */
export const STAFF_ROLES = ['officer', 'team_lead', 'branch_leader', 'department_leader', 'gd_staff'] as const;
/** Leaders: team leads and above (they publish answers, lead the support desk). */
export const LEAD_ROLES = ['team_lead', 'branch_leader', 'department_leader', 'gd_staff'] as const;
/** The support desk: its staff, and businesses asking. */
export const SUPPORT_ROLES = [...STAFF_ROLES, ...BUSINESS_ROLES] as const;
/** Partnership work (events, dialogues, agreements, documents, newsletters) is run by branch and department leadership and the General Department. */
export const ORGANIZER_ROLES = ['branch_leader', 'department_leader', 'gd_staff'] as const;
/** Survey owners: the partnership staff of a branch, a department or the General Department. */
export const SURVEY_OWNER_ROLES = ORGANIZER_ROLES;
/** Who answers surveys for a business (an association forwards them, it does not answer). */
export const SURVEY_RESPONDENT_ROLES = ENTERPRISE_ROLES;
/** Who passes an open survey on to the members of an association. */
export const SURVEY_FORWARDER_ROLES = ['association_rep'] as const;
/** Who verifies flag cases (the server routes each case to one of them). */
export const CASE_HANDLER_ROLES = ['team_lead', 'branch_leader', 'department_leader', 'inspector', 'gd_staff'] as const;
/** Results of the units in scope: leaders, inspectors, the General Department, administrators. */
export const RESULTS_UNIT_ROLES = [
  'team_lead',
  'branch_leader',
  'department_leader',
  'inspector',
  'gd_staff',
  'admin',
] as const;
/** Platform measures and the annual plan's progress of the units in scope: the results readers above. */
export const MEASURE_VIEWER_ROLES = RESULTS_UNIT_ROLES;
/** Who writes a unit's annual partnership plan (its own unit's only): the organizers. */
export const PLAN_EDITOR_ROLES = ORGANIZER_ROLES;
/** Whoever reads results: those above, and officers (their own page). */
export const RESULTS_ROLES = [...RESULTS_UNIT_ROLES, 'officer'] as const;
/** Customs staff of a branch (or above) who enter its declarations. */
export const DECLARATION_ENTRY_ROLES = ['officer', 'team_lead', 'branch_leader', 'department_leader', 'admin'] as const;
/** Imports cover a whole branch's declarations: its leaders, the Department's, or an administrator. */
export const IMPORT_ROLES = ['branch_leader', 'department_leader', 'admin'] as const;
/** The branch competitiveness index: a department's leadership (or the General Department) defines, computes and publishes it. */
export const CDCI_METHOD_ROLES = ['department_leader', 'gd_staff'] as const;
/** A branch's own index profile with the evidence behind it: its leaders and those above. */
export const CDCI_BRANCH_ROLES = ['branch_leader', 'department_leader', 'gd_staff'] as const;
/** Who may download the whole question bank to pass on: associations' focal points and customs staff. */
const QA_EXPORT_ROLES = ['association_rep', ...STAFF_ROLES] as const;

/**
 * Anyone a rule may be asked about: a signed-in user (the server's actor, the web
 * app's `me`), an integration client (which holds no roles), or nobody.
 */
export type RoleHolder =
  { readonly roles: readonly { readonly role: Role }[] } | { readonly kind: 'api' } | null | undefined;

/** Holds at least one of the roles. */
export function holdsRole(who: RoleHolder, roles: readonly Role[]): boolean {
  return !!who && 'roles' in who && who.roles.some((grant) => roles.includes(grant.role));
}

export const isCustomsRole = (role: Role): boolean => (CUSTOMS_ROLES as readonly Role[]).includes(role);
export const isBusinessRole = (role: Role): boolean => (BUSINESS_ROLES as readonly Role[]).includes(role);
export const requiresUnit = (role: Role): boolean => (UNIT_REQUIRED_ROLES as readonly Role[]).includes(role);

/** On the business side (an enterprise, a broker, an association). */
export const isBusiness = (who: RoleHolder): boolean => holdsRole(who, BUSINESS_ROLES);
/** Speaks for an enterprise (the server also checks that the account belongs to one). */
export const isEnterpriseUser = (who: RoleHolder): boolean => holdsRole(who, ENTERPRISE_ROLES);
/** Works the support desk (and writes question-bank answers). */
export const isSupportStaff = (who: RoleHolder): boolean => holdsRole(who, STAFF_ROLES);
/** Leads the support desk (and reviews and publishes question-bank answers). */
export const isSupportLead = (who: RoleHolder): boolean => holdsRole(who, LEAD_ROLES);
/** Organizes partnership work for some unit (which units: the server's scope check). */
export const mayOrganize = (who: RoleHolder): boolean => holdsRole(who, ORGANIZER_ROLES);
export const mayOwnSurveys = (who: RoleHolder): boolean => holdsRole(who, SURVEY_OWNER_ROLES);
export const mayForwardSurveys = (who: RoleHolder): boolean => holdsRole(who, SURVEY_FORWARDER_ROLES);
/** Sets up an office's waiting-room screens: the branch's (or its department's) partnership leadership. */
export const mayManageScreens = (who: RoleHolder): boolean => holdsRole(who, ORGANIZER_ROLES);
export const mayAnswerSurveys = (who: RoleHolder): boolean => holdsRole(who, SURVEY_RESPONDENT_ROLES);
export const mayWriteAnswers = (who: RoleHolder): boolean => holdsRole(who, STAFF_ROLES);
export const mayPublishAnswers = (who: RoleHolder): boolean => holdsRole(who, LEAD_ROLES);
export const mayDefineIndex = (who: RoleHolder): boolean => holdsRole(who, CDCI_METHOD_ROLES);
export const mayViewMeasures = (who: RoleHolder): boolean => holdsRole(who, MEASURE_VIEWER_ROLES);
export const mayEditPlans = (who: RoleHolder): boolean => holdsRole(who, PLAN_EDITOR_ROLES);
export const mayExportQuestionBank = (who: RoleHolder): boolean => holdsRole(who, QA_EXPORT_ROLES);
/** Drafting units of consultations: the partnership staff of a department or the General Department (and branches for their own procedures). */
export const mayDraftConsultations = (who: RoleHolder): boolean => holdsRole(who, ORGANIZER_ROLES);
/** Who comments on a draft: enterprises, brokers, and associations (their consolidated position). */
export const mayCommentOnDrafts = (who: RoleHolder): boolean => holdsRole(who, BUSINESS_ROLES);
