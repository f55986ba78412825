import { describe, expect, it } from 'vitest';
import type { Figures, OfficerDashboard } from '../../../contracts/dashboards.ts';
import { renderExport } from './export.ts';

const figures: Figures = {
  published: true,
  monthsShown: 2,
  monthsInPeriod: 3,
  businesses: null,
  declarations: 7,
  satisfiedShare: 0.857,
  ratings: 9,
  meanStars: 4.11,
  distribution: { '1': 0, '2': 1, '3': 1, '4': 3, '5': 4 },
  flags: { inconvenience: 0, harassment: 0, negativity: 0, delay: 1, error: 0 },
};
const view: { kind: 'officer'; data: OfficerDashboard } = {
  kind: 'officer',
  data: {
    officer: {
      id: '00000000-0000-4000-8000-000000000001',
      code: 'CB00001',
      fullName: 'Nguyễn Văn An',
      unitId: '00000000-0000-4000-8000-000000000002',
    },
    path: [],
    period: { key: '2026-Q3', kind: 'quarter', months: ['2026-07', '2026-08', '2026-09'] },
    figures,
    trend: [
      { month: '2026-07', published: false, declarations: null, meanStars: null, satisfiedShare: null },
      { month: '2026-08', published: true, declarations: 4, meanStars: 4, satisfiedShare: 0.75 },
    ],
    comments: [
      { firstMonth: '2026-06', month: '2026-08', comments: ['=HYPERLINK("http://x","bấm vào")', 'Hướng dẫn tận tình'] },
    ],
  },
};

describe('dashboard export files', () => {
  it('writes CSV a spreadsheet opens safely: BOM, quoting, no formulas, unpublished months marked, no count for them', async () => {
    const file = await renderExport(view, 'vi', new Date('2026-11-23T03:00:00Z'), 'csv');
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(file.fileName).toBe('ket-qua-CB00001-2026-Q3.csv');
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain(
      'Theo tháng,CB00001,Nguyễn Văn An,2026-07,0/1,,,,,,,,,,,,,,,,,Không công bố (dưới 5 doanh nghiệp hoặc để bảo vệ ô khác)',
    );
    expect(lines).toContain('Theo tháng,CB00001,Nguyễn Văn An,2026-08,1/1,,4,75,,4,,,,,,,,,,,,');
    expect(lines).toContain('Tổng hợp,CB00001,Nguyễn Văn An,2026-Q3,2/3,,7,85.7,9,4.11,,0,1,1,3,4,0,0,0,1,0,');
    const comment = lines.find((line) => line.includes('HYPERLINK'))!;
    expect(comment).toContain(`"'=HYPERLINK(""http://x"",""bấm vào"")"`);
    expect(lines.every((line) => line === '' || !/^[=+\-@]/.test(line))).toBe(true);
  });

  it('writes the same table to Excel', async () => {
    const file = await renderExport(view, 'en', new Date('2026-11-23T03:00:00Z'), 'xlsx');
    expect(file.fileName).toBe('results-CB00001-2026-Q3.xlsx');
    expect(file.body.subarray(0, 2).toString()).toBe('PK');
  });
});
