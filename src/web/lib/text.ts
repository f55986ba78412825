// Diacritics-insensitive matching: "hai phong" finds "Hải Phòng", "dinh vu" finds "Đình Vũ".
export function normalizeText(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .trim();
}

export function matchesText(haystack: string, normalizedNeedle: string): boolean {
  return normalizedNeedle === '' || normalizeText(haystack).includes(normalizedNeedle);
}
