import { describe, expect, it } from 'vitest';
import { splitArticles, wordDiff } from '../../../contracts/consultations.ts';
import { groupNearDuplicates, inAudience, jaccard, pairScores, phaseAt, responseLate, shingles } from './policy.ts';

describe('consultation policy', () => {
  it('splits a draft on "Điều N." headings', () => {
    expect(splitArticles('Lời nói đầu\nĐiều 1. Phạm vi\nNội dung\n\nĐiều 2: Đối tượng\nA')).toEqual([
      { number: 1, heading: 'Phạm vi', body: 'Nội dung' },
      { number: 2, heading: 'Đối tượng', body: 'A' },
    ]);
    expect(splitArticles('no articles')).toBeNull();
    expect(splitArticles('Điều 1. A\nĐiều 1. B')).toBeNull();
  });

  it('diffs word by word', () => {
    expect(wordDiff('trong 10 ngày làm việc', 'trong 05 ngày làm việc')).toEqual([
      { op: 'same', text: 'trong ' },
      { op: 'del', text: '10' },
      { op: 'add', text: '05' },
      { op: 'same', text: ' ngày làm việc' },
    ]);
  });

  it('closes an open consultation at its closing time; a late response is flagged', () => {
    const row = { phase: 'open' as const, closes_at: new Date('2026-12-10T10:00:00Z') };
    expect(phaseAt(row, new Date('2026-12-10T09:59:59Z'))).toBe('open');
    expect(phaseAt(row, new Date('2026-12-10T10:00:00Z'))).toBe('closed');
    const day = (d: Date) => d.toISOString().slice(0, 10);
    expect(responseLate({ response_due_on: '2026-12-20', published_at: null }, '2026-12-21', day)).toBe(true);
    expect(
      responseLate(
        { response_due_on: '2026-12-20', published_at: new Date('2026-12-19T00:00:00Z') },
        '2026-12-25',
        day,
      ),
    ).toBe(false);
  });

  it('lets only the listed associations, their members and listed enterprises comment on a restricted draft', () => {
    const row = { audience: 'list' as const, audience_association_ids: ['A'], audience_enterprise_ids: ['E1'] };
    expect(inAudience(row, { kind: 'enterprise', enterpriseId: 'E1', associationId: null, memberOf: [] })).toBe(true);
    expect(inAudience(row, { kind: 'enterprise', enterpriseId: 'E2', associationId: null, memberOf: ['A'] })).toBe(
      true,
    );
    expect(inAudience(row, { kind: 'enterprise', enterpriseId: 'E3', associationId: null, memberOf: ['B'] })).toBe(
      false,
    );
    expect(inAudience(row, { kind: 'association', enterpriseId: null, associationId: 'B', memberOf: [] })).toBe(false);
  });

  it('groups the same text with and without diacritics, and close wording, per article', () => {
    const a = 'Đề nghị bỏ yêu cầu nộp bản chụp hợp đồng xuất khẩu vì thông tin đã có trên hệ thống';
    expect(
      jaccard(
        shingles(a),
        shingles('De nghi bo yeu cau nop ban chup hop dong xuat khau vi thong tin da co tren he thong'),
      ),
    ).toBe(1);
    const groups = groupNearDuplicates([
      { id: '1', articleNumber: 2, text: a },
      { id: '2', articleNumber: 2, text: a.toUpperCase() },
      {
        id: '3',
        articleNumber: 2,
        text: 'De nghi bo yeu cau nop ban chup hop dong xuat khau vi thong tin da co tren he thong.',
      },
      {
        id: '4',
        articleNumber: 2,
        text: 'Đề nghị bỏ yêu cầu nộp bản chụp hợp đồng xuất khẩu vì thông tin hiện đã có trên hệ thống',
      },
      { id: '5', articleNumber: 3, text: a },
      { id: '6', articleNumber: 2, text: 'Thời hạn giải quyết 10 ngày là quá dài đối với doanh nghiệp ưu tiên' },
    ]);
    expect([...groups.entries()]).toEqual([
      ['1', '1'],
      ['2', '1'],
      ['3', '1'],
      ['4', '1'],
      ['5', '5'],
      ['6', '6'],
    ]);
    expect(
      pairScores(
        groups,
        new Map([
          ['1', 'a'],
          ['2', 'a'],
          ['3', 'a'],
          ['4', 'a'],
          ['5', 'b'],
          ['6', 'c'],
        ]),
      ),
    ).toMatchObject({ precision: 1, recall: 1 });
  });
});
