// The catalogue of platform measures: what each one counts, in both languages.
// The SQL behind each is in repository.ts (one record source per measure, so a
// value is always the aggregate of the records listed for it).
import type { MeasureCode, MeasureDefinition } from '../../../contracts/measures.ts';

/** How a measure's records add up to its value. */
export type Aggregation = 'count' | 'sum' | 'share' | 'ratio' | 'median';

export interface CatalogueEntry extends MeasureDefinition {
  aggregation: Aggregation;
}

const entry = (e: CatalogueEntry): CatalogueEntry => e;

export const CATALOGUE: readonly CatalogueEntry[] = [
  entry({
    code: 'agreements_in_force',
    kind: 'count',
    content: 'cooperation',
    aggregation: 'count',
    higherIsBetter: true,
    cumulative: false,
    disclosureControlled: false,
    name: { vi: 'Thỏa thuận hợp tác đang hiệu lực', en: 'Agreements in force' },
    definition: {
      vi: 'Số thỏa thuận hợp tác, quy chế phối hợp của đơn vị (kể cả đơn vị cấp dưới) đã ký, còn hiệu lực vào cuối kỳ (hoặc hôm nay nếu kỳ chưa kết thúc); không tính bản nháp và thỏa thuận đã chấm dứt.',
      en: 'Cooperation agreements and coordination regulations of the unit (sub-units included) signed and in force at the end of the period (or today, if it has not ended); drafts and terminated agreements are not counted.',
    },
  }),
  entry({
    code: 'agreements_signed',
    kind: 'count',
    content: 'cooperation',
    aggregation: 'count',
    higherIsBetter: true,
    cumulative: true,
    disclosureControlled: false,
    name: { vi: 'Thỏa thuận ký mới trong kỳ', en: 'Agreements signed in the period' },
    definition: {
      vi: 'Số thỏa thuận hợp tác, quy chế phối hợp có ngày ký trong kỳ (không tính bản nháp).',
      en: 'Cooperation agreements and coordination regulations whose signing date falls in the period (drafts not counted).',
    },
  }),
  entry({
    code: 'dialogues_held',
    kind: 'count',
    content: 'consultation',
    aggregation: 'count',
    higherIsBetter: true,
    cumulative: true,
    disclosureControlled: false,
    name: { vi: 'Hội nghị, đối thoại đã tổ chức', en: 'Dialogues and meetings held' },
    definition: {
      vi: 'Số hội nghị, đối thoại định kỳ, cà phê doanh nhân và đối thoại riêng do đơn vị tổ chức, bắt đầu trong kỳ và đã kết thúc (không tính buổi bị hủy).',
      en: 'Conferences, quarterly dialogues, morning coffees and one-to-one dialogues the unit organized that began in the period and have ended (cancelled ones not counted).',
    },
  }),
  entry({
    code: 'dialogue_items_answered_share',
    kind: 'share',
    content: 'consultation',
    aggregation: 'share',
    higherIsBetter: true,
    cumulative: false,
    disclosureControlled: false,
    name: { vi: 'Tỷ lệ kiến nghị tại đối thoại đã được trả lời', en: 'Share of dialogue items answered' },
    definition: {
      vi: 'Trong các câu hỏi, kiến nghị gửi tới các buổi đối thoại đã tổ chức trong kỳ, tỷ lệ đã có câu trả lời.',
      en: 'Of the questions and issues raised for the dialogues held in the period, the share that has an answer.',
    },
  }),
  entry({
    code: 'support_requests_received',
    kind: 'count',
    content: 'support',
    aggregation: 'count',
    higherIsBetter: true,
    cumulative: true,
    disclosureControlled: false,
    name: { vi: 'Yêu cầu hỗ trợ đã tiếp nhận', en: 'Support requests received' },
    definition: {
      vi: 'Số yêu cầu hỗ trợ gửi tới các đội của đơn vị trong kỳ (không tính yêu cầu đã gộp vào yêu cầu khác).',
      en: "Support requests filed with the unit's teams in the period (requests merged into another not counted).",
    },
  }),
  entry({
    code: 'support_resolved_on_time_share',
    kind: 'share',
    content: 'support',
    aggregation: 'share',
    higherIsBetter: true,
    cumulative: false,
    disclosureControlled: false,
    name: { vi: 'Tỷ lệ yêu cầu hỗ trợ giải quyết đúng hạn', en: 'Support requests resolved on time' },
    definition: {
      vi: 'Trong các yêu cầu tiếp nhận trong kỳ đã giải quyết hoặc đã quá hạn giải quyết, tỷ lệ giải quyết không muộn hơn hạn.',
      en: 'Of the requests received in the period that are resolved or past their resolution deadline, the share resolved by the deadline.',
    },
  }),
  entry({
    code: 'support_first_response_median_hours',
    kind: 'median_hours',
    content: 'support',
    aggregation: 'median',
    higherIsBetter: false,
    cumulative: false,
    disclosureControlled: false,
    name: { vi: 'Thời gian phản hồi đầu tiên (trung vị, giờ)', en: 'Median first response (hours)' },
    definition: {
      vi: 'Trung vị số giờ từ khi tiếp nhận đến phản hồi đầu tiên của các yêu cầu tiếp nhận trong kỳ đã được phản hồi.',
      en: 'The median hours from receipt to first response, over the requests received in the period that have had one.',
    },
  }),
  entry({
    code: 'qa_entries_published',
    kind: 'count',
    content: 'information',
    aggregation: 'count',
    higherIsBetter: true,
    cumulative: true,
    disclosureControlled: false,
    name: { vi: 'Câu hỏi – trả lời được công bố', en: 'Question-bank entries published' },
    definition: {
      vi: 'Số mục hỏi – đáp công bố lần đầu trong kỳ, tính cho đơn vị của người soạn (mục không có đơn vị tính cho Tổng cục).',
      en: "Question-bank entries first published in the period, counted for their author's unit (entries without one count for the General Department).",
    },
  }),
  entry({
    code: 'qa_entries_reviewed',
    kind: 'count',
    content: 'information',
    aggregation: 'count',
    higherIsBetter: true,
    cumulative: true,
    disclosureControlled: false,
    name: { vi: 'Câu hỏi – trả lời được rà soát', en: 'Question-bank entries reviewed' },
    definition: {
      vi: 'Số mục hỏi – đáp có lần rà soát gần nhất trong kỳ, tính cho đơn vị của người rà soát (không có đơn vị: Tổng cục).',
      en: "Question-bank entries whose latest review falls in the period, counted for the reviewer's unit (without one: the General Department).",
    },
  }),
  entry({
    code: 'newsletters_sent',
    kind: 'count',
    content: 'information',
    aggregation: 'count',
    higherIsBetter: true,
    cumulative: true,
    disclosureControlled: false,
    name: { vi: 'Bản tin đã gửi', en: 'Newsletters sent' },
    definition: {
      vi: 'Số bản tin điện tử đơn vị gửi tới doanh nghiệp trong kỳ (bản tin toàn quốc tính cho Tổng cục).',
      en: 'Email newsletters the unit sent to businesses in the period (the national issue counts for the General Department).',
    },
  }),
  entry({
    code: 'newsletter_reach',
    kind: 'count',
    content: 'information',
    aggregation: 'sum',
    higherIsBetter: true,
    cumulative: true,
    disclosureControlled: false,
    name: { vi: 'Lượt doanh nghiệp nhận bản tin', en: 'Newsletter reach (recipients)' },
    definition: {
      vi: 'Tổng số địa chỉ nhận của các bản tin gửi trong kỳ.',
      en: 'The recipients of the newsletters sent in the period, added up.',
    },
  }),
  entry({
    code: 'survey_response_rate',
    kind: 'share',
    content: 'supervision',
    aggregation: 'ratio',
    higherIsBetter: true,
    cumulative: false,
    disclosureControlled: false,
    name: { vi: 'Tỷ lệ doanh nghiệp trả lời khảo sát', en: 'Survey response rate' },
    definition: {
      vi: 'Trong các doanh nghiệp được mời trong kỳ tham gia khảo sát do đơn vị chủ trì, tỷ lệ đã trả lời (tính trên tổng, không theo từng doanh nghiệp).',
      en: 'Of the businesses invited in the period to the surveys the unit owns, the share that answered (over the totals, never per business).',
    },
  }),
  entry({
    code: 'service_satisfaction_share',
    kind: 'share',
    content: 'supervision',
    aggregation: 'ratio',
    higherIsBetter: true,
    cumulative: false,
    disclosureControlled: true,
    name: { vi: 'Tỷ lệ tờ khai hài lòng', en: 'Service satisfaction (share of declarations)' },
    definition: {
      vi: 'Tỷ lệ tờ khai được đánh giá hài lòng hoặc rất hài lòng, qua kiểm soát công bố: chỉ các tháng đã công bố trong kỳ, chỉ các ô đủ số doanh nghiệp (ô bị ẩn không được tính).',
      en: 'The share of rated declarations rated satisfied or very satisfied, through disclosure control: only the released months of the period, only published cells (withheld cells are not counted).',
    },
  }),
  entry({
    code: 'flags_handled_on_time_share',
    kind: 'share',
    content: 'supervision',
    aggregation: 'share',
    higherIsBetter: true,
    cumulative: false,
    disclosureControlled: false,
    name: { vi: 'Tỷ lệ phản ánh xử lý đúng hạn', en: 'Flags handled on time' },
    definition: {
      vi: 'Trong các vụ việc phản ánh do đơn vị xử lý có hạn trong kỳ và đã đến hạn, tỷ lệ kết luận không muộn hơn hạn.',
      en: 'Of the flag cases the unit handles whose deadline falls in the period and has passed, the share concluded by the deadline.',
    },
  }),
];

const byCode = new Map(CATALOGUE.map((e) => [e.code, e]));

export function catalogueEntry(code: MeasureCode): CatalogueEntry {
  return byCode.get(code)!;
}

/** A definition as it leaves the server (without the aggregation detail). */
export function toDefinition(e: CatalogueEntry): MeasureDefinition {
  return {
    code: e.code,
    kind: e.kind,
    content: e.content,
    name: e.name,
    definition: e.definition,
    higherIsBetter: e.higherIsBetter,
    cumulative: e.cumulative,
    disclosureControlled: e.disclosureControlled,
  };
}
