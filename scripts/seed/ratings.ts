// What a business says about a declaration: which participants it rates, how
// many stars (mostly 4 and 5; some branches, teams and officers noticeably
// better or worse; red channel a little lower), a reason now and then, and
// rarely a flag.
import type { FlagKind } from '../../src/contracts/assessments.ts';
import type { Channel } from '../../src/server/db/schema.ts';
import type { CaseScript } from './cases.ts';
import { HOUR_MS, NOW, STAGES, subjectsOf, type DeclarationPlan, type Subject } from './declarations.ts';
import type { Rng } from './random.ts';

export interface RatingPlan {
  subject: Subject;
  stars: number;
  reason: string | null;
  flags: FlagKind[];
  /** Forces the state of the case a flag opens (the demo story). */
  script?: CaseScript;
}

export interface AssessmentPlan {
  createdAt: Date;
  via: 'api' | 'link' | 'app';
  userId: string | null;
  comment: string | null;
  ratings: RatingPlan[];
}

export interface ForcedRating {
  pick: (subject: Subject) => boolean;
  stars: number;
  flags: FlagKind[];
  reason: string;
  script?: CaseScript;
}

export interface AssessmentOptions {
  createdAt?: Date;
  via?: AssessmentPlan['via'];
  userId?: string | null;
  forced?: ForcedRating;
  /** The story decides its own flags. */
  noFlags?: boolean;
}

// Five levels, 1 to 5, before the tilt of who is rated and how the declaration went.
const BASE = [0.013, 0.03, 0.08, 0.31, 0.567];
const CHANNEL_TILT: Record<Channel, number> = { green: 0.08, yellow: -0.05, red: -0.25 };
const STAGE_TILT: Record<string, number> = {
  [STAGES.inspection]: -0.25,
  [STAGES.documents]: -0.1,
  [STAGES.reception]: 0.05,
  [STAGES.release]: 0.05,
};
// Reasons are written on about 15 % of ratings, mostly when unhappy; flags on about 1.5 %.
const REASON_CHANCE = [0, 0.75, 0.6, 0.35, 0.12, 0.08];
const FLAG_CHANCE = [0, 0.34, 0.12, 0.016, 0.001, 0];

/** Stars from an exponential tilt of the base distribution: above 0 happier, below 0 less so. */
export function starsFor(tilt: number, roll: number): number {
  const weights = BASE.map((p, index) => p * Math.exp(tilt * (index + 1)));
  let left = roll * weights.reduce((sum, weight) => sum + weight, 0);
  for (const [index, weight] of weights.entries()) {
    left -= weight;
    if (left < 0) return index + 1;
  }
  return 5;
}

const PRAISE_OFFICER = [
  'Công chức hướng dẫn nhiệt tình, rõ ràng',
  'Phản hồi nhanh qua điện thoại',
  'Thái độ phục vụ lịch sự, chu đáo',
  'Giải đáp vướng mắc về mã HS kịp thời',
  'Hỗ trợ ngoài giờ khi hàng cần giao gấp',
  'Kiểm tra nhanh, đúng quy trình',
];
const PRAISE_UNIT = [
  'Thủ tục nhanh gọn, thông quan trong ngày',
  'Kết quả được thông báo đầy đủ qua hệ thống',
  'Bố trí kiểm hóa kịp thời, không phải chờ đợi',
  'Hướng dẫn khai bổ sung rõ ràng, đúng hẹn',
  'Tiếp nhận phản ánh và xử lý nhanh',
];
const NEUTRAL = [
  'Thời gian xử lý ở mức chấp nhận được',
  'Cần thông báo kết quả kiểm tra sớm hơn',
  'Hướng dẫn còn chung chung, phải hỏi lại nhiều lần',
  'Phải liên hệ nhiều lần mới gặp được công chức phụ trách',
  'Giờ cao điểm chờ tiếp nhận khá lâu',
];
const COMPLAINTS = [
  'Yêu cầu bổ sung chứng từ nhiều lần',
  'Hệ thống VNACCS bị lỗi, chờ lâu',
  'Không được thông báo lý do chậm thông quan',
  'Khó liên hệ công chức phụ trách',
  'Áp mã HS khác với các lô hàng trước, phải giải trình',
];
const INSPECTION_COMPLAINTS = [
  'Thời gian kiểm tra thực tế kéo dài',
  'Phân luồng đỏ nhưng chờ gần hai ngày mới bố trí kiểm hóa',
];
export const FLAG_REASONS: Record<FlagKind, string[]> = {
  delay: [
    'Tờ khai chờ xử lý hơn một ngày không có phản hồi',
    'Thời gian kiểm tra thực tế kéo dài, hàng nằm bãi phát sinh phí lưu container',
    'Quá thời hạn kiểm tra hồ sơ theo quy định mà chưa có kết quả',
  ],
  error: [
    'Tính sai số tiền thuế, phải khai bổ sung',
    'Ghi nhận sai kết quả kiểm tra trên hệ thống',
    'Nhập sai số container khi xác nhận qua khu vực giám sát',
  ],
  inconvenience: [
    'Yêu cầu nộp bản giấy dù chứng từ đã gửi trên hệ thống',
    'Phải đến trực tiếp nhiều lần để bổ sung hồ sơ',
    'Yêu cầu chứng từ không có trong quy định',
  ],
  harassment: [
    'Công chức gây khó khăn, yêu cầu giấy tờ ngoài quy định',
    'Thái độ hách dịch, cố tình kéo dài thời gian kiểm tra',
  ],
  negativity: [
    'Có biểu hiện gợi ý chi phí ngoài quy định để được kiểm hóa sớm',
    'Được gợi ý "bồi dưỡng" để bỏ qua sai sót trên tờ khai',
  ],
};
const COMMENTS_GOOD = [
  'Cảm ơn Chi cục đã hỗ trợ doanh nghiệp kịp thời.',
  'Doanh nghiệp đánh giá cao tinh thần phục vụ của đơn vị.',
  'Thủ tục ngày càng thuận lợi, mong tiếp tục duy trì.',
];
const COMMENTS_BAD = [
  'Đề nghị bố trí thêm công chức kiểm hóa vào giờ cao điểm.',
  'Mong đơn vị thông báo lịch kiểm hóa sớm để doanh nghiệp chủ động phương tiện.',
];

