// The demo question bank: ~170 published entries in Vietnamese with English
// translations, across the support categories. Each is built from a question
// pattern and a real subject (goods, procedure, form of C/O…), citing the legal
// documents customs units cite every day (Customs Law 2014, Decree 08/2015 and
// 59/2018, Circulars 38/2015 and 39/2018, the export/import tax law 2016 and
// Decree 134/2016…). The wording is ours; the references are real documents.
import type { Kysely } from 'kysely';
import type { EntryInput, LegalBasis, QaCategory } from '../../src/contracts/questions.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { draftValues } from '../../src/server/modules/questions/service.ts';
import { Rng } from './random.ts';
import { TOPIC_ENTRIES } from './questions-topics.ts';

const L = (document: string, article: string, effectiveDate: string | null): LegalBasis => ({
  document,
  article,
  effectiveDate,
});
const LAW_CUSTOMS = (article: string) => L('Luật Hải quan số 54/2014/QH13', article, '2015-01-01');
const LAW_TAX = (article: string) => L('Luật Thuế xuất khẩu, thuế nhập khẩu số 107/2016/QH13', article, '2016-09-01');
const D08 = (article: string) =>
  L('Nghị định 08/2015/NĐ-CP (sửa đổi bởi Nghị định 59/2018/NĐ-CP)', article, '2015-03-15');
const D134 = (article: string) =>
  L('Nghị định 134/2016/NĐ-CP (sửa đổi bởi Nghị định 18/2021/NĐ-CP)', article, '2016-09-01');
const T38 = (article: string) =>
  L('Thông tư 38/2015/TT-BTC (sửa đổi bởi Thông tư 39/2018/TT-BTC)', article, '2015-04-01');
const T31 = L(
  'Thông tư 31/2022/TT-BTC ban hành Danh mục hàng hóa xuất khẩu, nhập khẩu Việt Nam',
  'Phụ lục I',
  '2022-12-01',
);
const T14 = L('Thông tư 14/2015/TT-BTC hướng dẫn phân loại hàng hóa', 'Điều 7', '2015-03-15');
const D31 = L(
  'Nghị định 31/2018/NĐ-CP quy định chi tiết Luật Quản lý ngoại thương về xuất xứ hàng hóa',
  'Điều 15',
  '2018-03-08',
);
const T33 = L(
  'Thông tư 33/2023/TT-BTC quy định về xác định xuất xứ hàng hóa xuất khẩu, nhập khẩu',
  'Điều 6',
  '2023-07-16',
);
const D128 = L(
  'Nghị định 128/2020/NĐ-CP quy định xử phạt vi phạm hành chính trong lĩnh vực hải quan',
  'Điều 7',
  '2020-12-10',
);
const D69 = L('Nghị định 69/2018/NĐ-CP quy định chi tiết Luật Quản lý ngoại thương', 'Điều 5', '2018-05-15');
const D15 = L('Nghị định 15/2018/NĐ-CP quy định chi tiết Luật An toàn thực phẩm', 'Điều 13', '2018-02-02');
const Q18 = L(
  'Quyết định 18/2019/QĐ-TTg về nhập khẩu máy móc, thiết bị, dây chuyền công nghệ đã qua sử dụng',
  'Điều 6',
  '2019-06-15',
);
const T72 = L(
  'Thông tư 72/2015/TT-BTC (sửa đổi bởi Thông tư 07/2019/TT-BTC) về doanh nghiệp ưu tiên',
  'Điều 7',
  '2015-07-01',
);

interface Subject {
  vi: string;
  en: string;
  extra?: string;
  extraEn?: string;
}

interface Pattern {
  category: QaCategory;
  tags: string[];
  subjects: Subject[];
  titleVi: (s: Subject) => string;
  titleEn: (s: Subject) => string;
  bodyVi: (s: Subject) => string;
  bodyEn: (s: Subject) => string;
  legal: LegalBasis[];
}

const GOODS: Subject[] = [
  { vi: 'máy điều hòa không khí', en: 'air conditioners', extra: '84.15', extraEn: '84.15' },
  { vi: 'linh kiện điện thoại di động', en: 'mobile phone parts', extra: '85.17', extraEn: '85.17' },
  { vi: 'thép cán nóng dạng cuộn', en: 'hot-rolled steel coils', extra: '72.08', extraEn: '72.08' },
  { vi: 'vải dệt kim', en: 'knitted fabric', extra: '60.06', extraEn: '60.06' },
  { vi: 'thức ăn chăn nuôi', en: 'animal feed', extra: '23.09', extraEn: '23.09' },
  { vi: 'bộ lưu điện (UPS)', en: 'uninterruptible power supplies (UPS)', extra: '85.04', extraEn: '85.04' },
  { vi: 'tấm pin năng lượng mặt trời', en: 'solar panels', extra: '85.41', extraEn: '85.41' },
  { vi: 'xe nâng hàng', en: 'forklift trucks', extra: '84.27', extraEn: '84.27' },
  { vi: 'giày thể thao đế cao su', en: 'sports shoes with rubber soles', extra: '64.04', extraEn: '64.04' },
  { vi: 'cà phê rang xay', en: 'roasted ground coffee', extra: '09.01', extraEn: '09.01' },
];

