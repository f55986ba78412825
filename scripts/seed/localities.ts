// Provinces the demo enterprises live in: real districts, streets and
// industrial/economic zones. `taxPrefix` is the province number that opens a
// Vietnamese tax code (01 Hà Nội, 02 Hải Phòng, 03 TP. Hồ Chí Minh, ...), as we
// recall the tax authority's list; it only makes the demo codes look local.

export interface Zone {
  name: string;
  district: string | null;
}

export interface Locality {
  /** Short name, stored in enterprises.province: "Hải Phòng". */
  name: string;
  /** As written at the end of an address: "thành phố Hải Phòng". */
  full: string;
  taxPrefix: string;
  districts: string[];
  streets: string[];
  zones: Zone[];
}

function L(
  name: string,
  prefix: 'tỉnh' | 'thành phố',
  taxPrefix: string,
  districts: string,
  streets: string,
  zones: string,
): Locality {
  return {
    name,
    full: `${prefix} ${name}`,
    taxPrefix,
    districts: districts.split('|'),
    streets: streets.split('|'),
    zones: zones.split('|').map((zone) => {
      const [zoneName = zone, district = null] = zone.split('@');
      return { name: zoneName, district };
    }),
  };
}

const KCN = 'Khu công nghiệp';

export const LOCALITIES: Record<string, Locality> = {
  'Hà Nội': L(
    'Hà Nội',
    'thành phố',
    '01',
    'quận Ba Đình|quận Hoàn Kiếm|quận Đống Đa|quận Cầu Giấy|quận Long Biên|quận Hai Bà Trưng|quận Hoàng Mai|huyện Đông Anh|huyện Gia Lâm|huyện Sóc Sơn|quận Bắc Từ Liêm',
    'Láng Hạ|Kim Mã|Trần Duy Hưng|Nguyễn Văn Cừ|Giải Phóng|Phạm Văn Đồng|Nguyễn Chí Thanh|Xuân Thủy|Ngọc Lâm|Trường Chinh',
    `${KCN} Thăng Long@huyện Đông Anh|${KCN} Nội Bài@huyện Sóc Sơn|${KCN} Quang Minh@huyện Mê Linh|${KCN} Nam Thăng Long@quận Bắc Từ Liêm|${KCN} Phú Nghĩa@huyện Chương Mỹ`,
  ),
  'Vĩnh Phúc': L(
    'Vĩnh Phúc',
    'tỉnh',
    '25',
    'thành phố Vĩnh Yên|thành phố Phúc Yên|huyện Bình Xuyên|huyện Tam Dương',
    'Mê Linh|Nguyễn Tất Thành|Trần Phú|Lam Sơn',
    `${KCN} Khai Quang@thành phố Vĩnh Yên|${KCN} Bình Xuyên@huyện Bình Xuyên|${KCN} Bá Thiện@huyện Bình Xuyên`,
  ),
  'Hồ Chí Minh': L(
    'Hồ Chí Minh',
    'thành phố',
    '03',
    'quận 1|quận 3|quận 4|quận 7|quận Bình Thạnh|quận Tân Bình|quận Phú Nhuận|quận Gò Vấp|thành phố Thủ Đức|huyện Nhà Bè|quận Tân Phú|quận 12',
    'Nguyễn Huệ|Lê Lợi|Điện Biên Phủ|Nguyễn Văn Linh|Cộng Hòa|Hoàng Văn Thụ|Nguyễn Thị Minh Khai|Võ Văn Kiệt|Xa lộ Hà Nội|Phan Xích Long|Trường Chinh',
    `Khu chế xuất Tân Thuận@quận 7|Khu chế xuất Linh Trung@thành phố Thủ Đức|Khu công nghệ cao@thành phố Thủ Đức|${KCN} Hiệp Phước@huyện Nhà Bè|${KCN} Tân Bình@quận Tân Phú|${KCN} Tân Tạo@quận Bình Tân`,
  ),
  'Hải Phòng': L(
    'Hải Phòng',
    'thành phố',
    '02',
    'quận Hồng Bàng|quận Ngô Quyền|quận Lê Chân|quận Hải An|quận Kiến An|quận Dương Kinh|huyện An Dương|huyện Thủy Nguyên|huyện An Lão',
    'Lạch Tray|Lê Hồng Phong|Điện Biên Phủ|Trần Phú|Văn Cao|Nguyễn Văn Linh|Đà Nẵng|Lê Thánh Tông|Trần Hưng Đạo|Ngô Quyền',
    `${KCN} Đình Vũ@quận Hải An|${KCN} Nomura@huyện An Dương|${KCN} Tràng Duệ@huyện An Dương|${KCN} VSIP Hải Phòng@huyện Thủy Nguyên|${KCN} Đồ Sơn@quận Đồ Sơn|${KCN} Nam Đình Vũ@quận Hải An`,
  ),
  'Hải Dương': L(
    'Hải Dương',
    'tỉnh',
    '08',
    'thành phố Hải Dương|thành phố Chí Linh|huyện Cẩm Giàng|huyện Nam Sách|thị xã Kinh Môn',
    'Nguyễn Lương Bằng|Trần Hưng Đạo|Lê Thanh Nghị|Thống Nhất',
    `${KCN} Đại An@thành phố Hải Dương|${KCN} Phúc Điền@huyện Cẩm Giàng|${KCN} Nam Sách@huyện Nam Sách`,
  ),
  'Hà Giang': L(
    'Hà Giang',
    'tỉnh',
    '51',
    'thành phố Hà Giang|huyện Vị Xuyên|huyện Xín Mần|huyện Đồng Văn',
    'Nguyễn Trãi|Trần Phú|Minh Khai',
    `Khu kinh tế cửa khẩu Thanh Thủy@huyện Vị Xuyên|${KCN} Bình Vàng@huyện Vị Xuyên`,
  ),
  'Tuyên Quang': L(
    'Tuyên Quang',
    'tỉnh',
    '50',
    'thành phố Tuyên Quang|huyện Yên Sơn|huyện Sơn Dương',
    'Bình Thuận|Quang Trung|17 Tháng 8',
    `${KCN} Long Bình An@thành phố Tuyên Quang`,
  ),
  'Cao Bằng': L(
    'Cao Bằng',
    'tỉnh',
    '48',
    'thành phố Cao Bằng|huyện Thạch An|huyện Trùng Khánh|huyện Quảng Hòa',
    'Hoàng Đình Giong|Kim Đồng|Xuân Trường',
    `Khu kinh tế cửa khẩu Cao Bằng@huyện Quảng Hòa|${KCN} Đề Thám@thành phố Cao Bằng`,
  ),
  'Điện Biên': L(
    'Điện Biên',
    'tỉnh',
    '56',
    'thành phố Điện Biên Phủ|huyện Điện Biên|huyện Mường Chà',
    'Võ Nguyên Giáp|Hoàng Văn Thái|Trần Đăng Ninh',
    'Khu kinh tế cửa khẩu Tây Trang@huyện Điện Biên',
  ),
  'Lai Châu': L(
    'Lai Châu',
    'tỉnh',
    '62',
    'thành phố Lai Châu|huyện Phong Thổ|huyện Tam Đường',
    'Trần Hưng Đạo|Lê Duẩn|Võ Văn Kiệt',
    'Khu kinh tế cửa khẩu Ma Lù Thàng@huyện Phong Thổ',
  ),
  'Sơn La': L(
    'Sơn La',
    'tỉnh',
    '55',
    'thành phố Sơn La|huyện Mộc Châu|huyện Mai Sơn|huyện Sốp Cộp',
    'Tô Hiệu|Chu Văn Thịnh|Trường Chinh',
    `${KCN} Mai Sơn@huyện Mai Sơn`,
  ),
  'Lào Cai': L(
    'Lào Cai',
    'tỉnh',
    '53',
    'thành phố Lào Cai|thị xã Sa Pa|huyện Bát Xát|huyện Mường Khương|huyện Bảo Thắng',
    'Hoàng Liên|Trần Hưng Đạo|Nguyễn Huệ|Hoàng Sào',
    `Khu kinh tế cửa khẩu Lào Cai@thành phố Lào Cai|${KCN} Tằng Loỏng@huyện Bảo Thắng|${KCN} Đông Phố Mới@thành phố Lào Cai`,
  ),
  'Yên Bái': L(
    'Yên Bái',
    'tỉnh',
    '52',
    'thành phố Yên Bái|thị xã Nghĩa Lộ|huyện Văn Yên|huyện Yên Bình',
    'Nguyễn Thái Học|Điện Biên|Yên Ninh',
    `${KCN} Minh Quân@huyện Trấn Yên|${KCN} Âu Lâu@thành phố Yên Bái`,
  ),
  'Lạng Sơn': L(
    'Lạng Sơn',
    'tỉnh',
    '49',
    'thành phố Lạng Sơn|huyện Cao Lộc|huyện Văn Lãng|huyện Lộc Bình|huyện Chi Lăng',
    'Bà Triệu|Trần Đăng Ninh|Lê Lợi|Hùng Vương|Phai Vệ',
    `Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn@huyện Cao Lộc|${KCN} Đồng Bành@huyện Chi Lăng`,
  ),
  'Bắc Ninh': L(
    'Bắc Ninh',
    'tỉnh',
    '23',
    'thành phố Bắc Ninh|thành phố Từ Sơn|huyện Yên Phong|thị xã Quế Võ|huyện Tiên Du',
    'Lý Thái Tổ|Nguyễn Văn Cừ|Ngô Gia Tự|Kinh Dương Vương|Lý Anh Tông',
    `${KCN} Yên Phong@huyện Yên Phong|${KCN} Quế Võ@thị xã Quế Võ|${KCN} Tiên Sơn@huyện Tiên Du|${KCN} VSIP Bắc Ninh@thành phố Từ Sơn`,
  ),
  'Bắc Giang': L(
    'Bắc Giang',
    'tỉnh',
    '24',
    'thành phố Bắc Giang|thị xã Việt Yên|huyện Yên Dũng|huyện Lạng Giang',
    'Xương Giang|Hùng Vương|Nguyễn Thị Minh Khai',
    `${KCN} Đình Trám@thị xã Việt Yên|${KCN} Quang Châu@thị xã Việt Yên|${KCN} Vân Trung@thị xã Việt Yên`,
  ),
  'Thái Nguyên': L(
    'Thái Nguyên',
    'tỉnh',
    '46',
    'thành phố Thái Nguyên|thành phố Phổ Yên|thành phố Sông Công|huyện Đại Từ',
    'Hoàng Văn Thụ|Lương Ngọc Quyến|Cách Mạng Tháng Tám|Quang Trung',
    `${KCN} Yên Bình@thành phố Phổ Yên|${KCN} Điềm Thụy@huyện Phú Bình|${KCN} Sông Công@thành phố Sông Công`,
  ),
  'Quảng Ninh': L(
    'Quảng Ninh',
    'tỉnh',
    '57',
    'thành phố Hạ Long|thành phố Móng Cái|thành phố Cẩm Phả|thành phố Uông Bí|thị xã Quảng Yên|huyện Vân Đồn',
    'Hạ Long|Trần Hưng Đạo|Nguyễn Văn Cừ|Lê Thánh Tông|Hùng Vương|Trần Phú',
    `${KCN} Cái Lân@thành phố Hạ Long|${KCN} Đông Mai@thị xã Quảng Yên|${KCN} Hải Yên@thành phố Móng Cái|${KCN} Việt Hưng@thành phố Hạ Long|${KCN} Sông Khoai@thị xã Quảng Yên`,
  ),
  'Thanh Hóa': L(
    'Thanh Hóa',
    'tỉnh',
    '28',
    'thành phố Thanh Hóa|thị xã Nghi Sơn|thành phố Sầm Sơn|huyện Quan Sơn|huyện Đông Sơn',
    'Lê Lợi|Trần Phú|Bà Triệu|Hạc Thành|Lê Hoàn',
    `Khu kinh tế Nghi Sơn@thị xã Nghi Sơn|${KCN} Lễ Môn@thành phố Thanh Hóa|${KCN} Hoàng Long@thành phố Thanh Hóa`,
  ),
  'Nam Định': L(
    'Nam Định',
    'tỉnh',
    '06',
    'thành phố Nam Định|huyện Mỹ Lộc|huyện Ý Yên|huyện Hải Hậu',
    'Trần Hưng Đạo|Hàn Thuyên|Điện Biên|Trường Chinh',
    `${KCN} Hòa Xá@thành phố Nam Định|${KCN} Bảo Minh@huyện Vụ Bản|${KCN} Mỹ Trung@huyện Mỹ Lộc`,
  ),
  'Hà Nam': L(
    'Hà Nam',
    'tỉnh',
    '07',
    'thành phố Phủ Lý|thị xã Duy Tiên|huyện Thanh Liêm|huyện Kim Bảng',
    'Lê Hoàn|Trường Chinh|Biên Hòa',
    `${KCN} Đồng Văn I@thị xã Duy Tiên|${KCN} Đồng Văn II@thị xã Duy Tiên|${KCN} Châu Sơn@thành phố Phủ Lý`,
  ),
  'Ninh Bình': L(
    'Ninh Bình',
    'tỉnh',
    '27',
    'thành phố Ninh Bình|thành phố Tam Điệp|huyện Gia Viễn|huyện Yên Khánh',
    'Trần Hưng Đạo|Lê Đại Hành|Lương Văn Thăng',
    `${KCN} Khánh Phú@huyện Yên Khánh|${KCN} Gián Khẩu@huyện Gia Viễn|${KCN} Phúc Sơn@thành phố Ninh Bình`,
  ),
  'Nghệ An': L(
    'Nghệ An',
    'tỉnh',
    '29',
    'thành phố Vinh|thị xã Cửa Lò|huyện Nghi Lộc|huyện Kỳ Sơn|thị xã Hoàng Mai',
    'Lê Lợi|Quang Trung|Nguyễn Du|Trường Thi|Lê Duẩn',
    `Khu kinh tế Đông Nam Nghệ An@huyện Nghi Lộc|${KCN} VSIP Nghệ An@huyện Hưng Nguyên|${KCN} Bắc Vinh@thành phố Vinh|${KCN} Hoàng Mai@thị xã Hoàng Mai`,
  ),
  'Hà Tĩnh': L(
    'Hà Tĩnh',
    'tỉnh',
    '30',
    'thành phố Hà Tĩnh|thị xã Kỳ Anh|thị xã Hồng Lĩnh|huyện Hương Sơn',
    'Phan Đình Phùng|Trần Phú|Hà Huy Tập|Nguyễn Du',
    `Khu kinh tế Vũng Áng@thị xã Kỳ Anh|Khu kinh tế cửa khẩu quốc tế Cầu Treo@huyện Hương Sơn|${KCN} Gia Lách@huyện Nghi Xuân`,
  ),
  'Quảng Bình': L(
    'Quảng Bình',
    'tỉnh',
    '31',
    'thành phố Đồng Hới|thị xã Ba Đồn|huyện Quảng Trạch|huyện Minh Hóa|huyện Bố Trạch',
    'Quang Trung|Lý Thường Kiệt|Hữu Nghị|Trần Hưng Đạo',
    `Khu kinh tế Hòn La@huyện Quảng Trạch|Khu kinh tế cửa khẩu Cha Lo@huyện Minh Hóa|${KCN} Tây Bắc Đồng Hới@thành phố Đồng Hới`,
  ),
  'Quảng Trị': L(
    'Quảng Trị',
    'tỉnh',
    '32',
    'thành phố Đông Hà|huyện Hướng Hóa|huyện Gio Linh|huyện Đakrông',
    'Lê Duẩn|Hùng Vương|Quốc lộ 9|Trần Hưng Đạo',
    `Khu kinh tế Đông Nam Quảng Trị@huyện Gio Linh|Khu kinh tế – thương mại đặc biệt Lao Bảo@huyện Hướng Hóa|${KCN} Nam Đông Hà@thành phố Đông Hà`,
  ),
  'Thừa Thiên Huế': L(
    'Thừa Thiên Huế',
    'tỉnh',
    '33',
    'thành phố Huế|thị xã Hương Thủy|huyện Phú Lộc|huyện A Lưới|thị xã Hương Trà',
    'Lê Lợi|Hùng Vương|Nguyễn Huệ|Bà Triệu|Trần Hưng Đạo',
    `Khu kinh tế Chân Mây – Lăng Cô@huyện Phú Lộc|${KCN} Phú Bài@thị xã Hương Thủy|${KCN} Phong Điền@huyện Phong Điền`,
  ),
  'Đà Nẵng': L(
    'Đà Nẵng',
    'thành phố',
    '04',
    'quận Hải Châu|quận Thanh Khê|quận Sơn Trà|quận Ngũ Hành Sơn|quận Liên Chiểu|quận Cẩm Lệ|huyện Hòa Vang',
    'Bạch Đằng|Nguyễn Văn Linh|Lê Duẩn|Điện Biên Phủ|Ngô Quyền|Võ Nguyên Giáp|Nguyễn Tất Thành',
    `${KCN} Hòa Khánh@quận Liên Chiểu|${KCN} Liên Chiểu@quận Liên Chiểu|${KCN} An Đồn@quận Sơn Trà|${KCN} Hòa Cầm@quận Cẩm Lệ|Khu công nghệ cao Đà Nẵng@huyện Hòa Vang`,
  ),
  'Quảng Ngãi': L(
    'Quảng Ngãi',
    'tỉnh',
    '43',
    'thành phố Quảng Ngãi|huyện Bình Sơn|thị xã Đức Phổ|huyện Sơn Tịnh',
    'Quang Trung|Hùng Vương|Phạm Văn Đồng|Lê Lợi',
    `Khu kinh tế Dung Quất@huyện Bình Sơn|${KCN} VSIP Quảng Ngãi@huyện Sơn Tịnh|${KCN} Tịnh Phong@huyện Sơn Tịnh`,
  ),
  'Bình Định': L(
    'Bình Định',
    'tỉnh',
    '41',
    'thành phố Quy Nhơn|thị xã An Nhơn|huyện Tuy Phước|huyện Phù Cát',
    'Trần Hưng Đạo|Nguyễn Huệ|Lê Hồng Phong|Tây Sơn|An Dương Vương',
    `Khu kinh tế Nhơn Hội@thành phố Quy Nhơn|${KCN} Phú Tài@thành phố Quy Nhơn|${KCN} Long Mỹ@thành phố Quy Nhơn`,
  ),
  'Phú Yên': L(
    'Phú Yên',
    'tỉnh',
    '44',
    'thành phố Tuy Hòa|thị xã Đông Hòa|thị xã Sông Cầu',
    'Hùng Vương|Trần Hưng Đạo|Nguyễn Tất Thành',
    `${KCN} Hòa Hiệp@thị xã Đông Hòa|${KCN} An Phú@thành phố Tuy Hòa`,
  ),
  'Gia Lai': L(
    'Gia Lai',
    'tỉnh',
    '59',
    'thành phố Pleiku|thị xã An Khê|huyện Đức Cơ|huyện Chư Sê',
    'Hùng Vương|Trần Phú|Lê Lợi|Phạm Văn Đồng',
    `Khu kinh tế cửa khẩu Lệ Thanh@huyện Đức Cơ|${KCN} Trà Đa@thành phố Pleiku`,
  ),
  'Kon Tum': L(
    'Kon Tum',
    'tỉnh',
    '61',
    'thành phố Kon Tum|huyện Ngọc Hồi|huyện Đắk Hà',
    'Phan Đình Phùng|Trần Hưng Đạo|Bà Triệu',
    `Khu kinh tế cửa khẩu quốc tế Bờ Y@huyện Ngọc Hồi|${KCN} Hòa Bình@thành phố Kon Tum`,
  ),
  'Đắk Lắk': L(
    'Đắk Lắk',
    'tỉnh',
    '60',
    "thành phố Buôn Ma Thuột|thị xã Buôn Hồ|huyện Cư M'gar|huyện Krông Pắc",
    'Lê Duẩn|Phan Bội Châu|Nguyễn Tất Thành|Y Jút',
    `${KCN} Hòa Phú@thành phố Buôn Ma Thuột`,
  ),
  'Đắk Nông': L(
    'Đắk Nông',
    'tỉnh',
    '64',
    "thành phố Gia Nghĩa|huyện Đắk Mil|huyện Tuy Đức|huyện Đắk R'lấp",
    'Lê Duẩn|Hùng Vương|Trần Hưng Đạo',
    `${KCN} Tâm Thắng@huyện Cư Jút`,
  ),
  'Lâm Đồng': L(
    'Lâm Đồng',
    'tỉnh',
    '58',
    'thành phố Đà Lạt|thành phố Bảo Lộc|huyện Đức Trọng|huyện Lâm Hà',
    'Trần Phú|Phan Đình Phùng|Hùng Vương|3 Tháng 2',
    `${KCN} Phú Hội@huyện Đức Trọng|${KCN} Lộc Sơn@thành phố Bảo Lộc`,
  ),
  'Khánh Hòa': L(
    'Khánh Hòa',
    'tỉnh',
    '42',
    'thành phố Nha Trang|thành phố Cam Ranh|thị xã Ninh Hòa|huyện Cam Lâm|huyện Diên Khánh',
    'Trần Phú|Thái Nguyên|Lê Thánh Tôn|23 Tháng 10|Nguyễn Thị Minh Khai',
    `Khu kinh tế Vân Phong@thị xã Ninh Hòa|${KCN} Suối Dầu@huyện Cam Lâm|${KCN} Nam Cam Ranh@thành phố Cam Ranh`,
  ),
  'Ninh Thuận': L(
    'Ninh Thuận',
    'tỉnh',
    '45',
    'thành phố Phan Rang – Tháp Chàm|huyện Ninh Hải|huyện Thuận Nam',
    '16 Tháng 4|Thống Nhất|Lê Duẩn',
    `${KCN} Thành Hải@thành phố Phan Rang – Tháp Chàm|${KCN} Du Long@huyện Thuận Bắc`,
  ),
  'Bình Dương': L(
    'Bình Dương',
    'tỉnh',
    '37',
    'thành phố Thủ Dầu Một|thành phố Dĩ An|thành phố Thuận An|thành phố Bến Cát|thành phố Tân Uyên|huyện Bàu Bàng',
    'Đại lộ Bình Dương|Cách Mạng Tháng Tám|Yersin|Phú Lợi|Nguyễn Văn Tiết|Mỹ Phước – Tân Vạn',
    `${KCN} Sóng Thần@thành phố Dĩ An|${KCN} VSIP@thành phố Thuận An|${KCN} Mỹ Phước@thành phố Bến Cát|${KCN} Việt Hương@thành phố Thuận An|${KCN} Bàu Bàng@huyện Bàu Bàng|${KCN} Nam Tân Uyên@thành phố Tân Uyên`,
  ),
  'Tây Ninh': L(
    'Tây Ninh',
    'tỉnh',
    '39',
    'thành phố Tây Ninh|thị xã Trảng Bàng|huyện Bến Cầu|huyện Tân Biên|thị xã Hòa Thành',
    '30 Tháng 4|Cách Mạng Tháng Tám|Trần Hưng Đạo',
    `Khu kinh tế cửa khẩu Mộc Bài@huyện Bến Cầu|${KCN} Trảng Bàng@thị xã Trảng Bàng|${KCN} Phước Đông@huyện Gò Dầu`,
  ),
  'Đồng Nai': L(
    'Đồng Nai',
    'tỉnh',
    '36',
    'thành phố Biên Hòa|thành phố Long Khánh|huyện Long Thành|huyện Nhơn Trạch|huyện Trảng Bom|huyện Thống Nhất',
    'Phạm Văn Thuận|Đồng Khởi|Võ Thị Sáu|Quốc lộ 51|Nguyễn Ái Quốc',
    `${KCN} Biên Hòa II@thành phố Biên Hòa|${KCN} Amata@thành phố Biên Hòa|${KCN} Long Thành@huyện Long Thành|${KCN} Nhơn Trạch III@huyện Nhơn Trạch|${KCN} Hố Nai@huyện Trảng Bom|${KCN} Bàu Xéo@huyện Trảng Bom`,
  ),
  'Bình Thuận': L(
    'Bình Thuận',
    'tỉnh',
    '34',
    'thành phố Phan Thiết|thị xã La Gi|huyện Hàm Tân|huyện Tuy Phong',
    'Trần Hưng Đạo|Nguyễn Tất Thành|Tôn Đức Thắng',
    `${KCN} Phan Thiết@thành phố Phan Thiết|${KCN} Sơn Mỹ@huyện Hàm Tân`,
  ),
  'Long An': L(
    'Long An',
    'tỉnh',
    '11',
    'thành phố Tân An|huyện Đức Hòa|huyện Bến Lức|huyện Cần Giuộc|huyện Thạnh Hóa',
    'Hùng Vương|Quốc lộ 1A|Nguyễn Trung Trực|Trương Định',
    `${KCN} Tân Đức@huyện Đức Hòa|${KCN} Xuyên Á@huyện Đức Hòa|${KCN} Thuận Đạo@huyện Bến Lức|${KCN} Long Hậu@huyện Cần Giuộc`,
  ),
  'Tiền Giang': L(
    'Tiền Giang',
    'tỉnh',
    '12',
    'thành phố Mỹ Tho|huyện Châu Thành|huyện Tân Phước|thị xã Gò Công',
    'Ấp Bắc|Hùng Vương|Lê Văn Phẩm',
    `${KCN} Mỹ Tho@thành phố Mỹ Tho|${KCN} Long Giang@huyện Tân Phước|${KCN} Tân Hương@huyện Châu Thành`,
  ),
  'Đồng Tháp': L(
    'Đồng Tháp',
    'tỉnh',
    '14',
    'thành phố Cao Lãnh|thành phố Sa Đéc|thành phố Hồng Ngự|huyện Tân Hồng',
    'Nguyễn Huệ|Lý Thường Kiệt|Hùng Vương|Tôn Đức Thắng',
    `${KCN} Sa Đéc@thành phố Sa Đéc|${KCN} Trần Quốc Toản@thành phố Cao Lãnh|Khu kinh tế cửa khẩu Đồng Tháp@thành phố Hồng Ngự`,
  ),
  'An Giang': L(
    'An Giang',
    'tỉnh',
    '16',
    'thành phố Long Xuyên|thành phố Châu Đốc|thị xã Tịnh Biên|thị xã Tân Châu|huyện An Phú',
    'Trần Hưng Đạo|Hà Hoàng Hổ|Nguyễn Trãi|Tôn Đức Thắng',
    `${KCN} Bình Hòa@huyện Châu Thành|${KCN} Bình Long@huyện Châu Phú|Khu kinh tế cửa khẩu An Giang@thị xã Tịnh Biên`,
  ),
  'Bà Rịa – Vũng Tàu': L(
    'Bà Rịa – Vũng Tàu',
    'tỉnh',
    '35',
    'thành phố Vũng Tàu|thành phố Bà Rịa|thị xã Phú Mỹ|huyện Côn Đảo|huyện Châu Đức',
    'Lê Hồng Phong|30 Tháng 4|Nguyễn An Ninh|Trương Công Định|Độc Lập',
    `${KCN} Phú Mỹ I@thị xã Phú Mỹ|${KCN} Cái Mép@thị xã Phú Mỹ|${KCN} Đông Xuyên@thành phố Vũng Tàu|${KCN} Mỹ Xuân A@thị xã Phú Mỹ`,
  ),
  'Kiên Giang': L(
    'Kiên Giang',
    'tỉnh',
    '17',
    'thành phố Rạch Giá|thành phố Hà Tiên|thành phố Phú Quốc|huyện Kiên Lương',
    'Nguyễn Trung Trực|Lạc Hồng|Mạc Cửu|Trần Phú',
    `${KCN} Thạnh Lộc@huyện Châu Thành|Khu kinh tế cửa khẩu Hà Tiên@thành phố Hà Tiên`,
  ),
  'Cần Thơ': L(
    'Cần Thơ',
    'thành phố',
    '18',
    'quận Ninh Kiều|quận Bình Thủy|quận Cái Răng|quận Ô Môn|quận Thốt Nốt',
    'Hòa Bình|Trần Hưng Đạo|30 Tháng 4|Nguyễn Văn Cừ|Mậu Thân',
    `${KCN} Trà Nóc@quận Bình Thủy|${KCN} Hưng Phú@quận Cái Răng|${KCN} Thốt Nốt@quận Thốt Nốt`,
  ),
  'Vĩnh Long': L(
    'Vĩnh Long',
    'tỉnh',
    '15',
    'thành phố Vĩnh Long|thị xã Bình Minh|huyện Long Hồ',
    'Phạm Thái Bường|2 Tháng 9|Phó Cơ Điều',
    `${KCN} Hòa Phú@huyện Long Hồ|${KCN} Bình Minh@thị xã Bình Minh`,
  ),
  'Sóc Trăng': L(
    'Sóc Trăng',
    'tỉnh',
    '22',
    'thành phố Sóc Trăng|thị xã Vĩnh Châu|huyện Trần Đề',
    'Hùng Vương|Lê Duẩn|Trần Hưng Đạo',
    `${KCN} An Nghiệp@huyện Châu Thành`,
  ),
  'Cà Mau': L(
    'Cà Mau',
    'tỉnh',
    '20',
    'thành phố Cà Mau|huyện Năm Căn|huyện Cái Nước|huyện Trần Văn Thời',
    'Lý Thường Kiệt|Nguyễn Tất Thành|Phan Ngọc Hiển|Trần Hưng Đạo',
    `${KCN} Hòa Trung@huyện Cái Nước|${KCN} Khánh An@huyện U Minh`,
  ),
  'Quảng Nam': L(
    'Quảng Nam',
    'tỉnh',
    '40',
    'thành phố Tam Kỳ|thành phố Hội An|thị xã Điện Bàn|huyện Núi Thành|huyện Nam Giang',
    'Phan Chu Trinh|Hùng Vương|Trần Hưng Đạo|Nguyễn Hoàng',
    `Khu kinh tế mở Chu Lai@huyện Núi Thành|${KCN} Điện Nam – Điện Ngọc@thị xã Điện Bàn|${KCN} Tam Thăng@thành phố Tam Kỳ`,
  ),
  'Bình Phước': L(
    'Bình Phước',
    'tỉnh',
    '38',
    'thành phố Đồng Xoài|thị xã Chơn Thành|huyện Lộc Ninh|huyện Bù Đốp|thị xã Bình Long',
    'Phú Riềng Đỏ|Hùng Vương|Quốc lộ 14|Trần Hưng Đạo',
    `${KCN} Minh Hưng – Hàn Quốc@thị xã Chơn Thành|${KCN} Đồng Xoài@thành phố Đồng Xoài|Khu kinh tế cửa khẩu Hoa Lư@huyện Lộc Ninh`,
  ),
};

export function getLocality(name: string): Locality {
  const locality = LOCALITIES[name];
  if (!locality) throw new Error(`Unknown locality ${name}`);
  return locality;
}

/** "Khu công nghiệp Tràng Duệ" -> "Trang Due Industrial Zone". */
export function zoneNameEn(zone: string, strip: (value: string) => string): string {
  const rules: [string, string][] = [
    ['Khu công nghiệp ', 'Industrial Zone'],
    ['Khu chế xuất ', 'Export Processing Zone'],
    ['Khu công nghệ cao', 'Hi-Tech Park'],
    ['Khu kinh tế cửa khẩu quốc tế ', 'International Border Gate Economic Zone'],
    ['Khu kinh tế cửa khẩu ', 'Border Gate Economic Zone'],
    ['Khu kinh tế – thương mại đặc biệt ', 'Special Economic and Commercial Zone'],
    ['Khu kinh tế mở ', 'Open Economic Zone'],
    ['Khu kinh tế ', 'Economic Zone'],
  ];
  for (const [prefix, suffix] of rules) {
    if (zone.startsWith(prefix)) {
      const rest = strip(zone.slice(prefix.length)).trim();
      return rest ? `${rest} ${suffix}` : suffix;
    }
  }
  return strip(zone);
}
