// Server-side messages in both languages, keyed by a stable code.
import type { Locale } from './locale.ts';

type Catalog = Record<string, { vi: string; en: string }>;

export const messages = {
  validation_failed: { vi: 'Dữ liệu không hợp lệ', en: 'The request is not valid' },
  not_found: { vi: 'Không tìm thấy', en: 'Not found' },
  route_not_found: { vi: 'Không có địa chỉ này', en: 'No such address' },
  unauthorized: { vi: 'Bạn cần đăng nhập', en: 'You need to sign in' },
  invalid_api_key: { vi: 'Khóa API không hợp lệ hoặc đã bị thu hồi', en: 'The API key is invalid or revoked' },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  csrf_failed: { vi: 'Phiên làm việc không hợp lệ, hãy tải lại trang', en: 'Invalid session token, reload the page' },
  rate_limited: {
    vi: 'Quá nhiều lần thử, hãy thử lại sau ít phút',
    en: 'Too many attempts, try again in a few minutes',
  },
  sign_in_link_sent: {
    vi: 'Có quá nhiều lần đăng nhập không thành công. Nếu email này có tài khoản, một đường dẫn đăng nhập đã được gửi tới hộp thư của tài khoản: mở đường dẫn và nhập mật khẩu để đăng nhập',
    en: 'Too many failed sign-in attempts. If this email has an account, a sign-in link was sent to its mailbox: open it and enter your password to sign in',
  },
  sign_in_link_invalid: {
    vi: 'Đường dẫn đăng nhập không hợp lệ, đã được dùng hoặc đã hết hạn',
    en: 'The sign-in link is not valid, already used or expired',
  },
  multipart_malformed: {
    vi: 'Không đọc được tệp gửi lên (dữ liệu multipart không hợp lệ)',
    en: 'The upload cannot be read (malformed multipart data)',
  },
  invalid_credentials: { vi: 'Email hoặc mật khẩu không đúng', en: 'Wrong email or password' },
  wrong_password: { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
  conflict: { vi: 'Dữ liệu bị trùng', en: 'This conflicts with existing data' },
  email_taken: { vi: 'Email này đã được dùng', en: 'This email is already in use' },
  unit_code_taken: { vi: 'Mã đơn vị này đã tồn tại', en: 'This unit code already exists' },
  tax_code_taken: { vi: 'Mã số thuế này đã được đăng ký', en: 'This tax code is already registered' },
  invalid_unit_parent: { vi: 'Đơn vị cấp trên không phù hợp', en: 'The parent unit does not fit here' },
  unit_inactive: { vi: 'Đơn vị đã ngừng hoạt động hoặc đã sáp nhập', en: 'The unit is closed or merged' },
  role_scope_required: { vi: 'Vai trò này cần đơn vị phụ trách', en: 'This role needs a unit' },
  role_party_required: {
    vi: 'Vai trò này cần doanh nghiệp hoặc hiệp hội',
    en: 'This role needs an enterprise or association',
  },
  payload_too_large: { vi: 'Dữ liệu gửi lên quá lớn', en: 'The request is too large' },
  unsupported_media_type: { vi: 'Định dạng dữ liệu không được hỗ trợ', en: 'Unsupported content type' },
  bad_request: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  internal: { vi: 'Đã xảy ra lỗi hệ thống, vui lòng thử lại', en: 'Something went wrong, please try again' },
  // Field-level messages used by contracts (`msg:<key>`).
  tax_code_format: {
    vi: 'Mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số cho chi nhánh',
    en: 'A tax code has 10 digits, or 13 for a branch',
  },
  tax_code_checksum: { vi: 'Mã số thuế sai chữ số kiểm tra', en: 'The tax code check digit is wrong' },
  password_weak: {
    vi: 'Mật khẩu cần ít nhất 10 ký tự, có chữ và số',
    en: 'A password needs at least 10 characters with letters and digits',
  },
  unit_code_format: {
    vi: 'Mã đơn vị gồm 2–12 ký tự chữ in hoa và số',
    en: 'A unit code has 2–12 capital letters and digits',
  },
  declaration_number_format: { vi: 'Số tờ khai gồm 12 chữ số', en: 'A declaration number has 12 digits' },
  type_code_format: {
    vi: 'Mã loại hình gồm một chữ cái và hai chữ số (ví dụ A11)',
    en: 'A type code is a letter and two digits (e.g. A11)',
  },
  unknown_office: { vi: 'Không có chi cục hải quan với mã này', en: 'No customs branch has this code' },
  unknown_team: { vi: 'Không có đội với mã này thuộc chi cục', en: 'No team with this code in the branch' },
  unknown_officer: { vi: 'Không có công chức với mã này', en: 'No officer has this code' },
  already_assessed: {
    vi: 'Tờ khai này đã được đánh giá; có thể sửa trong thời hạn cho phép',
    en: 'This declaration has already been assessed; it can be amended within the edit window',
  },
  not_assessed: { vi: 'Tờ khai này chưa được đánh giá', en: 'This declaration has not been assessed yet' },
  edit_window_closed: { vi: 'Đã hết thời hạn sửa đánh giá', en: 'The edit window has closed' },
  subject_not_in_declaration: {
    vi: 'Đối tượng này không tham gia xử lý tờ khai',
    en: 'This subject did not take part in the declaration',
  },
  duplicate_subject: { vi: 'Mỗi đối tượng chỉ được đánh giá một lần', en: 'Each subject can be rated once' },
  invalid_rating_link: { vi: 'Đường dẫn đánh giá không hợp lệ', en: 'The assessment link is not valid' },
  // Only the business reads or changes its rating
  api_key_required: {
    vi: 'API tích hợp chỉ nhận khóa API (Authorization: Bearer), không nhận phiên đăng nhập',
    en: 'The integration API takes an API key (Authorization: Bearer), not a signed-in session',
  },
  rating_access_required: {
    vi: 'Để xem hoặc sửa đánh giá đã gửi, hãy nhập mã xác nhận gửi tới email của doanh nghiệp, hoặc đăng nhập bằng tài khoản doanh nghiệp',
    en: 'To see or amend a sent rating, enter the code mailed to the business, or sign in with a business account',
  },
  rating_code_format: { vi: 'Mã xác nhận gồm 6 chữ số', en: 'The confirmation code has 6 digits' },
  rating_code_invalid: {
    vi: 'Mã xác nhận không đúng, đã hết hạn hoặc đã dùng; hãy yêu cầu mã mới',
    en: 'The code is wrong, expired or already used; ask for a new one',
  },
  amend_own_assessment_only: {
    vi: 'Ứng dụng tích hợp chỉ sửa được đánh giá do chính nó gửi',
    en: 'An integration client can amend only the assessments it sent',
  },
  declaration_parties_fixed: {
    vi: 'Tờ khai đã được đánh giá: không thể đổi doanh nghiệp hoặc đại lý khai',
    en: 'The declaration has been assessed: its enterprise and declarant can no longer change',
  },
  case_resolved: { vi: 'Vụ việc đã có kết luận', en: 'The case already has a finding' },
  responsible_required: {
    vi: 'Khi phản ánh đúng, cần xác định đơn vị hoặc cá nhân chịu trách nhiệm',
    en: 'A substantiated flag needs a responsible unit or person',
  },
  import_file_type: { vi: 'Chỉ nhận tệp CSV hoặc Excel (.xlsx)', en: 'Only CSV or Excel (.xlsx) files are accepted' },
  import_header: {
    vi: 'Dòng đầu tiên phải là tên cột, có cột so_to_khai',
    en: 'The first row must name the columns, including so_to_khai',
  },
  import_empty: { vi: 'Tệp không có dữ liệu', en: 'The file is empty' },
  import_unreadable: { vi: 'Không đọc được tệp Excel', en: 'The Excel file cannot be read' },
  import_too_many: { vi: 'Mỗi lần nhập tối đa 20.000 dòng', en: 'At most 20,000 rows per import' },
  file_required: { vi: 'Hãy chọn một tệp', en: 'Choose a file' },
  month_format: { vi: 'Tháng có dạng NNNN-TT (ví dụ 2026-11)', en: 'A month is written YYYY-MM (e.g. 2026-11)' },
  period_format: {
    vi: 'Kỳ có dạng 2026-11 (tháng), 2026-Q3 (quý), 2026 (năm) hoặc last12-2026-11 (12 tháng đến tháng 11/2026)',
    en: 'A period is 2026-11 (month), 2026-Q3 (quarter), 2026 (year) or last12-2026-11 (the twelve months to November 2026)',
  },
  period_not_released: {
    vi: 'Kỳ này chưa được công bố: kết quả một tháng được công bố vào ngày 8 tháng sau',
    en: 'This period is not released: a month’s results are released on the 8th of the next month',
  },
  unknown_field: {
    vi: 'Không nhận trường này ở đây (bộ lọc không được hỗ trợ)',
    en: 'This field is not accepted here (a filter that is not offered)',
  },
  // Dialogues and meetings
  event_end_before_start: {
    vi: 'Thời gian kết thúc phải sau thời gian bắt đầu',
    en: 'The end must be after the start',
  },
  event_place_required: { vi: 'Cần địa điểm hoặc đường dẫn trực tuyến', en: 'A place or an online link is needed' },
  event_in_past: { vi: 'Thời gian này đã qua', en: 'This time has already passed' },
  event_organizer_kind: {
    vi: 'Đơn vị tổ chức phải là Tổng cục, Cục hoặc Chi cục đang hoạt động',
    en: 'The organizer must be an active General Department, Department or Branch',
  },
  event_audience_unit_required: {
    vi: 'Hãy chọn chi cục có doanh nghiệp được mời',
    en: 'Choose the branch whose businesses are invited',
  },
  event_audience_association_required: {
    vi: 'Hãy chọn hiệp hội có hội viên được mời',
    en: 'Choose the association whose members are invited',
  },
  event_invitees_required: {
    vi: 'Hãy nhập mã số thuế của ít nhất một doanh nghiệp được mời',
    en: 'Enter the tax code of at least one invited enterprise',
  },
  unknown_tax_code: { vi: 'Không có doanh nghiệp với mã số thuế này', en: 'No enterprise has this tax code' },
  event_already_registered: { vi: 'Doanh nghiệp đã đăng ký sự kiện này', en: 'Your business is already registered' },
  event_registration_closed: { vi: 'Sự kiện đã đóng đăng ký', en: 'Registration is closed' },
  event_full: { vi: 'Sự kiện đã đủ số lượng đăng ký', en: 'The event is full' },
  event_questions_closed: { vi: 'Đã hết thời gian gửi câu hỏi trước', en: 'Questions in advance are closed' },
  event_own_question: {
    vi: 'Không thể bình chọn câu hỏi của chính doanh nghiệp mình',
    en: 'You cannot vote for your own question',
  },
  event_already_voted: {
    vi: 'Doanh nghiệp đã bình chọn câu hỏi này',
    en: 'Your business has already voted for this question',
  },
  event_registration_not_found: {
    vi: 'Không có đăng ký với mã này tại sự kiện',
    en: 'No registration with this code for the event',
  },
  event_already_checked_in: { vi: 'Người tham dự đã được điểm danh', en: 'Already checked in' },
  event_not_started: { vi: 'Sự kiện chưa diễn ra', en: 'The event has not started' },
  event_cancelled: { vi: 'Sự kiện đã bị hủy', en: 'The event is cancelled' },
  event_not_published: { vi: 'Chỉ hủy được sự kiện chưa diễn ra', en: 'Only an upcoming event can be cancelled' },
  follow_up_answered: { vi: 'Kiến nghị đã được trả lời', en: 'This item has been answered' },
  dialogue_not_pending: { vi: 'Đề nghị đối thoại đã được xử lý', en: 'This request has already been decided' },
  dialogue_not_proposed: { vi: 'Không có thời gian đề xuất để xác nhận', en: 'There is no proposed time to accept' },
  dialogue_time_required: { vi: 'Hãy chọn thời gian đối thoại', en: 'Choose a time for the dialogue' },
  time_format: { vi: 'Giờ có dạng HH:MM', en: 'A time looks like HH:MM' },
  checkin_token_format: { vi: 'Mã điểm danh không hợp lệ', en: 'The check-in code is not valid' },
  nothing_to_change: { vi: 'Không có thay đổi nào', en: 'Nothing to change' },
  // Partnership agreements
  agreement_unit_level: {
    vi: 'Thỏa thuận được ký ở cấp Cục hoặc Chi cục',
    en: 'Agreements are signed at department or branch level',
  },
  agreement_number_taken: {
    vi: 'Đơn vị đã có thỏa thuận với số này',
    en: 'The unit already has an agreement with this number',
  },
  agreement_status_transition: {
    vi: 'Không thể chuyển thỏa thuận sang trạng thái này',
    en: 'The agreement cannot move to this status',
  },
  agreement_signed_on_required: { vi: 'Cần ngày ký', en: 'The signing date is needed' },
  agreement_expiry_order: { vi: 'Ngày hết hạn phải sau ngày ký', en: 'The end date must be after the signing date' },
  agreement_reason_required: { vi: 'Cần lý do chấm dứt', en: 'A reason for termination is needed' },
  agreement_pdf_only: { vi: 'Chỉ nhận tệp PDF (tối đa 10 MB)', en: 'Only PDF files are accepted (10 MB at most)' },
  agreement_enterprise_required: {
    vi: 'Cần mã số thuế doanh nghiệp ký kết',
    en: 'The tax code of the enterprise is needed',
  },
  agreement_association_required: { vi: 'Hãy chọn hiệp hội ký kết', en: 'Choose the association' },
  agreement_target_order: {
    vi: 'Chỉ tiêu tối đa không nhỏ hơn chỉ tiêu tối thiểu',
    en: 'The upper target cannot be below the lower one',
  },
  // Information to businesses
  document_number_taken: { vi: 'Đã có văn bản với số hiệu này', en: 'A document with this number exists' },
  newsletter_exists: { vi: 'Bản tin tháng này đã được soạn', en: "This month's newsletter already exists" },
  newsletter_sent: { vi: 'Bản tin đã được gửi', en: 'The newsletter has been sent' },
  newsletter_empty: { vi: 'Bản tin không có nội dung nào', en: 'The newsletter has no items' },
  unsubscribe_link_invalid: { vi: 'Đường dẫn hủy đăng ký không hợp lệ', en: 'The unsubscribe link is not valid' },
  tag_format: {
    vi: 'Nhãn chỉ gồm chữ, số, dấu cách, "/", "." và "-"',
    en: 'A tag has letters, digits, spaces, "/", "." and "-" only',
  },
  invalid_transition: { vi: 'Không thể chuyển sang trạng thái này', en: 'The entry cannot move to this status' },
  four_eyes: { vi: 'Người soạn không tự duyệt nội dung của mình', en: 'The author cannot review their own version' },
  document_file_type: {
    vi: 'Chỉ nhận tệp PDF, DOCX hoặc XLSX (tối đa 20 MB)',
    en: 'Only PDF, DOCX or XLSX files are accepted (20 MB at most)',
  },
  document_file_mismatch: {
    vi: 'Nội dung tệp không đúng với loại tệp',
    en: 'The file content does not match its type',
  },
  document_file_too_large: { vi: 'Tệp lớn hơn 20 MB', en: 'The file is larger than 20 MB' },
  entry_not_editable: {
    vi: 'Chỉ sửa được bản nháp hoặc bản đã duyệt; hãy chuyển về nháp trước',
    en: 'Only drafts and reviewed entries can be edited; move it back to draft first',
  },
  request_closed: { vi: 'Yêu cầu đã đóng', en: 'The request is closed' },
  reopen_window_closed: { vi: 'Đã hết thời hạn mở lại yêu cầu', en: 'The request can no longer be reopened' },
  not_resolved: { vi: 'Yêu cầu chưa được giải quyết', en: 'The request is not resolved yet' },
  already_rated: { vi: 'Yêu cầu đã được đánh giá', en: 'The request has already been rated' },
  attachment_type: {
    vi: 'Chỉ nhận tệp PDF, ảnh PNG/JPEG, Word, Excel hoặc văn bản',
    en: 'Only PDF, PNG/JPEG images, Word, Excel or text files are accepted',
  },
  agreement_pdf_too_large: { vi: 'Tệp PDF tối đa 10 MB', en: 'The PDF is at most 10 MB' },
  import_file_too_large: { vi: 'Tệp nhập tối đa 5 MB', en: 'An import file is at most 5 MB' },
  attachment_too_large: { vi: 'Tệp đính kèm tối đa 5 MB', en: 'An attachment is at most 5 MB' },
  unknown_enterprise: { vi: 'Không có doanh nghiệp với mã số thuế này', en: 'No enterprise has this tax code' },
  enterprise_required: { vi: 'Hãy cho biết doanh nghiệp', en: 'Name the enterprise' },
  not_a_client: {
    vi: 'Doanh nghiệp này không phải khách hàng hoặc hội viên của bạn',
    en: 'This enterprise is not your client or member',
  },
  unknown_unit: { vi: 'Không có đơn vị này', en: 'No such unit' },
  merge_self: { vi: 'Không thể gộp yêu cầu vào chính nó', en: 'A request cannot be merged into itself' },
  unknown_assignee: { vi: 'Người được giao không thuộc đơn vị xử lý', en: 'The assignee is not in the handling unit' },
  channel_required: { vi: 'Hãy chọn kênh tiếp nhận', en: 'Choose the channel the request came by' },
  requester_required: { vi: 'Hãy nhập tên người yêu cầu', en: "Enter the requester's name" },
  answer_required: {
    vi: 'Cần có ít nhất một câu trả lời gửi doanh nghiệp',
    en: 'Send the business at least one answer first',
  },
  top_level: { vi: 'Yêu cầu đã ở cấp cao nhất', en: 'The request is already at the top level' },
  // Support desk: inbound mail and service levels
  inbound_handled: { vi: 'Thư này đã được xử lý', en: 'This mail has already been handled' },
  resolution_before_first_response: {
    vi: 'Thời hạn giải quyết không được ngắn hơn thời hạn phản hồi đầu tiên',
    en: 'The resolution target cannot be shorter than the first-response target',
  },
  // Surveys
  survey_key_format: {
    vi: 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ',
    en: 'A key holds lower-case letters, digits and underscores, and starts with a letter',
  },
  survey_duplicate_key: { vi: 'Mã này đã được dùng trong phiếu', en: 'This key is already used in the form' },
  survey_options_required: {
    vi: 'Câu hỏi này cần ít nhất hai lựa chọn',
    en: 'This question needs at least two choices',
  },
  survey_invalid_condition: {
    vi: 'Điều kiện phải dựa trên một câu hỏi chọn đáp án đứng trước và các lựa chọn của nó',
    en: 'A condition must name an earlier choice question and its choices',
  },
  survey_invalid_bounds: { vi: 'Giá trị nhỏ nhất lớn hơn giá trị lớn nhất', en: 'The minimum is above the maximum' },
  survey_unknown_question: { vi: 'Không có câu hỏi này trong phiếu', en: 'There is no such question in this survey' },
  survey_not_shown: {
    vi: 'Câu hỏi này không được hỏi với các câu trả lời trước đó',
    en: 'This question is not asked given the earlier answers',
  },
  survey_invalid_answer: {
    vi: 'Câu trả lời không hợp lệ hoặc ngoài phạm vi cho phép',
    en: 'The answer is not valid or out of range',
  },
  survey_unknown_branch: {
    vi: 'Doanh nghiệp không được hỏi về chi cục này',
    en: 'The business is not asked about this branch',
  },
  survey_required: { vi: 'Câu hỏi bắt buộc chưa được trả lời', en: 'This required question is not answered' },
  survey_not_open: { vi: 'Khảo sát chưa mở hoặc đã đóng', en: 'The survey is not open' },
  survey_not_draft: {
    vi: 'Khảo sát đã mở, không thể thay đổi đối tượng',
    en: 'The survey is open: its targets are set',
  },
  survey_frozen: {
    vi: 'Phiếu đã có câu trả lời nên không thể sửa',
    en: 'The form has answers and can no longer be changed',
  },
  survey_already_answered: {
    vi: 'Doanh nghiệp đã trả lời khảo sát này',
    en: 'This business has already answered the survey',
  },
  survey_no_targets: { vi: 'Chưa có doanh nghiệp nào được mời', en: 'No business is invited yet' },
  survey_already_forwarded: {
    vi: 'Hiệp hội đã chuyển khảo sát này tới hội viên',
    en: 'Your association has already forwarded this survey to its members',
  },
  survey_no_members_invited: {
    vi: 'Không có hội viên nào của Hiệp hội được mời trả lời khảo sát này',
    en: 'None of your members is invited to this survey',
  },
  survey_not_closed: {
    vi: 'Kết quả chỉ có sau khi khảo sát đóng',
    en: 'Results are available once the survey is closed',
  },
  survey_token_other_business: {
    vi: 'Đường dẫn này dành cho một doanh nghiệp khác',
    en: 'This link belongs to another business',
  },
  survey_unknown_tax_code: { vi: 'Mã số thuế không có trong hệ thống', en: 'Unknown tax code' },
  survey_filter_nested: {
    vi: 'Chọn nhóm (tầng mẫu) trước khi lọc theo loại doanh nghiệp',
    en: 'Choose a stratum before filtering by business type',
  },
  survey_owner_unit_kind: {
    vi: 'Đơn vị chủ trì phải là Tổng cục, Cục hoặc Chi cục',
    en: 'The owner must be the General Department, a department or a branch',
  },
  // Branch competitiveness index
  cdci_code_format: {
    vi: 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ',
    en: 'A code holds lower-case letters, digits and underscores, and starts with a letter',
  },
  cdci_weights_sum: {
    vi: 'Tổng trọng số các chỉ số thành phần phải bằng 100',
    en: 'The component weights must add up to 100',
  },
  cdci_code_taken: { vi: 'Mã này đã được dùng trong phương pháp', en: 'This code is already used in the method' },
  cdci_component_empty: {
    vi: 'Chỉ số thành phần cần ít nhất một chỉ tiêu',
    en: 'A component needs at least one indicator',
  },
  cdci_favourable_from: {
    vi: 'Tỷ lệ trả lời tích cực cần mức điểm bắt đầu được tính là tích cực',
    en: 'A favourable share needs the answer from which an answer counts as favourable',
  },
  cdci_bounds_order: { vi: 'Cận trên phải lớn hơn cận dưới', en: 'The upper bound must be above the lower bound' },
  cdci_question_or_group: {
    vi: 'Chọn một câu hỏi hoặc một nhóm câu hỏi (chỉ một)',
    en: 'Choose one survey question or one group (not both)',
  },
  cdci_published: {
    vi: 'Phương pháp của năm này đã công bố nên không thể thay đổi',
    en: 'The method of this year is published and frozen',
  },
  cdci_result_stale: { vi: 'Chỉ công bố được lần tính gần nhất', en: 'Only the latest computation can be published' },
  cdci_unreadable: { vi: 'Không đọc được tệp CSV', en: 'The CSV cannot be read' },
  cdci_not_department: { vi: 'Đơn vị phải là một Cục Hải quan', en: 'The unit must be a customs department' },
  cdci_min_respondents: {
    vi: 'Số doanh nghiệp trả lời tối thiểu không được dưới 5',
    en: 'The respondent minimum cannot be below 5',
  },
  cdci_survey_needed: { vi: 'Chỉ tiêu từ khảo sát cần chọn một khảo sát', en: 'Survey indicators need a survey' },
  cdci_unknown_question: {
    vi: 'Khảo sát không có câu hỏi thang điểm theo từng chi cục này',
    en: 'The survey has no such per-branch scale question',
  },
  cdci_unknown_measure: { vi: 'Nền tảng không có số liệu này', en: 'The platform has no such measure' },
  cdci_data_only_in_sandbox: {
    vi: 'Nguồn “tệp dữ liệu” chỉ dùng trong thử nghiệm',
    en: 'A data-set source is for the sandbox only',
  },
  cdci_unknown_unit: { vi: 'Không có chi cục mang mã này trong Cục', en: 'No branch of the department has this code' },
  cdci_unknown_indicator: {
    vi: 'Không có chỉ tiêu mang mã này (do Cục chấm) trong phương pháp',
    en: 'The method has no Department-scored indicator with this code',
  },
  cdci_not_a_number: { vi: 'Giá trị phải là một số', en: 'The value must be a number' },
  cdci_missing_column: { vi: 'Thiếu cột hoặc ô bắt buộc', en: 'A required column or cell is missing' },
  cdci_duplicate: { vi: 'Dòng trùng lặp', en: 'Duplicate row' },
  period_order: {
    vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi',
    en: 'The end date must not be before the start date',
  },
  plan_value_whole: {
    vi: 'Chỉ tiêu này là số lượng: nhập số nguyên',
    en: 'This target is a count: enter a whole number',
  },
  plan_value_percent: {
    vi: 'Chỉ tiêu này là tỷ lệ: nhập phần trăm từ 0 đến 100',
    en: 'This target is a share: enter a percentage from 0 to 100',
  },
  plan_value_hours: { vi: 'Số giờ phải lớn hơn 0', en: 'The hours must be more than 0' },
  plan_deadline_year: {
    vi: 'Thời hạn phải nằm trong năm kế hoạch',
    en: 'The deadline must fall within the plan’s year',
  },
  plan_value_below_national: {
    vi: 'Chỉ tiêu của đơn vị không được thấp hơn chỉ tiêu cấp trên',
    en: 'A unit’s target may not be less ambitious than the one above',
  },
  plan_level_unfit: {
    vi: 'Cấp áp dụng phải là cấp của đơn vị hoặc cấp dưới',
    en: 'The level must be the unit’s own or one below',
  },
  plan_not_draft: {
    vi: 'Kế hoạch đã ban hành, không sửa được nữa',
    en: 'The plan is published and can no longer change',
  },
  plan_exists: { vi: 'Đơn vị đã có kế hoạch cho năm này', en: 'The unit already has a plan for this year' },
  plan_not_published: { vi: 'Kế hoạch cấp trên chưa được ban hành', en: 'The plan above is not published yet' },
  plan_no_targets: { vi: 'Kế hoạch chưa có chỉ tiêu nào', en: 'The plan has no target yet' },
  plan_target_not_adoptable: {
    vi: 'Chỉ tiêu này không thuộc kế hoạch cấp trên hoặc không áp dụng cho cấp của đơn vị',
    en: 'This target is not in the plan above or does not apply to the unit’s level',
  },
  plan_report_measured: {
    vi: 'Chỉ tiêu này được đo tự động từ dữ liệu hệ thống, không cần báo cáo',
    en: 'This target is measured from the platform’s data: it is not reported',
  },
  plan_assign_unit: {
    vi: 'Chỉ giao chỉ tiêu cho đơn vị trực thuộc',
    en: 'Targets are assigned to units directly below only',
  },
  plan_assign_level: {
    vi: 'Chỉ giao chỉ tiêu áp dụng cho cấp dưới',
    en: 'Only a target for the level below can be assigned',
  },
  plan_report_reviewed: { vi: 'Báo cáo này đã được xem xét', en: 'This report has already been reviewed' },
  // Waiting-room screens
  announcement_ends_before_start: {
    vi: 'Ngày kết thúc của thông báo không được trước ngày bắt đầu',
    en: 'The announcement cannot end before it starts',
  },
  screen_office_required: { vi: 'Chọn chi cục đặt màn hình', en: 'Choose the office the screen is in' },
  pairing_code_format: { vi: 'Mã ghép nối gồm 8 chữ cái hoặc chữ số', en: 'A pairing code has 8 letters or digits' },
  pairing_code_invalid: {
    vi: 'Mã ghép nối không đúng hoặc đã hết hạn',
    en: 'The pairing code is wrong or has expired',
  },
  screen_unknown_question: { vi: 'Không có câu hỏi đã công bố này', en: 'No such published question' },
  screen_unknown_document: { vi: 'Không có văn bản này trong thư viện', en: 'No such document in the library' },
  screen_key_invalid: {
    vi: 'Khóa màn hình không hợp lệ hoặc đã bị thu hồi',
    en: 'The screen key is invalid or revoked',
  },
  progress_before_registration: {
    vi: 'Bước xử lý không được trước thời điểm đăng ký tờ khai',
    en: 'A processing step cannot come before the declaration was registered',
  },
  consultation_time_format: {
    vi: 'Thời gian theo dạng YYYY-MM-DDTHH:mm (giờ Việt Nam)',
    en: 'Time as YYYY-MM-DDTHH:mm (Vietnam time)',
  },
  consultation_title_short: { vi: 'Tên dự thảo quá ngắn', en: 'The title is too short' },
  consultation_draft_empty: { vi: 'Chưa có nội dung dự thảo', en: 'The draft text is empty' },
  consultation_topics_empty: { vi: 'Chọn ít nhất một chủ đề', en: 'Choose at least one topic' },
  consultation_reason_short: { vi: 'Lý do quá ngắn', en: 'The reason is too short' },
  consultation_comment_empty: { vi: 'Ý kiến không được để trống', en: 'The comment is empty' },
  consultation_comment_too_long: { vi: 'Ý kiến dài quá 5.000 ký tự', en: 'The comment is over 5,000 characters' },
  consultation_wording_too_long: {
    vi: 'Đề xuất sửa đổi dài quá 10.000 ký tự',
    en: 'The proposed wording is over 10,000 characters',
  },
  consultation_no_articles: {
    vi: 'Không tách được dự thảo thành các điều: mỗi điều phải bắt đầu bằng "Điều N." ở đầu dòng, số điều không trùng nhau',
    en: 'The draft cannot be split into articles: each must start with "Điều N." (or "Article N.") on its own line, numbers distinct',
  },
  consultation_close_before_open: {
    vi: 'Thời điểm kết thúc phải sau thời điểm bắt đầu',
    en: 'The closing time must be after the opening time',
  },
  consultation_close_in_past: { vi: 'Thời điểm kết thúc đã qua', en: 'The closing time has passed' },
  consultation_audience_empty: {
    vi: 'Chọn ít nhất một hiệp hội hoặc doanh nghiệp',
    en: 'Choose at least one association or enterprise',
  },
  consultation_due_before_close: {
    vi: 'Hạn công bố báo cáo phải sau ngày kết thúc lấy ý kiến',
    en: 'The response is due after the consultation closes',
  },
  consultation_not_draft: { vi: 'Dự thảo đã được công bố lấy ý kiến', en: 'The consultation is no longer a draft' },
  consultation_not_open: {
    vi: 'Dự thảo không trong thời gian lấy ý kiến',
    en: 'The consultation is not open for comment',
  },
  consultation_not_closed: {
    vi: 'Chỉ thực hiện được sau khi kết thúc lấy ý kiến và trước khi công bố',
    en: 'Only once the consultation is closed and before the response is published',
  },
  consultation_published: { vi: 'Báo cáo đã được công bố', en: 'The response is already published' },
  consultation_extend_later: {
    vi: 'Thời điểm gia hạn phải sau thời điểm kết thúc hiện tại',
    en: 'The new closing time must be later than the current one',
  },
  consultation_pending_dispositions: {
    vi: 'Còn ý kiến chưa được tiếp thu, giải trình: chưa thể công bố báo cáo',
    en: 'Some comments have no disposition yet: the response cannot be published',
  },
  consultation_comment_unknown: {
    vi: 'Có ý kiến không thuộc dự thảo này',
    en: 'A comment does not belong to this consultation',
  },
  consultation_article_unknown: { vi: 'Dự thảo không có điều này', en: 'The draft has no such article' },
  consultation_association_only: {
    vi: 'Chỉ hiệp hội mới nêu số doanh nghiệp đại diện và đồng ký',
    en: 'Only an association states firms represented and co-signers',
  },
  consultation_anonymous_business_only: {
    vi: 'Chỉ doanh nghiệp mới chọn ẩn danh',
    en: 'Only a business may be anonymous',
  },
  consultation_cosigner_not_member: {
    vi: 'Doanh nghiệp đồng ký phải là hội viên của hiệp hội',
    en: 'Co-signers must be members of the association',
  },
  consultation_represented_below_cosigners: {
    vi: 'Số doanh nghiệp đại diện không thể ít hơn số đồng ký',
    en: 'Firms represented cannot be fewer than co-signers',
  },
  consultation_question_unknown: { vi: 'Dự thảo không có câu hỏi này', en: 'The consultation has no such question' },
  consultation_docx_type: { vi: 'Chỉ nhận tệp Word (.docx)', en: 'Only Word files (.docx) are accepted' },
  consultation_docx_unreadable: { vi: 'Không đọc được tệp Word này', en: 'This Word file cannot be read' },
  consultation_docx_too_large: { vi: 'Tệp Word lớn quá 10 MB', en: 'The Word file is over 10 MB' },
  // Contests ("Understanding Customs Laws")
  contest_not_open: { vi: 'Cuộc thi chưa mở hoặc đã kết thúc', en: 'The contest is not open' },
  contest_not_draft: { vi: 'Cuộc thi đã mở, không thể sửa', en: 'The contest is open: it can no longer change' },
  contest_needs_round: { vi: 'Cuộc thi cần ít nhất một vòng thi', en: 'The contest needs at least one round' },
  contest_not_finished: { vi: 'Cuộc thi chưa kết thúc', en: 'The contest has not finished' },
  contest_already_published: { vi: 'Kết quả đã được công bố', en: 'The results are already published' },
  contest_results_not_published: { vi: 'Kết quả chưa được công bố', en: 'The results are not published yet' },
  contest_correct_choice: {
    vi: 'Đáp án đúng phải là một trong các lựa chọn',
    en: 'The right answer must be one of the choices',
  },
  contest_owner_unit_kind: {
    vi: 'Đơn vị tổ chức phải là Tổng cục hoặc một Cục',
    en: 'The organizer must be the General Department or a department',
  },
  contest_pool_too_small: {
    vi: 'Ngân hàng câu hỏi của vòng thi (theo chủ đề và độ khó) ít hơn số câu cần rút',
    en: "The round's pool (by topic and difficulty) holds fewer questions than it draws",
  },
  contest_invalid_window: {
    vi: 'Thời điểm kết thúc phải sau thời điểm bắt đầu',
    en: 'The end must come after the start',
  },
  contest_not_eligible: {
    vi: 'Doanh nghiệp của bạn không thuộc đối tượng dự thi',
    en: 'Your enterprise is not eligible for this contest',
  },
  contest_no_teams: { vi: 'Cuộc thi này chỉ dành cho cá nhân', en: 'This contest is for individuals only' },
  contest_team_too_large: {
    vi: 'Đội thi có nhiều thành viên hơn mức cho phép',
    en: 'The team has more members than allowed',
  },
  contest_already_registered: { vi: 'Bạn đã đăng ký cuộc thi này', en: 'You have already registered' },
  contest_not_registered: { vi: 'Bạn chưa đăng ký cuộc thi này', en: 'You have not registered for this contest' },
  contest_round_closed: { vi: 'Vòng thi chưa mở hoặc đã đóng', en: 'The round is not open now' },
  contest_not_served: {
    vi: 'Câu hỏi này chưa được giao cho bạn, không thể trả lời',
    en: 'This question was not served to you: it cannot be answered',
  },
  contest_time_up: {
    vi: 'Đã hết thời gian trả lời câu hỏi này, câu trả lời không được ghi nhận',
    en: 'The time for this question is up: the answer was not recorded',
  },
  contest_already_answered: {
    vi: 'Bạn đã trả lời câu hỏi này, chỉ câu trả lời đầu tiên được tính',
    en: 'You have already answered this question: only the first answer counts',
  },
  contest_unknown_choice: { vi: 'Không có lựa chọn này', en: 'There is no such choice' },
  contest_attempt_running: {
    vi: 'Bài thi chưa kết thúc, đáp án chỉ hiện sau khi kết thúc',
    en: 'The attempt is still running: the answers show once it ends',
  },
  contest_not_live: { vi: 'Vòng thi này không diễn ra trực tiếp', en: 'This round is not live' },
  contest_live_running: {
    vi: 'Câu hỏi hiện tại chưa hết giờ',
    en: 'The current question is still running',
  },
  contest_review_done: { vi: 'Việc rà soát này đã xong', en: 'This review is already done' },
} satisfies Catalog;

export type MessageKey = keyof typeof messages;

export function translate(key: string, locale: Locale): string {
  const entry = (messages as Catalog)[key];
  return entry ? entry[locale] : key;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}
