import { Badge, Group, type MantineSpacing } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../contracts/cases.ts';
import { DARK_ORANGE, DARK_YELLOW } from '../../lib/colors.ts';

const STATUS_COLORS = { open: 'yellow', in_review: 'navy', resolved: 'green' } as const;

export function CaseStatusBadge({ status }: { status: CaseView['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      radius="sm"
      c={status === 'open' ? DARK_YELLOW : `${STATUS_COLORS[status]}.9`}
    >
      {t(`cases.statuses.${status}`)}
    </Badge>
  );
}

/** The kinds of a flag, harassment and negativity in red. */
export function FlagKindBadges({ kinds, mb }: { kinds: CaseView['kinds']; mb?: MantineSpacing }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} mb={mb}>
      {kinds.map((k) => (
        <Badge
          key={k}
          color={k === 'harassment' || k === 'negativity' ? 'red' : 'orange'}
          c={k === 'harassment' || k === 'negativity' ? 'red.9' : DARK_ORANGE}
          variant="light"
          radius="sm"
        >
          {t(`rating.flags.${k}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Who or what was flagged: the officer if any, else the unit. */
export function subjectLabel(c: CaseView, t: TFunction): string {
  const unit = `${c.subject.unitName} (${c.subject.unitCode})`;
  if (c.subject.officerName) return `${t('rating.subjectKinds.officer')} ${c.subject.officerName} · ${unit}`;
  if (c.subject.stage) return `${t('rating.subjectKinds.stage')} ${c.subject.stage} · ${unit}`;
  return `${t(`rating.subjectKinds.${c.subject.kind}`)}: ${unit}`;
}
