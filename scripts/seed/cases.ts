// The case every flag opens, aged to where it would stand on the demo's last
// day: routed as the app routes it, picked up, escalated when overdue,
// concluded with a finding, sometimes rated by the business.
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { FlagKind } from '../../src/contracts/assessments.ts';
import type { FlagCaseEventsTable, FlagCasesTable } from '../../src/server/db/schema.ts';
import { escalationOf, routeFlag, type HandlerRole } from '../../src/server/modules/assessments/policy.ts';
import { vietnamDay } from '../../src/contracts/vietnam-time.ts';
import type { OrgIndex } from './context.ts';
import { DAY_MS, HOUR_MS, NOW } from './declarations.ts';
import type { Rng } from './random.ts';
import type { RatingPlan } from './ratings.ts';

export interface CaseScript {
  status: 'open' | 'in_review' | 'resolved';
  escalated?: boolean;
  substantiated?: boolean;
  measure?: string;
  note?: string;
  /** null: left for the business to rate in the demo. */
  handlingStars?: number | null;
}

export interface PlannedCase {
  row: Insertable<FlagCasesTable>;
  events: Insertable<FlagCaseEventsTable>[];
}

/** A case overdue moves up one level with this many more days (as the case service does). */
const ESCALATION_DAYS = 3;
const GRAVE: FlagKind[] = ['harassment', 'negativity'];

const MEASURES = [
  'Nhắc nhở, rút kinh nghiệm',
  'Kiểm điểm, hạ mức xếp loại thi đua',
  'Yêu cầu giải trình bằng văn bản, rút kinh nghiệm trước tập thể',
  'Chấn chỉnh quy trình, bố trí thêm công chức vào giờ cao điểm',
];
const GRAVE_MEASURES = [
  'Kiểm điểm, hạ mức xếp loại thi đua; điều chuyển vị trí công tác',
  'Xử lý kỷ luật khiển trách theo quy định',
];
const EXPLAINED = [
  'Giải thích, hướng dẫn lại doanh nghiệp',
  'Trao đổi, giải thích quy định với doanh nghiệp',
  'Không phát hiện vi phạm; thông báo kết quả cho doanh nghiệp',
];
/** Finding notes per kind: [substantiated, not substantiated]. */
const NOTES: Record<FlagKind, [string, string]> = {
  delay: [
    'Xác minh cho thấy tờ khai chờ xử lý quá thời gian quy định do chưa bố trí kịp công chức kiểm tra.',
    'Thời gian xử lý trong định mức; chậm do doanh nghiệp nộp bổ sung chứng từ sau thời hạn được hướng dẫn.',
  ],
  error: [
    'Công chức nhập sai thông tin khi kiểm tra; đã điều chỉnh trên hệ thống và hướng dẫn doanh nghiệp.',
    'Sai sót phát sinh từ phần mềm khai báo của doanh nghiệp, không do công chức hải quan.',
  ],
  inconvenience: [
    'Yêu cầu nộp thêm bản giấy đối với chứng từ đã có trên hệ thống là không cần thiết.',
    'Yêu cầu bổ sung chứng từ đúng quy định tại Thông tư 38/2015/TT-BTC (sửa đổi, bổ sung bởi Thông tư 39/2018/TT-BTC).',
  ],
  harassment: [
    'Xác minh có căn cứ: công chức yêu cầu giấy tờ ngoài quy định, gây khó khăn cho doanh nghiệp.',
    'Không có căn cứ xác định hành vi sách nhiễu; đã làm việc với doanh nghiệp và công chức liên quan.',
  ],
  negativity: [
    'Có dấu hiệu vi phạm; đã chuyển hồ sơ xem xét trách nhiệm theo quy định.',
    'Không có căn cứ xác định hành vi tiêu cực; tiếp tục theo dõi, giám sát.',
  ],
};
const HANDLING_COMMENTS = [
  'Cảm ơn đơn vị đã xác minh và phản hồi nghiêm túc.',
  'Kết quả xử lý rõ ràng, kịp thời.',
  'Mong đơn vị phản hồi sớm hơn.',
];

interface Handler {
  unitId: string;
  role: HandlerRole;
}

export class CasePlanner {
  private readonly numbers = new Set<string>();

  constructor(
    private readonly org: OrgIndex,
    private readonly users: Map<string, { id: string; officerId: string | null }>,
  ) {}

  /** Like the app's: PA + year and month opened + 4 random bytes in base64url, upper-cased. */
  private numberOf(opened: Date, rng: Rng): string {
    for (;;) {
      const bytes = Buffer.from([0, 0, 0, 0].map(() => Math.floor(rng.next() * 256)));
      const number = `PA${vietnamDay(opened).slice(0, 7).replace('-', '')}-${bytes
        .toString('base64url')
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, 'X')}`;
      if (!this.numbers.has(number)) {
        this.numbers.add(number);
        return number;
      }
    }
  }

  /** The demo user who holds this handler role, if any (never the officer flagged). */
  private userFor(handler: Handler, subjectOfficerId: string | null): string | null {
    const user = this.users.get(`${handler.role}:${handler.role === 'gd_staff' ? '-' : handler.unitId}`);
    return user && !(user.officerId && user.officerId === subjectOfficerId) ? user.id : null;
  }

  private escalated(handler: Handler): Handler {
    const unit = this.org.unit(handler.unitId);
    const parent = unit.parentId ? this.org.unit(unit.parentId) : null;
    const next = escalationOf({ unitKind: unit.kind, parentId: parent?.id ?? null, parentKind: parent?.kind ?? null });
    if (!next) throw new Error(`No level above ${unit.code} to escalate to`);
    return next;
  }

