// Customs surveys: the General Department's 2026 national partnership survey
// (2024-style: up to 2,750 businesses invited, about 80 % answered, closed and
// published), and a CDCI-style survey of Quảng Ninh (department 20) in which
// each firm rates the one or two branches it declared at most. Answers go
// through the module's own rules (checkAnswers, countItemsOf, textsOf), so the
// maintained counts are what live answers would have left; nothing links an
// answer to a business, as in the application.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AnswerMap, SurveyDefinition, SurveyQuestion } from '../../src/contracts/surveys.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { checkAnswers, countItemsOf, textsOf } from '../../src/server/modules/surveys/policy.ts';
import { RESPONDENTS_ITEM } from '../../src/server/modules/surveys/results.ts';
import { Rng } from './random.ts';

const t = (vi: string, en: string) => ({ vi, en });
const opts = (...pairs: [string, string, string][]) => pairs.map(([key, vi, en]) => ({ key, label: t(vi, en) }));
const base = {
  required: false,
  options: [],
  scaleMax: 5 as const,
  min: null,
  max: null,
  showIf: null,
  perBranch: false,
  indicator: null,
};
const q = (question: Partial<SurveyQuestion> & Pick<SurveyQuestion, 'key' | 'type' | 'text'>): SurveyQuestion => ({
  ...base,
  ...question,
});

export const NATIONAL_SURVEY: SurveyDefinition = {
  sections: [
    {
      key: 'chung',
      title: t('Thông tin chung', 'About your business'),
      questions: [
        q({
          key: 'loai_hinh',
          type: 'single',
          required: true,
          text: t('Loại hình hoạt động chính', 'Main activity'),
          options: opts(
            ['nk', 'Nhập khẩu', 'Import'],
            ['xk', 'Xuất khẩu', 'Export'],
            ['gc', 'Gia công, sản xuất xuất khẩu', 'Processing for export'],
            ['dl', 'Dịch vụ đại lý', 'Customs brokerage'],
          ),
        }),
        q({
          key: 'so_to_khai',
          type: 'number',
          text: t('Số tờ khai mỗi tháng', 'Declarations per month'),
          min: 0,
          max: 100000,
        }),
      ],
    },
    {
      key: 'dich_vu',
      title: t('Dịch vụ công và thủ tục', 'Public services and procedures'),
      questions: [
        q({
          key: 'dvc_truc_tuyen',
          type: 'single',
          required: true,
          text: t('Doanh nghiệp có dùng dịch vụ công trực tuyến không?', 'Do you use online public services?'),
          options: opts(['co', 'Có', 'Yes'], ['khong', 'Không', 'No']),
        }),
        q({
          key: 'dvc_hai_long',
          type: 'scale',
          required: true,
          text: t('Mức hài lòng với dịch vụ công trực tuyến', 'Satisfaction with online services'),
          showIf: { question: 'dvc_truc_tuyen', anyOf: ['co'] },
        }),
        q({
          key: 'ro_rang',
          type: 'matrix',
          text: t('Mức rõ ràng của quy định', 'How clear are the rules'),
          options: opts(
            ['hs', 'Phân loại mã HS', 'HS classification'],
            ['tri_gia', 'Trị giá hải quan', 'Customs valuation'],
            ['xuat_xu', 'Xuất xứ', 'Origin'],
            ['hoan_thue', 'Hoàn thuế', 'Duty refunds'],
          ),
        }),
        q({
          key: 'vuong_mac',
          type: 'multiple',
          text: t('Vướng mắc thường gặp', 'Common difficulties'),
          options: opts(
            ['ktcn', 'Kiểm tra chuyên ngành', 'Specialised inspection'],
            ['he_thong', 'Lỗi hệ thống', 'System errors'],
            ['chi_phi', 'Chi phí không chính thức', 'Informal charges'],
            ['thoi_gian', 'Thời gian thông quan', 'Clearance time'],
          ),
        }),
        q({
          key: 'uu_tien',
          type: 'ranking',
          text: t('Xếp hạng ưu tiên cải cách', 'Rank the reform priorities'),
          options: opts(
            ['nhanh', 'Nhanh hơn', 'Faster'],
            ['re', 'Rẻ hơn', 'Cheaper'],
            ['minh_bach', 'Minh bạch hơn', 'More transparent'],
          ),
        }),
        q({ key: 'gop_y', type: 'long_text', text: t('Góp ý khác', 'Other comments') }),
      ],
    },
  ],
};

