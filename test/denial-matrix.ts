// The role × operation denial matrix: for every operation of the OpenAPI
// document, what each caller gets. It is the policy, written down; the test
// (denial-matrix.test.ts) sends each cell as a real request and fails when the
// document has an operation this table does not list, or the other way round.
//
// Callers (columns):
//   anon  no credentials                     ent   enterprise_user of E1 (managed by 03NK, member of A1)
//   brk   broker B1 (declarant of E1's       asc   association_rep of A1
//         declarations, E1 is its client)
//   off   officer O1 in team 03NK01          tl    team_lead of 03NK01
//   bl    branch_leader of 03NK              dl    department_leader of 03 (Hải Phòng)
//   ins   inspector of 03                    gd    gd_staff (national)
//   adm   admin (national)
//   api   integration client, every scope    api0  integration client without any scope
//
// Variants: `in` is a row inside the scoped callers' units (03, 03NK, 03NK01,
// enterprise E1); `out` a row of Quảng Ninh (20, 20BB, 20BB01, enterprise E2),
// which only the national roles reach. Other variants are named where used.
//
// Cells:
//   ok    allowed: a 2xx answer (write operations get a throw-away row each)
//   401   refused: not signed in, or the wrong kind of credential
//   403   refused: signed in, not allowed
//   404   refused: the row does not exist for this caller (out of role or scope)
//   409   refused by state, for everyone (a rating link rates once)
//   ~NNN  the intended policy (NNN), not enforced yet because its fix is on a
//         branch not merged yet (say which in a comment above the row). The
//         test expects the cell to answer something else today and fails once
//         it answers NNN, so that the mark is removed when the fix arrives.
//         ~ok: a 2xx whose content is not yet what the policy says.
// Besides the status, the requests of list operations name rows in and out of
// the caller's reach: an allowed answer must list the first and none of the second.
export const CALLERS = [
  'anon',
  'ent',
  'brk',
  'asc',
  'off',
  'tl',
  'bl',
  'dl',
  'ins',
  'gd',
  'adm',
  'api',
  'api0',
] as const;
export type Caller = (typeof CALLERS)[number];

export type Expected = 'ok' | 401 | 403 | 404 | 409;

export interface Cell {
  expected: Expected;
  /** Intended policy that another branch establishes (marked ~ in the table). */
  pending: boolean;
}

export interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  variant: string;
  cells: Record<Caller, Cell>;
  line: number;
}