const REFUNDS: Subject[] = [
  { vi: 'nguyên liệu nhập khẩu để sản xuất hàng xuất khẩu', en: 'materials imported to make exports' },
  { vi: 'hàng nhập khẩu phải tái xuất', en: 'imported goods that must be re-exported' },
  { vi: 'hàng tạm nhập tái xuất', en: 'goods temporarily imported for re-export' },
  { vi: 'máy móc, thiết bị đi thuê đã tái xuất', en: 'leased machinery re-exported' },
  { vi: 'hàng xuất khẩu bị nước ngoài trả lại', en: 'exports returned by the foreign buyer' },
  { vi: 'số tiền thuế nộp thừa', en: 'overpaid duty' },
  { vi: 'hàng nhập khẩu chưa sử dụng phải tái xuất', en: 'unused imports that must be re-exported' },
  { vi: 'hàng gửi kho ngoại quan đã xuất khẩu', en: 'goods from a bonded warehouse that were exported' },
];

const EXEMPTIONS: Subject[] = [
  {
    vi: 'máy móc, thiết bị tạo tài sản cố định của dự án ưu đãi đầu tư',
    en: 'machinery and equipment forming fixed assets of an investment-incentive project',
  },
  { vi: 'nguyên liệu sản xuất trong 5 năm đầu của dự án', en: 'production materials in a project’s first 5 years' },
  { vi: 'hàng nhập khẩu để gia công', en: 'goods imported for processing' },
  { vi: 'quà biếu, quà tặng', en: 'gifts' },
  { vi: 'hàng mẫu', en: 'samples' },
  { vi: 'hàng tạm nhập để dự hội chợ, triển lãm', en: 'goods temporarily imported for a trade fair' },
  { vi: 'hàng hóa phục vụ nghiên cứu khoa học', en: 'goods for scientific research' },
  { vi: 'giống cây trồng, vật nuôi', en: 'plant seeds and breeding animals' },
];

const POLICY: Subject[] = [
  {
    vi: 'máy móc, thiết bị đã qua sử dụng',
    en: 'used machinery and equipment',
    extra: 'Quyết định 18/2019/QĐ-TTg',
    extraEn: 'Decision 18/2019/QD-TTg',
  },
  {
    vi: 'thực phẩm đóng gói sẵn',
    en: 'pre-packaged food',
    extra: 'Nghị định 15/2018/NĐ-CP',
    extraEn: 'Decree 15/2018/ND-CP',
  },
  { vi: 'mỹ phẩm', en: 'cosmetics', extra: 'Nghị định 93/2016/NĐ-CP', extraEn: 'Decree 93/2016/ND-CP' },
  {
    vi: 'thiết bị phát, thu phát sóng vô tuyến điện',
    en: 'radio transmitters',
    extra: 'Thông tư của Bộ Thông tin và Truyền thông',
    extraEn: 'the Ministry of Information and Communications’ circular',
  },
  { vi: 'phân bón', en: 'fertilisers', extra: 'Nghị định 84/2019/NĐ-CP', extraEn: 'Decree 84/2019/ND-CP' },
  {
    vi: 'hóa chất công nghiệp',
    en: 'industrial chemicals',
    extra: 'Nghị định 113/2017/NĐ-CP',
    extraEn: 'Decree 113/2017/ND-CP',
  },
  { vi: 'ô tô đã qua sử dụng', en: 'used cars', extra: 'Nghị định 69/2018/NĐ-CP', extraEn: 'Decree 69/2018/ND-CP' },
  { vi: 'thuốc thú y', en: 'veterinary drugs', extra: 'Luật Thú y 2015', extraEn: 'the Veterinary Law 2015' },
];

const PROCEDURES: Subject[] = [
  { vi: 'khai bổ sung hồ sơ hải quan sau thông quan', en: 'amending a declaration after clearance', extra: 'Điều 20' },
  { vi: 'hủy tờ khai hải quan', en: 'cancelling a customs declaration', extra: 'Điều 22' },
  { vi: 'đưa hàng về bảo quản', en: 'taking goods into storage before inspection results', extra: 'Điều 32' },
  { vi: 'giải phóng hàng', en: 'release of goods before duty is assessed', extra: 'Điều 33' },
  { vi: 'kiểm tra thực tế hàng hóa', en: 'physical inspection of goods', extra: 'Điều 29' },
  { vi: 'khai hải quan hàng hóa vận chuyển độc lập', en: 'declaring goods in transit', extra: 'Điều 51' },
  { vi: 'tạm nhập tái xuất máy móc thi công', en: 'temporary import of construction machinery', extra: 'Điều 50' },
  { vi: 'xuất khẩu tại chỗ', en: 'on-the-spot export', extra: 'Điều 86' },
  { vi: 'khai hải quan hàng chuyển phát nhanh', en: 'declaring express shipments', extra: 'Điều 16' },
  {
    vi: 'nộp chứng từ giấy khi tờ khai phân luồng vàng',
    en: 'paper documents for a yellow-channel declaration',
    extra: 'Điều 16',
  },
];

