// The demo story, written into the year: the demo enterprise's own
// declarations at 03NK (six recent ones left to rate, one flag concluded with
// an outcome to read and rate), and cases waiting on the last day for the
// demo branch leader (03NK), team lead (03NK01), department leader and
// inspector (Hai Phong). Each is a declaration like the others, with the
// rated subject, the flag and the state of its case fixed.
import type { FlagKind } from '../../src/contracts/assessments.ts';
import type { Channel } from '../../src/server/db/schema.ts';
import type { CaseScript } from './cases.ts';
import type { SeedContext } from './context.ts';
import {
  HOUR_MS,
  NOW,
  STAGES,
  atHour,
  planDeclaration,
  type CalendarDay,
  type DeclarationPlan,
  type Subject,
} from './declarations.ts';
import { Rng } from './random.ts';
import { planAssessment, type AssessmentPlan } from './ratings.ts';

export interface Item {
  declaration: DeclarationPlan;
  assessment: AssessmentPlan | null;
}

interface Scene {
  code: string;
  registered: [iso: string, hours: number];
  hours: number;
  created: [iso: string, hours: number];
  channel: Channel;
  subject: 'stage' | 'team' | 'officer';
  stage?: string;
  flag: FlagKind;
  stars: number;
  reason: string;
  script: CaseScript;
}

