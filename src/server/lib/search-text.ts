// Text folded for search without diacritics: "hoan thue" finds "Hoàn thuế".
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern for folded text, with the wildcards in the input escaped. */
export function foldedLike(query: string): string {
  return `%${foldText(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
