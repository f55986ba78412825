// Comments on a draft, generated with known near-duplicate groups: distinct
// "base" comments built from customs phrases, and copies of some of them that a
// drafting unit must see as one group — the same text sent by several firms,
// typed without diacritics, with a few words changed, added or dropped, or with
// other punctuation and case. Used by the demo data and by the benchmark, which
// measures the grouping's precision and recall against these labels.
import { Rng } from './random.ts';

const SUBJECTS = [
  'Đề nghị ban soạn thảo',
  'Kiến nghị cơ quan chủ trì',
  'Doanh nghiệp đề xuất',
  'Chúng tôi đề nghị',
  'Hiệp hội kiến nghị',
  'Đề nghị xem xét',
];
const ACTIONS = [
  'bổ sung quy định về',
  'làm rõ khái niệm',
  'bỏ yêu cầu nộp bản giấy đối với',
  'rút ngắn thời hạn xử lý',
  'giữ nguyên như dự thảo quy định',
  'quy định cụ thể trình tự',
  'không áp dụng hồi tố đối với',
  'hướng dẫn chi tiết hồ sơ',
];
const OBJECTS = [
  'hoàn thuế nhập khẩu nguyên liệu sản xuất xuất khẩu',
  'kiểm tra trị giá hải quan khi có nghi vấn',
  'xác định trước mã số hàng hóa',
  'chứng nhận xuất xứ hàng hóa điện tử',
  'miễn thuế hàng tạm nhập tái xuất',
  'kiểm tra chuyên ngành tại cửa khẩu',
  'hàng gia công cho thương nhân nước ngoài',
  'thông quan hàng thương mại điện tử',
  'khai bổ sung sau thông quan',
  'phân luồng tờ khai và kiểm tra thực tế',
  'lưu giữ hàng tại kho ngoại quan',
  'thanh khoản hợp đồng gia công',
];
const REASONS = [
  'vì thực tế doanh nghiệp mất nhiều thời gian chờ đợi',
  'do quy định hiện hành chưa thống nhất giữa các Chi cục',
  'nhằm giảm chi phí tuân thủ cho doanh nghiệp nhỏ',
  'để phù hợp với Luật Quản lý thuế và các điều ước quốc tế',
  'vì hệ thống VNACCS chưa hỗ trợ nghiệp vụ này',
  'do nhiều doanh nghiệp đã bị xử phạt vì hiểu khác nhau',
  'nhằm bảo đảm minh bạch và công bằng',
  'để tránh phát sinh thủ tục hành chính mới',
];
const DETAILS = [
  'Thời hạn đề nghị là 05 ngày làm việc kể từ ngày nhận đủ hồ sơ.',
  'Cần quy định rõ trường hợp hồ sơ điện tử có giá trị như bản gốc.',
  'Đề nghị bổ sung ví dụ minh họa trong phụ lục kèm theo.',
  'Doanh nghiệp ưu tiên nên được miễn kiểm tra hồ sơ giấy.',
  'Quy định này cần có hiệu lực sau ít nhất 45 ngày kể từ ngày ký.',
  'Đề nghị công bố công khai danh mục trên cổng thông tin.',
  'Cơ quan hải quan phải trả lời bằng văn bản và nêu rõ lý do.',
  'Trường hợp hệ thống gặp sự cố thì cho phép khai trên giấy.',
  'Cần thống nhất mẫu biểu giữa các Cục Hải quan tỉnh, thành phố.',
  'Không nên yêu cầu doanh nghiệp nộp lại chứng từ đã nộp.',
];
const GOODS = [
  'linh kiện điện tử',
  'thủy sản đông lạnh',
  'hàng dệt may',
  'gỗ và sản phẩm gỗ',
  'máy móc thiết bị đã qua sử dụng',
  'phân bón',
  'hóa chất công nghiệp',
  'thiết bị y tế',
  'ô tô nguyên chiếc',
  'hạt điều nhân',
  'cà phê hạt',
  'sắt thép',
  'dược phẩm',
  'đồ chơi trẻ em',
  'thực phẩm chức năng',
  'giày dép',
];
const FILLERS = ['cụ thể', 'nói trên', 'hiện nay', 'nêu tại dự thảo', 'trên thực tế', 'nói chung'];

function strip(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** A distinct comment: a request, its object, a reason and one or two details. */
export function baseComment(rng: Rng): string {
  const details = rng.sample(DETAILS, 1 + rng.int(0, 1));
  const where = `tại điểm ${'abcdđe'[rng.int(0, 5)]} khoản ${rng.int(1, 9)} Điều ${rng.int(1, 60)}`;
  const goods = `đối với ${rng.pick(GOODS)} trong thời hạn ${rng.int(2, 60)} ngày`;
  return `${rng.pick(SUBJECTS)} ${rng.pick(ACTIONS)} ${rng.pick(OBJECTS)} ${where} ${goods}, ${rng.pick(REASONS)}. ${details.join(' ')}`;
}

export type Variant = 'copy' | 'no_diacritics' | 'edited' | 'punctuation';

/** A near-duplicate of a comment, as another firm would send it. */
export function variantOf(text: string, rng: Rng, variant: Variant): string {
  if (variant === 'copy') return text;
  if (variant === 'no_diacritics') return strip(text);
  if (variant === 'punctuation') return text.replace(/[.,]/g, (c) => (c === '.' ? ';' : '')).toLowerCase();
  const words = text.split(' ');
  const edits = 1 + rng.int(0, 2);
  for (let e = 0; e < edits; e++) {
    const at = rng.int(0, words.length - 1);
    const kind = rng.int(0, 2);
    if (kind === 0) words.splice(at, 1);
    else if (kind === 1) words.splice(at, 0, rng.pick(FILLERS));
    else words[at] = rng.pick(FILLERS);
  }
  return words.join(' ');
}

export interface LabelledComment {
  text: string;
  /** The index of the base comment it copies (itself for a base). */
  label: number;
}

/**
 * `count` comments: a share are bases, the rest near-duplicates of some base
 * (groups of 2 to `maxGroup`). Deterministic for a seed.
 */
export function labelledComments(count: number, seed: string, duplicateShare = 0.4, maxGroup = 30): LabelledComment[] {
  const rng = new Rng(seed);
  const out: LabelledComment[] = [];
  const variants: Variant[] = ['copy', 'no_diacritics', 'edited', 'punctuation'];
  while (out.length < count) {
    const label = out.length;
    const text = baseComment(rng);
    out.push({ text, label });
    if (rng.next() < duplicateShare) {
      const copies = Math.min(count - out.length, 1 + rng.int(0, maxGroup - 2));
      for (let c = 0; c < copies; c++) out.push({ text: variantOf(text, rng, rng.pick(variants)), label });
    }
  }
  return out;
}