export function storyItems(ctx: SeedContext, days: CalendarDay[]): Map<string, Item[]> {
  const byDay = new Map<string, Item[]>();
  const add = (day: CalendarDay, item: Item) => byDay.set(day.iso, [...(byDay.get(day.iso) ?? []), item]);
  const dayOf = (iso: string) => {
    const day = days.find((d) => d.iso === iso);
    if (!day) throw new Error(`${iso} is outside the demo year`);
    return day;
  };
  const office = (code: string) => {
    const found = ctx.offices.find((o) => o.code === code);
    if (!found) throw new Error(`Branch ${code} has no declarations`);
    return found;
  };
  const procedures = (code: string) => office(code).teams.find((t) => t.role === 'procedures')!;
  const clerk = (code: string) => {
    const officers = procedures(code).officers;
    return officers[officers.length - 1]!; // the last is a plain officer, never the team lead
  };
  const at = (iso: string, hours: number) => atHour(dayOf(iso), hours);

  // The demo enterprise: ~30 declarations at 03NK01 over the last three months; the 6 latest not yet rated.
  const nk = office('03NK');
  const nkTeam = procedures('03NK');
  const rng = new Rng('story:demo-enterprise');
  const window = days.filter((d) => d.weight >= 0.9 && d.iso >= '2026-08-24' && d.iso <= '2026-11-20');
  const picked = rng.sample(window, 30).sort((a, b) => a.start - b.start);
  const enterpriseUser = ctx.users.get('enterprise_user:-')?.id ?? null;
  for (const [index, day] of picked.entries()) {
    const outcome = index === 8;
    const declarantId = index === 25 || index === 28 || (index < 24 && rng.chance(0.25)) ? ctx.demoBrokerId : null;
    const declaration = planDeclaration(nk, day, rng, {
      party: ctx.demoEnterprise,
      declarantId,
      team: nkTeam,
      ...(outcome ? { channel: 'red' as const, clearanceHours: 30 } : {}),
    });
    const createdAt = new Date(
      Math.min(declaration.clearedAt.getTime() + (3 + 20 * rng.next()) * HOUR_MS, NOW.getTime() - HOUR_MS),
    );
    const assessment =
      index >= picked.length - 6
        ? null
        : planAssessment(declaration, rng, {
            createdAt,
            via: 'app',
            userId: enterpriseUser,
            noFlags: true,
            ...(outcome
              ? {
                  forced: {
                    pick: (s) => s.kind === 'stage' && s.ref === STAGES.inspection,
                    stars: 2,
                    flags: ['delay'],
                    reason:
                      'Thời gian kiểm tra thực tế kéo dài, hàng nằm bãi thêm hai ngày phát sinh phí lưu container',
                    script: {
                      status: 'resolved',
                      substantiated: true,
                      measure: 'Nhắc nhở, rút kinh nghiệm',
                      note: 'Việc kiểm tra thực tế bị chậm do chưa bố trí kịp công chức kiểm hóa; Chi cục đã điều chỉnh lịch trực kiểm hóa và thông báo cho doanh nghiệp.',
                      handlingStars: null, // left for the demo: the business rates how it was handled
                    },
                  },
                }
              : {}),
          });
    add(day, { declaration, assessment });
  }

  // Cases waiting for the demo accounts on the last day, and one concluded by the inspectors.
  const scenes: Scene[] = [
    // lanhdao.03nk: a delay on the physical inspection, open.
    {
      code: '03NK',
      registered: ['2026-11-20', 8.7],
      hours: 26,
      created: ['2026-11-21', 14.3],
      channel: 'red',
      subject: 'stage',
      stage: STAGES.inspection,
      flag: 'delay',
      stars: 2,
      reason: 'Chờ kiểm tra thực tế gần hai ngày, không được thông báo lịch kiểm hóa',
      script: { status: 'open' },
    },
    // doitruong.03nk: a delay by an officer of 03NK01, under review.
    {
      code: '03NK',
      registered: ['2026-11-20', 10.1],
      hours: 6,
      created: ['2026-11-21', 8.5],
      channel: 'yellow',
      subject: 'officer',
      stage: STAGES.documents,
      flag: 'delay',
      stars: 2,
      reason: 'Quá thời hạn kiểm tra hồ sơ theo quy định mà chưa có kết quả',
      script: { status: 'in_review' },
    },
    // lanhdaocuc.haiphong: a delay at 03CC nobody picked up, escalated to the Department.
    {
      code: '03CC',
      registered: ['2026-11-16', 9.5],
      hours: 4,
      created: ['2026-11-17', 8.2],
      channel: 'yellow',
      subject: 'team',
      flag: 'delay',
      stars: 1,
      reason: 'Tờ khai chờ xử lý hơn một ngày không có phản hồi',
      script: { status: 'open', escalated: true },
    },
    // thanhtra.haiphong: harassment at 03CE (open), negativity at 03EE (under review), one concluded in July.
    {
      code: '03CE',
      registered: ['2026-11-18', 9.3],
      hours: 5,
      created: ['2026-11-19', 14],
      channel: 'yellow',
      subject: 'officer',
      stage: STAGES.documents,
      flag: 'harassment',
      stars: 1,
      reason: 'Công chức yêu cầu xuất trình nhiều giấy tờ ngoài quy định, gây khó khăn khi làm thủ tục',
      script: { status: 'open' },
    },
    {
      code: '03EE',
      registered: ['2026-11-11', 9],
      hours: 8,
      created: ['2026-11-12', 10.5],
      channel: 'red',
      subject: 'officer',
      stage: STAGES.inspection,
      flag: 'negativity',
      stars: 1,
      reason: 'Có biểu hiện gợi ý chi phí ngoài quy định để được kiểm hóa sớm',
      script: { status: 'in_review' },
    },
    {
      code: '03TG',
      registered: ['2026-07-14', 9.2],
      hours: 7,
      created: ['2026-07-15', 9],
      channel: 'red',
      subject: 'officer',
      stage: STAGES.inspection,
      flag: 'negativity',
      stars: 1,
      reason: 'Được gợi ý "bồi dưỡng" để bỏ qua sai sót trên tờ khai',
      script: { status: 'resolved', substantiated: false },
    },
  ];
  for (const scene of scenes) {
    const sceneRng = new Rng(`story:${scene.code}:${scene.registered.join(':')}`);
    const team = procedures(scene.code);
    const officer = clerk(scene.code);
    const declaration = planDeclaration(office(scene.code), dayOf(scene.registered[0]), sceneRng, {
      party: office(scene.code).parties[0]!,
      declarantId: null,
      channel: scene.channel,
      registeredAt: at(...scene.registered),
      clearanceHours: scene.hours,
      team,
      officerOf: (stage) => (stage === scene.stage ? officer : undefined),
    });
    const pick = (s: Subject) =>
      scene.subject === 'officer'
        ? s.kind === 'officer' && s.officerId === officer.id
        : scene.subject === 'team'
          ? s.kind === 'team' && s.ref === team.code
          : s.kind === 'stage' && s.ref === scene.stage;
    const assessment = planAssessment(declaration, sceneRng, {
      createdAt: at(...scene.created),
      noFlags: true,
      forced: { pick, stars: scene.stars, flags: [scene.flag], reason: scene.reason, script: scene.script },
    });
    add(dayOf(scene.registered[0]), { declaration, assessment });
  }
  return byDay;
}
