// Demo entries, written one by one, on the topics businesses raise most
// (../shared/domain/README.md) that the question patterns of questions.ts left
// thin: customs valuation and price consultation, transit, bonded warehouses,
// express and e-commerce shipments, specialised inspection, the inspection
// channels, working hours, informal charges and policy changes. The wording is
// ours; the documents cited are real.
import type { EntryInput, LegalBasis } from '../../src/contracts/questions.ts';

const L = (document: string, article: string, effectiveDate: string | null): LegalBasis => ({
  document,
  article,
  effectiveDate,
});
const T39 = (article: string) =>
  L('Thông tư 39/2015/TT-BTC về trị giá hải quan (sửa đổi bởi Thông tư 60/2019/TT-BTC)', article, '2015-05-05');
const T38 = (article: string) =>
  L('Thông tư 38/2015/TT-BTC (sửa đổi bởi Thông tư 39/2018/TT-BTC)', article, '2015-04-01');
const LAW = (article: string) => L('Luật Hải quan số 54/2014/QH13', article, '2015-01-01');
const D68 = (article: string) =>
  L(
    'Nghị định 68/2016/NĐ-CP về kho bãi, địa điểm hải quan (sửa đổi bởi Nghị định 67/2020/NĐ-CP)',
    article,
    '2016-07-01',
  );
const T191 = (article: string) =>
  L(
    'Thông tư 191/2015/TT-BTC về hàng gửi qua dịch vụ chuyển phát nhanh (sửa đổi bởi Thông tư 56/2019/TT-BTC)',
    article,
    '2016-01-01',
  );
const D15 = (article: string) =>
  L('Nghị định 15/2018/NĐ-CP quy định chi tiết Luật An toàn thực phẩm', article, '2018-02-02');
const D08 = (article: string) =>
  L('Nghị định 08/2015/NĐ-CP (sửa đổi bởi Nghị định 59/2018/NĐ-CP)', article, '2015-03-15');

const entry = (
  category: EntryInput['category'],
  tags: string[],
  titleVi: string,
  titleEn: string,
  bodyVi: string,
  bodyEn: string,
  legalBasis: LegalBasis[],
): EntryInput => ({ category, tags, titleVi, titleEn, bodyVi, bodyEn, legalBasis });