  plan(
    input: { assessmentId: number; ratingId: number; rating: RatingPlan; openedAt: Date },
    rng: Rng,
  ): PlannedCase | null {
    const { rating } = input;
    const { subject, flags, script } = rating;
    const route = routeFlag(flags, subject.kind, this.org.chain(subject.unitId));
    if (!route) return null;
    const grave = flags.some((kind) => GRAVE.includes(kind));
    const opened = input.openedAt.getTime();
    const firstDue = opened + route.days * DAY_MS;
    const now = NOW.getTime();

    // When it would be picked up, escalated and concluded; only what happened by NOW is kept.
    let reviewAt: number;
    let escalatedAt = Infinity;
    let findingAt: number;
    if (script) {
      reviewAt = script.status === 'open' ? Infinity : opened + 0.3 * DAY_MS;
      if (script.escalated) escalatedAt = firstDue + 5 * 60_000;
      findingAt =
        script.status !== 'resolved' ? Infinity : script.escalated ? escalatedAt + DAY_MS : opened + 2 * DAY_MS;
    } else {
      reviewAt = opened + (0.1 + rng.next() * (grave ? 2.5 : 1.1)) * DAY_MS;
      if (rng.chance(0.12)) {
        escalatedAt = firstDue + rng.int(1, 10) * 60_000; // the escalation job runs every minute
        findingAt = escalatedAt + (0.3 + 2.5 * rng.next()) * DAY_MS;
      } else {
        findingAt = reviewAt + rng.next() * (firstDue - reviewAt - HOUR_MS);
      }
    }
    const first: Handler = { unitId: route.unitId, role: route.role };
    const isEscalated = escalatedAt <= now;
    const second = isEscalated ? this.escalated(first) : null;
    const handlerAt = (at: number): Handler => (second && at >= escalatedAt ? second : first);
    const status = findingAt <= now ? 'resolved' : reviewAt <= now ? 'in_review' : 'open';
    if (script && (script.status !== status || Boolean(script.escalated) !== isEscalated)) {
      throw new Error(
        `The story's case at ${this.org.unit(subject.unitId).code} would be ${status}, not ${script.status}`,
      );
    }
    const current = second ?? first;
    const resolved = status === 'resolved';
    const substantiated = script?.substantiated ?? rng.chance(grave ? 0.3 : 0.42);
    const resolvedBy = resolved ? this.userFor(handlerAt(findingAt), subject.officerId) : null;
    let handlingStars =
      script?.handlingStars !== undefined
        ? script.handlingStars
        : rng.chance(0.45)
          ? substantiated
            ? rng.weighted([3, 4, 5], [1, 3, 6])
            : rng.weighted([3, 4, 5], [3, 4, 2])
          : null;
    const ratedAt = findingAt + (0.2 + 4 * rng.next()) * DAY_MS;
    if (!resolved || ratedAt > now) handlingStars = null;

    const id = randomUUID();
    const events: Insertable<FlagCaseEventsTable>[] = [];
    const event = (at: number, action: string, actor: string | null, details: Record<string, unknown>) => {
      events.push({ case_id: id, at: new Date(at), action, actor_user_id: actor, details: JSON.stringify(details) });
    };
    event(opened, 'opened', null, { kinds: flags, handlerRole: first.role });
    if (reviewAt <= now) event(reviewAt, 'review_started', this.userFor(handlerAt(reviewAt), subject.officerId), {});
    if (second) event(escalatedAt, 'escalated', null, { from: first.unitId, to: second.unitId, role: second.role });
    if (resolved) event(findingAt, 'finding_recorded', resolvedBy, { substantiated });
    if (handlingStars !== null) event(ratedAt, 'handling_rated', null, { stars: handlingStars });
    events.sort((a, b) => a.at.getTime() - b.at.getTime());

    const kind = flags[0] ?? 'delay';
    return {
      row: {
        id,
        number: this.numberOf(input.openedAt, rng),
        assessment_id: input.assessmentId,
        rating_id: input.ratingId,
        kinds: flags,
        subject_kind: subject.kind,
        subject_unit_id: subject.unitId,
        subject_officer_id: subject.officerId,
        handler_unit_id: current.unitId,
        handler_role: current.role,
        status,
        escalation_level: second ? 1 : 0,
        opened_at: input.openedAt,
        due_at: new Date(second ? escalatedAt + ESCALATION_DAYS * DAY_MS : firstDue),
        substantiated: resolved ? substantiated : null,
        responsible_unit_id: resolved && substantiated ? subject.unitId : null,
        responsible_officer_id: resolved && substantiated ? subject.officerId : null,
        measure: resolved
          ? (script?.measure ?? rng.pick(substantiated ? (grave ? GRAVE_MEASURES : MEASURES) : EXPLAINED))
          : null,
        finding_note: resolved ? (script?.note ?? NOTES[kind][substantiated ? 0 : 1]) : null,
        resolved_at: resolved ? new Date(findingAt) : null,
        resolved_by_user_id: resolvedBy,
        enterprise_notified_at: resolved ? new Date(findingAt) : null,
        handling_stars: handlingStars,
        handling_comment: handlingStars !== null && rng.chance(0.3) ? rng.pick(HANDLING_COMMENTS) : null,
      },
      events,
    };
  }
}
