// The only way a request leaves the server. A business gets no internal notes,
// no internal attachments and no handling block — they are not even loaded.
// Officers get no rating of the answer.
import type { Kysely } from 'kysely';
import type { QaCategory } from '../../../contracts/questions.ts';
import type { Priority, RequestDetail, SupportChannel } from '../../../contracts/support.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import * as repo from './repository.ts';

export async function toDetail(db: Kysely<Database>, row: repo.RequestRow, staff: boolean, actor: Actor | null): Promise<RequestDetail> {
  const unitIds = [...new Set([row.branch_unit_id, row.team_unit_id, row.handler_unit_id])];
  const units = new Map((await repo.findUnitsByIds(db, unitIds)).map((u) => [u.id, u]));
  const enterprise = row.enterprise_id ? await repo.findEnterprise(db, row.enterprise_id) : undefined;
  const messages = await repo.findMessages(db, row.id, staff);
  const attachments = await repo.findAttachments(db, row.id, staff);
  const mergedInto = row.merged_into_id ? await repo.findRequestNumber(db, row.merged_into_id) : undefined;
  const now = Date.now();
  const detail: RequestDetail = {
    id: row.id,
    number: row.number,
    subject: row.subject,
    body: row.body,
    category: row.category as QaCategory,
    priority: row.priority as Priority,
    channel: row.channel as SupportChannel,
    status: row.status,
    requesterName: row.requester_name,
    requesterEmail: row.requester_email,
    requesterPhone: row.requester_phone,
    enterpriseName: enterprise?.name ?? null,
    enterpriseTaxCode: enterprise?.tax_code ?? null,
    branchCode: units.get(row.branch_unit_id)?.code ?? '',
    branchName: units.get(row.branch_unit_id)?.name_vi ?? '',
    teamCode: units.get(row.team_unit_id)?.code ?? '',
    teamName: units.get(row.team_unit_id)?.name_vi ?? '',
    createdAt: row.created_at.toISOString(),
    firstResponseDue: row.first_response_due.toISOString(),
    firstRespondedAt: row.first_responded_at?.toISOString() ?? null,
    resolutionDue: row.resolution_due.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    overdue: !row.resolved_at && !row.paused_at && row.status !== 'merged' && row.resolution_due.getTime() < now,
    unread: !staff && row.business_unread,
    paused: row.paused_at !== null,
    reopenUntil: row.reopen_until?.toISOString() ?? null,
    mergedIntoNumber: mergedInto ?? null,
    // The business's rating of the answer is its own: the handling team (who are rated by it) never sees it per request.
    rating: !staff && row.rated_at ? { helpful: row.rating_helpful ?? false, fast: row.rating_fast ?? false, comment: row.rating_comment } : null,
    messages: messages.map((m) => ({ id: m.id, kind: m.kind, fromBusiness: m.from_business, authorName: m.author_name, body: m.body, createdAt: m.created_at.toISOString() })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, size: a.size_bytes, internal: a.internal, createdAt: a.created_at.toISOString() })),
    handling: null,
  };
  if (!staff) return detail;
  const events = await repo.findEvents(db, row.id);
  const assigneeName = row.assignee_user_id ? await repo.findUserName(db, row.assignee_user_id) : undefined;
  const following = isUser(actor) ? await repo.isFollowing(db, row.id, actor.userId) : false;
  const draftEntryId = await repo.findDraftEntryId(db, row.id);
  detail.handling = {
    escalationLevel: row.escalation_level,
    handlerUnitCode: units.get(row.handler_unit_id)?.code ?? '',
    handlerRole: row.handler_role,
    assigneeUserId: row.assignee_user_id,
    assigneeName: assigneeName ?? null,
    following,
    calendar: row.calendar,
    events: events.map((e) => ({ at: e.at.toISOString(), action: e.action, details: e.details })),
    draftEntryId,
  };
  return detail;
}
