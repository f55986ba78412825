// Dialogues and meetings in Hai Phong, Quang Ninh and Binh Duong: the year's
// conference and quarterly dialogues (held, with minutes and follow-up items,
// some answered, some overdue), the monthly "Cà phê doanh nhân" of branch 03NK
// on the last Monday, upcoming events, and a dialogue request from the demo
// importer. Dates are fixed; only ids and row timestamps differ between runs.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, EventKind } from '../../src/server/db/schema.ts';
import { foldText } from '../../src/server/lib/search-text.ts';
import { lastMondaySeries } from '../../src/server/modules/events/policy.ts';

interface SeedEvent {
  kind: EventKind;
  unit: string;
  title: string;
  agenda: string;
  place: string;
  onlineUrl?: string;
  startsAt: string;
  minutes: number;
  capacity: number | null;
  audience: 'all' | 'branch' | 'association';
  audienceUnit?: string;
  association?: string;
  held?: { minutes: string; questions: [string, string | null][] };
}

const HP_PLACE = 'Hội trường Cục Hải quan thành phố Hải Phòng, số 22 Điện Biên Phủ, quận Ngô Quyền';

const EVENTS: SeedEvent[] = [
  {
    kind: 'conference',
    unit: '03',
    title: 'Hội nghị đối thoại doanh nghiệp năm 2026 của Cục Hải quan thành phố Hải Phòng',
    agenda:
      '08:00 Đón tiếp đại biểu\n08:30 Báo cáo kết quả cải cách thủ tục hải quan 6 tháng đầu năm\n09:15 Đối thoại: hoàn thuế, phân loại mã HS, kiểm tra chuyên ngành\n11:00 Ký kết thỏa thuận hợp tác với 10 doanh nghiệp tiêu biểu',
    place: HP_PLACE,
    startsAt: '2026-06-18T08:00:00+07:00',
    minutes: 210,
    capacity: 450,
    audience: 'all',
    held: {
      minutes:
        'Hội nghị có 412 doanh nghiệp tham dự. Lãnh đạo Cục đã giải đáp trực tiếp 27 vướng mắc; 6 kiến nghị được ghi nhận để trả lời bằng văn bản trong 15 ngày.',
      questions: [
        [
          'Thời gian kiểm tra chuyên ngành đối với linh kiện điện tử nhập khẩu còn kéo dài, đề nghị Cục phối hợp với các bộ ngành rút ngắn.',
          'Cục đã có văn bản đề nghị Bộ Khoa học và Công nghệ áp dụng kiểm tra sau thông quan đối với 12 nhóm linh kiện; kết quả sẽ được thông báo qua Cầu Nối.',
        ],
        [
          'Đề nghị hướng dẫn thủ tục hoàn thuế đối với nguyên liệu nhập khẩu để sản xuất hàng xuất khẩu theo Nghị định 134/2016/NĐ-CP.',
          'Hồ sơ hoàn thuế thực hiện theo Điều 36 Nghị định 134/2016/NĐ-CP (sửa đổi bởi Nghị định 18/2021/NĐ-CP); doanh nghiệp nộp qua hệ thống VNACCS, thời hạn xử lý 6 ngày làm việc đối với hồ sơ kiểm tra sau.',
        ],
      ],
    },
  },
  {
    kind: 'quarterly_dialogue',
    unit: '03',
    title: 'Đối thoại doanh nghiệp quý III/2026 – Cục Hải quan Hải Phòng',
    agenda: 'Chuyên đề: thủ tục đối với hàng gia công, sản xuất xuất khẩu và chế xuất; báo cáo quyết toán.',
    place: HP_PLACE,
    startsAt: '2026-09-24T14:00:00+07:00',
    minutes: 150,
    capacity: 200,
    audience: 'association',
    association: 'VCCI-HP',
    held: {
      minutes:
        'Đối thoại với 156 doanh nghiệp hội viên VCCI Hải Phòng. Ghi nhận 3 kiến nghị về báo cáo quyết toán và định mức.',
      questions: [
        ['Doanh nghiệp chế xuất có phải nộp báo cáo quyết toán khi chỉ thuê kho ngoại quan không?', null],
        [
          'Đề nghị cho phép điều chỉnh định mức sau khi đã nộp báo cáo quyết toán năm.',
          'Theo khoản 2 Điều 60 Thông tư 38/2015/TT-BTC (sửa đổi bởi Thông tư 39/2018/TT-BTC), doanh nghiệp được sửa báo cáo quyết toán trước khi cơ quan hải quan ban hành quyết định kiểm tra.',
        ],
        ['Phần mềm khai báo thường bị lỗi chữ ký số vào giờ cao điểm cuối tháng.', null],
      ],
    },
  },
  {
    kind: 'morning_coffee',
    unit: '03NK',
    title: 'Cà phê doanh nhân tháng 10/2026 – Chi cục Hải quan KCX và KCN Hải Phòng',
    agenda:
      'Trao đổi thân mật giữa lãnh đạo Chi cục với doanh nghiệp, đại lý hải quan và đơn vị cung cấp dịch vụ khai báo.',
    place: 'Phòng họp tầng 2, Chi cục Hải quan KCX và KCN Hải Phòng, KCN Nomura',
    startsAt: '2026-10-26T07:30:00+07:00',
    minutes: 90,
    capacity: 40,
    audience: 'branch',
    audienceUnit: '03NK',
    held: {
      minutes: '32 doanh nghiệp và đại lý hải quan tham dự. Chi cục cam kết trả lời 2 kiến nghị trong 10 ngày.',
      questions: [
        ['Đề nghị bố trí công chức làm thủ tục vào sáng thứ Bảy cho hàng xuất khẩu gấp.', null],
        [
          'Hướng dẫn khai bổ sung tờ khai sau thông quan khi sai mã loại hình E31 sang E21.',
          'Doanh nghiệp khai bổ sung theo Điều 20 Thông tư 38/2015/TT-BTC trong thời hạn 60 ngày kể từ ngày thông quan; Chi cục đã gửi hướng dẫn chi tiết qua email.',
        ],
      ],
    },
  },
  {
    kind: 'conference',
    unit: '20',
    title: 'Hội nghị gặp mặt doanh nghiệp xuất nhập khẩu qua cửa khẩu Móng Cái',
    agenda: 'Công bố chỉ số năng lực cạnh tranh cấp chi cục (CDCI) năm 2026; đối thoại về thông quan hàng nông sản.',
    place: 'Trung tâm Hội nghị thành phố Móng Cái, Quảng Ninh',
    startsAt: '2026-12-10T08:30:00+07:00',
    minutes: 180,
    capacity: 300,
    audience: 'all',
  },
  {
    kind: 'quarterly_dialogue',
    unit: '43',
    title: 'Đối thoại doanh nghiệp quý IV/2026 – Cục Hải quan tỉnh Bình Dương',
    agenda: 'Kết quả ký kết thỏa thuận hợp tác năm 2026; giải đáp vướng mắc về loại hình sản xuất xuất khẩu.',
    place: 'Hội trường Cục Hải quan tỉnh Bình Dương, đường Lê Lợi, thành phố Thủ Dầu Một',
    onlineUrl: 'https://hop.binhduong.customs.gov.vn/doi-thoai-quy-4',
    startsAt: '2026-12-17T14:00:00+07:00',
    minutes: 150,
    capacity: 250,
    audience: 'association',
    association: 'BBA',
  },
];

