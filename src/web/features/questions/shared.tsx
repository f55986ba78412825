// Pieces shared by the question-bank pages.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QaCategory, Segment } from '../../../contracts/questions.ts';

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
