// Company names in the shapes Vietnamese registrations take: legal form,
// line of business, distinctive name ("Công ty TNHH Thương mại Dịch vụ Minh
// Phát"), and foreign-invested firms ("Công ty TNHH Hanvit Vina"). Every
// distinctive and foreign name here is made up.
import type { Profile } from './departments.ts';
import { stripDiacritics, type Rng } from './random.ts';

export type SectorTag =
  | 'trade'
  | 'electronics'
  | 'textile'
  | 'footwear'
  | 'seafood'
  | 'agri'
  | 'food'
  | 'wood'
  | 'mechanical'
  | 'plastics'
  | 'chemicals'
  | 'materials'
  | 'logistics'
  | 'pharma'
  | 'auto';

export interface Sector {
  vi: string;
  en: string;
  tag: SectorTag;
  weight: number;
  /** Makes goods: sits in an industrial zone, may be foreign-invested. */
  manufacturing: boolean;
}

function s(vi: string, en: string, tag: SectorTag, weight: number, manufacturing = true): Sector {
  return { vi, en, tag, weight, manufacturing };
}

export const SECTORS: Sector[] = [
  s('Thương mại Dịch vụ', 'Trading and Services', 'trade', 14, false),
  s('Xuất nhập khẩu', 'Import–Export', 'trade', 10, false),
  s('Thương mại và Đầu tư', 'Trading and Investment', 'trade', 3, false),
  s('Điện tử', 'Electronics', 'electronics', 5),
  s('Linh kiện Điện tử', 'Electronic Components', 'electronics', 4),
  s('May mặc', 'Garment', 'textile', 6),
  s('Dệt may', 'Textile and Garment', 'textile', 3),
  s('Sợi', 'Yarn', 'textile', 1.5),
  s('Giày da', 'Footwear', 'footwear', 3),
  s('Túi xách', 'Handbags', 'footwear', 1),
  s('Chế biến Thủy sản', 'Seafood Processing', 'seafood', 3),
  s('Chế biến Nông sản', 'Agricultural Products', 'agri', 3),
  s('Cà phê', 'Coffee', 'agri', 1),
  s('Thực phẩm', 'Foods', 'food', 3),
  s('Chế biến Gỗ', 'Wood Processing', 'wood', 2.5),
  s('Nội thất', 'Furniture', 'wood', 2),
  s('Cơ khí', 'Mechanical Engineering', 'mechanical', 3.5),
  s('Thép', 'Steel', 'mechanical', 1.5),
  s('Nhựa', 'Plastics', 'plastics', 2.5),
  s('Bao bì', 'Packaging', 'plastics', 2),
  s('Hóa chất', 'Chemicals', 'chemicals', 1.5),
  s('Máy móc Thiết bị', 'Machinery and Equipment', 'trade', 3, false),
  s('Vật liệu Xây dựng', 'Construction Materials', 'materials', 2),
  s('Dược phẩm', 'Pharmaceuticals', 'pharma', 1),
  s('Phụ tùng Ô tô', 'Auto Parts', 'auto', 1.5),
  s('Giao nhận Vận tải', 'Freight Forwarding', 'logistics', 2.5, false),
  s('Logistics', 'Logistics', 'logistics', 2.5, false),
  s('Vận tải Biển', 'Shipping', 'logistics', 1, false),
];

/** What each kind of province makes more of than the country as a whole. */
const PROFILE_BOOST: Record<Profile, Partial<Record<SectorTag, number>>> = {
  metro: { trade: 1.5, logistics: 1.5, pharma: 2 },
  port: { logistics: 2.5, mechanical: 1.5, electronics: 1.5 },
  industrial: { textile: 1.5, footwear: 2.5, wood: 2.5, plastics: 1.5, mechanical: 1.5 },
  electronics: { electronics: 4, plastics: 1.5, trade: 0.6 },
  border: { trade: 2.5, agri: 2.5, materials: 1.5, electronics: 0.3, pharma: 0.3 },
  coastal: { seafood: 3, wood: 2, agri: 1.5 },
  delta: { seafood: 5, agri: 3, food: 2, electronics: 0.2 },
  agri: { agri: 4, wood: 2.5, electronics: 0.3 },
};

export function sectorWeights(profile: Profile): number[] {
  const boost = PROFILE_BOOST[profile];
  return SECTORS.map((sector) => sector.weight * (boost[sector.tag] ?? 1));
}

