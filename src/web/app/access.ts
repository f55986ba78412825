// Role sets the routes guard with. Apart from navigation.ts (the navbar's labels), so that the
// router, which every page loads, does not bring the navbar's strings to the public pages.
import type { Role } from '../../contracts/common.ts';

/** Who declares, and so rates: an enterprise's own users and its brokers. */
export const DECLARANTS: readonly Role[] = ['enterprise_user', 'broker'];
/** Who verifies flag cases (the server routes each case to one of them). */
export const CASE_HANDLERS: readonly Role[] = ['team_lead', 'branch_leader', 'department_leader', 'inspector', 'gd_staff'];
/** Who imports declaration files (the server's canImport). */
export const DECLARATION_ENTRY: readonly Role[] = ['branch_leader', 'department_leader', 'admin'];
/** Assessment results: leaders and inspectors see units in their scope, officers their own (server: dashboards/policy.ts). */
export const RESULTS_ROLES: readonly Role[] = ['gd_staff', 'department_leader', 'inspector', 'branch_leader', 'team_lead', 'officer', 'admin'];
