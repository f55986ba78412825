// Rows are written in multi-row inserts of a few hundred, so memory stays
// bounded and the embedded database sees a few hundred statements, not
// hundreds of thousands.
export const BATCH_SIZE = 500;

export class BatchWriter<Row> {
  private rows: Row[] = [];
  written = 0;

  constructor(
    private readonly write: (rows: Row[]) => Promise<unknown>,
    private readonly size = BATCH_SIZE,
  ) {}

  async push(row: Row): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    await this.write(rows);
    this.written += rows.length;
  }
}
