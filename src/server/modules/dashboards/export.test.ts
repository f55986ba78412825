import { describe, expect, it } from 'vitest';
import type { OfficerDashboard } from '../../../contracts/dashboards.ts';
import { dashboardExportQuery } from '../../../contracts/dashboards.ts';
import { renderExport } from './export.ts';

const figures = { count: 7, meanStars: 4.14, distribution: { '1': 0, '2': 1, '3': 0, '4': 3, '5': 3 }, satisfiedShare: 0.857, flags: { inconvenience: 0, harassment: 0, negativity: 0, delay: 1, error: 0 }, withheld: false };
const view: { kind: 'officer'; data: OfficerDashboard } = {
  kind: 'officer',
  data: {
    officer: { id: '00000000-0000-4000-8000-000000000001', code: 'CB00001', fullName: 'Nguyễn Văn An', unitId: '00000000-0000-4000-8000-000000000002' },
    path: [],
    from: '2026-01-01',
    to: '2026-12-31',
    minimumCount: 5,
    figures,
    trend: [
      { period: '2026-10-01', count: 3, meanStars: null, satisfiedShare: null },
      { period: '2026-11-01', count: 4, meanStars: 4, satisfiedShare: 0.75 },
    ],
    comments: [{ month: '2026-11', stars: 2, reason: '=HYPERLINK("http://x","bấm vào")', flags: ['delay'] }],
  },
};

describe('dashboard export files', () => {
  it('writes CSV a spreadsheet opens safely: BOM, quoting, no formulas, withheld periods marked', async () => {
    const file = await renderExport(view, dashboardExportQuery.parse({ format: 'csv' }), 'vi', new Date('2026-11-23T03:00:00Z'));
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(file.fileName).toBe('ket-qua-CB00001-2026-01-01-2026-12-31.csv');
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain('Xu hướng theo tháng,CB00001,Nguyễn Văn An,2026-10-01,3,,,,,,,,,,,,,,Chưa đủ số đánh giá để hiển thị');
    expect(lines).toContain('Xu hướng theo tháng,CB00001,Nguyễn Văn An,2026-11-01,4,4,75,,,,,,,,,,,,');
    const comment = lines.find((line) => line.startsWith('Nhận xét'))!;
    expect(comment).toContain(`"'=HYPERLINK(""http://x"",""bấm vào"") — Chậm trễ"`);
    expect(lines.every((line) => line === '' || !/^[=+\-@]/.test(line))).toBe(true);
  });

  it('writes the same table to Excel', async () => {
    const file = await renderExport(view, dashboardExportQuery.parse({ format: 'xlsx' }), 'en');
    expect(file.fileName).toBe('results-CB00001-2026-01-01-2026-12-31.xlsx');
    expect(file.body.subarray(0, 2).toString()).toBe('PK');
  });
});