const PROCESSING: Subject[] = [
  { vi: 'báo cáo quyết toán nguyên liệu, vật tư', en: 'the annual materials settlement report', extra: 'Điều 60' },
  { vi: 'thông báo cơ sở sản xuất', en: 'notifying the production facility', extra: 'Điều 37' },
  { vi: 'xử lý phế liệu, phế phẩm', en: 'disposing of scrap and rejects', extra: 'Điều 64' },
  { vi: 'định mức thực tế sử dụng nguyên liệu', en: 'actual material usage norms', extra: 'Điều 55' },
  { vi: 'tiêu hủy nguyên liệu dư thừa', en: 'destroying surplus materials', extra: 'Điều 64' },
  { vi: 'gia công chuyển tiếp', en: 'onward processing', extra: 'Điều 62' },
  {
    vi: 'kiểm tra cơ sở sản xuất, năng lực sản xuất',
    en: 'inspecting the production facility and capacity',
    extra: 'Điều 39',
  },
  { vi: 'thuê gia công lại', en: 'sub-contracting the processing', extra: 'Điều 62' },
];

const ORIGIN: Subject[] = [
  { vi: 'C/O mẫu E (ASEAN – Trung Quốc)', en: 'form E (ASEAN–China)' },
  { vi: 'C/O mẫu D (ATIGA)', en: 'form D (ATIGA)' },
  { vi: 'C/O mẫu AK (ASEAN – Hàn Quốc)', en: 'form AK (ASEAN–Korea)' },
  { vi: 'C/O mẫu VK (Việt Nam – Hàn Quốc)', en: 'form VK (Vietnam–Korea)' },
  { vi: 'chứng từ tự chứng nhận xuất xứ theo EVFTA', en: 'origin self-certification under EVFTA' },
  { vi: 'chứng từ chứng nhận xuất xứ theo CPTPP', en: 'origin certification under CPTPP' },
  { vi: 'C/O mẫu EUR.1', en: 'EUR.1 certificates' },
  { vi: 'C/O mẫu RCEP', en: 'RCEP certificates' },
];

const ITSYS: Subject[] = [
  { vi: 'đăng ký tài khoản VNACCS', en: 'registering a VNACCS account' },
  { vi: 'gia hạn chữ ký số dùng khai hải quan', en: 'renewing the digital signature used to declare' },
  { vi: 'nộp thuế qua Cổng thanh toán điện tử hải quan', en: 'paying duty through the customs e-payment portal' },
  { vi: 'tờ khai không nhận được phản hồi từ hệ thống', en: 'a declaration that gets no response from the system' },
  { vi: 'khai báo hồ sơ trên Cơ chế một cửa quốc gia', en: 'filing on the National Single Window' },
  { vi: 'hệ thống giám sát hải quan tự động VASSCM', en: 'the automated customs supervision system VASSCM' },
  { vi: 'khai manifest điện tử của hãng tàu', en: 'electronic manifests from shipping lines' },
  {
    vi: 'in danh sách container đủ điều kiện qua khu vực giám sát',
    en: 'printing the list of containers cleared to leave the controlled area',
  },
];

const OTHER: Subject[] = [
  { vi: 'đăng ký doanh nghiệp ưu tiên (AEO)', en: 'applying for authorised economic operator (AEO) status' },
  {
    vi: 'khiếu nại quyết định hành chính của cơ quan hải quan',
    en: 'complaining about a customs administrative decision',
  },
  { vi: 'xử phạt chậm nộp hồ sơ hải quan', en: 'penalties for filing customs documents late' },
  { vi: 'tra cứu tình trạng tờ khai', en: 'checking the status of a declaration' },
  { vi: 'tham gia đối thoại doanh nghiệp – hải quan', en: 'taking part in business–customs dialogues' },
  { vi: 'đánh giá sự hài lòng về thủ tục hải quan', en: 'rating satisfaction with customs procedures' },
  { vi: 'ký thỏa thuận hợp tác với cơ quan hải quan', en: 'signing a cooperation agreement with customs' },
  { vi: 'thời gian làm việc của chi cục ngoài giờ hành chính', en: 'branch working hours outside office hours' },
];

