// The only way the support desk's rows leave the server: requests, the list,
// the inbox of mail and the service levels, fields listed one by one. It maps
// and queries nothing. A business gets no internal notes, no internal
// attachments and no handling block — findDetailParts does not even load them
// for it; officers get no rating of the answer.
import type { QaCategory } from '../../../contracts/questions.ts';
import type { InboundMailView, ServiceLevelView } from '../../../contracts/support-inbound.ts';
import type { z } from 'zod';
import type { Priority, RequestDetail, requestSummary, SupportChannel } from '../../../contracts/support.ts';
import type { InboxRow } from './inbox-repository.ts';
import type { DetailParts, RequestListRow, RequestRow, ServiceLevelRow } from './repository.ts';

const isOverdue = (
  row: { resolved_at: Date | null; paused_at: Date | null; status: string; resolution_due: Date },
  now: Date,
) => !row.resolved_at && !row.paused_at && row.status !== 'merged' && row.resolution_due.getTime() < now.getTime();

export function toDetail(row: RequestRow, parts: DetailParts, staff: boolean, now: Date): RequestDetail {
  const units = new Map(parts.units.map((u) => [u.id, u]));
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
    enterpriseName: parts.enterprise?.name ?? null,
    enterpriseTaxCode: parts.enterprise?.tax_code ?? null,
    branchCode: units.get(row.branch_unit_id)?.code ?? '',
    branchName: units.get(row.branch_unit_id)?.name_vi ?? '',
    teamCode: units.get(row.team_unit_id)?.code ?? '',
    teamName: units.get(row.team_unit_id)?.name_vi ?? '',
    createdAt: row.created_at.toISOString(),
    firstResponseDue: row.first_response_due.toISOString(),
    firstRespondedAt: row.first_responded_at?.toISOString() ?? null,
    resolutionDue: row.resolution_due.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    overdue: isOverdue(row, now),
    unread: !staff && row.business_unread,
    paused: row.paused_at !== null,
    reopenUntil: row.reopen_until?.toISOString() ?? null,
    mergedIntoNumber: parts.mergedIntoNumber ?? null,
    // The business's rating of the answer is its own: the handling team (who are rated by it) never sees it per request.
    rating:
      !staff && row.rated_at
        ? { helpful: row.rating_helpful ?? false, fast: row.rating_fast ?? false, comment: row.rating_comment }
        : null,
    messages: parts.messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      fromBusiness: m.from_business,
      authorName: m.author_name,
      body: m.body,
      createdAt: m.created_at.toISOString(),
    })),
    attachments: parts.attachments.map(toAttachmentView),
    handling: null,
  };
  if (!staff || !parts.handling) return detail;
  const handling = parts.handling;
  detail.handling = {
    escalationLevel: row.escalation_level,
    handlerUnitCode: units.get(row.handler_unit_id)?.code ?? '',
    handlerRole: row.handler_role,
    assigneeUserId: row.assignee_user_id,
    assigneeName: handling.assigneeName ?? null,
    following: handling.following,
    calendar: row.calendar,
    events: handling.events.map((e) => ({ at: e.at.toISOString(), action: e.action, details: e.details })),
    draftEntryId: handling.draftEntryId,
  };
  return detail;
}

export function toAttachmentView(a: {
  id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  internal: boolean;
  created_at: Date;
}): RequestDetail['attachments'][number] {
  return {
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    size: a.size_bytes,
    internal: a.internal,
    createdAt: a.created_at.toISOString(),
  };
}

export function toSummary(row: RequestListRow, staff: boolean, now: Date): z.infer<typeof requestSummary> {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    category: row.category as QaCategory,
    priority: row.priority as Priority,
    channel: row.channel as SupportChannel,
    status: row.status,
    requesterName: row.requester_name,
    enterpriseName: row.enterprise_name,
    teamCode: row.team_code,
    createdAt: row.created_at.toISOString(),
    resolutionDue: row.resolution_due.toISOString(),
    overdue: isOverdue(row, now),
    unread: !staff && row.business_unread,
  };
}

export function toInboxSummary(row: InboxRow): Omit<InboundMailView, 'textBody'> {
  return {
    id: row.id,
    fromAddress: row.from_address,
    fromName: row.from_name,
    subject: row.subject,
    receivedAt: row.received_at.toISOString(),
    status: row.status,
    reason: row.reason,
    requestId: row.request_id,
    requestNumber: row.number,
    attachments: row.attachments.map((a) => ({ fileName: a.fileName, size: a.size, refused: a.refused ?? null })),
  };
}

export const toInboxView = (row: InboxRow): InboundMailView => ({ ...toInboxSummary(row), textBody: row.text_body });

export function toServiceLevelView(row: ServiceLevelRow): ServiceLevelView {
  return {
    category: row.category as QaCategory,
    priority: row.priority as Priority,
    calendar: row.calendar,
    firstResponseMinutes: row.first_response_minutes,
    resolutionMinutes: row.resolution_minutes,
    updatedAt: row.updated_at.toISOString(),
    updatedByName: row.full_name,
  };
}