export async function seedEvents(
  db: Kysely<Database>,
  context: { unitIds: Map<string, string>; demoEnterpriseId: string },
): Promise<{ events: number; questions: number }> {
  const unit = (code: string) => {
    const id = context.unitIds.get(code);
    if (!id) throw new Error(`Unit ${code} is missing`);
    return id;
  };
  const associations = new Map(
    (await db.selectFrom('associations').select(['id', 'code']).execute()).map((a) => [a.code, a.id]),
  );
  const askers = await db
    .selectFrom('enterprises')
    .select(['id'])
    .where('managing_unit_id', 'in', [unit('03NK'), unit('03CE'), unit('03EE')].filter(Boolean))
    .where('is_broker', '=', false)
    .orderBy('tax_code')
    .limit(12)
    .execute();
  const leader = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'lanhdaocuc.haiphong@demo.caunoi.vn')
    .executeTakeFirst();
  let questions = 0;
  let asker = 0;
  const all: SeedEvent[] = [...EVENTS];
  // The monthly morning coffee of branch 03NK, on the last Monday from December 2026.
  for (const start of lastMondaySeries('2026-12', 4, '07:30')) {
    const month = start.toISOString().slice(0, 7).split('-').reverse().join('/');
    all.push({
      kind: 'morning_coffee',
      unit: '03NK',
      title: `Cà phê doanh nhân tháng ${month.replace(/^0/, '')} – Chi cục Hải quan KCX và KCN Hải Phòng`,
      agenda:
        '07:30 Đón tiếp\n07:45 Chi cục thông tin văn bản mới\n08:00 Doanh nghiệp, đại lý hải quan trao đổi vướng mắc\n09:00 Kết thúc',
      place: 'Phòng họp tầng 2, Chi cục Hải quan KCX và KCN Hải Phòng, KCN Nomura',
      startsAt: start.toISOString(),
      minutes: 90,
      capacity: 40,
      audience: 'branch',
      audienceUnit: '03NK',
    });
  }
  const seriesId = randomUUID();
  for (const spec of all) {
    const startsAt = new Date(spec.startsAt);
    const held = spec.held;
    const row = await db
      .insertInto('events')
      .values({
        kind: spec.kind,
        title: spec.title,
        search_text: foldText(`${spec.title} ${spec.agenda} ${spec.place}`),
        agenda: spec.agenda,
        organizer_unit_id: unit(spec.unit),
        place: spec.place,
        online_url: spec.onlineUrl ?? null,
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + spec.minutes * 60_000),
        capacity: spec.capacity,
        audience: spec.audience,
        audience_unit_id: spec.audienceUnit ? unit(spec.audienceUnit) : null,
        audience_association_id: spec.association ? (associations.get(spec.association) ?? null) : null,
        status: held ? 'held' : 'published',
        series_id: spec.kind === 'morning_coffee' && !held ? seriesId : null,
        minutes: held?.minutes ?? null,
        minutes_at: held ? new Date(startsAt.getTime() + 86_400_000) : null,
        invitations_queued_at: held ? startsAt : null,
        created_by: leader?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!held) continue;
    const registrants = [...new Set([context.demoEnterpriseId, ...askers.map((a) => a.id)])].slice(0, 8);
    const users = new Map(
      (
        await db.selectFrom('users').select(['id', 'enterprise_id']).where('enterprise_id', 'in', registrants).execute()
      ).map((u) => [u.enterprise_id, u.id]),
    );
    for (const [index, enterpriseId] of registrants.entries()) {
      const userId = users.get(enterpriseId);
      if (!userId) continue;
      await db
        .insertInto('event_registrations')
        .values({
          event_id: row.id,
          enterprise_id: enterpriseId,
          user_id: userId,
          attendee_name: 'Đỗ Thị Ngọc Anh',
          token: randomBytes(18).toString('base64url'),
          checked_in_at: index % 3 === 2 ? null : startsAt,
        })
        .execute();
    }
    for (const [index, [text, answer]] of held.questions.entries()) {
      const enterpriseId =
        index === 1 ? context.demoEnterpriseId : (askers[asker++ % Math.max(1, askers.length)]?.id ?? null);
      const due = new Date(startsAt.getTime() + 16 * 86_400_000);
      await db
        .insertInto('event_questions')
        .values({
          event_id: row.id,
          enterprise_id: enterpriseId,
          user_id: null,
          text,
          votes: 3 + ((index * 7) % 11),
          owner_unit_id: unit(spec.unit),
          due_at: due,
          answer,
          answered_at: answer ? new Date(due.getTime() - 5 * 86_400_000) : null,
          answered_by: answer ? (leader?.id ?? null) : null,
          link_kind: index === 0 && answer ? 'question_bank' : null,
          link_status: index === 0 && answer ? 'requested' : null,
        })
        .execute();
      questions++;
    }
  }
  await db
    .insertInto('dialogue_requests')
    .values({
      enterprise_id: context.demoEnterpriseId,
      user_id: (
        await db
          .selectFrom('users')
          .select('id')
          .where('enterprise_id', '=', context.demoEnterpriseId)
          .executeTakeFirstOrThrow()
      ).id,
      unit_id: unit('03NK'),
      subject: 'Vướng mắc phân loại mã HS đối với bo mạch điện tử lắp ráp',
      description:
        'Công ty đề nghị được đối thoại trực tiếp với Chi cục về việc phân loại bo mạch điện tử đã lắp ráp (nhóm 8473 hay 8517) trước khi ký hợp đồng nhập khẩu lô hàng tháng 1/2027.',
      preferred_at: new Date('2026-12-08T09:00:00+07:00'),
    })
    .execute();
  return { events: all.length, questions };
}