export const TABLE = `
# method path                                           variant    anon ent  brk  asc  off  tl   bl   dl   ins  gd   adm  api  api0

# Health, signing in and out, the language: public.
GET    /healthz                                         -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /readyz                                          -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/auth/sign-in                                -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/auth/sign-in/link                           -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/auth/sign-out                               -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/auth/locale                                 -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/auth/demo-accounts                          -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
# The signed-in user's own account: sessions only.
GET    /api/auth/me                                     -          401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   401  401
POST   /api/auth/password                               -          401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   401  401

# The organization chart is public; administrators change it.
GET    /api/units/                                      -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/units/{id}                                  -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/units/                                      -          401  403  403  403  403  403  403  403  403  403  ok   403  403
PATCH  /api/units/{id}                                  -          401  403  403  403  403  403  403  403  403  403  ok   403  403
POST   /api/units/{id}/merge                            -          401  403  403  403  403  403  403  403  403  403  ok   403  403
GET    /api/units/{id}/history                          -          401  403  403  403  403  403  403  403  403  403  ok   403  403

# Parties: customs staff read the whole directory; a party its own side of it.
GET    /api/enterprises                                 -          401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   401  401
GET    /api/enterprises/{id}                            in         401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   401  401
GET    /api/enterprises/{id}                            out        401  404  404  404  ok   ok   ok   ok   ok   ok   ok   401  401
POST   /api/enterprises                                 -          401  403  403  403  403  403  403  403  403  403  ok   403  403
GET    /api/associations                                -          401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   401  401
GET    /api/officers                                    in         401  403  403  403  ok   ok   ok   ok   ok   ok   ok   403  403
GET    /api/officers                                    out        401  403  403  403  403  403  403  403  403  ok   ok   403  403

# Accounts, API keys, the audit log and the outbox: administrators.
GET    /api/accounts/                                   -          401  403  403  403  403  403  403  403  403  403  ok   403  403
POST   /api/accounts/                                   -          401  403  403  403  403  403  403  403  403  403  ok   403  403
GET    /api/accounts/{id}                               -          401  403  403  403  403  403  403  403  403  403  ok   403  403
PATCH  /api/accounts/{id}                               -          401  403  403  403  403  403  403  403  403  403  ok   403  403
POST   /api/accounts/{id}/password                      -          401  403  403  403  403  403  403  403  403  403  ok   403  403
GET    /api/admin/api-keys                              -          401  403  403  403  403  403  403  403  403  403  ok   403  403
POST   /api/admin/api-keys                              -          401  403  403  403  403  403  403  403  403  403  ok   403  403
POST   /api/admin/api-keys/{id}/revoke                  -          401  403  403  403  403  403  403  403  403  403  ok   403  403
GET    /api/admin/audit                                 -          401  403  403  403  403  403  403  403  403  403  ok   403  403
GET    /api/admin/outbox                                -          401  403  403  403  403  403  403  403  403  403  ok   403  403

# The integration API: API keys with the operation's scope, never a signed-in session.
GET    /api/v1/units                                    -          401  401  401  401  401  401  401  401  401  401  401  ok   403
GET    /api/v1/units/{code}/satisfaction                -          401  401  401  401  401  401  401  401  401  401  401  ok   403
PUT    /api/v1/declarations/{number}                    -          401  401  401  401  401  401  401  401  401  401  401  ok   403
GET    /api/v1/declarations/{number}                    -          401  401  401  401  401  401  401  401  401  401  401  ok   403
POST   /api/v1/declarations/{number}/assessments        -          401  401  401  401  401  401  401  401  401  401  401  ok   403
PATCH  /api/v1/declarations/{number}/assessments        -          401  401  401  401  401  401  401  401  401  401  401  ok   403

# A rating link (QR code) is public for the first submission only; a sent
# rating is read and amended, and its flag's handling rated, by the business:
# signed in, or holding the grant of a one-time code mailed to its registered
# addresses (variant rated-code: the link and such a grant, whoever sends it).
# The rating page of a rated declaration answers everyone with the declaration
# alone. Asking for a code answers the same to everyone; the code is the credential.
GET    /api/rate/{token}                                unrated    ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/rate/{token}                                rated      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/rate/{token}                                rated-code ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/rate/{token}                                unrated    ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/rate/{token}                                rated      409  409  409  409  409  409  409  409  409  409  409  409  409
PATCH  /api/rate/{token}                                rated      401  ok   ok   401  401  401  401  401  401  401  401  401  401
# An integration client amends only what it sent itself, by whatever way it comes.
PATCH  /api/rate/{token}                                rated-code ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403
POST   /api/rate/{token}/cases/{number}/feedback        rated      401  ok   ok   401  401  401  401  401  401  401  401  401  401
POST   /api/rate/{token}/cases/{number}/feedback        rated-code ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/rate/{token}/code                           rated      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/rate/{token}/access                         rated      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok

# A business's own declarations (the enterprise, and the broker that declared them).
GET    /api/my/declarations                             -          401  ok   ok   403  403  403  403  403  403  403  403  401  401
GET    /api/my/declarations/{number}                    in         401  ok   ok   404  404  404  404  404  404  404  404  401  401
GET    /api/my/declarations/{number}                    out        401  404  404  404  404  404  404  404  404  404  404  401  401
POST   /api/my/declarations/{number}/assessment         in         401  ok   ok   404  404  404  404  404  404  404  404  401  401
POST   /api/my/declarations/{number}/assessment         out        401  404  404  404  404  404  404  404  404  404  404  401  401
PATCH  /api/my/declarations/{number}/assessment         in         401  ok   ok   404  404  404  404  404  404  404  404  401  401
PATCH  /api/my/declarations/{number}/assessment         out        401  404  404  404  404  404  404  404  404  404  404  401  401

# Results: leaders, inspectors, the General Department and administrators within
# their unit scope; an officer their own page and the released periods.
# Variants of the officer pages: own = O1 (the officer signed in, team 03NK01),
# peer = O2 (team 03NK02), out = O3 (team 20BB01).
GET    /api/dashboards/periods                          -          401  403  403  403  ok   ok   ok   ok   ok   ok   ok   401  401
GET    /api/dashboards/units                            -          401  403  403  403  403  ok   ok   ok   ok   ok   ok   401  401
GET    /api/dashboards/units/{id}                       in         401  403  403  403  403  ok   ok   ok   ok   ok   ok   401  401
GET    /api/dashboards/units/{id}                       out        401  403  403  403  403  403  403  403  403  ok   ok   401  401
GET    /api/dashboards/units/{id}/report                in         401  403  403  403  403  ok   ok   ok   ok   ok   ok   401  401
GET    /api/dashboards/units/{id}/report                out        401  403  403  403  403  403  403  403  403  ok   ok   401  401
GET    /api/dashboards/units/{id}/export                in         401  403  403  403  403  ok   ok   ok   ok   ok   ok   401  401
GET    /api/dashboards/units/{id}/export                out        401  403  403  403  403  403  403  403  403  ok   ok   401  401
GET    /api/dashboards/officers/{id}                    own        401  403  403  403  ok   ok   ok   ok   ok   ok   ok   401  401
GET    /api/dashboards/officers/{id}                    peer       401  403  403  403  403  403  ok   ok   ok   ok   ok   401  401
GET    /api/dashboards/officers/{id}                    out        401  403  403  403  403  403  403  403  403  ok   ok   401  401
GET    /api/dashboards/officers/{id}/export             own        401  403  403  403  ok   ok   ok   ok   ok   ok   ok   401  401
GET    /api/dashboards/officers/{id}/export             peer       401  403  403  403  403  403  ok   ok   ok   ok   ok   401  401
GET    /api/dashboards/officers/{id}/export             out        401  403  403  403  403  403  403  403  403  ok   ok   401  401

# Flag cases: the handler role the case is routed to, within scope, and the
# General Department; never the officer flagged; a case outside one's remit does
# not exist. Only the handling inspector learns who raised it.
# Variants name the handler: tl = team_lead of 03NK01 (officer O1, the officer
# signed in, flagged for delay), bl = branch_leader of 03NK (team 03NK01), dl = department_leader of 03
# (branch 03NK), ins = inspector of 03 (harassment), tl-out = team_lead of
# 20BB01, ins-out = inspector of 20.
GET    /api/cases                                       -          401  403  403  403  403  ok   ok   ok   ok   ok   403  401  401
GET    /api/cases/{id}                                  tl         401  404  404  404  404  ok   404  404  404  ok   404  401  401
GET    /api/cases/{id}                                  bl         401  404  404  404  404  404  ok   404  404  ok   404  401  401
GET    /api/cases/{id}                                  dl         401  404  404  404  404  404  404  ok   404  ok   404  401  401
GET    /api/cases/{id}                                  ins        401  404  404  404  404  404  404  404  ok   ok   404  401  401
GET    /api/cases/{id}                                  tl-out     401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/cases/{id}                                  ins-out    401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/cases/{id}/review                           tl         401  404  404  404  404  ok   404  404  404  ok   404  401  401
POST   /api/cases/{id}/review                           bl         401  404  404  404  404  404  ok   404  404  ok   404  401  401
POST   /api/cases/{id}/review                           dl         401  404  404  404  404  404  404  ok   404  ok   404  401  401
POST   /api/cases/{id}/review                           ins        401  404  404  404  404  404  404  404  ok   ok   404  401  401
POST   /api/cases/{id}/review                           tl-out     401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/cases/{id}/review                           ins-out    401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/cases/{id}/finding                          tl         401  404  404  404  404  ok   404  404  404  ok   404  401  401
POST   /api/cases/{id}/finding                          bl         401  404  404  404  404  404  ok   404  404  ok   404  401  401
POST   /api/cases/{id}/finding                          dl         401  404  404  404  404  404  404  ok   404  ok   404  401  401
POST   /api/cases/{id}/finding                          ins        401  404  404  404  404  404  404  404  ok   ok   404  401  401
POST   /api/cases/{id}/finding                          tl-out     401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/cases/{id}/finding                          ins-out    401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/cases/{id}/identity                         tl         401  403  403  403  403  403  403  403  403  403  403  403  403
POST   /api/cases/{id}/identity                         bl         401  403  403  403  403  403  403  403  403  403  403  403  403
POST   /api/cases/{id}/identity                         dl         401  403  403  403  403  403  403  403  403  403  403  403  403
POST   /api/cases/{id}/identity                         ins        401  403  403  403  403  403  403  403  ok   403  403  403  403
POST   /api/cases/{id}/identity                         tl-out     401  403  403  403  403  403  403  403  403  403  403  403  403
POST   /api/cases/{id}/identity                         ins-out    401  403  403  403  403  403  403  403  403  403  403  403  403

# Declaration imports: branch and department leaders and administrators; a job is read by whoever started it (bl here).
POST   /api/declarations/imports                        -          401  403  403  403  403  403  ok   ok   403  403  ok   401  401
GET    /api/declarations/imports/{id}                   -          401  404  404  404  404  404  ok   404  404  404  404  401  401

# Events: organized by branch and department leadership and the General
# Department for their units; businesses in the audience take part. The in
# event (03NK, open to all) has started; the out event (20BB) is for 20BB's businesses.
GET    /api/events                                      -          401  ok   ok   403  403  403  ok   ok   403  ok   403  401  401
POST   /api/events                                      in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/events                                      out        401  403  403  403  403  403  403  403  403  ok   403  401  401
POST   /api/events/series                               in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/events/series                               out        401  403  403  403  403  403  403  403  403  ok   403  401  401
GET    /api/events/stats                                -          401  403  403  403  403  403  ok   ok   403  ok   403  401  401
GET    /api/events/{id}                                 in         401  ok   ok   404  404  404  ok   ok   404  ok   404  401  401
GET    /api/events/{id}                                 out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/events/{id}/cancel                          in         401  403  403  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/events/{id}/cancel                          out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/events/{id}/registrations                   in         401  ok   ok   403  403  403  403  403  403  403  403  403  403
POST   /api/events/{id}/registrations                   out        401  404  404  403  403  403  403  403  403  403  403  403  403
POST   /api/events/{id}/questions                       in         401  ok   ok   404  404  404  ok   ok   404  ok   404  401  401
POST   /api/events/{id}/questions                       out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/events/{id}/check-in                        in         401  403  403  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/events/{id}/check-in                        out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/events/{id}/minutes                         in         401  403  403  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/events/{id}/minutes                         out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/event-questions/{id}/votes                  in         401  ok   ok   403  403  403  403  403  403  403  403  403  403
POST   /api/event-questions/{id}/votes                  out        401  404  404  403  403  403  403  403  403  403  403  403  403
GET    /api/follow-ups                                  -          401  403  403  403  403  403  ok   ok   403  ok   403  401  401
PATCH  /api/follow-ups/{id}                             in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
PATCH  /api/follow-ups/{id}                             out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/follow-ups/{id}/answer                      in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/follow-ups/{id}/answer                      out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/follow-ups/{id}/link                        in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/follow-ups/{id}/link                        out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/dialogue-requests                           -          401  ok   ok   403  403  403  ok   ok   403  ok   403  401  401
POST   /api/dialogue-requests                           -          401  ok   ok   403  403  403  403  403  403  403  403  403  403
POST   /api/dialogue-requests/{id}/decision             in         401  403  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/dialogue-requests/{id}/decision             out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/dialogue-requests/{id}/accept-proposal      in         401  ok   404  403  403  403  403  403  403  403  403  403  403
POST   /api/dialogue-requests/{id}/accept-proposal      out        401  404  404  403  403  403  403  403  403  403  403  403  403

# Agreements: the organizers of the unit; its parties once signed (assoc = a
# coordination regulation with association A1).
GET    /api/agreements                                  -          401  ok   ok   ok   403  403  ok   ok   403  ok   403  401  401
POST   /api/agreements                                  in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/agreements                                  out        401  403  403  403  403  403  403  403  403  ok   403  401  401
GET    /api/agreements/progress                         -          401  403  403  403  403  403  ok   ok   403  ok   403  401  401
PUT    /api/agreements/targets                          in         401  403  403  403  403  403  403  ok   403  ok   403  401  401
PUT    /api/agreements/targets                          out        401  403  403  403  403  403  403  403  403  ok   403  401  401
GET    /api/agreements/export                           -          401  ok   ok   ok   403  403  ok   ok   403  ok   403  401  401
GET    /api/agreements/{id}                             in         401  ok   404  404  404  404  ok   ok   404  ok   404  401  401
GET    /api/agreements/{id}                             assoc      401  404  404  ok   404  404  ok   ok   404  ok   404  401  401
GET    /api/agreements/{id}                             out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/agreements/{id}/status                      in         401  403  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/agreements/{id}/status                      out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/agreements/{id}/document                    in         401  403  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/agreements/{id}/document                    out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/agreements/{id}/document                    in         401  ok   404  404  404  404  ok   ok   404  ok   404  401  401
GET    /api/agreements/{id}/document                    out        401  404  404  404  404  404  404  404  404  ok   404  401  401

# The legal library and announcements are public; organizers maintain them for their units.
GET    /api/documents                                   -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/documents/{id}                              -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/documents/{id}/file                         -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/documents/{id}/files/{fileId}               -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/documents                                   in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/documents                                   out        401  403  403  403  403  403  403  403  403  ok   403  401  401
POST   /api/documents/{id}/file                         in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/documents/{id}/file                         out        401  403  403  403  403  403  403  403  403  ok   403  401  401
GET    /api/announcements                               -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/announcements                               in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/announcements                               out        401  403  403  403  403  403  403  403  403  ok   403  401  401
# Subscriptions: businesses and associations.
GET    /api/subscriptions/me                            -          401  ok   ok   ok   403  403  403  403  403  403  403  401  401
PUT    /api/subscriptions/me                            -          401  ok   ok   ok   403  403  403  403  403  403  403  401  401
# Newsletters: organizers, for their units; unsubscribing by the mailed link is public.
GET    /api/newsletters                                 -          401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/newsletters                                 in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/newsletters                                 out        401  403  403  403  403  403  403  403  403  ok   403  401  401
GET    /api/newsletters/{id}                            in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
GET    /api/newsletters/{id}                            out        401  403  403  403  403  403  404  404  403  ok   403  401  401
POST   /api/newsletters/{id}/review                     in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/newsletters/{id}/review                     out        401  403  403  403  403  403  404  404  403  ok   403  401  401
POST   /api/newsletters/{id}/send                       in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/newsletters/{id}/send                       out        401  403  403  403  403  403  404  404  403  ok   403  401  401
GET    /api/newsletters/{id}/deliveries                 in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
GET    /api/newsletters/{id}/deliveries                 out        401  403  403  403  403  403  404  404  403  ok   403  401  401
GET    /api/newsletters/{id}/deliveries.csv             in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
GET    /api/newsletters/{id}/deliveries.csv             out        401  403  403  403  403  403  404  404  403  ok   403  401  401
POST   /api/newsletters/{id}/retry                      in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/newsletters/{id}/retry                      out        401  403  403  403  403  403  404  404  403  ok   403  401  401
GET    /api/newsletter/unsubscribe/{token}              -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/newsletter/unsubscribe/{token}              -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok

# The question bank: public when published; customs writers edit it, team
# leads and above review and publish; association focal points and writers export it.
GET    /api/questions                                   -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/questions/suggest                           -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/questions/categories                        -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/questions/{id}                              -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/questions/{id}/feedback                     -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/question-bank/entries                       -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
POST   /api/question-bank/entries                       -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
GET    /api/question-bank/entries/{id}                  -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
PUT    /api/question-bank/entries/{id}                  -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
POST   /api/question-bank/entries/{id}/transition       -          401  403  403  403  403  ok   ok   ok   403  ok   403  401  401
GET    /api/question-bank/report                        -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
GET    /api/question-bank/synonyms                      -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
POST   /api/question-bank/synonyms                      -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
PUT    /api/question-bank/synonyms/{id}                 -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
DELETE /api/question-bank/synonyms/{id}                 -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
GET    /api/question-bank/export.xlsx                   -          401  403  403  ok   ok   ok   ok   ok   403  ok   403  401  401
GET    /api/question-bank/export.pdf                    -          401  403  403  ok   ok   ok   ok   ok   403  ok   403  401  401

# The support desk: businesses their own requests (E1's is "in"); support
# staff (officer to General Department) those of their units; team leads and
# above the lead's tools; the mail inbox is the staff's; service levels are set
# by the General Department.
GET    /api/support/requests                            -          401  ok   ok   ok   ok   ok   ok   ok   403  ok   403  401  401
POST   /api/support/requests                            -          401  ok   ok   ok   ok   ok   ok   ok   403  ok   403  401  401
GET    /api/support/requests.csv                        -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
GET    /api/support/requests/{id}                       in         401  ok   404  404  ok   ok   ok   ok   404  ok   404  401  401
GET    /api/support/requests/{id}                       out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/support/requests/{id}/messages              in         401  ok   404  404  ok   ok   ok   ok   404  ok   404  401  401
POST   /api/support/requests/{id}/messages              out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/support/requests/{id}/attachments           in         401  ok   404  404  ok   ok   ok   ok   404  ok   404  401  401
POST   /api/support/requests/{id}/attachments           out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/support/requests/{id}/attachments/{attachmentId} in    401  ok   404  404  ok   ok   ok   ok   404  ok   404  401  401
GET    /api/support/requests/{id}/attachments/{attachmentId} out   401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/support/requests/{id}/rating                in         401  ok   404  404  403  403  403  403  404  403  404  401  401
POST   /api/support/requests/{id}/rating                out        401  404  404  404  404  404  404  404  404  403  404  401  401
POST   /api/support/requests/{id}/reopen                in         401  ok   404  404  403  403  403  403  404  403  404  401  401
POST   /api/support/requests/{id}/reopen                out        401  404  404  404  404  404  404  404  404  403  404  401  401
POST   /api/support/requests/{id}/status                in         401  403  404  404  ok   ok   ok   ok   404  ok   404  401  401
POST   /api/support/requests/{id}/status                out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/support/requests/{id}/assign                in         401  403  404  404  ok   ok   ok   ok   404  ok   404  401  401
POST   /api/support/requests/{id}/assign                out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/support/requests/{id}/follow                in         401  403  404  404  ok   ok   ok   ok   404  ok   404  401  401
POST   /api/support/requests/{id}/follow                out        401  404  404  404  404  404  404  404  404  ok   404  401  401
DELETE /api/support/requests/{id}/follow                in         401  403  404  404  ok   ok   ok   ok   404  ok   404  401  401
DELETE /api/support/requests/{id}/follow                out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/support/requests/{id}/transfer              in         401  403  404  404  ok   ok   ok   ok   404  ok   404  401  401
POST   /api/support/requests/{id}/transfer              out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/support/requests/{id}/escalate              in         401  403  404  404  ok   ok   ok   ok   404  ok   404  401  401
POST   /api/support/requests/{id}/escalate              out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/support/requests/{id}/merge                 in         401  403  404  404  ok   ok   ok   ok   404  ok   404  401  401
POST   /api/support/requests/{id}/merge                 out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/support/requests/{id}/draft-entry           in         401  403  404  404  ok   ok   ok   ok   404  ok   404  401  401
POST   /api/support/requests/{id}/draft-entry           out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/support/canned-answers                      -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
POST   /api/support/canned-answers                      -          401  403  403  403  403  ok   ok   ok   403  ok   403  401  401
GET    /api/support/teams                               -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
GET    /api/support/dashboard                           -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
GET    /api/support/inbound                             -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
GET    /api/support/inbound/{id}                        -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
POST   /api/support/inbound/{id}/open-request           -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
POST   /api/support/inbound/{id}/dismiss                -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
GET    /api/support/service-levels                      -          401  403  403  403  ok   ok   ok   ok   403  ok   ok   401  401
PUT    /api/support/service-levels/{category}/{priority} -         401  403  403  403  403  403  403  403  403  ok   403  401  401

# Surveys: built and followed by the partnership staff of the owner unit ("in" is
# owned by 03NK, "out" by 20; owners are organizers: branch and department leaders,
# the General Department); results, exports and publication likewise. A business
# answers its own invitation ("in" is E1's) signed in, or through its link, which
# anyone holding it may open except another business (the broker B1 here). An
# association passes on an open survey that invites one of its members ("in"
# invites E1, a member of A1; "out" only E2).
GET    /api/surveys                                     -          401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/surveys                                     in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/surveys                                     out        401  403  403  403  403  403  403  403  403  ok   403  401  401
GET    /api/surveys/{id}                                in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
GET    /api/surveys/{id}                                out        401  404  404  404  404  404  404  404  404  ok   404  401  401
PUT    /api/surveys/{id}                                in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
PUT    /api/surveys/{id}                                out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/surveys/{id}/targeting                      in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/surveys/{id}/targeting                      out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/surveys/{id}/open                           in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/surveys/{id}/open                           out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/surveys/{id}/remind                         in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/surveys/{id}/remind                         out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/surveys/{id}/close                          in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/surveys/{id}/close                          out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/surveys/{id}/participation                  in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
GET    /api/surveys/{id}/participation                  out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/surveys/{id}/results                        in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
GET    /api/surveys/{id}/results                        out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/surveys/{id}/export                         in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
GET    /api/surveys/{id}/export                         out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/surveys/{id}/publish                        in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/surveys/{id}/publish                        out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/public/surveys                              -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/association/surveys                         -          401  403  403  ok   403  403  403  403  403  403  403  401  401
POST   /api/association/surveys/{id}/forward            in         401  403  403  ok   403  403  403  403  403  403  403  401  401
POST   /api/association/surveys/{id}/forward            out        401  403  403  404  403  403  403  403  403  403  403  401  401
GET    /api/public/surveys/{id}/results                 -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/my/surveys                                  -          401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   401  401
GET    /api/my/surveys/{id}                             in         401  ok   404  404  404  404  404  404  404  404  404  401  401
GET    /api/my/surveys/{id}                             out        401  404  404  404  404  404  404  404  404  404  404  401  401
PUT    /api/my/surveys/{id}/draft                       in         401  ok   404  404  404  404  404  404  404  404  404  401  401
PUT    /api/my/surveys/{id}/draft                       out        401  404  404  404  404  404  404  404  404  404  404  401  401
POST   /api/my/surveys/{id}/answer                      in         401  ok   404  404  404  404  404  404  404  404  404  401  401
POST   /api/my/surveys/{id}/answer                      out        401  404  404  404  404  404  404  404  404  404  404  401  401
GET    /api/survey-links/{token}                        -          ok   ok   403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
PUT    /api/survey-links/{token}/draft                  -          ok   ok   403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/survey-links/{token}/answer                 -          ok   ok   403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
# The branch competitiveness index: a department's leadership and the General Department define,
# compute and publish; a branch's leaders (and those above) see its profile; everyone reads what is published.
GET    /api/cdci/methods                                -          401  403  403  403  403  403  403  ok   403  ok   403  401  401
POST   /api/cdci/methods                                in         401  403  403  403  403  403  403  ok   403  ok   403  401  401
POST   /api/cdci/methods                                out        401  403  403  403  403  403  403  403  403  ok   403  401  401
GET    /api/cdci/methods/{id}                           in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
GET    /api/cdci/methods/{id}                           out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/cdci/methods/{id}/document                  in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
GET    /api/cdci/methods/{id}/document                  out        401  404  404  404  404  404  404  404  404  ok   404  401  401
PUT    /api/cdci/methods/{id}/department-scores         in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
PUT    /api/cdci/methods/{id}/department-scores         out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/cdci/methods/{id}/compute                   in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
POST   /api/cdci/methods/{id}/compute                   out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/cdci/methods/{id}/result                    in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
GET    /api/cdci/methods/{id}/result                    out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/cdci/methods/{id}/publish                   in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
POST   /api/cdci/methods/{id}/publish                   out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/cdci/results/{id}/verify                    in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
POST   /api/cdci/results/{id}/verify                    out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/cdci/sandbox                                -          401  403  403  403  403  403  403  ok   403  ok   403  401  401
GET    /api/cdci/branches/{id}                          in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
GET    /api/cdci/branches/{id}                          out        401  403  403  403  403  403  403  403  403  ok   403  401  401
GET    /api/public/cdci                                 -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/public/cdci/{id}                            -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/public/cdci/{id}/download                   -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/public/cdci/{id}/method                     -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok

# Platform measures: read by leaders, inspectors, the General Department and
# administrators; the records behind a unit's value within their scope ("in" is
# the team 03NK01, "out" the team 20BB01).
GET    /api/measures                                    -          401  403  403  403  403  ok   ok   ok   ok   ok   ok   401  401
GET    /api/measures/{code}/records                     in         401  403  403  403  403  ok   ok   ok   ok   ok   ok   401  401
GET    /api/measures/{code}/records                     out        401  403  403  403  403  403  403  403  403  ok   ok   401  401

# The annual plan: read by the same roles, each within its scope and the
# published plans above it; a unit edits its own plan only (here Hai Phong's,
# by its department leader; 03NK's report, by its branch leader); the level
# above reviews (the department, or the General Department); the national plan
# is the General Department's, and its draft is hidden from everyone else.
GET    /api/plans                                       -          401  403  403  403  403  ok   ok   ok   ok   ok   ok   401  401
POST   /api/plans                                       -          401  403  403  403  403  403  403  403  403  ok   403  401  401
GET    /api/plans/{id}                                  -          401  403  403  403  403  ok   ok   ok   ok   ok   ok   401  401
GET    /api/plans/{id}/export                           -          401  403  403  403  403  ok   ok   ok   ok   ok   ok   401  401
POST   /api/plans/{id}/targets                          -          401  403  403  403  403  403  403  ok   403  403  403  401  401
POST   /api/plans/{id}/activities                       -          401  403  403  403  403  403  403  ok   403  403  403  401  401
POST   /api/plans/{id}/refresh                          -          401  403  403  403  403  ok   ok   ok   ok   ok   ok   401  401
POST   /api/plans/{id}/publish                          -          401  403  403  403  403  404  404  404  404  ok   404  401  401
POST   /api/plans/{id}/adoptions                        -          401  403  403  403  403  403  403  ok   403  403  403  401  401
POST   /api/plan-targets/{id}/assignments               -          401  403  403  403  403  403  403  ok   403  403  403  401  401
POST   /api/plan-targets/{id}/reports                   -          401  403  403  403  403  403  ok   403  403  403  403  401  401
POST   /api/plan-reports/{id}/review                    -          401  403  403  403  403  404  403  ok   403  ok   403  401  401
PATCH  /api/plan-activities/{id}                        -          401  403  403  403  403  403  403  ok   403  403  403  401  401

# Waiting-room screens. Steps come from declaration software only; screens are set up by the
# organizers of the office (branch and department leaders, the General Department); a screen key
# and a pairing code are the credential of a TV (anyone holding them reads that board only: tested
# in screens.test.ts); a declaration is followed with its rating token, or signed in as its business.
PUT    /api/v1/declarations/{number}/progress/{stage}   -          401  401  401  401  401  401  401  401  401  401  401  ok   403
GET    /api/screens                                     -          401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/screens                                     in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/screens                                     out        401  403  403  403  403  403  403  403  403  ok   403  401  401
GET    /api/screens/{id}                                in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
GET    /api/screens/{id}                                out        401  404  404  404  404  404  404  404  404  ok   404  401  401
PUT    /api/screens/{id}                                in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
PUT    /api/screens/{id}                                out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/screens/{id}/key                            in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/screens/{id}/key                            out        401  404  404  404  404  404  404  404  404  ok   404  401  401
DELETE /api/screens/{id}                                in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
DELETE /api/screens/{id}                                out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/screen-pairing                              -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/screen-boards/{key}                         -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/screen-boards/{key}/stream                  -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/follow/{token}                              -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/my/following                                -          401  ok   ok   403  403  403  403  403  403  403  403  401  401

# Consultations: public reading; the drafting unit (organizers of the owner unit: 03NK in, 20 out) manages;
# businesses comment (out: a consultation open to E2 only); A1's space is its members' and representative's.
GET    /api/consultations                               -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/consultations/managed                       -          401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/consultations                               in         401  403  403  403  403  403  ok   ok   403  ok   403  401  401
POST   /api/consultations                               out        401  403  403  403  403  403  403  403  403  ok   403  401  401
POST   /api/consultations/docx-text                     -          401  403  403  403  403  403  ok   ok   403  ok   403  401  401
GET    /api/consultations/{id}                          draft      404  404  404  404  404  404  ok   ok   404  ok   404  404  404
GET    /api/consultations/{id}                          open       ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
PUT    /api/consultations/{id}                          in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
PUT    /api/consultations/{id}                          out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/consultations/{id}/open                     in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/consultations/{id}/open                     out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/consultations/{id}/close                    in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/consultations/{id}/close                    out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/consultations/{id}/group                    in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/consultations/{id}/group                    out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/consultations/{id}/extend                   in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/consultations/{id}/extend                   out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/consultations/{id}/review                   in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
GET    /api/consultations/{id}/review                   out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/consultations/{id}/dispositions             in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/consultations/{id}/dispositions             out        401  404  404  404  404  404  404  404  404  ok   404  401  401
PUT    /api/consultations/{id}/revision                 in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
PUT    /api/consultations/{id}/revision                 out        401  404  404  404  404  404  404  404  404  ok   404  401  401
PUT    /api/consultations/{id}/changes                  in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
PUT    /api/consultations/{id}/changes                  out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/consultations/{id}/publish                  in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
POST   /api/consultations/{id}/publish                  out        401  404  404  404  404  404  404  404  404  ok   404  401  401
PUT    /api/consultations/{id}/document                 in         401  404  404  404  404  404  ok   ok   404  ok   404  401  401
PUT    /api/consultations/{id}/document                 out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/consultations/{id}/comments                 -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
POST   /api/consultations/{id}/comments                 in         401  ok   ok   ok   403  403  403  403  403  403  403  401  401
POST   /api/consultations/{id}/comments                 out        401  403  403  403  403  403  403  403  403  403  403  401  401
PUT    /api/consultation-comments/{commentId}           -          401  ok   403  403  403  403  403  403  403  403  403  401  401
POST   /api/consultation-comments/{commentId}/withdraw  -          401  ok   403  403  403  403  403  403  403  403  403  401  401
GET    /api/consultations/{id}/associations/{associationId} -      401  ok   403  ok   403  403  403  403  403  403  403  401  401
POST   /api/consultations/{id}/associations/{associationId}/views - 401  ok   403  403  403  403  403  403  403  403  403  401  401
GET    /api/consultations/{id}/report                   -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/consultations/{id}/report/file              -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/consultations/{id}/comments.csv             -          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
GET    /api/consultation-notices                        -          401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   401  401

# Contests: organizers (branch and department leaders, the General Department) in their units; businesses take part;
# the bank's editors (customs staff who write answers) see review tasks.
GET    /api/contests                                    -          401  ok   ok   403  403  403  ok   ok   403  ok   403  401  401
POST   /api/contests                                    in         401  403  403  403  403  403  403  ok   403  ok   403  401  401
POST   /api/contests                                    out        401  403  403  403  403  403  403  403  403  ok   403  401  401
GET    /api/contests/{id}                               in         401  ok   ok   404  404  404  404  ok   404  ok   404  401  401
GET    /api/contests/{id}                               out        401  ok   ok   404  404  404  404  404  404  ok   404  401  401
POST   /api/contests/{id}/questions                     in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
POST   /api/contests/{id}/questions                     out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/contests/{id}/rounds                        in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
POST   /api/contests/{id}/rounds                        out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/contests/{id}/open                          in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
POST   /api/contests/{id}/open                          out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/contests/{id}/finish                        in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
POST   /api/contests/{id}/finish                        out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/contests/{id}/publish                       in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
POST   /api/contests/{id}/publish                       out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/contests/{id}/statistics                    in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
GET    /api/contests/{id}/statistics                    out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/contests/{id}/registrations                 -          401  ok   ok   403  403  403  403  403  403  403  403  401  401
GET    /api/contests/{id}/certificate.pdf               -          401  ok   404  404  404  404  404  404  404  404  404  401  401
POST   /api/contest-rounds/{id}/attempt                 -          401  ok   403  403  403  403  403  403  403  403  403  401  401
GET    /api/contest-rounds/{id}/leaderboard             -          401  ok   404  404  404  404  404  ok   404  ok   404  401  401
GET    /api/contest-rounds/{id}/hall                    in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
GET    /api/contest-rounds/{id}/hall                    out        401  404  404  404  404  404  404  404  404  ok   404  401  401
POST   /api/contest-rounds/{id}/next                    in         401  404  404  404  404  404  404  ok   404  ok   404  401  401
POST   /api/contest-rounds/{id}/next                    out        401  404  404  404  404  404  404  404  404  ok   404  401  401
GET    /api/contest-attempts/{id}/question              -          401  ok   404  404  404  404  404  404  404  404  404  401  401
POST   /api/contest-attempts/{id}/answers               -          401  ok   404  404  404  404  404  404  404  404  404  401  401
GET    /api/contest-attempts/{id}/result                -          401  ok   404  404  404  404  404  404  404  404  404  401  401
GET    /api/qa-review-tasks                             -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
POST   /api/qa-review-tasks/{id}/done                   -          401  403  403  403  ok   ok   ok   ok   403  ok   403  401  401
`;

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

