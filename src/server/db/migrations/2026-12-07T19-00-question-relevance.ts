// Frozen: relevance for the question-bank search.
// - `qa_words.df`: in how many published entries each word occurs (document
//   frequency), kept by the sync trigger, so a query weighs its words by rarity
//   (BM25) without counting anything at query time.
// - `qa_synonyms`: groups of expressions editors declare equivalent ("C/O" =
//   "giấy chứng nhận xuất xứ"), applied to queries when they run: no re-index.
//   A starter list from the customs domain is inserted here.
// - `qa_searches.opened_at`: a search whose results someone opened, so the
//   officers' report also lists searches whose results nobody opened.
import { sql, type Kysely } from 'kysely';

const STARTER: string[][] = [
  ['C/O', 'giấy chứng nhận xuất xứ', 'chứng nhận xuất xứ', 'certificate of origin'],
  ['mã HS', 'HS', 'mã số hàng hóa', 'phân loại hàng hóa', 'HS code'],
  ['AEO', 'doanh nghiệp ưu tiên', 'authorised economic operator', 'authorized economic operator'],
  ['luồng đỏ', 'kiểm tra thực tế', 'red channel', 'physical inspection'],
  ['luồng vàng', 'kiểm tra hồ sơ', 'yellow channel', 'documentary examination'],
  ['luồng xanh', 'green channel'],
  ['SXXK', 'sản xuất xuất khẩu', 'export production'],
  ['TNTX', 'tạm nhập tái xuất', 'temporary import for re-export'],
  ['chữ ký số', 'chứng thư số', 'digital signature'],
  ['hoàn thuế', 'refund', 'tax refund', 'duty refund'],
  ['miễn thuế', 'exemption', 'duty exemption', 'tax exemption'],
  ['không thu thuế', 'non-collection'],
  ['hủy tờ khai', 'cancel declaration', 'cancelling a declaration'],
  ['khai bổ sung', 'sửa tờ khai', 'amend declaration', 'amending a declaration'],
  ['tờ khai', 'declaration'],
  ['thông quan', 'clearance'],
  ['kho ngoại quan', 'bonded warehouse'],
  ['chuyển phát nhanh', 'express', 'express shipment'],
  ['thương mại điện tử', 'TMĐT', 'e-commerce', 'ecommerce'],
  ['trị giá hải quan', 'xác định trị giá', 'customs valuation', 'customs value'],
  ['tham vấn giá', 'tham vấn trị giá', 'price consultation'],
  ['quá cảnh', 'transit'],
  ['kiểm tra chuyên ngành', 'KTCN', 'specialised inspection', 'specialized inspection'],
  ['một cửa quốc gia', 'NSW', 'national single window'],
  ['gia công', 'processing'],
  ['hàng mẫu', 'sample', 'samples'],
  ['máy móc', 'machinery', 'machine'],
  ['nhập khẩu', 'NK', 'import', 'imports', 'imported'],
  ['xuất khẩu', 'XK', 'export', 'exports', 'exported'],
  ['thuế', 'tax', 'duty'],
  ['hải quan', 'HQ', 'customs'],
  ['xuất xứ', 'origin'],
  ['dự án đầu tư', 'investment project'],
  ['VNACCS', 'VCIS', 'hệ thống khai báo hải quan'],
  ['thời hạn', 'bao lâu', 'deadline', 'how long'],
  ['phế liệu', 'scrap'],
  ['khiếu nại', 'complaint'],
  ['xử phạt', 'phạt', 'penalty', 'fine'],
  ['đã qua sử dụng', 'cũ', 'used', 'second-hand'],
];

const syncFunction = (withDf: boolean) => {
  const words = (column: string) => `strip(to_tsvector('simple', ${column}))`;
  const addWords = withDf
    ? `insert into qa_words (word, df) select lexeme, 1 from unnest(v_doc) on conflict (word) do update set df = qa_words.df + 1;`
    : `insert into qa_words (word) select lexeme from unnest(v_doc) on conflict do nothing;`;
  // The words of the entry as it was indexed (its old text: by an after-delete trigger, a cascade has already removed its qa_search row).
  const dropWords = withDf
    ? `if tg_op <> 'INSERT' and old.status = 'published' then
          update qa_words set df = greatest(df - 1, 0) where word in (select lexeme from unnest(to_tsvector('simple', old.search_text)));
        end if;`
    : '';
  return `
    create or replace function qa_search_sync() returns trigger language plpgsql as $fn$
    declare
      v_title tsvector;
      v_doc tsvector;
    begin
      if tg_op = 'DELETE' then
        ${dropWords}
        delete from qa_search where entry_id = old.id;
        return null;
      end if;
      if new.status <> 'published' then
        if tg_op = 'UPDATE' and old.status = 'published' then
          ${dropWords}
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
      ${dropWords}
      v_title := ${words('new.search_title')};
      v_doc := ${words('new.search_text')};
      insert into qa_search (entry_id, number, views, category, tags, title, doc)
      values (new.id, new.number, new.views, new.category, new.tags, v_title, v_doc)
      on conflict (entry_id) do update set number = excluded.number, views = excluded.views, category = excluded.category,
        tags = excluded.tags, title = excluded.title, doc = excluded.doc;
      insert into qa_search_words (entry_id, title, doc) values (new.id, v_title, v_doc)
      on conflict (entry_id) do update set title = excluded.title, doc = excluded.doc;
      ${addWords}
      return null;
    end
    $fn$;

    create or replace function qa_search_rebuild() returns void language plpgsql as $fn$
    begin
      drop index if exists qa_search_rank_idx;
      drop index if exists qa_search_words_title_idx;
      drop index if exists qa_search_words_doc_idx;
      truncate qa_search, qa_search_words;
      insert into qa_search (entry_id, number, views, category, tags, title, doc)
      select id, number, views, category, tags, ${words('search_title')}, ${words('search_text')}
      from qa_entries where status = 'published';
      insert into qa_search_words (entry_id, title, doc) select entry_id, title, doc from qa_search;
      create index qa_search_rank_idx on qa_search (views desc, number);
      create index qa_search_words_title_idx on qa_search_words using gin (title) with (fastupdate = off);
      create index qa_search_words_doc_idx on qa_search_words using gin (doc) with (fastupdate = off);
      ${withDf ? 'update qa_words set df = 0 where df <> 0;' : ''}
      insert into qa_words (word${withDf ? ', df' : ''})
      select word${withDf ? ', ndoc' : ''} from ts_stat('select doc from qa_search')
      on conflict (word) do ${withDf ? 'update set df = excluded.df' : 'nothing'};
      analyze qa_search;
      analyze qa_search_words;
      analyze qa_words;
    end
    $fn$;`;
};

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table qa_words add column df integer not null default 0;
    alter table qa_searches add column opened_at timestamptz;
    create index qa_searches_found_idx on qa_searches (at desc) where results > 0;
    create table qa_synonyms (
      id uuid primary key default gen_random_uuid(),
      terms text[] not null check (cardinality(terms) between 2 and 12),
      created_by_user_id uuid references users(id),
      updated_by_user_id uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
  `.execute(db);
  for (const terms of STARTER) await sql`insert into qa_synonyms (terms) values (${terms}::text[])`.execute(db);
  await sql.raw(syncFunction(true)).execute(db);
  await sql`select qa_search_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(syncFunction(false)).execute(db);
  await sql`
    drop table qa_synonyms;
    drop index qa_searches_found_idx;
    alter table qa_searches drop column opened_at;
    alter table qa_words drop column df;
  `.execute(db);
}
