import { Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { unitHistoryResponse } from '../../../../contracts/organization.ts';
import { api } from '../../../app/api.ts';
import { useFormat } from '../../../lib/format.ts';
import type { Unit, UnitIndex } from '../../../lib/units.ts';
import { AppModal } from '../../../components/AppModal.tsx';
import { ListState } from '../../../components/ListState.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { unitKeys } from '../keys.ts';

type History = z.infer<typeof unitHistoryResponse>;
const KEYS = ['code', 'nameVi', 'nameEn', 'parentId', 'status', 'mergedIntoId'] as const;

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** What a unit was called and where it sat, change by change. */
export function HistoryModal({
  unit,
  index,
  onClose,
}: {
  unit: Unit;
  index: UnitIndex | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery({
    queryKey: unitKeys.history(unit.id),
    queryFn: () => api<History>(`/api/units/${unit.id}/history`),
  });

  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if ((key === 'parentId' || key === 'mergedIntoId') && typeof value === 'string')
      return index?.byId.get(value)?.code ?? value.slice(0, 8);
    if (key === 'status' && typeof value === 'string') return t(`units.status.${value}`, { defaultValue: value });
    return typeof value === 'string' ? value : JSON.stringify(value);
  };

  return (
    <AppModal opened onClose={onClose} title={t('units.historyTitle', { code: unit.code })} size="xl">
      <ListState query={query} empty={t('units.noHistory')} rows={3}>
        {(data) => (
          <ListTable
            label={t('units.historyTitle', { code: unit.code })}
            minWidth={560}
            verticalSpacing="xs"
            striped
            columns={[t('units.historyAt'), t('units.historyAction'), t('units.historyChange')]}
          >
            {data.map((entry, position) => {
              const before = asRecord(entry.before);
              const after = asRecord(entry.after);
              const changed = KEYS.filter((key) =>
                entry.before === null ? after[key] !== undefined && after[key] !== null : before[key] !== after[key],
              );
              return (
                <Table.Tr key={`${entry.at}-${position}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    <Badge color="navy">{t(`units.actions.${entry.action}`, { defaultValue: entry.action })}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {changed.map((key) => (
                        <Text size="sm" key={key}>
                          <Text span fw={600} size="sm">
                            {t(`units.fields.${key}`)}:
                          </Text>{' '}
                          {entry.before === null
                            ? show(key, after[key])
                            : `${show(key, before[key])} → ${show(key, after[key])}`}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </ListTable>
        )}
      </ListState>
    </AppModal>
  );
}
