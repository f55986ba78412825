import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RatingPage } from '../../../contracts/assessments.ts';
import { useFormat } from '../../lib/format.ts';
import { DARK_YELLOW } from '../../lib/colors.ts';

const CHANNEL_COLORS = { green: 'green', yellow: 'yellow', red: 'red' } as const;

export function ChannelBadge({ channel }: { channel: keyof typeof CHANNEL_COLORS }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={CHANNEL_COLORS[channel]}
      variant="light"
      radius="sm"
      c={channel === 'yellow' ? DARK_YELLOW : `${CHANNEL_COLORS[channel]}.9`}
    >
      {t(`rating.channels.${channel}`)}
    </Badge>
  );
}

/** Which declaration is being rated: enough to recognise it, nothing more. */
export function DeclarationSummary({ declaration }: { declaration: RatingPage['declaration'] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rows = [
    [t('rating.declarationNumber'), declaration.number],
    [t('rating.typeCode'), declaration.typeCode],
    [t('rating.office'), i18n.language === 'en' ? declaration.officeNameEn : declaration.officeName],
    [t('rating.registeredAt'), format.dateTime(declaration.registeredAt)],
    [t('rating.enterprise'), declaration.enterpriseName],
  ];
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('rating.declarationTitle')}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{t('rating.declarationTitle')}</Text>
        <ChannelBadge channel={declaration.channel} />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} verticalSpacing={6}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm" fw={500}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
