// What rated parties may see: the published cells of each released month.
import type { Generated } from 'kysely';
import type { Json } from './common.ts';

export interface DisclosureReleasesTable {
  table_name: string;
  /** First day of the month ('YYYY-MM-01'). */
  month: string;
  released_at: Date;
  shown: number;
  withheld: number;
}

export interface DisclosureCellsTable {
  table_name: string;
  month: string;
  /** 'unit:<id>', 'own:<id>' or 'officer:<id>@<unit id>'. */
  node: string;
  parent: string | null;
  kind: 'unit' | 'own' | 'officer';
  unit_id: string;
  officer_id: string | null;
  businesses: number;
  /** Declarations rated (service ratings) or requests rated (support answers). */
  items: number;
  /** The table's additive counts (sums over the cell). */
  counts: Json<Record<string, number>>;
}

export interface DisclosureCommentBatchesTable {
  id: Generated<string>;
  table_name: string;
  node: string;
  unit_id: string;
  officer_id: string | null;
  first_month: string;
  /** The month whose release published the batch. */
  month: string;
  /** Shuffled texts, without dates or authors. */
  comments: Json<string[]>;
}