function parseCell(token: string, where: string): Cell {
  const pending = token.startsWith('~');
  const value = pending ? token.slice(1) : token;
  if (value === 'ok') return { expected: 'ok', pending };
  const status = Number(value);
  if (![401, 403, 404, 409].includes(status)) throw new Error(`${where}: unknown cell "${token}"`);
  return { expected: status as Expected, pending };
}

/** The table as rows; throws on any malformed line, so a typo cannot drop a cell. */
export function parseTable(text: string = TABLE): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const where = `denial matrix line ${index}`;
    const [method, path, variant, ...tokens] = line.split(/\s+/);
    if (!method || !METHODS.has(method) || !path?.startsWith('/') || !variant)
      throw new Error(`${where}: expected "METHOD /path variant cells…"`);
    if (tokens.length !== CALLERS.length)
      throw new Error(`${where}: ${tokens.length} cells for ${CALLERS.length} callers`);
    const key = `${method} ${path} ${variant}`;
    if (seen.has(key)) throw new Error(`${where}: ${key} listed twice`);
    seen.add(key);
    const cells = Object.fromEntries(
      CALLERS.map((caller, i) => [caller, parseCell(tokens[i]!, `${where} (${caller})`)]),
    ) as Record<Caller, Cell>;
    rows.push({ method: method as Row['method'], path, variant, cells, line: index });
  });
  return rows;
}

export const operationKey = (row: { method: string; path: string }): string => `${row.method} ${row.path}`;
