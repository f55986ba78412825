// The 35 provincial Customs Departments before the 2025 reorganization, and
// their branches (Chi cục).
//
// Department codes are the two-digit customs office codes (01 Hà Nội, 02 TP. Hồ
// Chí Minh, 03 Hải Phòng, 13 Lào Cai, 15 Lạng Sơn, 20 Quảng Ninh, 34 Đà Nẵng,
// 43 Bình Dương, 47 Đồng Nai, ...), as we know them from published branch codes;
// where unsure we kept the same numbering pattern.
//
// Branch codes known from public reporting: 01AB Nội Bài, 02CI Sài Gòn khu vực I,
// 03CC/03CE/03TG Hải Phòng port areas, 03EE Đình Vũ, 03NK EPZ and IZ, 20BB Móng
// Cái, 20CF Hòn Gai, 20CE Vạn Gia. Every other branch code is a natural choice
// in the same shape (department code + two letters), not an official code; the
// branch names are those of real branch offices of the time, or plausible ones.

export type Profile = 'metro' | 'port' | 'industrial' | 'electronics' | 'border' | 'coastal' | 'delta' | 'agri';

export interface BranchSpec {
  code: string;
  nameVi: string;
  nameEn: string;
  /** Relative share of the department's enterprises managed here. */
  weight: number;
  /** The province its enterprises are in; the department's first one when absent. */
  locality: string | null;
}

export interface DepartmentSpec {
  code: string;
  nameVi: string;
  nameEn: string;
  /** Relative share of the country's importers and exporters. */
  weight: number;
  profile: Profile;
  localities: string[];
  branches: BranchSpec[];
}

const CC = 'Chi cục Hải quan';
const CK = 'Chi cục Hải quan cửa khẩu';

function b(code: string, nameVi: string, nameEn: string, weight = 1, locality: string | null = null): BranchSpec {
  return { code, nameVi, nameEn, weight, locality };
}

function d(
  code: string,
  place: string,
  kind: 'tỉnh' | 'thành phố',
  nameEn: string,
  weight: number,
  profile: Profile,
  localities: string[],
  branches: BranchSpec[],
): DepartmentSpec {
  return { code, nameVi: `Cục Hải quan ${kind} ${place}`, nameEn, weight, profile, localities, branches };
}

