// The waiting-room screen's demo: a day of declarations moving through one
// office (7:30 to 17:00, registered → documents checked → goods inspected for
// yellow and red → awaiting payment → cleared), and a screen for the demo branch.
// The day is replayed through the integration API by scripts/screens-replay.ts,
// so a demo screen is alive; the seed only sets the screen up.
import type { Kysely } from 'kysely';
import type { ProcessingStage } from '../../src/contracts/screens.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { randomToken, sha256 } from '../../src/server/lib/crypto.ts';
import { Rng } from './random.ts';
import { TaxCodeIssuer } from './taxcode.ts';

export interface DayStep {
  stage: ProcessingStage;
  /** Minutes after 7:30. */
  minute: number;
  counter: string;
  teamCode?: string;
}
export interface DayDeclaration {
  index: number;
  typeCode: string;
  enterprise: { taxCode: string; name: string };
  channel: 'green' | 'yellow' | 'red';
  steps: DayStep[];
}

const FIRST = ['Minh Phát', 'Hải An', 'Thành Công', 'Đông Á', 'Sao Việt', 'Hoàng Long', 'Bình Minh', 'Phú Thịnh'];
const KIND = ['Logistics', 'Thương mại', 'Điện tử', 'Dệt may', 'Thực phẩm', 'Cơ khí'];
const DAY_MINUTES = 570; // 7:30 → 17:00

/** A day at an office: `count` declarations, their steps in minutes after opening. */
export function screenDay(count: number, teamCodes: readonly string[], seed = 'screen-day'): DayDeclaration[] {
  const rng = new Rng(seed);
  const taxCodes = new TaxCodeIssuer();
  const firms = Array.from({ length: 40 }, (_, i) => ({
    taxCode: taxCodes.issue('03'),
    name: `Công ty TNHH ${KIND[i % KIND.length]} ${FIRST[i % FIRST.length]} ${i + 1}`,
  }));
  const day: DayDeclaration[] = [];
  for (let index = 0; index < count; index++) {
    const roll = rng.int(1, 100);
    const channel = roll <= 60 ? 'green' : roll <= 90 ? 'yellow' : 'red';
    let minute = rng.int(0, DAY_MINUTES - 120);
    const counter = `Quầy ${rng.int(1, 6)}`;
    const teamCode = teamCodes.length ? teamCodes[rng.int(0, teamCodes.length - 1)] : undefined;
    const steps: DayStep[] = [{ stage: 'registered', minute, counter }];
    const next = (stage: ProcessingStage, min: number, max: number) => {
      minute += rng.int(min, max);
      steps.push({ stage, minute, counter, ...(teamCode && { teamCode }) });
    };
    if (channel !== 'green') next('documents_checked', 10, 40);
    if (channel === 'red') next('goods_inspected', 30, 90);
    next('awaiting_payment', 5, 30);
    next('cleared', 3, 20);
    day.push({
      index,
      typeCode: rng.int(0, 1) ? 'A11' : 'B11',
      enterprise: firms[rng.int(0, firms.length - 1)]!,
      channel,
      steps: steps.filter((s) => s.minute <= DAY_MINUTES),
    });
  }
  return day;
}

/** One screen for the demo branch (its key is random: the branch opens it with "New key" on its screens page). */
export async function seedScreens(db: Kysely<Database>, options: { officeId: string; now: Date }): Promise<number> {
  const { officeId, now } = options;
  await db
    .insertInto('screens')
    .values({
      office_unit_id: officeId,
      name: 'Phòng chờ — tầng 1',
      stages: ['registered', 'documents_checked', 'goods_inspected', 'awaiting_payment', 'cleared'],
      rotation: ['board', 'announcements', 'hours', 'satisfaction'],
      language: 'both',
      number_digits: 4,
      announcements: JSON.stringify([
        {
          text: {
            vi: 'Doanh nghiệp quét mã QR để theo dõi tờ khai và đánh giá chất lượng phục vụ.',
            en: 'Scan the QR code to follow your declaration and rate the service.',
          },
          from: '2026-01-01',
          to: '2027-12-31',
        },
      ]),
      opening_hours: JSON.stringify({
        vi: 'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:00–17:00\nThứ Bảy: 7:30–11:30',
        en: 'Monday to Friday: 7:30–11:30, 13:00–17:00\nSaturday: 7:30–11:30',
      }),
      key_hash: sha256(`scr_${randomToken(24)}`),
      key_prefix: 'scr_demo',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return 1;
}