const PATTERNS: Pattern[] = [
  {
    category: 'hs_code',
    tags: ['mã HS', 'phân loại'],
    subjects: GOODS,
    titleVi: (s) => `Mặt hàng ${s.vi} được phân loại mã HS như thế nào?`,
    titleEn: (s) => `How are ${s.en} classified in the HS nomenclature?`,
    bodyVi: (s) =>
      `Việc phân loại ${s.vi} căn cứ hồ sơ hải quan, tài liệu kỹ thuật và thực tế hàng hóa, áp dụng sáu quy tắc tổng quát giải thích việc phân loại của Danh mục hàng hóa xuất khẩu, nhập khẩu Việt Nam. Mặt hàng này thường thuộc nhóm ${s.extra ?? ''}; mã số chi tiết 8 chữ số phụ thuộc cấu tạo, công dụng và thành phần. Doanh nghiệp cần xác định chính xác trước khi đăng ký tờ khai; khi chưa chắc chắn có thể đề nghị xác định trước mã số.`,
    bodyEn: (s) =>
      `${s.en[0]!.toUpperCase()}${s.en.slice(1)} are classified from the customs file, technical documents and the goods themselves, applying the six general interpretative rules of Vietnam’s export and import nomenclature. They usually fall under heading ${s.extraEn ?? ''}; the 8-digit code depends on construction, use and composition. When unsure, ask customs for an advance classification ruling before declaring.`,
    legal: [T31, T14, LAW_CUSTOMS('Điều 26')],
  },
  {
    category: 'hs_code',
    tags: ['mã HS', 'xác định trước'],
    subjects: GOODS,
    titleVi: (s) => `Hồ sơ đề nghị xác định trước mã số đối với ${s.vi} gồm những gì?`,
    titleEn: (s) => `What does an advance classification request for ${s.en} contain?`,
    bodyVi: (s) =>
      `Hồ sơ gồm đơn đề nghị xác định trước mã số theo mẫu, mẫu hàng hóa (nếu có) và tài liệu kỹ thuật mô tả ${s.vi}: thành phần, thông số, quy trình sản xuất, công dụng. Hồ sơ nộp qua hệ thống điện tử hải quan ít nhất 60 ngày trước khi xuất khẩu, nhập khẩu. Tổng cục Hải quan ban hành văn bản thông báo kết quả trong thời hạn 30 ngày (60 ngày với hàng phức tạp); kết quả có hiệu lực tối đa 3 năm.`,
    bodyEn: (s) =>
      `The file contains the request form, a sample if available, and technical documents describing the ${s.en}: composition, specifications, production process and use. It is filed electronically at least 60 days before import or export. Customs answers within 30 days (60 for complex goods); the ruling is valid for up to 3 years.`,
    legal: [D08('Điều 7'), T38('Điều 24'), LAW_CUSTOMS('Điều 28')],
  },
  {
    category: 'tax_refund',
    tags: ['hoàn thuế'],
    subjects: REFUNDS,
    titleVi: (s) => `Hồ sơ hoàn thuế đối với ${s.vi} gồm những gì?`,
    titleEn: (s) => `What is in a duty refund file for ${s.en}?`,
    bodyVi: (s) =>
      `Hồ sơ hoàn thuế đối với ${s.vi} gồm công văn đề nghị hoàn thuế theo mẫu, chứng từ thanh toán qua ngân hàng (trường hợp phải có), hợp đồng và tờ khai hải quan liên quan. Người nộp thuế gửi hồ sơ qua hệ thống xử lý dữ liệu điện tử hải quan. Cơ quan hải quan phân loại hồ sơ thuộc diện hoàn trước kiểm tra sau hoặc kiểm tra trước hoàn thuế sau và thông báo kết quả.`,
    bodyEn: (s) =>
      `A refund file for ${s.en} contains the refund request letter, bank payment documents where required, the contract and the related declarations. It is filed through the customs electronic system. Customs decides whether to refund first and check later, or check first, and notifies the result.`,
    legal: [LAW_TAX('Điều 19'), D134('Điều 33')],
  },
  {
    category: 'tax_refund',
    tags: ['hoàn thuế', 'thời hạn'],
    subjects: REFUNDS,
    titleVi: (s) => `Thời hạn giải quyết hoàn thuế ${s.vi} là bao lâu?`,
    titleEn: (s) => `How long does a duty refund for ${s.en} take?`,
    bodyVi: (s) =>
      `Đối với hồ sơ hoàn thuế ${s.vi} thuộc diện hoàn trước, kiểm tra sau, cơ quan hải quan quyết định hoàn thuế trong 6 ngày làm việc kể từ ngày nhận đủ hồ sơ. Hồ sơ thuộc diện kiểm tra trước, hoàn thuế sau được giải quyết trong 40 ngày. Nếu hồ sơ chưa đầy đủ, hải quan thông báo trong 3 ngày làm việc để doanh nghiệp bổ sung.`,
    bodyEn: (s) =>
      `For a refund of ${s.en} that is refunded first and checked later, customs decides within 6 working days of a complete file; files checked first are settled within 40 days. An incomplete file is reported back within 3 working days.`,
    legal: [D134('Điều 36'), LAW_TAX('Điều 19')],
  },
  {
    category: 'tax_exemption',
    tags: ['miễn thuế'],
    subjects: EXEMPTIONS,
    titleVi: (s) => `Điều kiện miễn thuế nhập khẩu đối với ${s.vi}?`,
    titleEn: (s) => `When are ${s.en} exempt from import duty?`,
    bodyVi: (s) =>
      `${s.vi[0]!.toUpperCase()}${s.vi.slice(1)} được miễn thuế nhập khẩu khi đáp ứng điều kiện và định mức quy định. Người nộp thuế tự xác định, khai báo trên tờ khai hải quan và chịu trách nhiệm về tính chính xác; với hàng phải thông báo Danh mục miễn thuế, doanh nghiệp thông báo Danh mục trước khi đăng ký tờ khai đầu tiên. Cơ quan hải quan kiểm tra khi làm thủ tục hoặc sau thông quan.`,
    bodyEn: (s) =>
      `${s.en[0]!.toUpperCase()}${s.en.slice(1)} are exempt from import duty when the conditions and quantities set out in law are met. The taxpayer declares the exemption and is responsible for it; where a list of exempt goods must be notified, it is notified before the first declaration. Customs checks at clearance or after.`,
    legal: [LAW_TAX('Điều 16'), D134('Điều 30, Điều 31')],
  },
  {
    category: 'tax_exemption',
    tags: ['miễn thuế', 'danh mục'],
    subjects: EXEMPTIONS.slice(0, 6),
    titleVi: (s) => `Thủ tục thông báo Danh mục miễn thuế cho ${s.vi} thực hiện ra sao?`,
    titleEn: (s) => `How is the list of duty-exempt ${s.en} notified?`,
    bodyVi: (s) =>
      `Chủ dự án thông báo Danh mục miễn thuế đối với ${s.vi} qua hệ thống điện tử hải quan trước khi nhập khẩu. Hải quan tiếp nhận và phản hồi trong 3 ngày làm việc. Khi nhập khẩu, doanh nghiệp khai số Danh mục trên tờ khai; hệ thống tự động trừ lùi số lượng miễn thuế.`,
    bodyEn: (s) =>
      `The project owner notifies the list of duty-exempt ${s.en} electronically before importing; customs answers within 3 working days. Each declaration then cites the list, and the system deducts the quantities automatically.`,
    legal: [D134('Điều 30'), T38('Điều 14')],
  },
  {
    category: 'commodity_policy',
    tags: ['chính sách mặt hàng', 'kiểm tra chuyên ngành'],
    subjects: POLICY,
    titleVi: (s) => `Nhập khẩu ${s.vi} cần giấy phép hay kiểm tra chuyên ngành gì?`,
    titleEn: (s) => `What licence or specialised inspection do imports of ${s.en} need?`,
    bodyVi: (s) =>
      `Việc nhập khẩu ${s.vi} thực hiện theo ${s.extra ?? 'quy định của bộ quản lý chuyên ngành'}. Tùy mặt hàng, doanh nghiệp phải có giấy phép, đăng ký kiểm tra nhà nước về chất lượng hoặc an toàn thực phẩm, hoặc công bố hợp quy trước khi thông quan. Kết quả kiểm tra chuyên ngành được gửi qua Cơ chế một cửa quốc gia; trường hợp được đưa hàng về bảo quản, doanh nghiệp chịu trách nhiệm giữ nguyên trạng hàng hóa đến khi có kết quả.`,
    bodyEn: (s) =>
      `Imports of ${s.en} follow ${s.extraEn ?? 'the rules of the managing ministry'}. Depending on the goods, a licence, a state quality or food-safety inspection, or a declaration of conformity is needed before clearance. Results arrive through the National Single Window; goods taken into storage must stay untouched until the result.`,
    legal: [D69, D15, Q18],
  },
  {
    category: 'procedures',
    tags: ['thủ tục hải quan'],
    subjects: PROCEDURES,
    titleVi: (s) => `Thủ tục ${s.vi} được thực hiện như thế nào?`,
    titleEn: (s) => `How does ${s.en} work?`,
    bodyVi: (s) =>
      `Thủ tục ${s.vi} được thực hiện theo ${s.extra ?? ''} Thông tư 38/2015/TT-BTC (đã sửa đổi). Doanh nghiệp khai báo trên hệ thống VNACCS, nộp chứng từ theo yêu cầu qua hệ thống điện tử và theo dõi phản hồi của cơ quan hải quan. Thời hạn cơ quan hải quan xử lý được tính từ khi nhận đủ hồ sơ hợp lệ; trường hợp cần bổ sung, hải quan thông báo qua hệ thống.`,
    bodyEn: (s) =>
      `${s.en[0]!.toUpperCase()}${s.en.slice(1)} follows ${s.extra ? s.extra.replace('Điều', 'Article') : ''} of Circular 38/2015/TT-BTC as amended. The business declares on VNACCS, files the required documents electronically and follows customs’ answers; the time limit runs from a complete file.`,
    legal: [T38('Điều 16–22'), D08('Điều 18'), LAW_CUSTOMS('Điều 29')],
  },
  {
    category: 'procedures',
    tags: ['thủ tục hải quan', 'thời hạn'],
    subjects: PROCEDURES.slice(0, 8),
    titleVi: (s) => `Thời hạn cơ quan hải quan giải quyết việc ${s.vi}?`,
    titleEn: (s) => `How long does customs take for ${s.en}?`,
    bodyVi: (s) =>
      `Đối với việc ${s.vi}, cơ quan hải quan hoàn thành kiểm tra hồ sơ chậm nhất 2 giờ làm việc kể từ khi tiếp nhận đầy đủ hồ sơ; kiểm tra thực tế hàng hóa chậm nhất 8 giờ làm việc kể từ khi doanh nghiệp xuất trình đủ hàng hóa (tối đa 2 ngày với lô hàng lớn, phức tạp). Ngoài giờ hành chính, chi cục bố trí công chức làm thủ tục theo yêu cầu của doanh nghiệp.`,
    bodyEn: (s) =>
      `For ${s.en}, customs checks the documents within 2 working hours of a complete file and inspects goods within 8 working hours of their presentation (at most 2 days for large or complex lots). Outside office hours the branch assigns officers on request.`,
    legal: [LAW_CUSTOMS('Điều 23'), D08('Điều 4')],
  },
  {
    category: 'processing_export',
    tags: ['gia công', 'SXXK'],
    subjects: PROCESSING,
    titleVi: (s) => `Doanh nghiệp gia công, sản xuất xuất khẩu thực hiện ${s.vi} thế nào?`,
    titleEn: (s) => `How do processing and export-production businesses handle ${s.en}?`,
    bodyVi: (s) =>
      `Việc ${s.vi} thực hiện theo ${s.extra ?? ''} Thông tư 38/2015/TT-BTC (sửa đổi bởi Thông tư 39/2018/TT-BTC). Doanh nghiệp lưu giữ chứng từ, sổ sách kế toán, dữ liệu về nguyên liệu nhập và sản phẩm xuất; nộp báo cáo qua hệ thống điện tử trong thời hạn quy định. Cơ quan hải quan có thể kiểm tra tại trụ sở doanh nghiệp khi có dấu hiệu rủi ro.`,
    bodyEn: (s) =>
      `${s.en[0]!.toUpperCase()}${s.en.slice(1)} follows ${s.extra ? s.extra.replace('Điều', 'Article') : ''} of Circular 38/2015/TT-BTC as amended by Circular 39/2018/TT-BTC. Keep the documents, accounts and data on imported materials and exported products, and report electronically on time; customs may check on site when risk indicators appear.`,
    legal: [T38('Điều 55–64'), D134('Điều 10, Điều 12')],
  },
  {
    category: 'origin',
    tags: ['C/O', 'xuất xứ'],
    subjects: ORIGIN,
    titleVi: (s) => `Nộp ${s.vi} để hưởng thuế suất ưu đãi đặc biệt như thế nào?`,
    titleEn: (s) => `How do I file ${s.en} to get the preferential rate?`,
    bodyVi: (s) =>
      `Để hưởng thuế suất ưu đãi đặc biệt, người khai hải quan nộp ${s.vi} (bản điện tử hoặc bản chính) tại thời điểm làm thủ tục. Trường hợp chưa có, doanh nghiệp khai thuế suất thông thường hoặc ưu đãi và được nộp bổ sung trong thời hạn quy định của hiệp định để được hoàn số thuế chênh lệch. Sai sót nhỏ không ảnh hưởng tính hợp lệ của chứng từ theo hướng dẫn tại Thông tư 33/2023/TT-BTC.`,
    bodyEn: (s) =>
      `To get the special preferential rate, file ${s.en} (electronic or original) at clearance. If you do not have it yet, declare the ordinary or MFN rate and file it later within the agreement’s time limit to get the difference back. Minor errors do not invalidate the document (Circular 33/2023/TT-BTC).`,
    legal: [T33, D31, LAW_CUSTOMS('Điều 24')],
  },
  {
    category: 'origin',
    tags: ['C/O', 'kiểm tra xuất xứ'],
    subjects: ORIGIN.slice(0, 6),
    titleVi: (s) => `Khi nào cơ quan hải quan kiểm tra, xác minh ${s.vi}?`,
    titleEn: (s) => `When does customs verify ${s.en}?`,
    bodyVi: (s) =>
      `Cơ quan hải quan kiểm tra ${s.vi} khi có nghi ngờ về tính hợp lệ của chứng từ hoặc xuất xứ hàng hóa: đối chiếu thông tin, yêu cầu bổ sung tài liệu, hoặc đề nghị cơ quan có thẩm quyền nước xuất khẩu xác minh. Trong thời gian xác minh, hàng hóa được thông quan theo thuế suất ưu đãi hoặc thông thường; thuế suất ưu đãi đặc biệt được áp dụng lại khi có kết quả xác minh hợp lệ.`,
    bodyEn: (s) =>
      `Customs verifies ${s.en} when the document or the origin is in doubt: it cross-checks, asks for more documents or asks the exporting country to verify. Meanwhile goods clear at the MFN or ordinary rate, and the preference is applied once verification confirms it.`,
    legal: [T33, D31],
  },
  {
    category: 'it_ecustoms',
    tags: ['VNACCS', 'hải quan điện tử'],
    subjects: ITSYS,
    titleVi: (s) => `Hướng dẫn ${s.vi}?`,
    titleEn: (s) => `Guidance on ${s.en}?`,
    bodyVi: (s) =>
      `Về ${s.vi}: doanh nghiệp sử dụng chữ ký số còn hiệu lực đã đăng ký với cơ quan hải quan, phần mềm khai báo được kết nối với hệ thống VNACCS/VCIS. Khi gặp lỗi, doanh nghiệp chụp màn hình thông báo lỗi, ghi mã lỗi và liên hệ bộ phận hỗ trợ CNTT của chi cục hoặc đường dây hỗ trợ 24/7 của Tổng cục. Trường hợp hệ thống gặp sự cố, cơ quan hải quan thông báo và hướng dẫn khai báo thay thế.`,
    bodyEn: (s) =>
      `On ${s.en}: use a valid digital signature registered with customs and declaration software connected to VNACCS/VCIS. For errors, take a screenshot, note the error code and contact the branch’s IT support or the 24/7 helpline. When the system is down, customs announces it and explains the fallback.`,
    legal: [T38('Điều 3–8'), D08('Điều 3')],
  },
  {
    category: 'other',
    tags: ['đối tác hải quan – doanh nghiệp'],
    subjects: OTHER,
    titleVi: (s) => `Quy định về ${s.vi}?`,
    titleEn: (s) => `What are the rules on ${s.en}?`,
    bodyVi: (s) =>
      `Về ${s.vi}, doanh nghiệp liên hệ chi cục hải quan quản lý hoặc gửi yêu cầu trên Cầu Nối. Cơ quan hải quan công khai quy trình, thời hạn và kết quả; các vướng mắc về chính sách được tổng hợp, báo cáo lên Cục và Tổng cục. Quyền và nghĩa vụ của doanh nghiệp được bảo đảm theo Luật Hải quan và các văn bản hướng dẫn.`,
    bodyEn: (s) =>
      `On ${s.en}, contact the managing branch or send a request through Cầu Nối. Customs publishes its procedures, time limits and results; policy questions are collected and reported up to the Department and the General Department.`,
    legal: [LAW_CUSTOMS('Điều 8'), T72, D128],
  },
  {
    category: 'commodity_policy',
    tags: ['kiểm tra chất lượng', 'một cửa quốc gia'],
    subjects: POLICY,
    titleVi: (s) => `Đăng ký kiểm tra nhà nước đối với ${s.vi} nhập khẩu thực hiện ở đâu?`,
    titleEn: (s) => `Where do I register the state inspection of imported ${s.en}?`,
    bodyVi: (s) =>
      `Doanh nghiệp đăng ký kiểm tra nhà nước đối với ${s.vi} trên Cổng thông tin một cửa quốc gia, gửi kèm hợp đồng, hóa đơn, vận đơn và tài liệu kỹ thuật. Cơ quan kiểm tra trả kết quả qua Cổng; hải quan sử dụng kết quả này để thông quan. Căn cứ: ${s.extra ?? 'văn bản của bộ quản lý chuyên ngành'}.`,
    bodyEn: (s) =>
      `Register the state inspection of ${s.en} on the National Single Window with the contract, invoice, bill of lading and technical documents. The inspecting body returns its result there and customs clears on it. Basis: ${s.extraEn ?? 'the managing ministry’s rules'}.`,
    legal: [D69, D15],
  },
  {
    category: 'tax_refund',
    tags: ['hoàn thuế', 'không thu thuế'],
    subjects: REFUNDS,
    titleVi: (s) => `Trường hợp nào không được hoàn thuế hoặc được không thu thuế đối với ${s.vi}?`,
    titleEn: (s) => `When is duty on ${s.en} not refunded, or not collected?`,
    bodyVi: (s) =>
      `Không hoàn thuế đối với ${s.vi} khi số tiền thuế được hoàn dưới 50.000 đồng hoặc khi doanh nghiệp không chứng minh được hàng hóa đã thực xuất. Trường hợp chưa nộp thuế mà thuộc diện được hoàn, cơ quan hải quan thực hiện không thu thuế; thủ tục, hồ sơ như hồ sơ hoàn thuế.`,
    bodyEn: (s) =>
      `No refund is paid for ${s.en} when it is under VND 50,000 or when actual export cannot be shown. Where duty was not yet paid but would be refunded, customs does not collect it; the file is the same as for a refund.`,
    legal: [D134('Điều 37'), LAW_TAX('Điều 19')],
  },
  {
    category: 'it_ecustoms',
    tags: ['VNACCS', 'sự cố'],
    subjects: ITSYS,
    titleVi: (s) => `Xử lý thế nào khi gặp sự cố liên quan đến ${s.vi}?`,
    titleEn: (s) => `What to do when something goes wrong with ${s.en}?`,
    bodyVi: (s) =>
      `Khi gặp sự cố liên quan đến ${s.vi}, doanh nghiệp kiểm tra kết nối và chứng thư số, cập nhật phần mềm khai báo, rồi thử lại. Nếu vẫn lỗi, gửi yêu cầu hỗ trợ kèm ảnh chụp màn hình, số tờ khai và mã lỗi; bộ phận CNTT phản hồi trong ngày làm việc, hoặc ngay trong 24/7 với sự cố làm ngừng thông quan.`,
    bodyEn: (s) =>
      `When ${s.en} fails, check the connection and the digital certificate, update the declaration software and retry. If it still fails, send a support request with a screenshot, the declaration number and the error code; IT answers within the working day, or at once (24/7) when clearance is blocked.`,
    legal: [T38('Điều 3–8')],
  },
  {
    category: 'processing_export',
    tags: ['gia công', 'thời hạn'],
    subjects: PROCESSING,
    titleVi: (s) => `Thời hạn thực hiện ${s.vi} đối với loại hình gia công, SXXK?`,
    titleEn: (s) => `What is the deadline for ${s.en} in processing and export production?`,
    bodyVi: (s) =>
      `Thời hạn thực hiện ${s.vi} được quy định tại ${s.extra ?? ''} Thông tư 38/2015/TT-BTC (đã sửa đổi). Báo cáo quyết toán nộp chậm nhất ngày thứ 90 kể từ ngày kết thúc năm tài chính; thông báo cơ sở sản xuất thực hiện trước khi làm thủ tục nhập khẩu lô hàng đầu tiên. Quá thời hạn, doanh nghiệp có thể bị xử phạt theo Nghị định 128/2020/NĐ-CP.`,
    bodyEn: (s) =>
      `The deadline for ${s.en} is set in Circular 38/2015/TT-BTC as amended. The settlement report is due within 90 days of the financial year end; the production facility is notified before the first import. Late filing may be fined under Decree 128/2020/ND-CP.`,
    legal: [T38('Điều 60'), D128],
  },
  {
    category: 'other',
    tags: ['hỗ trợ doanh nghiệp'],
    subjects: OTHER,
    titleVi: (s) => `Doanh nghiệp cần chuẩn bị gì khi ${s.vi}?`,
    titleEn: (s) => `What should a business prepare for ${s.en}?`,
    bodyVi: (s) =>
      `Khi ${s.vi}, doanh nghiệp chuẩn bị thông tin về doanh nghiệp (mã số thuế, người liên hệ), hồ sơ liên quan và nêu rõ vướng mắc hoặc đề xuất. Cơ quan hải quan tiếp nhận, phản hồi trong thời hạn đã công bố và công khai kết quả xử lý.`,
    bodyEn: (s) =>
      `For ${s.en}, have your company details (tax code, contact person) and the related documents ready, and state the problem or proposal clearly. Customs answers within the published time limits and publishes the outcome.`,
    legal: [LAW_CUSTOMS('Điều 8')],
  },
];

