// Vietnamese personal names: family name weighted by its share of the
// population, a middle name that fits the gender, a given name.
import type { Rng } from './random.ts';

// Approximate shares (%) of the most common family names.
const FAMILY_NAMES = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 3],
  ['Huỳnh', 2.1],
  ['Phan', 4.5],
  ['Vũ', 2.4],
  ['Võ', 1.5],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.8],
  ['Trịnh', 0.6],
  ['Đào', 0.6],
  ['Mai', 0.4],
] as const;

const MALE_MIDDLE = [
  'Văn',
  'Văn',
  'Đức',
  'Quốc',
  'Hữu',
  'Minh',
  'Thanh',
  'Quang',
  'Công',
  'Xuân',
  'Mạnh',
  'Tiến',
  'Ngọc',
  'Trung',
  'Duy',
] as const;
const FEMALE_MIDDLE = [
  'Thị',
  'Thị',
  'Thị',
  'Thu',
  'Ngọc',
  'Thanh',
  'Minh',
  'Phương',
  'Thùy',
  'Hồng',
  'Kim',
  'Diệu',
  'Bích',
  'Hải',
] as const;
// After "Thị", women often carry a second middle name ("Nguyễn Thị Thu Hà").
const FEMALE_SECOND_MIDDLE = [
  'Thu',
  'Ngọc',
  'Thanh',
  'Minh',
  'Phương',
  'Thùy',
  'Hồng',
  'Kim',
  'Lan',
  'Mai',
  'Hoài',
  'Bảo',
] as const;

const MALE_GIVEN = [
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Long',
  'Minh',
  'Nam',
  'Quân',
  'Quang',
  'Sơn',
  'Tuấn',
  'Việt',
  'Thắng',
  'Toàn',
  'Huy',
  'Khoa',
  'Phong',
  'Trung',
  'Hiếu',
  'Đạt',
  'Tùng',
  'Kiên',
  'Thành',
  'Hưng',
  'Lâm',
  'Vinh',
  'Tâm',
  'Ngọc',
  'Đông',
  'Khánh',
  'Thái',
  'Phúc',
  'Lộc',
  'Duy',
] as const;
const FEMALE_GIVEN = [
  'Anh',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Ngọc',
  'Phương',
  'Tâm',
  'Thảo',
  'Trang',
  'Yến',
  'Mai',
  'Nhung',
  'Huyền',
  'Giang',
  'Thủy',
  'Vân',
  'Loan',
  'Hằng',
  'Dung',
  'Oanh',
  'Nga',
  'Thư',
  'Quỳnh',
  'Chi',
  'Hiền',
  'Liên',
  'Ly',
  'Uyên',
  'Vy',
] as const;

const familyNames = FAMILY_NAMES.map(([name]) => name);
const familyWeights = FAMILY_NAMES.map(([, weight]) => weight);

export interface PersonName {
  fullName: string;
  gender: 'male' | 'female';
}

export function personName(rng: Rng): PersonName {
  const gender = rng.chance(0.5) ? 'female' : 'male';
  const family = rng.weighted(familyNames, familyWeights);
  if (gender === 'male') {
    const middle = rng.pick(MALE_MIDDLE);
    let given = rng.pick(MALE_GIVEN);
    if (given === middle) given = rng.pick(MALE_GIVEN.filter((name) => name !== middle));
    return { fullName: `${family} ${middle} ${given}`, gender };
  }
  const middle = rng.pick(FEMALE_MIDDLE);
  const parts: string[] = [family, middle];
  if (middle === 'Thị' && rng.chance(0.35)) parts.push(rng.pick(FEMALE_SECOND_MIDDLE));
  let given = rng.pick(FEMALE_GIVEN);
  while (parts.includes(given)) given = rng.pick(FEMALE_GIVEN);
  parts.push(given);
  return { fullName: parts.join(' '), gender };
}