export const CDCI_SURVEY: SurveyDefinition = {
  sections: [
    {
      key: 'chi_cuc',
      title: t('Đánh giá Chi cục doanh nghiệp làm thủ tục', 'The branches you deal with'),
      questions: [
        q({
          key: 'tiep_can',
          type: 'scale',
          scaleMax: 10,
          required: true,
          perBranch: true,
          text: t('Tiếp cận thông tin', 'Access to information'),
          indicator: { component: 'information_access', direction: 'higher_better' },
        }),
        q({
          key: 'thoi_gian',
          type: 'scale',
          scaleMax: 10,
          required: true,
          perBranch: true,
          text: t('Chi phí thời gian', 'Time costs'),
          indicator: { component: 'time_costs', direction: 'higher_better' },
        }),
        q({
          key: 'chi_phi_kct',
          type: 'single',
          required: true,
          perBranch: true,
          text: t('Có phát sinh chi phí không chính thức?', 'Were informal charges asked?'),
          options: opts(['khong', 'Không', 'No'], ['it', 'Đôi khi', 'Sometimes'], ['nhieu', 'Thường xuyên', 'Often']),
          indicator: { component: 'informal_charges', direction: 'higher_worse' },
        }),
        q({
          key: 'ung_xu',
          type: 'scale',
          scaleMax: 10,
          required: true,
          perBranch: true,
          text: t('Tính năng động, thái độ công chức', 'Officer conduct'),
          indicator: { component: 'officer_conduct', direction: 'higher_better' },
        }),
      ],
    },
  ],
};

const COMMENTS = [
  'Đề nghị tăng cường hướng dẫn phân loại mã HS trước khi doanh nghiệp mở tờ khai.',
  'Hệ thống VNACCS thỉnh thoảng chậm vào cuối tháng.',
  'Công chức hỗ trợ nhiệt tình, trả lời nhanh qua Cầu Nối.',
  'Mong rút ngắn thời gian kiểm tra chuyên ngành đối với hàng thực phẩm.',
  'Thủ tục hoàn thuế cần công khai tiến độ xử lý hồ sơ.',
];

function answerFor(definition: SurveyDefinition, rng: Rng, branchIds: readonly string[], bias: number): AnswerMap {
  const answers: AnswerMap = {};
  const scale = (max: number) =>
    Math.max(1, Math.min(max, Math.round(max * (0.55 + bias) + rng.normal() * max * 0.15)));
  const value = (question: SurveyQuestion): AnswerMap[string] | undefined => {
    switch (question.type) {
      case 'single':
        return rng.pick(question.options).key;
      case 'multiple':
        return question.options
          .filter(() => rng.chance(0.35))
          .map((o) => o.key)
          .slice(0, 3);
      case 'scale':
        return scale(question.scaleMax);
      case 'matrix':
        return Object.fromEntries(question.options.map((o) => [o.key, scale(question.scaleMax)]));
      case 'number':
        return rng.int(5, 400);
      case 'ranking':
        return [...question.options.map((o) => o.key)].sort(() => rng.next() - 0.5);
      case 'short_text':
      case 'long_text':
        return rng.chance(0.15) ? rng.pick(COMMENTS) : undefined;
    }
  };
  for (const section of definition.sections)
    for (const question of section.questions) {
      if (question.perBranch) {
        answers[question.key] = Object.fromEntries(branchIds.map((id) => [id, value(question)!])) as Record<
          string,
          number | string
        >;
        continue;
      }
      const given = value(question);
      if (given !== undefined && !(Array.isArray(given) && given.length === 0)) answers[question.key] = given;
    }
  // Only what the form shows, as the application keeps it.
  return checkAnswers(definition, answers, branchIds, false).valid;
}

interface Invitee {
  enterpriseId: string;
  isBroker: boolean;
  stratum: string;
  branchIds: string[];
}