const FIRST = [
  'Tân',
  'Phú',
  'Minh',
  'Hưng',
  'Thành',
  'Đại',
  'Việt',
  'Hoàng',
  'An',
  'Kim',
  'Nam',
  'Đông',
  'Trường',
  'Quang',
  'Hải',
  'Thiên',
  'Phúc',
  'Thịnh',
  'Vạn',
  'Bảo',
  'Gia',
  'Hòa',
  'Nhật',
  'Sao',
  'Thái',
  'Hồng',
  'Ngọc',
  'Đức',
  'Sơn',
  'Lộc',
] as const;
const SECOND = [
  'Phát',
  'Thịnh',
  'Đạt',
  'Long',
  'An',
  'Hưng',
  'Tiến',
  'Thành',
  'Lộc',
  'Phong',
  'Vượng',
  'Sơn',
  'Hải',
  'Khang',
  'Nguyên',
  'Mỹ',
  'Tín',
  'Lợi',
  'Quang',
  'Minh',
  'Việt',
  'Gia',
  'Bình',
  'Dương',
  'Hà',
  'Nam',
  'Anh',
  'Châu',
] as const;
const WHOLE = [
  'Bình Minh',
  'Sao Mai',
  'Phương Đông',
  'Thái Bình Dương',
  'Đại Dương',
  'Hoàng Gia',
  'Trường Sơn',
  'Hồng Hà',
  'Cửu Long',
  'Ánh Dương',
  'Bạch Đằng',
  'Rạng Đông',
  'Hải Âu',
  'Hướng Dương',
  'Tràng An',
  'Ngân Hà',
  'Sông Hồng',
  'Đông Á',
  'Toàn Cầu',
  'Tiên Phong',
] as const;
const LUCKY = ['68', '86', '79', '88', '99', '123', '365', '568', '888', '2000'] as const;

export type Origin = 'KR' | 'JP' | 'TW' | 'CN' | 'SG' | 'EU' | 'US';

// Foreign names are composed from syllables so that a few thousand firms do
// not share a handful of brands.
const KR_FIRST = [
  'Han',
  'Dae',
  'Seo',
  'Myung',
  'Sam',
  'Dong',
  'Jin',
  'Sung',
  'Hyo',
  'Bo',
  'Yeon',
  'Hae',
  'Mi',
  'Cheon',
  'Ga',
  'Woo',
  'Kwang',
  'Young',
  'Il',
  'Hwa',
  'Shin',
  'Tae',
] as const;
const KR_SECOND = [
  'vit',
  'sung',
  'jin',
  'hwa',
  'il',
  'woo',
  'san',
  'kwang',
  'yang',
  'rim',
  'won',
  'do',
  'chang',
  'min',
  'seok',
  'a',
] as const;
const KR_SUFFIX = ['', '', '', ' Tech', ' Hitech', ' Precision', ' Industrial', ' E&C'] as const;
const JP_FIRST = [
  'Sakura',
  'Tohoku',
  'Kanto',
  'Hoshino',
  'Aoba',
  'Kiyomizu',
  'Yamabuki',
  'Shirakawa',
  'Fujimori',
  'Minato',
  'Asahina',
  'Takumi',
  'Kawada',
  'Nishiki',
  'Oyama',
  'Tsubame',
  'Marukawa',
  'Hayase',
] as const;
const JP_SECOND = ['Seiki', 'Kogyo', 'Denshi', 'Precision', 'Industries', 'Giken', 'Seisakusho'] as const;
const ZH_FIRST = [
  'Jin',
  'Heng',
  'Fu',
  'Cheng',
  'Yuan',
  'Tian',
  'Long',
  'Da',
  'Xin',
  'Hua',
  'Jia',
  'Sheng',
  'Hong',
  'Rui',
  'Kai',
  'Mei',
] as const;
const ZH_SECOND = ['hong', 'tai', 'yuan', 'hsin', 'li', 'mei', 'sheng', 'feng', 'run', 'da', 'xing', 'tong'] as const;
const OTHER: Record<'SG' | 'EU' | 'US', readonly string[]> = {
  SG: ['Meridian Pacific', 'Lion Gate', 'Straits Harbour', 'Orchid Bay', 'Keppel Ridge', 'Marina Crest'],
  EU: ['Nordlicht', 'Alpenwerk', 'Vanderberg', 'Rhone Industries', 'Baltica', 'Danubia', 'Lindqvist', 'Moselle'],
  US: ['Northstar', 'Bluewave', 'Cedar Ridge', 'Great Plains', 'Redwood Valley', 'Silver Creek'],
};
const ORIGINS: Origin[] = ['KR', 'JP', 'TW', 'CN', 'SG', 'EU', 'US'];
const ORIGIN_WEIGHTS = [34, 20, 14, 16, 6, 6, 4];