export const DEPARTMENTS: DepartmentSpec[] = [
  d(
    '01',
    'Hà Nội',
    'thành phố',
    'Hanoi Customs Department',
    14,
    'metro',
    ['Hà Nội', 'Vĩnh Phúc'],
    [
      b('01AB', `${CK} Sân bay quốc tế Nội Bài`, 'Noi Bai International Airport Customs Branch', 2),
      b('01NV', `${CC} Bắc Thăng Long`, 'Bac Thang Long Customs Branch', 3),
      b('01BT', `${CC} Bắc Hà Nội`, 'North Hanoi Customs Branch', 2),
      b('01PR', `${CC} Gia Thụy`, 'Gia Thuy Customs Branch', 2),
      b('01SI', `${CC} quản lý hàng đầu tư – gia công`, 'Investment and Processing Goods Customs Branch', 2),
      b('01E1', `${CC} Vĩnh Phúc`, 'Vinh Phuc Customs Branch', 1, 'Vĩnh Phúc'),
    ],
  ),
  d(
    '02',
    'Hồ Chí Minh',
    'thành phố',
    'Ho Chi Minh City Customs Department',
    22,
    'metro',
    ['Hồ Chí Minh'],
    [
      b('02CI', `${CK} cảng Sài Gòn khu vực I`, 'Saigon Port Area I Customs Branch', 3),
      b('02CH', `${CK} cảng Sài Gòn khu vực II`, 'Saigon Port Area II Customs Branch', 2),
      b('02B1', `${CK} Sân bay quốc tế Tân Sơn Nhất`, 'Tan Son Nhat International Airport Customs Branch', 2),
      b('02XE', `${CC} Khu công nghệ cao`, 'Hi-Tech Park Customs Branch', 2),
      b('02F1', `${CC} Khu chế xuất Tân Thuận`, 'Tan Thuan Export Processing Zone Customs Branch', 2),
      b('02DS', `${CC} chuyển phát nhanh`, 'Express Consignment Customs Branch', 1),
    ],
  ),
  d(
    '03',
    'Hải Phòng',
    'thành phố',
    'Hai Phong Customs Department',
    11,
    'port',
    ['Hải Phòng', 'Hải Dương'],
    [
      b('03CC', `${CK} cảng Hải Phòng khu vực I`, 'Hai Phong Port Area I Customs Branch', 2),
      b('03CE', `${CK} cảng Hải Phòng khu vực II`, 'Hai Phong Port Area II Customs Branch', 2),
      b('03TG', `${CK} cảng Hải Phòng khu vực III`, 'Hai Phong Port Area III Customs Branch', 2),
      b('03EE', `${CK} cảng Đình Vũ`, 'Dinh Vu Port Customs Branch', 2),
      b('03NK', `${CC} Khu chế xuất và Khu công nghiệp Hải Phòng`, 'Customs Branch of EPZ and IZ', 4),
      b('03PA', `${CC} Hải Dương`, 'Hai Duong Customs Branch', 1, 'Hải Dương'),
    ],
  ),
  d(
    '10',
    'Hà Giang',
    'tỉnh',
    'Ha Giang Customs Department',
    0.4,
    'border',
    ['Hà Giang', 'Tuyên Quang'],
    [
      b('10BC', `${CK} quốc tế Thanh Thủy`, 'Thanh Thuy International Border Gate Customs Branch', 2),
      b('10BD', `${CK} Xín Mần`, 'Xin Man Border Gate Customs Branch'),
      b('10BF', `${CK} Phó Bảng`, 'Pho Bang Border Gate Customs Branch'),
      b('10CA', `${CC} Tuyên Quang`, 'Tuyen Quang Customs Branch', 1, 'Tuyên Quang'),
    ],
  ),
  d(
    '11',
    'Cao Bằng',
    'tỉnh',
    'Cao Bang Customs Department',
    0.4,
    'border',
    ['Cao Bằng'],
    [
      b('11BB', `${CK} Tà Lùng`, 'Ta Lung Border Gate Customs Branch', 2),
      b('11BE', `${CK} Trà Lĩnh`, 'Tra Linh Border Gate Customs Branch'),
      b('11BF', `${CK} Sóc Giang`, 'Soc Giang Border Gate Customs Branch'),
      b('11BH', `${CK} Bí Hà`, 'Bi Ha Border Gate Customs Branch'),
    ],
  ),
  d(
    '12',
    'Điện Biên',
    'tỉnh',
    'Dien Bien Customs Department',
    0.3,
    'border',
    ['Điện Biên', 'Lai Châu', 'Sơn La'],
    [
      b('12BB', `${CK} quốc tế Tây Trang`, 'Tay Trang International Border Gate Customs Branch'),
      b('12BE', `${CK} Ma Lù Thàng`, 'Ma Lu Thang Border Gate Customs Branch', 1, 'Lai Châu'),
      b('12BI', `${CK} Lóng Sập`, 'Long Sap Border Gate Customs Branch', 1, 'Sơn La'),
    ],
  ),
  d(
    '13',
    'Lào Cai',
    'tỉnh',
    'Lao Cai Customs Department',
    1,
    'border',
    ['Lào Cai', 'Yên Bái'],
    [
      b('13BB', `${CK} quốc tế Lào Cai`, 'Lao Cai International Border Gate Customs Branch', 3),
      b('13BC', `${CK} Mường Khương`, 'Muong Khuong Border Gate Customs Branch'),
      b('13BD', `${CK} Bát Xát`, 'Bat Xat Border Gate Customs Branch'),
      b('13G1', `${CC} ga đường sắt quốc tế Lào Cai`, 'Lao Cai International Railway Station Customs Branch'),
      b('13PH', `${CC} Yên Bái`, 'Yen Bai Customs Branch', 1, 'Yên Bái'),
    ],
  ),
  d(
    '15',
    'Lạng Sơn',
    'tỉnh',
    'Lang Son Customs Department',
    1.5,
    'border',
    ['Lạng Sơn'],
    [
      b('15BB', `${CK} quốc tế Hữu Nghị`, 'Huu Nghi International Border Gate Customs Branch', 3),
      b('15BC', `${CK} Chi Ma`, 'Chi Ma Border Gate Customs Branch'),
      b('15BD', `${CC} Cốc Nam`, 'Coc Nam Customs Branch'),
      b('15E1', `${CK} Tân Thanh`, 'Tan Thanh Border Gate Customs Branch', 2),
      b('15SI', `${CC} ga đường sắt quốc tế Đồng Đăng`, 'Dong Dang International Railway Station Customs Branch'),
    ],
  ),
  d(
    '18',
    'Bắc Ninh',
    'tỉnh',
    'Bac Ninh Customs Department',
    6,
    'electronics',
    ['Bắc Ninh', 'Bắc Giang', 'Thái Nguyên'],
    [
      b('18BC', `${CC} Bắc Ninh`, 'Bac Ninh Customs Branch', 3),
      b('18ID', `${CC} Quế Võ`, 'Que Vo Customs Branch', 3),
      b('18A1', `${CC} Yên Phong`, 'Yen Phong Customs Branch', 3),
      b('18B1', `${CC} Bắc Giang`, 'Bac Giang Customs Branch', 2, 'Bắc Giang'),
      b('18BE', `${CC} Thái Nguyên`, 'Thai Nguyen Customs Branch', 2, 'Thái Nguyên'),
    ],
  ),
  d(
    '20',
    'Quảng Ninh',
    'tỉnh',
    'Quang Ninh Customs Department',
    2.5,
    'border',
    ['Quảng Ninh'],
    [
      b('20BB', `${CK} quốc tế Móng Cái`, 'Mong Cai International Border Gate Customs Branch', 3),
      b('20CF', `${CK} cảng Hòn Gai`, 'Hon Gai Port Customs Branch', 2),
      b('20CE', `${CK} cảng Vạn Gia`, 'Van Gia Port Customs Branch'),
      b('20CD', `${CK} cảng Cẩm Phả`, 'Cam Pha Port Customs Branch'),
      b('20BC', `${CK} Hoành Mô`, 'Hoanh Mo Border Gate Customs Branch'),
      b('20BD', `${CK} Bắc Phong Sinh`, 'Bac Phong Sinh Border Gate Customs Branch'),
    ],
  ),
  d(
    '27',
    'Thanh Hóa',
    'tỉnh',
    'Thanh Hoa Customs Department',
    1.2,
    'industrial',
    ['Thanh Hóa'],
    [
      b('27NJ', `${CK} cảng Nghi Sơn`, 'Nghi Son Port Customs Branch', 2),
      b('27BB', `${CK} quốc tế Na Mèo`, 'Na Meo International Border Gate Customs Branch'),
      b('27PC', `${CC} quản lý hàng đầu tư – gia công`, 'Investment and Processing Goods Customs Branch', 2),
    ],
  ),
  d(
    '28',
    'Hà Nam Ninh',
    'tỉnh',
    'Ha Nam Ninh Customs Department',
    1.5,
    'industrial',
    ['Nam Định', 'Hà Nam', 'Ninh Bình'],
    [
      b('28NJ', `${CC} Nam Định`, 'Nam Dinh Customs Branch', 1, 'Nam Định'),
      b('28PA', `${CC} Hà Nam`, 'Ha Nam Customs Branch', 1, 'Hà Nam'),
      b('28PC', `${CC} Ninh Bình`, 'Ninh Binh Customs Branch', 1, 'Ninh Bình'),
    ],
  ),
  d(
    '29',
    'Nghệ An',
    'tỉnh',
    'Nghe An Customs Department',
    1,
    'industrial',
    ['Nghệ An'],
    [
      b('29CC', `${CK} cảng Cửa Lò`, 'Cua Lo Port Customs Branch', 2),
      b('29BB', `${CK} quốc tế Nậm Cắn`, 'Nam Can International Border Gate Customs Branch'),
      b('29BF', `${CK} Thanh Thủy`, 'Thanh Thuy Border Gate Customs Branch'),
      b('29PF', `${CC} Vinh`, 'Vinh Customs Branch', 2),
    ],
  ),
  d(
    '30',
    'Hà Tĩnh',
    'tỉnh',
    'Ha Tinh Customs Department',
    0.6,
    'industrial',
    ['Hà Tĩnh'],
    [
      b('30BB', `${CK} quốc tế Cầu Treo`, 'Cau Treo International Border Gate Customs Branch'),
      b('30CC', `${CK} cảng Vũng Áng`, 'Vung Ang Port Customs Branch', 2),
      b('30BI', `${CC} Hồng Lĩnh`, 'Hong Linh Customs Branch'),
    ],
  ),
  d(
    '31',
    'Quảng Bình',
    'tỉnh',
    'Quang Binh Customs Department',
    0.3,
    'border',
    ['Quảng Bình'],
    [
      b('31BB', `${CK} quốc tế Cha Lo`, 'Cha Lo International Border Gate Customs Branch'),
      b('31BF', `${CK} Cà Roòng`, 'Ca Roong Border Gate Customs Branch'),
      b('31D1', `${CK} cảng Hòn La`, 'Hon La Port Customs Branch'),
    ],
  ),
  d(
    '32',
    'Quảng Trị',
    'tỉnh',
    'Quang Tri Customs Department',
    0.4,
    'border',
    ['Quảng Trị'],
    [
      b('32BB', `${CK} quốc tế Lao Bảo`, 'Lao Bao International Border Gate Customs Branch', 2),
      b('32BC', `${CK} quốc tế La Lay`, 'La Lay International Border Gate Customs Branch'),
      b('32CD', `${CK} cảng Cửa Việt`, 'Cua Viet Port Customs Branch'),
    ],
  ),
  d(
    '33',
    'Thừa Thiên Huế',
    'tỉnh',
    'Thua Thien Hue Customs Department',
    0.6,
    'coastal',
    ['Thừa Thiên Huế'],
    [
      b('33CC', `${CK} cảng Chân Mây`, 'Chan May Port Customs Branch'),
      b('33PD', `${CC} Thủy An`, 'Thuy An Customs Branch', 2),
      b('33BA', `${CK} A Đớt`, 'A Dot Border Gate Customs Branch'),
      b('33CF', `${CK} cảng Thuận An`, 'Thuan An Port Customs Branch'),
    ],
  ),
  d(
    '34',
    'Đà Nẵng',
    'thành phố',
    'Da Nang Customs Department',
    2.5,
    'port',
    ['Đà Nẵng'],
    [
      b('34CE', `${CK} cảng Đà Nẵng`, 'Da Nang Port Customs Branch', 2),
      b('34AB', `${CK} Sân bay quốc tế Đà Nẵng`, 'Da Nang International Airport Customs Branch'),
      b(
        '34NG',
        `${CC} Khu công nghiệp Hòa Khánh – Liên Chiểu`,
        'Hoa Khanh – Lien Chieu Industrial Zone Customs Branch',
        2,
      ),
      b('34NH', `${CC} Khu công nghiệp Đà Nẵng`, 'Da Nang Industrial Zone Customs Branch', 2),
      b('34PD', `${CC} quản lý hàng đầu tư – gia công`, 'Investment and Processing Goods Customs Branch'),
    ],
  ),
  d(
    '35',
    'Quảng Ngãi',
    'tỉnh',
    'Quang Ngai Customs Department',
    0.7,
    'industrial',
    ['Quảng Ngãi'],
    [
      b('35CB', `${CK} cảng Dung Quất`, 'Dung Quat Port Customs Branch', 2),
      b('35NC', `${CC} các khu công nghiệp Quảng Ngãi`, 'Quang Ngai Industrial Zones Customs Branch', 2),
    ],
  ),
  d(
    '37',
    'Bình Định',
    'tỉnh',
    'Binh Dinh Customs Department',
    0.8,
    'coastal',
    ['Bình Định', 'Phú Yên'],
    [
      b('37CB', `${CK} cảng Quy Nhơn`, 'Quy Nhon Port Customs Branch', 2),
      b('37TC', `${CC} Phú Yên`, 'Phu Yen Customs Branch', 1, 'Phú Yên'),
    ],
  ),
  d(
    '38',
    'Gia Lai – Kon Tum',
    'tỉnh',
    'Gia Lai – Kon Tum Customs Department',
    0.4,
    'agri',
    ['Gia Lai', 'Kon Tum'],
    [
      b('38BB', `${CK} Lệ Thanh`, 'Le Thanh Border Gate Customs Branch'),
      b('38BC', `${CK} quốc tế Bờ Y`, 'Bo Y International Border Gate Customs Branch', 1, 'Kon Tum'),
      b('38PA', `${CC} Kon Tum`, 'Kon Tum Customs Branch', 1, 'Kon Tum'),
    ],
  ),
  d(
    '40',
    'Đắk Lắk',
    'tỉnh',
    'Dak Lak Customs Department',
    0.6,
    'agri',
    ['Đắk Lắk', 'Đắk Nông', 'Lâm Đồng'],
    [
      b('40BC', `${CC} Buôn Ma Thuột`, 'Buon Ma Thuot Customs Branch', 2),
      b('40BB', `${CK} Bu Prăng`, 'Bu Prang Border Gate Customs Branch', 1, 'Đắk Nông'),
      b('40D1', `${CC} Đà Lạt`, 'Da Lat Customs Branch', 1, 'Lâm Đồng'),
    ],
  ),
  d(
    '41',
    'Khánh Hòa',
    'tỉnh',
    'Khanh Hoa Customs Department',
    1,
    'coastal',
    ['Khánh Hòa', 'Ninh Thuận'],
    [
      b('41CB', `${CK} cảng Nha Trang`, 'Nha Trang Port Customs Branch', 2),
      b('41AB', `${CK} Sân bay quốc tế Cam Ranh`, 'Cam Ranh International Airport Customs Branch'),
      b('41CC', `${CK} cảng Cam Ranh`, 'Cam Ranh Port Customs Branch'),
      b('41PB', `${CC} Ninh Thuận`, 'Ninh Thuan Customs Branch', 1, 'Ninh Thuận'),
    ],
  ),
  d(
    '43',
    'Bình Dương',
    'tỉnh',
    'Binh Duong Customs Department',
    9,
    'industrial',
    ['Bình Dương'],
    [
      b('43IH', `${CC} Sóng Thần`, 'Song Than Customs Branch', 3),
      b('43K4', `${CC} Mỹ Phước`, 'My Phuoc Customs Branch', 2),
      b('43ND', `${CC} Khu công nghiệp Việt Nam – Singapore`, 'Vietnam – Singapore Industrial Park Customs Branch', 3),
      b('43NG', `${CC} Khu công nghiệp Việt Hương`, 'Viet Huong Industrial Zone Customs Branch', 2),
      b(
        '43PB',
        `${CC} quản lý hàng xuất nhập khẩu ngoài khu công nghiệp`,
        'Customs Branch for Goods outside Industrial Zones',
        2,
      ),
      b('43CN', `${CC} cảng tổng hợp Bình Dương`, 'Binh Duong Multipurpose Port Customs Branch'),
    ],
  ),
  d(
    '45',
    'Tây Ninh',
    'tỉnh',
    'Tay Ninh Customs Department',
    1.2,
    'industrial',
    ['Tây Ninh'],
    [
      b('45BB', `${CK} quốc tế Mộc Bài`, 'Moc Bai International Border Gate Customs Branch', 2),
      b('45BC', `${CK} quốc tế Xa Mát`, 'Xa Mat International Border Gate Customs Branch'),
      b('45BE', `${CK} Phước Tân`, 'Phuoc Tan Border Gate Customs Branch'),
      b('45C1', `${CC} Khu công nghiệp Trảng Bàng`, 'Trang Bang Industrial Zone Customs Branch', 2),
    ],
  ),
  d(
    '47',
    'Đồng Nai',
    'tỉnh',
    'Dong Nai Customs Department',
    7,
    'industrial',
    ['Đồng Nai', 'Bình Thuận'],
    [
      b('47NB', `${CC} Biên Hòa`, 'Bien Hoa Customs Branch', 3),
      b('47NF', `${CC} Long Thành`, 'Long Thanh Customs Branch', 2),
      b('47I1', `${CC} Nhơn Trạch`, 'Nhon Trach Customs Branch', 3),
      b('47D3', `${CC} Thống Nhất`, 'Thong Nhat Customs Branch', 2),
      b('47NM', `${CC} Long Bình Tân`, 'Long Binh Tan Customs Branch', 2),
      b('47XE', `${CC} Bình Thuận`, 'Binh Thuan Customs Branch', 1, 'Bình Thuận'),
    ],
  ),
  d(
    '48',
    'Long An',
    'tỉnh',
    'Long An Customs Department',
    2.5,
    'industrial',
    ['Long An', 'Tiền Giang'],
    [
      b('48BC', `${CK} quốc tế Bình Hiệp`, 'Binh Hiep International Border Gate Customs Branch'),
      b('48CG', `${CK} cảng Mỹ Tho`, 'My Tho Port Customs Branch', 1, 'Tiền Giang'),
      b('48F1', `${CC} Đức Hòa`, 'Duc Hoa Customs Branch', 3),
      b('48NG', `${CC} Bến Lức`, 'Ben Luc Customs Branch', 2),
      b('48H1', `${CK} cảng quốc tế Long An`, 'Long An International Port Customs Branch'),
    ],
  ),
  d(
    '49',
    'Đồng Tháp',
    'tỉnh',
    'Dong Thap Customs Department',
    0.6,
    'delta',
    ['Đồng Tháp'],
    [
      b('49BB', `${CK} quốc tế Thường Phước`, 'Thuong Phuoc International Border Gate Customs Branch'),
      b('49BE', `${CK} Dinh Bà`, 'Dinh Ba Border Gate Customs Branch'),
      b('49C1', `${CK} Sở Thượng`, 'So Thuong Border Gate Customs Branch'),
      b('49CC', `${CK} cảng Đồng Tháp`, 'Dong Thap Port Customs Branch', 2),
    ],
  ),
  d(
    '50',
    'An Giang',
    'tỉnh',
    'An Giang Customs Department',
    0.7,
    'delta',
    ['An Giang'],
    [
      b('50BB', `${CK} quốc tế Tịnh Biên`, 'Tinh Bien International Border Gate Customs Branch'),
      b('50BC', `${CK} quốc tế Vĩnh Xương`, 'Vinh Xuong International Border Gate Customs Branch'),
      b('50BD', `${CK} Khánh Bình`, 'Khanh Binh Border Gate Customs Branch'),
      b('50CE', `${CK} cảng Mỹ Thới`, 'My Thoi Port Customs Branch', 2),
    ],
  ),
  d(
    '51',
    'Bà Rịa – Vũng Tàu',
    'tỉnh',
    'Ba Ria – Vung Tau Customs Department',
    2.5,
    'port',
    ['Bà Rịa – Vũng Tàu'],
    [
      b('51C1', `${CK} cảng Cái Mép`, 'Cai Mep Port Customs Branch', 3),
      b('51BE', `${CK} cảng Phú Mỹ`, 'Phu My Port Customs Branch', 2),
      b('51CH', `${CK} cảng Cát Lở`, 'Cat Lo Port Customs Branch'),
      b('51C2', `${CC} Côn Đảo`, 'Con Dao Customs Branch'),
    ],
  ),
  d(
    '53',
    'Kiên Giang',
    'tỉnh',
    'Kien Giang Customs Department',
    0.5,
    'delta',
    ['Kiên Giang'],
    [
      b('53BK', `${CK} quốc tế Hà Tiên`, 'Ha Tien International Border Gate Customs Branch'),
      b('53CH', `${CK} cảng Phú Quốc`, 'Phu Quoc Port Customs Branch'),
      b('53CD', `${CK} cảng Hòn Chông`, 'Hon Chong Port Customs Branch'),
    ],
  ),
  d(
    '54',
    'Cần Thơ',
    'thành phố',
    'Can Tho Customs Department',
    1.2,
    'delta',
    ['Cần Thơ', 'Vĩnh Long', 'Sóc Trăng'],
    [
      b('54CB', `${CK} cảng Cần Thơ`, 'Can Tho Port Customs Branch', 2),
      b('54CD', `${CC} Tây Đô`, 'Tay Do Customs Branch', 2),
      b('54PK', `${CC} Vĩnh Long`, 'Vinh Long Customs Branch', 1, 'Vĩnh Long'),
      b('54PH', `${CC} Sóc Trăng`, 'Soc Trang Customs Branch', 1, 'Sóc Trăng'),
    ],
  ),
  d(
    '59',
    'Cà Mau',
    'tỉnh',
    'Ca Mau Customs Department',
    0.6,
    'delta',
    ['Cà Mau'],
    [
      b('59BD', `${CK} cảng Năm Căn`, 'Nam Can Port Customs Branch'),
      b('59PC', `${CC} Cà Mau`, 'Ca Mau Customs Branch', 2),
    ],
  ),
  d(
    '60',
    'Quảng Nam',
    'tỉnh',
    'Quang Nam Customs Department',
    1,
    'industrial',
    ['Quảng Nam'],
    [
      b('60C1', `${CK} cảng Kỳ Hà`, 'Ky Ha Port Customs Branch', 2),
      b('60BS', `${CK} quốc tế Nam Giang`, 'Nam Giang International Border Gate Customs Branch'),
      b('60NN', `${CC} Khu công nghiệp Điện Nam – Điện Ngọc`, 'Dien Nam – Dien Ngoc Industrial Zone Customs Branch', 2),
    ],
  ),
  d(
    '61',
    'Bình Phước',
    'tỉnh',
    'Binh Phuoc Customs Department',
    0.8,
    'agri',
    ['Bình Phước'],
    [
      b('61BC', `${CK} quốc tế Hoa Lư`, 'Hoa Lu International Border Gate Customs Branch'),
      b('61BE', `${CK} Hoàng Diệu`, 'Hoang Dieu Border Gate Customs Branch'),
      b('61PB', `${CC} Chơn Thành`, 'Chon Thanh Customs Branch', 2),
    ],
  ),
];

export const GENERAL_DEPARTMENT = {
  code: '00',
  nameVi: 'Tổng cục Hải quan',
  nameEn: 'General Department of Vietnam Customs',
} as const;
