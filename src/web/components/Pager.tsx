import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';

/**
 * Page controls for `limit`/`offset` lists, with "x–y of total". A list whose
 * total is only a lower bound passes its own page count and range text.
 */
export function Pager({
  total,
  limit,
  offset,
  onChange,
  pageCount,
  rangeText,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  pageCount?: number;
  rangeText?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = pageCount ?? Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {rangeText ??
          t('common.range', { from: format.number(from), to: format.number(to), total: format.number(total) })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('common.pagination')}>
          <Pagination
            total={pages}
            value={page}
            onChange={(next) => onChange((next - 1) * limit)}
            size="sm"
            siblings={1}
            getItemProps={(item) => ({ 'aria-label': t('common.page', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
          />
        </nav>
      )}
    </Group>
  );
}