function foreignBrand(rng: Rng, origin: Origin): string {
  switch (origin) {
    case 'KR':
      return `${rng.pick(KR_FIRST)}${rng.pick(KR_SECOND)}${rng.pick(KR_SUFFIX)}`;
    case 'JP':
      return `${rng.pick(JP_FIRST)} ${rng.pick(JP_SECOND)}`;
    case 'TW':
    case 'CN':
      return `${rng.pick(ZH_FIRST)}${rng.pick(ZH_SECOND)}`;
    default:
      return rng.pick(OTHER[origin]);
  }
}

export interface CompanyName {
  vi: string;
  en: string;
  origin: Origin | null;
}

export function distinctiveName(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.15) return rng.pick(WHOLE);
  let first: string = rng.pick(FIRST);
  let second: string = rng.pick(SECOND);
  while (second === first) second = rng.pick(SECOND);
  if (roll > 0.93) first = `${first} ${second}`;
  return roll > 0.93 ? `${first} ${rng.pick(LUCKY)}` : `${first} ${second}`;
}

/** A variant of a distinctive name, for when the plain one is taken in the province. */
export function withSuffix(distinct: string, attempt: number, place: string): string {
  if (attempt === 1) return `${distinct} ${place}`;
  const lucky = LUCKY[(attempt - 2) % LUCKY.length] ?? '';
  const round = Math.floor((attempt - 2) / LUCKY.length);
  return round === 0 ? `${distinct} ${lucky}` : `${distinct} ${place} ${lucky}.${round}`;
}

export function domesticName(rng: Rng, sector: Sector, distinct: string): CompanyName {
  const en = stripDiacritics(distinct);
  const roll = rng.next();
  if (roll < 0.45)
    return { vi: `Công ty TNHH ${sector.vi} ${distinct}`, en: `${en} ${sector.en} Co., Ltd.`, origin: null };
  if (roll < 0.55)
    return {
      vi: `Công ty TNHH MTV ${sector.vi} ${distinct}`,
      en: `${en} ${sector.en} One Member Co., Ltd.`,
      origin: null,
    };
  if (roll < 0.95)
    return {
      vi: `Công ty Cổ phần ${sector.vi} ${distinct}`,
      en: `${en} ${sector.en} Joint Stock Company`,
      origin: null,
    };
  return {
    vi: `Doanh nghiệp tư nhân ${sector.vi} ${distinct}`,
    en: `${en} ${sector.en} Private Enterprise`,
    origin: null,
  };
}

/** A foreign-invested firm; `place` names a second subsidiary ("Hanvit Bắc Ninh"). */
export function foreignName(rng: Rng, sector: Sector, place: string | null): CompanyName {
  const origin = rng.weighted(ORIGINS, ORIGIN_WEIGHTS);
  const brand = foreignBrand(rng, origin);
  if (place)
    return { vi: `Công ty TNHH ${brand} ${place}`, en: `${brand} ${stripDiacritics(place)} Co., Ltd.`, origin };
  const roll = rng.next();
  if (roll < 0.45) return { vi: `Công ty TNHH ${brand} Vina`, en: `${brand} Vina Co., Ltd.`, origin };
  if (roll < 0.6) return { vi: `Công ty TNHH ${brand} Việt Nam`, en: `${brand} Vietnam Co., Ltd.`, origin };
  return { vi: `Công ty TNHH ${sector.vi} ${brand} Việt Nam`, en: `${brand} ${sector.en} Vietnam Co., Ltd.`, origin };
}

const BROKER_FORMS: [string, string][] = [
  ['Công ty TNHH Dịch vụ Khai thuê Hải quan', 'Customs Declaration Services Co., Ltd.'],
  ['Công ty Cổ phần Đại lý Hải quan và Logistics', 'Customs Brokerage and Logistics Joint Stock Company'],
  ['Công ty TNHH Giao nhận và Khai báo Hải quan', 'Forwarding and Customs Clearance Co., Ltd.'],
  ['Công ty TNHH Đại lý Hải quan', 'Customs Broker Co., Ltd.'],
];

export function brokerName(rng: Rng, distinct: string): CompanyName {
  const [vi, en] = rng.pick(BROKER_FORMS);
  return { vi: `${vi} ${distinct}`, en: `${stripDiacritics(distinct)} ${en}`, origin: null };
}
