// Consultation on draft legal documents: the draft, its articles, comments with
// their dispositions, associations' private member views, change links, notices.
import type { ColumnType, Generated } from 'kysely';
import type { Json } from './common.ts';

type DateText = ColumnType<string | null, string | null | undefined, string | null>;

export interface ConsultationsTable {
  id: Generated<string>;
  owner_unit_id: string;
  title: string;
  summary: Generated<string>;
  doc_type: string;
  phase: Generated<'draft' | 'open' | 'closed' | 'published'>;
  opens_at: Date;
  closes_at: Date;
  response_due_on: DateText;
  audience: Generated<'all' | 'list'>;
  audience_association_ids: Generated<string[]>;
  audience_enterprise_ids: Generated<string[]>;
  topics: Generated<string[]>;
  questions: Json<{ key: string; text: string }[]>;
  extensions: Json<{ at: string; from: string; to: string; reason: string }[]>;
  response_summary: Generated<string>;
  grouped_at: Date | null;
  published_at: Date | null;
  legal_document_id: string | null;
  search_text: Generated<string>;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ConsultationArticlesTable {
  consultation_id: string;
  version: number;
  number: number;
  heading: Generated<string>;
  body: string;
}

export interface ConsultationCommentsTable {
  id: Generated<string>;
  consultation_id: string;
  article_number: number | null;
  clause: string | null;
  body: string;
  proposed_wording: string | null;
  answers: Json<Record<string, string>>;
  kind: 'enterprise' | 'association';
  enterprise_id: string | null;
  association_id: string | null;
  author_user_id: string | null;
  anonymous: Generated<boolean>;
  represented_count: number | null;
  cosigner_ids: Generated<string[]>;
  status: Generated<'active' | 'withdrawn'>;
  group_id: string | null;
  disposition: 'accepted' | 'partly' | 'not_accepted' | 'noted' | null;
  reason: string | null;
  disposed_by: string | null;
  disposed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ConsultationMemberViewsTable {
  id: Generated<string>;
  consultation_id: string;
  association_id: string;
  enterprise_id: string;
  author_user_id: string;
  article_number: number | null;
  body: string;
  created_at: Date;
}

export interface ConsultationChangeLinksTable {
  consultation_id: string;
  article_number: number;
  comment_id: string;
}

export interface ConsultationNoticesTable {
  id: Generated<string>;
  user_id: string;
  consultation_id: string;
  comment_id: string | null;
  created_at: Date;
  read_at: Date | null;
}