/** The entries of the demo bank (deterministic). */
export function demoQuestionEntries(): EntryInput[] {
  const entries: EntryInput[] = [];
  for (const pattern of PATTERNS) {
    for (const subject of pattern.subjects) {
      entries.push({
        category: pattern.category,
        tags: pattern.tags,
        titleVi: pattern.titleVi(subject),
        bodyVi: pattern.bodyVi(subject),
        titleEn: pattern.titleEn(subject),
        bodyEn: pattern.bodyEn(subject),
        legalBasis: pattern.legal,
      });
    }
  }
  return [...entries, ...TOPIC_ENTRIES];
}

/** `count` entries for load tests: the demo bank repeated with a case number, so no two are equal. */
export function syntheticQuestionEntries(count: number): EntryInput[] {
  const base = demoQuestionEntries();
  const rng = new Rng('questions:synthetic');
  const places = [
    'Hải Phòng',
    'Quảng Ninh',
    'Bình Dương',
    'Đồng Nai',
    'Lạng Sơn',
    'Đà Nẵng',
    'Cần Thơ',
    'Bắc Ninh',
    'Hà Nội',
    'TP. Hồ Chí Minh',
  ];
  const out: EntryInput[] = [];
  for (let i = 0; i < count; i++) {
    const entry = base[i % base.length]!;
    const place = rng.pick(places);
    out.push({
      ...entry,
      titleVi: `${entry.titleVi} (tình huống ${i + 1}, ${place})`,
      bodyVi: `${entry.bodyVi} Tình huống số ${i + 1} tại ${place}.`,
    });
  }
  return out;
}

