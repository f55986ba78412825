// The question-bank entry form: what the editor holds, from and to the API's shapes.
import type { OfficerEntry } from '../../../contracts/questions.ts';

export interface EntryValues {
  category: string | null;
  tags: string[];
  titleVi: string;
  bodyVi: string;
  titleEn: string;
  bodyEn: string;
  /** An empty effective date is a blank input, sent as null. */
  legalBasis: { document: string; article: string; effectiveDate: string }[];
}

export const EMPTY_ENTRY: EntryValues = {
  category: null,
  tags: [],
  titleVi: '',
  bodyVi: '',
  titleEn: '',
  bodyEn: '',
  legalBasis: [],
};

/** The form's values for a saved entry. */
export function entryToValues(entry: OfficerEntry): EntryValues {
  return {
    category: entry.category,
    tags: entry.tags,
    titleVi: entry.titleVi,
    bodyVi: entry.bodyVi,
    titleEn: entry.titleEn,
    bodyEn: entry.bodyEn,
    legalBasis: entry.legalBasis.map((l) => ({ ...l, effectiveDate: l.effectiveDate ?? '' })),
  };
}

/** What the form sends to be checked by `entryBody`: no category is undefined, a blank date null. */
export function valuesToEntryInput(values: EntryValues) {
  return {
    ...values,
    category: values.category ?? undefined,
    legalBasis: values.legalBasis.map((l) => ({ ...l, effectiveDate: l.effectiveDate || null })),
  };
}
