// The caller's language: an explicit choice (cookie or query) wins, then
// Accept-Language; Vietnamese by default.
export type Locale = 'vi' | 'en';

export function pickLocale(input: { cookie?: string | undefined; acceptLanguage?: string | undefined }): Locale {
  if (input.cookie === 'en' || input.cookie === 'vi') return input.cookie;
  const header = input.acceptLanguage?.toLowerCase() ?? '';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}
