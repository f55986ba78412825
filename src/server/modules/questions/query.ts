// How a typed query becomes weighted terms (pure, no database): folded words,
// the editors' synonyms applied (a term matches any expression of its group),
// and question-shaped words ("làm thế nào", "có được … không", "how to") kept
// with little weight, so a question typed as a sentence still finds its answer.
import { foldVietnamese, searchForm } from '../../../contracts/questions.ts';

/** One expression a term may match: a sequence of folded words (a phrase when several). */
export interface Alternative {
  words: string[];
  /** From a synonym, not typed: counts a little less than the typed words. */
  synonym: boolean;
  /** The typed words of a multi-word expression, each anywhere in a field rather than side by side. */
  loose?: boolean;
}

export interface QueryTerm {
  /** What was typed (folded), and the expressions equivalent to it. */
  typed: string;
  alternatives: Alternative[];
  /** 1 for content words; question words and function words weigh little. */
  weight: number;
  /** The word as typed, lower case, when it carries Vietnamese marks (exact-diacritic bonus). */
  marked: string | null;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The folded query (for logging and typo correction). */
  phrase: string;
}

export const MAX_TERMS = 10;
export const QUESTION_WEIGHT = 0.15;

/** Phrases that shape a question rather than say what it is about (folded; longest first when matching). */
const QUESTION_PHRASES = [
  'lam the nao de',
  'lam the nao',
  'nhu the nao',
  'the nao',
  'ra sao',
  'co duoc khong',
  'co duoc',
  'duoc khong',
  'co phai',
  'hay khong',
  'nhung gi',
  'la gi',
  'gom nhung gi',
  'can lam gi',
  'o dau',
  'khi nao',
  'bao gio',
  'thu tuc',
  'quy dinh',
  'huong dan',
  'how to',
  'how do i',
  'how do we',
  'how can i',
  'what is',
  'what are',
  'do i need',
].map((p) => p.split(' '));

/** Vietnamese function words as typed with their marks, and (folded) as typed without. */
const LIGHT_VI = new Set(
  (
    'có không được là gì cho của và với thì mà nào những các một để khi sau trước tại trong về theo cần phải ' +
    'tôi chúng doanh nghiệp như vậy này đó bị đã sẽ đang hay hoặc rồi nữa'
  ).split(' '),
);
const LIGHT_VI_FOLDED = new Set([...LIGHT_VI].map((word) => foldVietnamese(word)));
/** English function words: light only when typed without Vietnamese marks ("to" is not "tờ"). */
const LIGHT_EN = new Set(
  (
    'how what when where which who why do does did i we my our you a an the to of for in on at by with is are be ' +
    'can should must need get got it this that from about as or and'
  ).split(' '),
);

/** Whether a word carries little: a function word, typed as such. */
function isLight(folded: string, raw: string): boolean {
  if (raw !== folded) return LIGHT_VI.has(raw);
  return LIGHT_EN.has(folded) || LIGHT_VI_FOLDED.has(folded);
}

/** An expression of a synonym group: its folded words, and the same in lower case with their marks. */
export interface SynonymExpression {
  words: string[];
  raw: string[];
}
/** A synonym group as the query sees it. */
export type SynonymGroup = SynonymExpression[];

export function foldSynonyms(groups: string[][]): SynonymGroup[] {
  return groups
    .map((terms) => {
      const expressions = new Map<string, SynonymExpression>();
      for (const term of terms) {
        const raw = rawWords(term);
        const words = raw.map((word) => foldVietnamese(word));
        if (words.length > 0 && !expressions.has(words.join(' '))) expressions.set(words.join(' '), { words, raw });
      }
      return [...expressions.values()];
    })
    .filter((group) => group.length >= 2);
}

const startsAt = (words: string[], at: number, phrase: string[]) =>
  phrase.length > 0 && phrase.every((word, i) => words[at + i] === word);

