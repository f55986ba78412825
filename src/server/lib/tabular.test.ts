import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable, safeText, writeTable } from './tabular.ts';

const at = new Date('2026-11-23T03:00:00Z');

describe('tables as files', () => {
  it('writes CSV that Excel opens safely: BOM, CRLF, quoting, formulas neutralized, empty cells empty', async () => {
    const file = await writeTable(
      [
        {
          name: 'Bảng',
          rows: [
            ['Mã', 'Tên', 'Ghi chú'],
            ['03NK', 'Chi cục "KCX", Hải Phòng', '=HYPERLINK("http://x")'],
            ['0100109106', null, '-1+2'],
            ['20BB', undefined, null],
          ],
        },
      ],
      'csv',
      'thu',
      at,
    );
    expect(file.fileName).toBe('thu.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Mã,Tên,Ghi chú',
      `03NK,"Chi cục ""KCX"", Hải Phòng","'=HYPERLINK(""http://x"")"`,
      "0100109106,,'-1+2",
      '20BB,,',
      '',
    ]);
  });

  it('writes every sheet to Excel, with the same neutralized text', async () => {
    const file = await writeTable(
      [
        { name: 'A', rows: [['x'], ['@cmd']], headerRows: [0], widths: [20] },
        { name: 'B', rows: [[1, 2]] },
      ],
      'xlsx',
      'thu',
      at,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['A', 'B']);
    expect(workbook.worksheets[0]!.getCell('A2').value).toBe("'@cmd");
  });

  it('reads back what it writes, and reads semicolon CSV with text kept as text (leading zeros, dates)', async () => {
    const written = await writeTable(
      [
        {
          name: 'T',
          rows: [
            ['so', 'mst'],
            ['103000000001', '0100109106'],
          ],
        },
      ],
      'csv',
      't',
      at,
    );
    expect(await readTable('t.csv', written.body)).toEqual([
      ['so', 'mst'],
      ['103000000001', '0100109106'],
    ]);
    const semicolon = Buffer.from(
      '\uFEFFso;mst;ngay\r\n103000000002;0100109106;20/11/2026 08:30\r\n;;\r\n"1;2";"a ""b""";x\r\n',
      'utf8',
    );
    expect(await readTable('t.csv', semicolon)).toEqual([
      ['so', 'mst', 'ngay'],
      ['103000000002', '0100109106', '20/11/2026 08:30'],
      ['1;2', 'a "b"', 'x'],
    ]);
    const xlsx = await writeTable([{ name: 'T', rows: [['so'], ['103000000003']] }], 'xlsx', 't', at);
    expect(await readTable('t.xlsx', xlsx.body)).toEqual([['so'], ['103000000003']]);
    expect(await readTable('t.pdf', xlsx.body)).toBeNull();
  });

  it('neutralizes only what a spreadsheet would run', () => {
    expect(['=1', '+1', '-1', '@a', '\tx', 'a=1', 'Hà Nội'].map(safeText)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\tx",
      'a=1',
      'Hà Nội',
    ]);
  });
});
