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
  rate_limited: { vi: 'Quá nhiều lần thử, hãy thử lại sau ít phút', en: 'Too many attempts, try again in a few minutes' },
  invalid_credentials: { vi: 'Email hoặc mật khẩu không đúng', en: 'Wrong email or password' },
  wrong_password: { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
  conflict: { vi: 'Dữ liệu bị trùng', en: 'This conflicts with existing data' },
  email_taken: { vi: 'Email này đã được dùng', en: 'This email is already in use' },
  unit_code_taken: { vi: 'Mã đơn vị này đã tồn tại', en: 'This unit code already exists' },
  tax_code_taken: { vi: 'Mã số thuế này đã được đăng ký', en: 'This tax code is already registered' },
  invalid_unit_parent: { vi: 'Đơn vị cấp trên không phù hợp', en: 'The parent unit does not fit here' },
  unit_inactive: { vi: 'Đơn vị đã ngừng hoạt động hoặc đã sáp nhập', en: 'The unit is closed or merged' },
  role_scope_required: { vi: 'Vai trò này cần đơn vị phụ trách', en: 'This role needs a unit' },
  role_party_required: { vi: 'Vai trò này cần doanh nghiệp hoặc hiệp hội', en: 'This role needs an enterprise or association' },
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
  type_code_format: { vi: 'Mã loại hình gồm một chữ cái và hai chữ số (ví dụ A11)', en: 'A type code is a letter and two digits (e.g. A11)' },
  unknown_office: { vi: 'Không có chi cục hải quan với mã này', en: 'No customs branch has this code' },
  unknown_team: { vi: 'Không có đội với mã này thuộc chi cục', en: 'No team with this code in the branch' },
  unknown_officer: { vi: 'Không có công chức với mã này', en: 'No officer has this code' },
  already_assessed: { vi: 'Tờ khai này đã được đánh giá; có thể sửa trong thời hạn cho phép', en: 'This declaration has already been assessed; it can be amended within the edit window' },
  not_assessed: { vi: 'Tờ khai này chưa được đánh giá', en: 'This declaration has not been assessed yet' },
  edit_window_closed: { vi: 'Đã hết thời hạn sửa đánh giá', en: 'The edit window has closed' },
  subject_not_in_declaration: { vi: 'Đối tượng này không tham gia xử lý tờ khai', en: 'This subject did not take part in the declaration' },
  duplicate_subject: { vi: 'Mỗi đối tượng chỉ được đánh giá một lần', en: 'Each subject can be rated once' },
  invalid_rating_link: { vi: 'Đường dẫn đánh giá không hợp lệ', en: 'The assessment link is not valid' },
  case_resolved: { vi: 'Vụ việc đã có kết luận', en: 'The case already has a finding' },
  responsible_required: { vi: 'Khi phản ánh đúng, cần xác định đơn vị hoặc cá nhân chịu trách nhiệm', en: 'A substantiated flag needs a responsible unit or person' },
  import_file_type: { vi: 'Chỉ nhận tệp CSV hoặc Excel (.xlsx)', en: 'Only CSV or Excel (.xlsx) files are accepted' },
  import_header: { vi: 'Dòng đầu tiên phải là tên cột, có cột so_to_khai', en: 'The first row must name the columns, including so_to_khai' },
  import_empty: { vi: 'Tệp không có dữ liệu', en: 'The file is empty' },
  import_unreadable: { vi: 'Không đọc được tệp Excel', en: 'The Excel file cannot be read' },
  import_too_many: { vi: 'Mỗi lần nhập tối đa 20.000 dòng', en: 'At most 20,000 rows per import' },
  file_required: { vi: 'Hãy chọn một tệp', en: 'Choose a file' },
  tag_format: { vi: 'Nhãn chỉ gồm chữ, số, dấu cách, "/", "." và "-"', en: 'A tag has letters, digits, spaces, "/", "." and "-" only' },
  invalid_transition: { vi: 'Không thể chuyển sang trạng thái này', en: 'The entry cannot move to this status' },
  four_eyes: { vi: 'Người soạn không tự duyệt nội dung của mình', en: 'The author cannot review their own version' },
  entry_not_editable: { vi: 'Chỉ sửa được bản nháp hoặc bản đã duyệt; hãy chuyển về nháp trước', en: 'Only drafts and reviewed entries can be edited; move it back to draft first' },
  request_closed: { vi: 'Yêu cầu đã đóng', en: 'The request is closed' },
  reopen_window_closed: { vi: 'Đã hết thời hạn mở lại yêu cầu', en: 'The request can no longer be reopened' },
  not_resolved: { vi: 'Yêu cầu chưa được giải quyết', en: 'The request is not resolved yet' },
  already_rated: { vi: 'Yêu cầu đã được đánh giá', en: 'The request has already been rated' },
  attachment_type: { vi: 'Chỉ nhận tệp PDF, ảnh PNG/JPEG, Word, Excel hoặc văn bản', en: 'Only PDF, PNG/JPEG images, Word, Excel or text files are accepted' },
  attachment_too_large: { vi: 'Tệp đính kèm tối đa 5 MB', en: 'An attachment is at most 5 MB' },
  unknown_enterprise: { vi: 'Không có doanh nghiệp với mã số thuế này', en: 'No enterprise has this tax code' },
  enterprise_required: { vi: 'Hãy cho biết doanh nghiệp', en: 'Name the enterprise' },
  not_a_client: { vi: 'Doanh nghiệp này không phải khách hàng hoặc hội viên của bạn', en: 'This enterprise is not your client or member' },
  unknown_unit: { vi: 'Không có đơn vị này', en: 'No such unit' },
  merge_self: { vi: 'Không thể gộp yêu cầu vào chính nó', en: 'A request cannot be merged into itself' },
  unknown_assignee: { vi: 'Người được giao không thuộc đơn vị xử lý', en: 'The assignee is not in the handling unit' },
  channel_required: { vi: 'Hãy chọn kênh tiếp nhận', en: 'Choose the channel the request came by' },
  requester_required: { vi: 'Hãy nhập tên người yêu cầu', en: 'Enter the requester\'s name' },
  answer_required: { vi: 'Cần có ít nhất một câu trả lời gửi doanh nghiệp', en: 'Send the business at least one answer first' },
  top_level: { vi: 'Yêu cầu đã ở cấp cao nhất', en: 'The request is already at the top level' },
} satisfies Catalog;

export type MessageKey = keyof typeof messages;

export function translate(key: string, locale: Locale): string {
  const entry = (messages as Catalog)[key];
  return entry ? entry[locale] : key;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}