export const TOPIC_ENTRIES: EntryInput[] = [
  entry(
    'procedures',
    ['trị giá hải quan', 'xác định trị giá'],
    'Trị giá hải quan của hàng nhập khẩu được xác định theo những phương pháp nào?',
    'Which methods determine the customs value of imported goods?',
    'Trị giá hải quan hàng nhập khẩu được xác định theo sáu phương pháp, áp dụng lần lượt: trị giá giao dịch; trị giá giao dịch của hàng hóa giống hệt; của hàng hóa tương tự; phương pháp khấu trừ; phương pháp tính toán; phương pháp suy luận. Phương pháp trị giá giao dịch là giá thực tế đã thanh toán hay sẽ phải thanh toán, cộng các khoản điều chỉnh và trừ các khoản được trừ. Chỉ khi không đủ điều kiện áp dụng phương pháp trước mới chuyển sang phương pháp sau.',
    'The customs value of imports is determined by six methods applied in order: transaction value; transaction value of identical goods; of similar goods; the deductive method; the computed method; the fall-back method. Transaction value is the price actually paid or payable, plus adjustments, minus allowed deductions. A later method applies only when the earlier one cannot.',
    [T39('Điều 5, Điều 6'), LAW('Điều 86')],
  ),
  entry(
    'procedures',
    ['trị giá hải quan', 'tham vấn giá'],
    'Khi nào cơ quan hải quan tham vấn trị giá và doanh nghiệp cần chuẩn bị gì khi tham vấn giá?',
    'When does customs hold a price consultation, and what should the business prepare?',
    'Cơ quan hải quan tham vấn trị giá khi có nghi vấn về trị giá khai báo, thường so với cơ sở dữ liệu giá hoặc khi hàng thuộc danh mục rủi ro về trị giá. Tham vấn được thực hiện một lần, trực tiếp hoặc qua hệ thống điện tử, trong thời hạn làm thủ tục. Doanh nghiệp chuẩn bị hợp đồng, hóa đơn, chứng từ thanh toán, bảng giá, thư chào hàng, chứng từ vận tải và bảo hiểm để chứng minh giá giao dịch. Nếu không chứng minh được, hải quan xác định trị giá theo các phương pháp tiếp theo.',
    'Customs holds a price (valuation) consultation when it doubts the declared value, usually against its price database or when the goods are on the valuation risk list. It is held once, in person or electronically, within the clearance time. Bring the contract, invoice, payment documents, price lists, offers, transport and insurance documents to prove the transaction price; otherwise customs determines the value by the next methods.',
    [T39('Điều 25'), T38('Điều 25')],
  ),
  entry(
    'procedures',
    ['trị giá hải quan', 'điều chỉnh cộng'],
    'Những khoản nào phải cộng vào trị giá giao dịch khi khai trị giá hải quan?',
    'Which costs must be added to the transaction value when declaring the customs value?',
    'Phải cộng vào trị giá giao dịch (nếu chưa có trong giá mua) các khoản: hoa hồng bán hàng, phí môi giới; chi phí bao bì gắn liền với hàng hóa; trị giá hàng hóa, dịch vụ do người mua cung cấp miễn phí; phí bản quyền, phí giấy phép liên quan đến hàng nhập khẩu; tiền thu được sau khi bán lại mà người bán được hưởng; chi phí vận tải, bảo hiểm đến cửa khẩu nhập đầu tiên. Các khoản này phải có số liệu khách quan, định lượng được.',
    'Unless already in the price, add to the transaction value: selling commissions and brokerage; packing costs; goods and services the buyer supplied free; royalties and licence fees related to the imported goods; proceeds of resale accruing to the seller; transport and insurance to the first port of import. Each must rest on objective, quantifiable data.',
    [T39('Điều 13–15')],
  ),
  entry(
    'procedures',
    ['quá cảnh', 'vận chuyển'],
    'Thủ tục hải quan đối với hàng hóa quá cảnh qua lãnh thổ Việt Nam?',
    'What are the customs procedures for goods in transit through Vietnam?',
    'Hàng hóa quá cảnh phải khai hải quan tại cửa khẩu nhập đầu tiên và chịu sự giám sát hải quan trong suốt thời gian vận chuyển đến cửa khẩu xuất cuối cùng. Người khai nộp tờ khai vận chuyển độc lập, hàng hóa được niêm phong hải quan; không được tự ý thay đổi tuyến đường, phương tiện hoặc chia tách lô hàng. Hàng quá cảnh không phải nộp thuế xuất khẩu, nhập khẩu nếu đưa ra khỏi Việt Nam đúng thời hạn.',
    'Goods in transit are declared at the first port of entry and stay under customs supervision until the last port of exit. The declarant files an independent transport declaration and the goods are sealed; route, vehicle and lot may not be changed without approval. No import or export duty is due if the goods leave Vietnam on time.',
    [LAW('Điều 43–45'), T38('Điều 51')],
  ),
  entry(
    'procedures',
    ['quá cảnh', 'chuyển cảng', 'giám sát hải quan'],
    'Hàng hóa vận chuyển chịu sự giám sát hải quan (chuyển cảng, chuyển cửa khẩu) làm thủ tục thế nào?',
    'How are goods moved under customs supervision (between ports or border gates) declared?',
    'Hàng chuyển cảng, chuyển cửa khẩu, hàng từ cảng về địa điểm kiểm tra hoặc kho ngoại quan được khai trên tờ khai vận chuyển độc lập hoặc kết hợp trên hệ thống VNACCS. Hải quan nơi đi niêm phong và theo dõi; hải quan nơi đến xác nhận hàng đến đủ, nguyên niêm phong trong thời hạn vận chuyển đã đăng ký. Quá thời hạn hoặc sai lệch niêm phong, hải quan xác minh và xử lý theo quy định.',
    'Goods moved between ports or border gates, or from a port to an inspection site or bonded warehouse, are declared on an independent (or combined) transport declaration in VNACCS. The office of departure seals and tracks them; the office of destination confirms arrival with seals intact within the registered time. Delays or broken seals are investigated.',
    [T38('Điều 50–51'), LAW('Điều 43')],
  ),
  entry(
    'procedures',
    ['kho ngoại quan'],
    'Điều kiện để doanh nghiệp được thành lập kho ngoại quan?',
    'What does a company need to set up a bonded warehouse?',
    'Kho ngoại quan phải nằm trong khu vực quy hoạch (cảng, khu công nghiệp, khu kinh tế, khu vực cửa khẩu hoặc địa điểm được phê duyệt), có tường rào ngăn cách, diện tích tối thiểu theo quy định (kho chứa trong nhà ít nhất 1.000 m²), có phần mềm quản lý hàng hóa kết nối với cơ quan hải quan và camera giám sát lưu trữ hình ảnh. Doanh nghiệp nộp hồ sơ đề nghị công nhận đến Cục Hải quan; thời hạn giải quyết 15 ngày.',
    'A bonded warehouse must stand in a planned area (port, industrial or economic zone, border-gate area or approved site), be fenced, meet the minimum size (at least 1,000 m² indoors), run stock-keeping software connected to customs and keep CCTV recordings. The application goes to the Customs Department, which decides within 15 days.',
    [D68('Điều 10, Điều 13'), LAW('Điều 62')],
  ),
  entry(
    'procedures',
    ['kho ngoại quan', 'gửi kho'],
    'Hàng hóa được gửi kho ngoại quan trong bao lâu và được làm những dịch vụ gì?',
    'How long may goods stay in a bonded warehouse, and what services are allowed there?',
    'Hàng hóa gửi kho ngoại quan được lưu giữ tối đa 12 tháng kể từ ngày đưa vào kho, có thể gia hạn thêm 12 tháng khi được Chi cục trưởng chấp thuận. Trong kho được thực hiện: gia cố, chia gói, đóng gói bao bì; đóng ghép hàng hóa; phân loại phẩm cấp, bảo dưỡng; lấy mẫu phục vụ quản lý; chuyển quyền sở hữu hàng hóa. Hàng đưa ra kho để xuất khẩu hoặc nhập khẩu vào nội địa làm thủ tục như hàng xuất khẩu, nhập khẩu.',
    'Goods may stay in a bonded warehouse for up to 12 months from entry, extendable by 12 months with the branch head’s approval. Allowed there: strengthening, splitting and repacking; consolidation; grading and maintenance; sampling; transfer of ownership. Goods leaving for export or for the domestic market go through export or import procedures.',
    [LAW('Điều 61'), D68('Điều 16')],
  ),
  entry(
    'procedures',
    ['kho ngoại quan', 'thủ tục hải quan'],
    'Thủ tục đưa hàng vào và đưa hàng ra kho ngoại quan thực hiện như thế nào?',
    'How are goods brought into and taken out of a bonded warehouse?',
    'Chủ hàng hoặc chủ kho ngoại quan khai tờ khai vận chuyển độc lập để đưa hàng từ cửa khẩu vào kho; chủ kho xác nhận hàng vào kho trên phần mềm kết nối với hải quan. Khi đưa hàng ra kho để xuất khẩu, chủ kho lập phiếu xuất kho và khai tờ khai vận chuyển đến cửa khẩu xuất; để nhập khẩu vào nội địa, người nhập khẩu đăng ký tờ khai nhập khẩu, nộp thuế và được thông quan trước khi hàng ra kho.',
    'The owner or warehouse keeper files an independent transport declaration to move goods from the border into the warehouse, and confirms their entry in the software linked to customs. For export, the keeper issues a release note and declares transport to the exit gate; for the domestic market, the importer files an import declaration and pays duty before the goods leave.',
    [T38('Điều 91–92'), D68('Điều 17')],
  ),
  entry(
    'tax_exemption',
    ['chuyển phát nhanh', 'miễn thuế'],
    'Hàng gửi qua dịch vụ chuyển phát nhanh trị giá nhỏ có còn được miễn thuế không?',
    'Are low-value express shipments still exempt from duty?',
    'Từ ngày 18/02/2025, Quyết định 01/2025/QĐ-TTg bãi bỏ Quyết định 78/2010/QĐ-TTg: hàng nhập khẩu gửi qua dịch vụ chuyển phát nhanh có trị giá từ 1 triệu đồng trở xuống không còn được miễn thuế nhập khẩu và thuế giá trị gia tăng. Doanh nghiệp chuyển phát nhanh khai hải quan cho từng lô hàng theo nhóm hàng (tài liệu, hàng miễn thuế, hàng trị giá thấp, hàng khác) và nộp thuế theo quy định.',
    'Since 18 February 2025, Decision 01/2025/QD-TTg repealed Decision 78/2010/QD-TTg: imports sent by express delivery worth VND 1 million or less are no longer exempt from import duty and VAT. The express carrier declares each consignment by group (documents, exempt goods, low-value goods, others) and duty is paid as usual.',
    [L('Quyết định 01/2025/QĐ-TTg bãi bỏ Quyết định 78/2010/QĐ-TTg', 'Điều 1', '2025-02-18'), T191('Điều 6')],
  ),
  entry(
    'procedures',
    ['chuyển phát nhanh', 'thủ tục hải quan'],
    'Thủ tục hải quan đối với hàng gửi qua dịch vụ chuyển phát nhanh?',
    'What are the customs procedures for express shipments?',
    'Doanh nghiệp chuyển phát nhanh khai hải quan điện tử cho hàng gửi, phân thành nhóm: tài liệu, chứng từ không có giá trị thương mại; hàng được miễn thuế; hàng có trị giá thấp; hàng khác. Hàng được đưa vào khu vực giám sát tại địa điểm tập kết, kiểm tra, giám sát hàng chuyển phát nhanh, qua máy soi; hải quan quyết định kiểm tra thực tế theo quản lý rủi ro. Người nhận có thể ủy quyền cho doanh nghiệp chuyển phát nhanh làm thủ tục và nộp thuế.',
    'Express carriers declare shipments electronically in groups: documents without commercial value; exempt goods; low-value goods; other goods. Shipments go through the express cargo supervision site and its X-ray scanners; customs chooses physical inspection by risk. The recipient may authorise the carrier to clear and pay duty.',
    [T191('Điều 5–8'), LAW('Điều 16')],
  ),
  entry(
    'procedures',
    ['thương mại điện tử', 'chuyển phát nhanh'],
    'Hàng hóa xuất khẩu, nhập khẩu qua thương mại điện tử làm thủ tục hải quan như thế nào?',
    'How are goods bought or sold through e-commerce cleared by customs?',
    'Hàng giao dịch qua thương mại điện tử được khai trên hệ thống xử lý dữ liệu điện tử hải quan: doanh nghiệp kinh doanh hoặc nhà cung cấp dịch vụ (sàn thương mại điện tử, doanh nghiệp chuyển phát, logistics) gửi thông tin đơn hàng, thanh toán và vận đơn cho hải quan trước khi hàng đến. Hàng được thông quan theo từng đơn hoặc gộp theo lô; chính sách mặt hàng, kiểm tra chuyên ngành và thuế áp dụng như hàng hóa thông thường, trừ trường hợp được miễn theo định mức.',
    'Goods traded through e-commerce are declared in the customs electronic system: the seller or the service provider (marketplace, express or logistics company) sends order, payment and waybill data to customs before arrival. Goods clear per order or per batch; commodity policies, specialised inspection and duties apply as for ordinary goods, except quantities exempt by law.',
    [T191('Điều 4'), L('Luật Quản lý thuế số 38/2019/QH14', 'Điều 42', '2020-07-01')],
  ),
  entry(
    'tax_refund',
    ['thương mại điện tử', 'cá nhân'],
    'Cá nhân mua hàng trên sàn thương mại điện tử nước ngoài gửi về Việt Nam phải nộp thuế thế nào?',
    'How does an individual pay duty on goods bought from a foreign online marketplace?',
    'Hàng cá nhân mua trên sàn thương mại điện tử nước ngoài gửi về qua bưu chính hoặc chuyển phát nhanh phải khai hải quan; doanh nghiệp chuyển phát thường làm thủ tục và thu hộ thuế nhập khẩu, thuế giá trị gia tăng khi giao hàng. Hàng thuộc diện cấm nhập khẩu, phải có giấy phép hoặc kiểm tra chuyên ngành thì cá nhân phải đáp ứng như hàng thương mại. Người nhận lưu giữ hóa đơn mua hàng để chứng minh trị giá.',
    'Goods an individual buys on a foreign marketplace and receives by post or express must be declared; the carrier usually clears them and collects import duty and VAT on delivery. Prohibited goods, or goods needing a licence or specialised inspection, follow the same rules as commercial goods. Keep the purchase invoice to prove the value.',
    [T191('Điều 6'), L('Luật Thuế xuất khẩu, thuế nhập khẩu số 107/2016/QH13', 'Điều 5', '2016-09-01')],
  ),
  entry(
    'commodity_policy',
    ['kiểm tra chuyên ngành', 'đưa hàng về bảo quản'],
    'Hàng phải kiểm tra chuyên ngành được đưa về kho của doanh nghiệp bảo quản khi nào?',
    'When may goods awaiting specialised inspection be taken to the company’s own warehouse?',
    'Hàng phải kiểm tra chuyên ngành về chất lượng, an toàn thực phẩm được đưa về bảo quản khi có văn bản của cơ quan kiểm tra chuyên ngành cho phép hoặc thuộc danh mục được đưa về bảo quản. Doanh nghiệp đề nghị trên tờ khai, cam kết bảo quản nguyên trạng tại địa điểm đã đăng ký, không sử dụng, tiêu thụ trước khi có kết quả kiểm tra và nộp kết quả cho hải quan trong 30 ngày.',
    'Goods awaiting quality or food-safety inspection may be taken into storage when the inspecting body allows it in writing or the goods are on the list allowed. The business asks on the declaration, undertakes to keep them untouched at the registered place, not to use or sell them before the result, and files the result with customs within 30 days.',
    [T38('Điều 32'), LAW('Điều 35')],
  ),
  entry(
    'commodity_policy',
    ['kiểm tra chuyên ngành', 'miễn kiểm tra'],
    'Những trường hợp nào được miễn kiểm tra chuyên ngành khi nhập khẩu?',
    'Which imports are exempt from specialised inspection?',
    'Được miễn kiểm tra chuyên ngành (an toàn thực phẩm, chất lượng) đối với: hàng mang theo người trong định mức miễn thuế; quà biếu, quà tặng trong định mức; hàng mẫu, hàng để nghiên cứu, thử nghiệm với số lượng phù hợp; hàng tạm nhập tái xuất để dự hội chợ, triển lãm; hàng quá cảnh, chuyển khẩu, gửi kho ngoại quan; hàng nhập để sản xuất hàng xuất khẩu, gia công (với một số mặt hàng). Hàng giống hệt đã được kiểm tra đạt yêu cầu có thể được miễn kiểm tra theo xác nhận của cơ quan kiểm tra.',
    'Exempt from food-safety or quality inspection: goods carried by travellers within duty-free allowances; gifts within the allowance; samples and goods for research or testing in reasonable quantity; goods temporarily imported for fairs; goods in transit, in transhipment or in bonded warehouses; inputs for export production or processing (for some goods). Identical goods that already passed may be exempted on the inspecting body’s confirmation.',
    [D15('Điều 13'), L('Nghị định 74/2018/NĐ-CP về chất lượng sản phẩm, hàng hóa', 'Điều 1', '2018-05-15')],
  ),
  entry(
    'commodity_policy',
    ['kiểm tra chuyên ngành', 'an toàn thực phẩm'],
    'Kiểm tra an toàn thực phẩm nhập khẩu theo phương thức kiểm tra giảm, thông thường, chặt khác nhau thế nào?',
    'How do reduced, ordinary and tight food-safety inspections of imported food differ?',
    'Kiểm tra giảm: chỉ kiểm tra hồ sơ, tối đa 5% lô hàng được kiểm tra ngẫu nhiên, áp dụng cho hàng đã đạt 3 lần liên tiếp trong 12 tháng hoặc từ cơ sở đạt chứng nhận. Kiểm tra thông thường: kiểm tra hồ sơ, trả kết quả trong 3 ngày làm việc. Kiểm tra chặt: kiểm tra hồ sơ và lấy mẫu, áp dụng khi lô trước không đạt hoặc có cảnh báo, trả kết quả trong 7 ngày làm việc.',
    'Reduced inspection: documents only, at most 5% of lots checked at random, for goods that passed 3 times running in 12 months or from certified plants. Ordinary: documents checked, result within 3 working days. Tight: documents and sampling, after a failed lot or a warning, result within 7 working days.',
    [D15('Điều 16–19')],
  ),
  entry(
    'commodity_policy',
    ['kiểm tra chuyên ngành', 'phản ánh'],
    'Kiểm tra chuyên ngành kéo dài làm chậm thông quan thì doanh nghiệp phản ánh ở đâu?',
    'Where can a business complain when specialised inspection delays clearance?',
    'Doanh nghiệp gửi phản ánh về thời gian kiểm tra chuyên ngành qua Cổng thông tin một cửa quốc gia, gửi yêu cầu hỗ trợ trên Cầu Nối hoặc nêu tại các buổi đối thoại doanh nghiệp – hải quan. Cơ quan hải quan tổng hợp vướng mắc, trao đổi với bộ quản lý chuyên ngành; thời gian kiểm tra chuyên ngành từng chiếm hơn 70% thời gian thông quan nên là trọng tâm cải cách.',
    'Complaints about inspection times go through the National Single Window, a support request on Cầu Nối, or the business–customs dialogues. Customs collects them and takes them up with the managing ministries; specialised inspection once took over 70% of clearance time and remains a reform priority.',
    [L('Quyết định 38/QĐ-TTg về cải cách kiểm tra chuyên ngành', 'Điều 1', '2020-01-08')],
  ),
  entry(
    'procedures',
    ['luồng đỏ', 'kiểm tra thực tế'],
    'Tờ khai bị phân luồng đỏ thì doanh nghiệp phải làm gì?',
    'My declaration was assigned the red channel: what do I do?',
    'Tờ khai luồng đỏ (luồng 3) phải kiểm tra chi tiết hồ sơ và kiểm tra thực tế hàng hóa. Doanh nghiệp nộp hoặc xuất trình chứng từ theo yêu cầu, đưa hàng đến địa điểm kiểm tra (có thể kiểm tra qua máy soi container) và cử người chứng kiến. Thời hạn kiểm tra thực tế tối đa 8 giờ làm việc (kiểm tra một phần) hoặc 2 ngày làm việc (kiểm tra toàn bộ, lô hàng lớn, phức tạp) kể từ khi xuất trình đủ hàng.',
    'A red-channel (channel 3) declaration gets a detailed document check and a physical inspection. Submit the requested documents, bring the goods to the inspection site (container scanners may be used) and send someone to witness. Inspection takes at most 8 working hours (partial) or 2 working days (full, large or complex lots) from presentation.',
    [LAW('Điều 23'), T38('Điều 29')],
  ),
  entry(
    'procedures',
    ['luồng vàng', 'kiểm tra hồ sơ'],
    'Vì sao tờ khai bị phân luồng vàng và phải nộp hồ sơ giấy không?',
    'Why was my declaration assigned the yellow channel, and must I file paper documents?',
    'Hệ thống VNACCS phân luồng vàng (luồng 2) theo quản lý rủi ro: lịch sử tuân thủ của doanh nghiệp, mặt hàng, xuất xứ, tuyến đường. Tờ khai luồng vàng được kiểm tra chi tiết hồ sơ, miễn kiểm tra thực tế. Doanh nghiệp nộp chứng từ điện tử qua hệ thống; chỉ nộp bản giấy khi chứng từ chưa được điện tử hóa hoặc hải quan yêu cầu. Thời hạn kiểm tra hồ sơ tối đa 2 giờ làm việc. Chiến lược đến 2030 đặt mục tiêu không quá 30% tờ khai phải kiểm tra hồ sơ.',
    'VNACCS assigns the yellow channel (channel 2) by risk: the company’s compliance record, the goods, origin and route. A yellow declaration gets a detailed document check but no physical inspection. Documents are filed electronically; paper only when a document is not yet electronic or customs asks. The check takes at most 2 working hours; the 2030 strategy aims for at most 30% of declarations needing documentary examination.',
    [T38('Điều 16'), LAW('Điều 23')],
  ),
  entry(
    'other',
    ['giờ làm việc', 'ngoài giờ'],
    'Hải quan có làm thủ tục ngoài giờ hành chính, ngày nghỉ, ngày lễ không?',
    'Does customs clear goods outside office hours, at weekends and on holidays?',
    'Cơ quan hải quan làm thủ tục ngoài giờ, ngày nghỉ, ngày lễ khi doanh nghiệp đề nghị trước (qua hệ thống hoặc điện thoại với chi cục) để bảo đảm thông quan liên tục; tại các cửa khẩu, cảng biển, sân bay lớn, hải quan làm việc 24/7. Hệ thống VNACCS tiếp nhận tờ khai 24/7; tờ khai luồng xanh được thông quan tự động cả ngoài giờ.',
    'Customs clears outside office hours, at weekends and on holidays when asked in advance (through the system or by phone to the branch) so clearance does not stop; large border gates, seaports and airports work 24/7. VNACCS accepts declarations 24/7 and green-channel declarations clear automatically at any hour.',
    [LAW('Điều 23'), D08('Điều 4')],
  ),
  entry(
    'other',
    ['phản ánh', 'phiền hà', 'chi phí không chính thức'],
    'Phản ánh công chức hải quan gây phiền hà, nhũng nhiễu hoặc đòi chi phí không chính thức ở đâu?',
    'Where do I report a customs officer who causes trouble, harasses or asks for informal payments?',
    'Doanh nghiệp phản ánh trên Cầu Nối khi đánh giá tờ khai (đánh dấu phiền hà, nhũng nhiễu, tiêu cực), gọi đường dây nóng của Tổng cục (tiếp nhận 24/7) hoặc gửi văn bản đến Cục Hải quan. Mọi phản ánh được kiểm tra, xác minh và xử lý; danh tính người phản ánh được bảo vệ và chỉ được xem khi cần xác minh, có ghi nhật ký.',
    'Report it on Cầu Nối when rating the declaration (flag inconvenience, harassment or negativity), call the General Department’s 24/7 hotline, or write to the Customs Department. Every report is checked, verified and handled; the reporter’s identity is protected and revealed only when verification needs it, with a logged record.',
    [LAW('Điều 8'), L('Quyết định 1399/QĐ-TCHQ', 'Điều 2', '2022-07-01')],
  ),
  entry(
    'other',
    ['chính sách mới', 'văn bản pháp luật'],
    'Làm sao để cập nhật kịp thời các văn bản, chính sách hải quan mới thay đổi?',
    'How can a business keep up with new customs rules and policy changes?',
    'Doanh nghiệp đăng ký nhận bản tin hằng tháng và thông báo văn bản mới theo chủ đề trên Cầu Nối, theo dõi mục văn bản pháp luật và hỏi đáp. Cơ quan hải quan công bố văn bản mới, tổ chức hội nghị phổ biến, đối thoại và lấy ý kiến doanh nghiệp về dự thảo trước khi ban hành; hiệp hội doanh nghiệp chuyển tiếp thông tin đến hội viên.',
    'Subscribe on Cầu Nối to the monthly newsletter and to new documents by topic, and follow the legal documents and questions sections. Customs publishes new documents, holds briefings and dialogues, and consults businesses on drafts before they are issued; associations pass the news to their members.',
    [LAW('Điều 8')],
  ),
  entry(
    'tax_refund',
    ['tái nhập', 'hàng trả lại', 'không thu thuế'],
    'Hàng xuất khẩu bị khách hàng nước ngoài trả lại thì làm thủ tục tái nhập thế nào?',
    'How do I re-import exports that the foreign customer sent back?',
    'Hàng xuất khẩu bị trả lại được làm thủ tục tái nhập tại chi cục nơi đã làm thủ tục xuất khẩu hoặc chi cục khác; người khai nêu số tờ khai xuất khẩu ban đầu, lý do trả lại. Nếu hàng chưa qua gia công, chế biến ở nước ngoài, doanh nghiệp không phải nộp thuế nhập khẩu và được hoàn thuế xuất khẩu đã nộp. Hồ sơ gồm tờ khai tái nhập, văn bản thông báo trả lại của khách hàng và chứng từ vận tải.',
    'Returned exports are re-imported at the branch that cleared the export or another one, citing the original export declaration and the reason. If they were not processed abroad, no import duty is due and the export duty paid is refunded. The file: the re-import declaration, the buyer’s notice of return and the transport documents.',
    [T38('Điều 47'), L('Nghị định 134/2016/NĐ-CP (sửa đổi bởi Nghị định 18/2021/NĐ-CP)', 'Điều 34', '2016-09-01')],
  ),
  entry(
    'procedures',
    ['tạm nhập tái xuất', 'TNTX'],
    'Doanh nghiệp kinh doanh tạm nhập tái xuất cần điều kiện gì và thời hạn lưu hàng bao lâu?',
    'What does a company need to trade goods under temporary import for re-export, and how long may they stay?',
    'Kinh doanh tạm nhập tái xuất hàng thông thường không cần giấy phép, trừ hàng thuộc danh mục quản lý (thực phẩm đông lạnh, hàng có thuế tiêu thụ đặc biệt, hàng đã qua sử dụng…) phải có mã số kinh doanh tạm nhập tái xuất của Bộ Công Thương. Hàng được lưu tại Việt Nam không quá 60 ngày kể từ ngày tạm nhập, gia hạn tối đa 2 lần, mỗi lần 30 ngày. Thủ tục tạm nhập, tái xuất thực hiện tại cùng một chi cục.',
    'Trading ordinary goods under temporary import for re-export needs no licence, except listed goods (frozen food, excise goods, used goods…) which need a Ministry of Industry and Trade business code. Goods may stay in Vietnam 60 days from import, extendable twice by 30 days. Import and re-export are cleared at the same branch.',
    [
      L('Nghị định 69/2018/NĐ-CP quy định chi tiết Luật Quản lý ngoại thương', 'Điều 13–15', '2018-05-15'),
      T38('Điều 85'),
    ],
  ),
];
