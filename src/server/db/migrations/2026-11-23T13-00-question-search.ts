// Frozen: a word index for the question-bank search. `qa_search` holds one row
// per published entry (rank fields and two tsvectors of the folded title and
// whole text: the 'simple' configuration only splits words, the text is already
// folded), walked in rank order; `qa_search_words` holds the same tsvectors
// under GIN indexes. Both are kept in step with
// qa_entries by a trigger; `qa_words` is the dictionary of the words of
// published entries (never pruned): query words are expanded to the known words
// they start (exact index entries are far cheaper than prefix scans), and words
// without digits serve to correct typos. `qa_search_rebuild()` refills both (backfill, bulk loads).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table qa_search (
      entry_id uuid primary key references qa_entries(id) on delete cascade,
      number integer not null,
      views integer not null,
      category text not null,
      tags text[] not null,
      title tsvector not null,
      doc tsvector not null
    );
    -- The same words again, with the word indexes: a view counted on an entry
    -- rewrites its qa_search row but never touches these indexes.
    create table qa_search_words (
      entry_id uuid primary key references qa_search(entry_id) on delete cascade,
      title tsvector not null,
      doc tsvector not null
    );

    create table qa_words (word text primary key);
    create index qa_words_prefix_idx on qa_words (word text_pattern_ops);
    create index qa_words_trgm_idx on qa_words using gin (word gin_trgm_ops) where word !~ '[0-9/]';

    create function qa_search_sync() returns trigger language plpgsql as $fn$
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
      v_title := to_tsvector('simple', new.search_title);
      v_doc := to_tsvector('simple', new.search_text);
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
    create trigger qa_search_sync after insert or update or delete on qa_entries
      for each row execute function qa_search_sync();

    create function qa_search_rebuild() returns void language plpgsql as $fn$
    begin
      -- Rows first, indexes after: far faster than growing a GIN index row by row.
      drop index if exists qa_search_rank_idx;
      drop index if exists qa_search_words_title_idx;
      drop index if exists qa_search_words_doc_idx;
      delete from qa_search;
      insert into qa_search (entry_id, number, views, category, tags, title, doc)
      select id, number, views, category, tags, to_tsvector('simple', search_title), to_tsvector('simple', search_text)
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
    $fn$;

    select qa_search_rebuild();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger qa_search_sync on qa_entries;
    drop function qa_search_sync();
    drop function qa_search_rebuild();
    drop table qa_words;
    drop table qa_search_words;
    drop table qa_search;
  `.execute(db);
}