/** A word typed with marks matches only the same marks ("thuê" is not "thuế"); typed without, any. */
const sameMarks = (typed: string[], at: number, expression: SynonymExpression) =>
  expression.raw.every((raw, i) => {
    const word = typed[at + i] ?? '';
    return word === foldVietnamese(word) || word === raw;
  });

/** Splits a query as typed into its raw lower-case words, aligned with the folded ones. */
function rawWords(q: string): string[] {
  // foldVietnamese keeps one character per character, so the folded form splits where the raw one does.
  const folded = foldVietnamese(q);
  const lower = q.toLowerCase();
  const words: string[] = [];
  let current = '';
  let raw = '';
  for (let i = 0; i < folded.length; i++) {
    const char = folded[i]!;
    if (/[\p{L}\p{N}/]/u.test(char)) {
      current += char;
      raw += lower[i] ?? char;
    } else if (current) {
      words.push(raw);
      current = '';
      raw = '';
    }
  }
  if (current) words.push(raw);
  return words;
}

/**
 * The terms of a query: synonyms matched greedily (longest expression first),
 * question phrases and function words weighted down, duplicates dropped, at
 * most MAX_TERMS terms (content terms kept first).
 */
export function parseTerms(q: string | undefined, synonyms: SynonymGroup[] = []): ParsedQuery {
  const input = (q ?? '').slice(0, 200);
  const phrase = searchForm(input).slice(0, 200);
  const words = phrase.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word));
  const raws = rawWords(input);
  const marks = raws.length === words.length ? raws : words;
  const expressions = synonyms
    .flatMap((group) => group.map((expression) => ({ ...expression, group })))
    .sort((a, b) => b.words.length - a.words.length);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (let at = 0; at < words.length;) {
    const question = QUESTION_PHRASES.find((p) => p.length > 1 && startsAt(words, at, p));
    const synonym = expressions.find((e) => startsAt(words, at, e.words) && sameMarks(marks, at, e));
    // A synonym at least as long as a question phrase wins ("thủ tục hải quan" stays whole only if declared).
    if (synonym && (!question || synonym.words.length >= question.length)) {
      const typed = synonym.words.join(' ');
      const alternatives: Alternative[] = synonym.group.map((e) => ({
        words: e.words,
        synonym: e.words.join(' ') !== typed,
      }));
      // "sản xuất xuất khẩu" also found as "sản xuất hàng xuất khẩu": its words apart count, a little less.
      if (synonym.words.length > 1) alternatives.push({ words: synonym.words, synonym: false, loose: true });
      if (!seen.has(typed)) terms.push({ typed, alternatives, weight: 1, marked: null });
      seen.add(typed);
      at += synonym.words.length;
      continue;
    }
    if (question) {
      for (const word of question) {
        if (!seen.has(word))
          terms.push({
            typed: word,
            alternatives: [{ words: [word], synonym: false }],
            weight: QUESTION_WEIGHT,
            marked: null,
          });
        seen.add(word);
      }
      at += question.length;
      continue;
    }
    const word = words[at]!;
    const raw = marks[at] ?? word;
    if (!seen.has(word)) {
      terms.push({
        typed: word,
        alternatives: [{ words: [word], synonym: false }],
        weight: isLight(word, raw) ? QUESTION_WEIGHT : 1,
        marked: raw !== word ? raw : null,
      });
    }
    seen.add(word);
    at += 1;
  }
  const content = terms.filter((term) => term.weight >= 1);
  const light = terms.filter((term) => term.weight < 1);
  const kept = new Set([...content, ...light].slice(0, MAX_TERMS));
  return { terms: terms.filter((term) => kept.has(term)), phrase };
}

/** Every folded word of every term (typed and synonyms): what search results mark. */
export function markedWords(terms: QueryTerm[]): string[] {
  const marks = new Set<string>();
  for (const term of terms) {
    if (term.weight < 1) continue;
    for (const alternative of term.alternatives) marks.add(alternative.words.join(' '));
  }
  return [...marks].sort((a, b) => b.length - a.length);
}
