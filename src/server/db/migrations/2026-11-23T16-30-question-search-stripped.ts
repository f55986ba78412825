// Frozen: the rank-order walk of the question-bank search tests each of the
// first rows' words against the query, and most of its time went to reading
// the whole text's word list with the positions of every word (about 1.6 kB a
// row). Nothing reads the positions (results are ordered by views and number,
// highlighting is done on the text), so `qa_search` keeps its word lists
// stripped of them (about 1 kB); the word indexes are unchanged. A rebuild
// empties the tables at once rather than row by row.
import { sql, type Kysely } from 'kysely';

const syncFunction = (strip: boolean) => {
  const words = (column: string) => (strip ? `strip(to_tsvector('simple', ${column}))` : `to_tsvector('simple', ${column})`);
  return `
    create or replace function qa_search_sync() returns trigger language plpgsql as $fn$
    declare
      v_title tsvector;
      v_doc tsvector;
    begin
      if tg_op = 'DELETE' then
        delete from qa_search where entry_id = old.id;
        return null;
      end if;
      if new.status <> 'published' then
        if tg_op = 'UPDATE' and old.status = 'published' then
          delete from qa_search where entry_id = new.id;
        end if;
        return null;
      end if;
      if tg_op = 'UPDATE' and old.status = 'published' and old.search_title = new.search_title and old.search_text = new.search_text then
        update qa_search set views = new.views, number = new.number, category = new.category, tags = new.tags
        where entry_id = new.id
          and (views, number, category, tags) is distinct from (new.views, new.number, new.category, new.tags);
        if found or exists (select 1 from qa_search where entry_id = new.id) then
          return null;
        end if;
      end if;
      v_title := ${words('new.search_title')};
      v_doc := ${words('new.search_text')};
      insert into qa_search (entry_id, number, views, category, tags, title, doc)
      values (new.id, new.number, new.views, new.category, new.tags, v_title, v_doc)
      on conflict (entry_id) do update set number = excluded.number, views = excluded.views, category = excluded.category,
        tags = excluded.tags, title = excluded.title, doc = excluded.doc;
      insert into qa_search_words (entry_id, title, doc) values (new.id, v_title, v_doc)
      on conflict (entry_id) do update set title = excluded.title, doc = excluded.doc;
      insert into qa_words (word) select lexeme from unnest(v_doc) on conflict do nothing;
      return null;
    end
    $fn$;

    create or replace function qa_search_rebuild() returns void language plpgsql as $fn$
    begin
      -- Rows first, indexes after: far faster than growing a GIN index row by row.
      drop index if exists qa_search_rank_idx;
      drop index if exists qa_search_words_title_idx;
      drop index if exists qa_search_words_doc_idx;
      -- Emptied, not deleted row by row: no dead rows left for the walk to step over (no autovacuum in PGlite).
      truncate qa_search, qa_search_words;
      insert into qa_search (entry_id, number, views, category, tags, title, doc)
      select id, number, views, category, tags, ${words('search_title')}, ${words('search_text')}
      from qa_entries where status = 'published';
      insert into qa_search_words (entry_id, title, doc) select entry_id, title, doc from qa_search;
      create index qa_search_rank_idx on qa_search (views desc, number);
      -- No pending list: queries never scan unsorted entries (there is no autovacuum in PGlite).
      create index qa_search_words_title_idx on qa_search_words using gin (title) with (fastupdate = off);
      create index qa_search_words_doc_idx on qa_search_words using gin (doc) with (fastupdate = off);
      insert into qa_words (word)
      select word from ts_stat('select doc from qa_search')
      on conflict do nothing;
      analyze qa_search;
      analyze qa_search_words;
      analyze qa_words;
    end
    $fn$;`;
};

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(syncFunction(true)).execute(db);
  await sql`select qa_search_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(syncFunction(false)).execute(db);
  await sql`select qa_search_rebuild()`.execute(db);
}
