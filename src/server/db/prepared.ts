// Named (prepared) statements for the few hot queries. The database plans a
// named statement once per connection instead of on every call, which for the
// submission path's big statements costs more than running them. Opt-in by
// exact SQL text, so ad-hoc queries never pile up as prepared statements.
import type { CompiledQuery, Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

const names = new Map<string, string>();

/** Marks a SQL text (as compiled, with $n placeholders) to run as a named statement. */
export function prepareStatement(name: string, text: string): string {
  const known = names.get(text);
  if (known && known !== name) throw new Error(`statement prepared twice under ${known} and ${name}`);
  names.set(text, name);
  return text;
}

/**
 * Plans a named statement once, for any parameters: the planner's custom plans for
 * these statements were no better (their inputs are JSON and arrays it cannot
 * estimate) and planning took longer than running them. Only named statements
 * are affected, and only the registered ones are named.
 */
export const GENERIC_PLANS = 'set plan_cache_mode = force_generic_plan';

/** A pg client that runs the registered SQL texts as named statements; everything else as before. */
export class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name = typeof text === 'string' && Array.isArray(values) && args.length === 2 ? names.get(text) : undefined;
    const query = super.query.bind(this) as (...a: unknown[]) => never;
    return name ? query({ name, text, values }) : query(...args);
  }
}

/** Runs a compiled query as the named statement `name` (its parameters may differ call to call, its text may not). */
export async function executePrepared<R>(db: Kysely<Database>, name: string, query: CompiledQuery<R>): Promise<R[]> {
  prepareStatement(name, query.sql);
  return (await db.executeQuery(query)).rows;
}