async function insertSurvey(
  db: Kysely<Database>,
  input: {
    owner: string;
    title: { vi: string; en: string };
    definition: SurveyDefinition;
    invitees: Invitee[];
    answerRate: number;
    published: boolean;
    seed: string;
    now: Date;
    bias: (invitee: Invitee) => number;
  },
): Promise<{ id: string; invited: number; answered: number }> {
  const rng = new Rng(input.seed);
  const survey = await db
    .insertInto('surveys')
    .values({
      owner_unit_id: input.owner,
      title_vi: input.title.vi,
      title_en: input.title.en,
      status: 'closed',
      frozen: true,
      published: input.published,
      closes_on: '2026-10-31',
      targeting: 'seed',
      definition: JSON.stringify(input.definition),
      created_by: null,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const counts = new Map<
    string,
    {
      item: string;
      branch_id: string;
      stratum: string;
      business_type: string;
      value: string;
      count: number;
      total: number;
    }
  >();
  const responses: {
    survey_id: string;
    version: number;
    stratum: string;
    business_type: 'enterprise' | 'broker';
    answers: string;
  }[] = [];
  const texts: { survey_id: string; item: string; body: string }[] = [];
  const invitations = input.invitees.map((invitee) => {
    const answered = rng.chance(input.answerRate);
    if (answered) {
      const answers = answerFor(input.definition, rng, invitee.branchIds, input.bias(invitee));
      const type = invitee.isBroker ? 'broker' : 'enterprise';
      responses.push({
        survey_id: survey.id,
        version: 1,
        stratum: invitee.stratum,
        business_type: type,
        answers: JSON.stringify(answers),
      });
      for (const c of [
        { item: RESPONDENTS_ITEM, branch: '', value: '', total: 0 },
        ...countItemsOf(input.definition, answers),
      ]) {
        const key = [c.item, c.branch, invitee.stratum, type, c.value].join('|');
        const row = counts.get(key) ?? {
          item: c.item,
          branch_id: c.branch,
          stratum: invitee.stratum,
          business_type: type,
          value: c.value,
          count: 0,
          total: 0,
        };
        row.count += 1;
        row.total += c.total;
        counts.set(key, row);
      }
      for (const text of textsOf(input.definition, answers)) texts.push({ survey_id: survey.id, ...text });
    }
    return {
      survey_id: survey.id,
      enterprise_id: invitee.enterpriseId,
      stratum: invitee.stratum,
      branch_ids: sql<string[]>`${`{${invitee.branchIds.join(',')}}`}::uuid[]`,
      invited_on: '2026-10-01',
      answered,
      answered_on: answered ? '2026-10-15' : null,
    };
  });
  // Answers in a shuffled order: their physical order says nothing about the invitations'.
  responses.sort(() => rng.next() - 0.5);
  for (let i = 0; i < invitations.length; i += 1000)
    await db
      .insertInto('survey_invitations')
      .values(invitations.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < responses.length; i += 1000)
    await db
      .insertInto('survey_responses')
      .values(responses.slice(i, i + 1000))
      .execute();
  const countRows = [...counts.values()].map((row) => ({ survey_id: survey.id, ...row }));
  for (let i = 0; i < countRows.length; i += 1000)
    await db
      .insertInto('survey_counts')
      .values(countRows.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < texts.length; i += 1000)
    await db
      .insertInto('survey_texts')
      .values(texts.slice(i, i + 1000))
      .execute();
  return { id: survey.id, invited: invitations.length, answered: responses.length };
}

export async function seedSurveys(db: Kysely<Database>, options: { unitIds: Map<string, string>; now: Date }) {
  const enterprises = await db
    .selectFrom('enterprises as e')
    .leftJoin('units as u', 'u.id', 'e.managing_unit_id')
    .leftJoin('units as d', 'd.id', 'u.parent_id')
    .select(['e.id', 'e.is_broker', 'u.code as unit_code', 'd.code as department_code'])
    .orderBy('e.tax_code')
    .limit(2750)
    .execute();
  const national = await insertSurvey(db, {
    owner: options.unitIds.get('00')!,
    title: t(
      'Khảo sát mức độ hài lòng của doanh nghiệp về quan hệ đối tác Hải quan – Doanh nghiệp năm 2026',
      'Customs–Business Partnership satisfaction survey 2026',
    ),
    definition: NATIONAL_SURVEY,
    invitees: enterprises.map((e) => ({
      enterpriseId: e.id,
      isBroker: e.is_broker,
      stratum: e.department_code === '03' ? 'Hải Phòng' : e.department_code === '20' ? 'Quảng Ninh' : 'Khác',
      branchIds: [],
    })),
    answerRate: 0.8,
    published: true,
    seed: 'survey:national',
    now: options.now,
    bias: (e) => (e.isBroker ? 0.05 : 0),
  });

  // CDCI: businesses that declared in Quảng Ninh's branches this year, each rating its one or two branches.
  const volumes = await db
    .selectFrom('declarations as d')
    .innerJoin('units as u', 'u.id', 'd.office_unit_id')
    .innerJoin('units as b', (join) =>
      join.on(sql<boolean>`b.id = case when u.kind = 'team' then u.parent_id else u.id end`),
    )
    .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
    .select(['d.enterprise_id', 'e.is_broker', 'b.id as branch_id', 'b.code', sql<number>`count(*)::int`.as('n')])
    .where('b.parent_id', '=', options.unitIds.get('20')!)
    .groupBy(['d.enterprise_id', 'e.is_broker', 'b.id', 'b.code'])
    .execute();
  const byFirm = new Map<string, typeof volumes>();
  for (const row of volumes) byFirm.set(row.enterprise_id, [...(byFirm.get(row.enterprise_id) ?? []), row]);
  const branchBias = new Map<string, number>();
  const cdci = await insertSurvey(db, {
    owner: options.unitIds.get('20')!,
    title: t(
      'Khảo sát chỉ số năng lực cạnh tranh các Chi cục (CDCI) Quảng Ninh năm 2026',
      'Quang Ninh branch competitiveness index (CDCI) survey 2026',
    ),
    definition: CDCI_SURVEY,
    invitees: [...byFirm].map(([enterpriseId, rows]) => {
      const sorted = rows.sort((a, b) => b.n - a.n);
      return {
        enterpriseId,
        isBroker: sorted[0]!.is_broker,
        stratum: sorted[0]!.code,
        branchIds: sorted.slice(0, 2).map((r) => r.branch_id),
      };
    }),
    answerRate: 0.65,
    published: false,
    seed: 'survey:cdci',
    now: options.now,
    bias: (e) => {
      const key = e.branchIds[0] ?? '';
      if (!branchBias.has(key)) branchBias.set(key, (branchBias.size % 3) * 0.08 - 0.05);
      return branchBias.get(key)!;
    },
  });
  return { national, cdci };
}
