// Survey results from the maintained counts, through the shared suppression
// rule (disclosure/suppression.ts). Pure.
//
// The published table of each item (a question, a matrix row, a ranking item)
// is one tree, and nothing else is offered:
// - ordinary questions: all respondents → strata → business types within a
//   stratum. A stratum and a business type are disjoint groups of businesses, so
//   a parent is exactly the sum of its children; a business type across strata
//   is not offered (it would cross the tree with a second classification, where
//   "A + B − total" can single out the few firms in both A and B).
// - per-branch questions: all businesses that rated a branch → each branch. A
//   firm rates up to two branches, so children overlap; the hidden children are
//   counted as if they overlapped fully (the largest of them), which only ever
//   withholds more.
// suppressTree withholds every cell of 1–4 businesses and, along every sum, one
// more cell whenever the withheld part of a shown parent would hold fewer than 5
// businesses: whatever an insider computes from the shown cells of every filter
// (the filters are only views of this one tree: differences, complements, chains
// of them) is a sum over at least 5 businesses. Each item is its own table: the
// cells of one item say nothing about the answers to another.
import {
  SURVEY_MIN_CELL,
  type ResultCell,
  type ResultsQuery,
  type SurveyDefinition,
  type SurveyQuestion,
  type SurveyResults,
} from '../../../contracts/surveys.ts';
import { suppressTree, type TreeCell } from '../disclosure/suppression.ts';
import { questionsOf } from './policy.ts';

export interface CountRow {
  item: string;
  branch_id: string;
  stratum: string;
  business_type: string;
  value: string;
  count: number;
  total: number;
}

/** The item that counts respondents (once per answer). */
export const RESPONDENTS_ITEM = '*';
/** The branch of the per-branch counts that counts each business once. */
export const ANY_BRANCH = '*';

export const nodeOf = (stratum?: string | null, type?: string | null): string =>
  stratum ? (type ? `S:${stratum}|B:${type}` : `S:${stratum}`) : 'T';

interface NodeFigures {
  n: number;
  total: number;
  values: Map<string, number>;
}

function add(nodes: Map<string, NodeFigures>, node: string, row: CountRow) {
  const figures = nodes.get(node) ?? { n: 0, total: 0, values: new Map<string, number>() };
  if (row.value === '') {
    figures.n += row.count;
    figures.total += row.total;
  } else figures.values.set(row.value, (figures.values.get(row.value) ?? 0) + row.count);
  nodes.set(node, figures);
}

/** Per item: the figures of each node of its tree, and the withheld nodes. */
export interface ItemTable {
  nodes: Map<string, NodeFigures>;
  withheld: Set<string>;
}

function disjointMembers(key: string, n: number): string[] | undefined {
  return n < SURVEY_MIN_CELL ? Array.from({ length: n }, (_, i) => `${key}#${i}`) : undefined;
}

/** The tree of an ordinary item: total, strata, strata × business types; suppressed. */
export function stratumTable(rows: readonly CountRow[]): ItemTable {
  const nodes = new Map<string, NodeFigures>();
  for (const row of rows) {
    add(nodes, 'T', row);
    add(nodes, nodeOf(row.stratum), row);
    add(nodes, nodeOf(row.stratum, row.business_type), row);
  }
  const cells: TreeCell[] = [...nodes].map(([key, figures]) => ({
    key,
    parent: key === 'T' ? null : key.includes('|') ? key.split('|')[0]! : 'T',
    businesses: figures.n,
    members: disjointMembers(key, figures.n),
  }));
  return { nodes, withheld: new Set(suppressTree(cells, SURVEY_MIN_CELL).keys()) };
}

