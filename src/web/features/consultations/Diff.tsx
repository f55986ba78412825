import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { wordDiff } from '../../../contracts/consultations.ts';

/** A word-level difference: removed words struck through in red, added ones underlined in green (and announced). */
export function Diff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="diff">
      {wordDiff(before, after).map((part, index) =>
        part.op === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.op === 'del' ? (
          <del key={index} aria-label={t('consultations.diffRemoved')} style={{ color: '#a61b1b' }}>
            {part.text}
          </del>
        ) : (
          <ins key={index} aria-label={t('consultations.diffAdded')} style={{ color: '#1d6b2f' }}>
            {part.text}
          </ins>
        ),
      )}
    </Text>
  );
}

export const PHASE_COLORS = { draft: 'gray', open: 'green', closed: 'dark', published: 'navy' } as const;
export const DISPOSITION_COLORS = { accepted: 'green', partly: 'navy', not_accepted: 'red', noted: 'gray' } as const;
