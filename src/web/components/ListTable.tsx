import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScrollTable } from './ScrollTable.tsx';

/**
 * A list's table: scrolls sideways on a phone (ScrollTable), one header row of column
 * titles (a `false` one is left out), then the rows. Other props (striped, spacing, data-testid, style) go to the table.
 */
export function ListTable({
  label,
  minWidth,
  columns,
  children,
  ...table
}: TableProps & { label: string; minWidth: number; columns: ReactNode[]; children: ReactNode }) {
  return (
    <ScrollTable label={label} minWidth={minWidth}>
      <Table {...table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map(
              (column, index) =>
                column !== false &&
                column !== null && (
                  <Table.Th key={index} scope="col">
                    {column}
                  </Table.Th>
                ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