function reasonFor(subject: Subject, stars: number, rng: Rng): string {
  if (stars >= 4) return rng.pick(subject.kind === 'officer' ? PRAISE_OFFICER : PRAISE_UNIT);
  if (stars === 3) return rng.pick(NEUTRAL);
  if (subject.stage === STAGES.inspection && rng.chance(0.6)) return rng.pick(INSPECTION_COMPLAINTS);
  return rng.pick(COMPLAINTS);
}

const KINDS: FlagKind[] = ['delay', 'error', 'inconvenience', 'harassment', 'negativity'];

/** Delay most, then errors and inconvenience; harassment and negativity a handful a year. */
function flagKinds(subject: Subject, channel: Channel, rng: Rng): FlagKind[] {
  const weights = [50, 22, 26, subject.kind === 'officer' ? 1.2 : 0.4, subject.kind === 'officer' ? 0.8 : 0.3];
  if (subject.stage === STAGES.inspection || channel === 'red') weights[0]! *= 1.5;
  if (subject.stage === STAGES.tax) weights[1]! *= 2.5;
  if (subject.stage === STAGES.documents) weights[2]! *= 1.5;
  const first = rng.weighted(KINDS, weights);
  if (first === 'harassment' || first === 'negativity' || !rng.chance(0.12)) return [first];
  const others = KINDS.slice(0, 3).filter((kind) => kind !== first);
  return [first, rng.pick(others)];
}

/** Picks `count` subjects other than the branch, officers twice as often as teams or stages. */
function chooseOthers(subjects: Subject[], count: number, rng: Rng): Subject[] {
  const left = subjects.slice(1);
  const chosen: Subject[] = [];
  while (chosen.length < count && left.length > 0) {
    const pick = rng.weighted(
      left,
      left.map((s) => (s.kind === 'officer' ? 2 : 1)),
    );
    chosen.push(pick);
    left.splice(left.indexOf(pick), 1);
  }
  return chosen;
}

/** Hours after release the business rates: mostly the same or next day, up to three days. */
function ratingDelayHours(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.5) return 0.2 + 6 * rng.next();
  if (roll < 0.8) return 16 + 14 * rng.next();
  return 30 + 42 * rng.next();
}

/** The assessment of a declaration, or null when the business does not rate it (or not yet by NOW). */
export function planAssessment(
  plan: DeclarationPlan,
  rng: Rng,
  options: AssessmentOptions = {},
): AssessmentPlan | null {
  if (!options.createdAt && !rng.chance(plan.party.propensity)) return null;
  const createdAt = options.createdAt ?? new Date(plan.clearedAt.getTime() + ratingDelayHours(rng) * HOUR_MS);
  if (createdAt.getTime() > NOW.getTime()) return null;
  const subjects = subjectsOf(plan);
  const chosen = [subjects[0]!, ...chooseOthers(subjects, rng.weighted([1, 2, 3], [40, 35, 25]), rng)];
  const forced = options.forced ? subjects.find(options.forced.pick) : undefined;
  if (options.forced && !forced)
    throw new Error(`The story's rated subject is not in declaration at ${plan.office.code}`);
  if (forced && !chosen.includes(forced)) chosen.push(forced);

  const mood = rng.next(); // one experience behind all the stars of an assessment
  const tilt = CHANNEL_TILT[plan.channel] + plan.party.leniency;
  const ratings = chosen.map((subject): RatingPlan => {
    if (subject === forced && options.forced) {
      const { stars, flags, reason, script } = options.forced;
      return { subject, stars, flags, reason, ...(script ? { script } : {}) };
    }
    const stageTilt = subject.stage ? (STAGE_TILT[subject.stage] ?? 0) * (subject.kind === 'officer' ? 0.5 : 1) : 0;
    const roll = rng.chance(0.7) ? mood : rng.next();
    const stars = starsFor(tilt + subject.bias + stageTilt, roll);
    let reason = rng.chance(REASON_CHANCE[stars] ?? 0) ? reasonFor(subject, stars, rng) : null;
    let flags: FlagKind[] = [];
    if (!options.noFlags && rng.chance(FLAG_CHANCE[stars] ?? 0)) {
      flags = flagKinds(subject, plan.channel, rng);
      if (rng.chance(0.9)) reason = rng.pick(FLAG_REASONS[flags[0]!]);
    }
    return { subject, stars, reason, flags };
  });

  const mean = ratings.reduce((sum, r) => sum + r.stars, 0) / ratings.length;
  const comment = rng.chance(0.04) ? rng.pick(mean >= 4 ? COMMENTS_GOOD : COMMENTS_BAD) : null;
  const via = options.via ?? rng.weighted<AssessmentPlan['via']>(['api', 'link', 'app'], [70, 20, 10]);
  return { createdAt, via, userId: options.userId ?? null, comment, ratings };
}
