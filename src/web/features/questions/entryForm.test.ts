import { describe, expect, it } from 'vitest';
import { entryBody, type OfficerEntry } from '../../../contracts/questions.ts';
import { EMPTY_ENTRY, entryToValues, valuesToEntryInput } from './entryForm.ts';

const saved = {
  category: 'hs_code',
  tags: ['mã HS', 'phân loại'],
  titleVi: 'Phân loại máy pha cà phê gia dụng',
  bodyVi: 'Máy pha cà phê gia dụng thuộc nhóm 85.16 theo Biểu thuế.',
  titleEn: '',
  bodyEn: '',
  legalBasis: [
    { document: 'Thông tư 31/2022/TT-BTC', article: 'Điều 2', effectiveDate: '2022-12-01' },
    { document: 'Luật Hải quan 2014', article: '', effectiveDate: null },
  ],
} as unknown as OfficerEntry;

describe('the question-bank entry form', () => {
  it('shows a missing effective date as a blank input', () => {
    expect(entryToValues(saved).legalBasis.map((l) => l.effectiveDate)).toEqual(['2022-12-01', '']);
  });

  it('sends a blank effective date as null, so the contract accepts it', () => {
    const input = valuesToEntryInput(entryToValues(saved));
    expect(input.legalBasis.map((l) => l.effectiveDate)).toEqual(['2022-12-01', null]);
    const parsed = entryBody.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.legalBasis).toEqual(saved.legalBasis);
  });

  it('sends no category as missing, which the contract reports on the category field', () => {
    const input = valuesToEntryInput({ ...entryToValues(saved), category: null });
    expect(input.category).toBeUndefined();
    const parsed = entryBody.safeParse(input);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['category']);
  });

  it('starts a new entry empty', () => {
    expect(valuesToEntryInput(EMPTY_ENTRY)).toEqual({
      category: undefined,
      tags: [],
      titleVi: '',
      bodyVi: '',
      titleEn: '',
      bodyEn: '',
      legalBasis: [],
    });
  });
});