/** The tree of a per-branch item: businesses that rated any branch, then each branch; suppressed. */
export function branchTable(rows: readonly CountRow[]): ItemTable {
  const nodes = new Map<string, NodeFigures>();
  let businesses = 0;
  for (const row of rows) {
    if (row.branch_id === ANY_BRANCH) {
      if (row.value === '') businesses += row.count;
      continue;
    }
    add(nodes, 'T', row);
    add(nodes, `R:${row.branch_id}`, row);
  }
  // Overlapping children: shared member names make the hidden ones count as their largest.
  const overlapping = (n: number) => (n < SURVEY_MIN_CELL ? Array.from({ length: n }, (_, i) => `m${i}`) : undefined);
  const cells: TreeCell[] = [...nodes].map(([key, figures]) =>
    key === 'T'
      ? { key, parent: null, businesses, members: overlapping(businesses) }
      : { key, parent: 'T', businesses: figures.n, members: overlapping(figures.n) },
  );
  try {
    return { nodes, withheld: new Set(suppressTree(cells, SURVEY_MIN_CELL).keys()) };
  } catch {
    // Every branch withheld and, counted as overlapping, fewer than 5 businesses
    // behind them: the rule cannot show the total without them, so nothing is shown.
    return { nodes, withheld: new Set(nodes.keys()) };
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

function cellOf(
  table: ItemTable,
  node: string,
  item: string | null,
  label: string | null,
  withMean: boolean,
  optionKeys: readonly string[],
): ResultCell {
  const figures = table.nodes.get(node);
  if (!figures || figures.n === 0) return { item, label, withheld: false, n: 0, mean: null, options: [] };
  if (table.withheld.has(node)) return { item, label, withheld: true, n: null, mean: null, options: [] };
  const keys = optionKeys.length > 0 ? optionKeys : [...figures.values.keys()].sort((a, b) => Number(a) - Number(b));
  return {
    item,
    label,
    withheld: false,
    n: figures.n,
    mean: withMean ? round2(figures.total / figures.n) : null,
    options: keys.map((key) => {
      const count = figures.values.get(key) ?? 0;
      return { key, count, percent: round1((100 * count) / figures.n) };
    }),
  };
}

function scaleKeys(question: SurveyQuestion): string[] {
  return Array.from({ length: question.scaleMax }, (_, i) => String(i + 1));
}

/** The items of a question, each with its label and the values its distribution lists. */
function itemsOf(
  question: SurveyQuestion,
): { item: string; sub: string | null; label: string | null; keys: string[] }[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return [{ item: question.key, sub: null, label: null, keys: question.options.map((o) => o.key) }];
    case 'scale':
      return [{ item: question.key, sub: null, label: null, keys: scaleKeys(question) }];
    case 'matrix':
      return question.options.map((o) => ({
        item: `${question.key}.${o.key}`,
        sub: o.key,
        label: o.label.vi,
        keys: scaleKeys(question),
      }));
    case 'ranking':
      return question.options.map((o) => ({
        item: `${question.key}.${o.key}`,
        sub: o.key,
        label: o.label.vi,
        keys: question.options.map((_, i) => String(i + 1)),
      }));
    case 'number':
    case 'short_text':
    case 'long_text':
      return [{ item: question.key, sub: null, label: null, keys: [] }];
  }
}

const MEAN_TYPES = new Set(['scale', 'matrix', 'number', 'ranking']);

/** The results a filter asks for: every question's cell at that node of its tree. */
export function buildResults(input: {
  surveyId: string;
  title: SurveyResults['title'];
  definition: SurveyDefinition;
  rows: readonly CountRow[];
  filter: ResultsQuery;
  branches: ReadonlyMap<string, string>;
  texts: ReadonlyMap<string, string[]>;
}): SurveyResults {
  const byItem = new Map<string, CountRow[]>();
  for (const row of input.rows) {
    const list = byItem.get(row.item);
    if (list) list.push(row);
    else byItem.set(row.item, [row]);
  }
  const node = nodeOf(input.filter.stratum, input.filter.businessType);
  const respondents = stratumTable(byItem.get(RESPONDENTS_ITEM) ?? []);
  const respondentCell = cellOf(respondents, node, null, null, false, []);
  const strata = [...new Set((byItem.get(RESPONDENTS_ITEM) ?? []).map((row) => row.stratum))].sort();
  const filtered = node !== 'T';
  return {
    surveyId: input.surveyId,
    title: input.title,
    respondents: respondentCell.withheld ? null : (respondentCell.n ?? 0),
    filter: { stratum: input.filter.stratum ?? null, businessType: input.filter.businessType ?? null },
    strata,
    definition: input.definition,
    questions: questionsOf(input.definition).map(({ question }) => {
      const withMean = MEAN_TYPES.has(question.type);
      const cells = itemsOf(question).flatMap(({ item, sub, label, keys }) => {
        const rows = byItem.get(item) ?? [];
        if (!question.perBranch) return [cellOf(stratumTable(rows), node, sub, label, withMean, keys)];
        const table = branchTable(rows);
        const name = (b: string) => input.branches.get(b) ?? b;
        const branchIds = [...new Set(rows.map((r) => r.branch_id).filter((b) => b !== ANY_BRANCH))].sort((a, b) =>
          name(a).localeCompare(name(b)),
        );
        return [
          cellOf(table, 'T', sub, label, withMean, keys),
          ...branchIds.map((branch) => ({
            ...cellOf(table, `R:${branch}`, sub, label, withMean, keys),
            item: sub ? `${sub}@${branch}` : branch,
            label: [label, input.branches.get(branch) ?? branch].filter(Boolean).join(' · '),
          })),
        ];
      });
      const isText = question.type === 'short_text' || question.type === 'long_text';
      const texts = input.texts.get(question.key) ?? [];
      return {
        key: question.key,
        type: question.type,
        perBranch: question.perBranch,
        cells,
        // Free text only for all respondents together, and only from 5 writers on.
        texts: isText && !filtered && texts.length >= SURVEY_MIN_CELL ? texts : null,
      };
    }),
  };
}
