// Pieces shared by the question-bank pages.
import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QaCategory, Segment } from '../../../contracts/questions.ts';
import { Pager } from '../../components/Pager.tsx';
import { useFormat } from '../../lib/format.ts';

/** Text with the matched words marked (no HTML is built from the text). */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.hit ? (
          <mark key={index} className="search-hit">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}

export function CategoryBadge({ category }: { category: QaCategory }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="navy" radius="sm" styles={{ label: { textTransform: 'none' } }}>
      {t(`support.categories.${category}`)}
    </Badge>
  );
}

/**
 * Page controls when the server counted only up to a threshold: says "of more
 * than N" and lets the reader go one page past the counted ones.
 */
export function LowerBoundPager({
  total,
  shown,
  limit,
  offset,
  onChange,
}: {
  total: number;
  shown: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(page + (shown === limit ? 1 : 0), Math.ceil(total / limit));
  return (
    <Stack gap={4}>
      <Pager
        total={total}
        limit={limit}
        offset={offset}
        onChange={onChange}
        pageCount={pages}
        rangeText={t('qsearch.rangeMoreThan', {
          from: format.number(offset + 1),
          to: format.number(offset + shown),
          total: format.number(total),
        })}
      />
      <Text size="xs" c="dimmed">
        {t('qsearch.countNote')}
      </Text>
    </Stack>
  );
}