export async function seedQuestions(
  db: Kysely<Database>,
  authorUserId: string | null,
  reviewerUserId: string | null,
  now: Date,
): Promise<number> {
  const rng = new Rng('questions:demo');
  const entries = demoQuestionEntries();
  const rows = entries.map((entry) => {
    const published = new Date(now.getTime() - rng.int(20, 700) * 86_400_000);
    const reviewed = new Date(Math.min(now.getTime(), published.getTime() + rng.int(0, 300) * 86_400_000));
    return {
      ...draftValues(entry, authorUserId, published),
      status: 'published' as const,
      reviewed_by_user_id: reviewerUserId,
      last_reviewed_at: reviewed,
      published_at: published,
      updated_at: reviewed,
      views: rng.int(5, 2500),
      helpful_yes: rng.int(0, 80),
      helpful_no: rng.int(0, 12),
    };
  });
  for (let i = 0; i < rows.length; i += 100) {
    const inserted = await db
      .insertInto('qa_entries')
      .values(rows.slice(i, i + 100))
      .returning([
        'id',
        'version',
        'status',
        'category',
        'tags',
        'title_vi',
        'body_vi',
        'title_en',
        'body_en',
        'legal_basis',
        'published_at',
      ])
      .execute();
    await db
      .insertInto('qa_entry_versions')
      .values(
        inserted.map((row) => ({
          entry_id: row.id,
          version: row.version,
          status: row.status,
          snapshot: JSON.stringify({
            category: row.category,
            tags: row.tags,
            titleVi: row.title_vi,
            bodyVi: row.body_vi,
            titleEn: row.title_en,
            bodyEn: row.body_en,
            legalBasis: row.legal_basis,
          }),
          actor_user_id: reviewerUserId,
          note: null,
          at: row.published_at ?? now,
        })),
      )
      .execute();
  }
  return rows.length;
}
