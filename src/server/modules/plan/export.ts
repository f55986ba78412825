// The plan as an Excel workbook: its targets with progress, and the units below.
import type { PlanDetail } from '../../../contracts/plan.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';
import { writeTable, type DownloadFile, type TableCell } from '../../lib/tabular.ts';

const STATUS_VI = {
  achieved: 'Đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Chậm tiến độ',
  missed: 'Không đạt',
  no_data: 'Chưa có số liệu',
} as const;
const CONTENT_VI = {
  information: 'Thông tin',
  support: 'Hỗ trợ',
  consultation: 'Tham vấn',
  cooperation: 'Hợp tác',
  supervision: 'Giám sát',
} as const;

export async function renderPlanWorkbook(plan: PlanDetail, now: Date): Promise<DownloadFile> {
  const targets: TableCell[][] = [
    [
      'Nội dung',
      'Mục tiêu',
      'Chỉ tiêu',
      'Thước đo',
      'Cấp',
      'Giá trị chỉ tiêu',
      'Thời hạn',
      'Kết quả',
      'Cần đạt tới nay',
      'Dự kiến cuối năm',
      'Tiến độ (%)',
      'Trạng thái',
    ],
    ...plan.targets_.map((t) => [
      CONTENT_VI[t.content],
      t.goal,
      t.title,
      t.measureDefinition?.name.vi ?? 'Báo cáo kèm minh chứng',
      t.level,
      t.value,
      t.deadline,
      t.progress.value,
      t.progress.expected,
      t.progress.projected,
      t.progress.progress === null ? null : Math.round(t.progress.progress * 1000) / 10,
      STATUS_VI[t.progress.status],
    ]),
  ];
  const units: TableCell[][] = [
    ['Mã đơn vị', 'Đơn vị', 'Số chỉ tiêu', 'Đạt', 'Đúng tiến độ', 'Chậm tiến độ', 'Không đạt', 'Chưa có số liệu'],
    ...plan.children.map((c) => [
      c.unit.code,
      c.unit.name,
      c.targets,
      c.counts.achieved,
      c.counts.on_track,
      c.counts.at_risk,
      c.counts.missed,
      c.counts.no_data,
    ]),
  ];
  const activities: TableCell[][] = [
    ['Nội dung', 'Hoạt động', 'Phụ trách', 'Từ ngày', 'Đến ngày', 'Trạng thái'],
    ...plan.activities.map((a) => [CONTENT_VI[a.content], a.title, a.ownerName, a.startsOn, a.endsOn, a.status]),
  ];
  return writeTable(
    [
      {
        name: 'Chỉ tiêu',
        rows: targets,
        headerRows: [0],
        widths: [12, 30, 40, 30, 12, 10, 12, 10, 10, 10, 10, 16],
        wrap: [1, 2],
      },
      { name: 'Đơn vị trực thuộc', rows: units, headerRows: [0], widths: [10, 40, 10, 8, 12, 12, 10, 14] },
      { name: 'Hoạt động', rows: activities, headerRows: [0], widths: [12, 40, 24, 12, 12, 12] },
    ],
    'xlsx',
    `ke-hoach-${plan.unit.code}-${String(plan.year)}-${vietnamDay(now)}`,
    now,
  );
}
