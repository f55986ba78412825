// One declaration followed on a phone (`/theo-doi/<rating token>`): its stages as
// they happen, and once cleared, the rating of the visit one tap away.
import { VIETNAM_TIME_ZONE } from '../../../contracts/vietnam-time.ts';
import { Badge, Button, Card, Group, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PROCESSING_STAGES, type FollowedDeclaration } from '../../../contracts/screens.ts';
import { api } from '../../app/api.ts';
import { ListState } from '../../components/ListState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { screenKeys } from './keys.ts';

export default function FollowDeclarationPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const followed = useQuery({
    queryKey: screenKeys.followed(token),
    queryFn: () => api<FollowedDeclaration>(`/api/follow/${encodeURIComponent(token)}`),
    refetchInterval: (query) => (query.state.data?.cleared ? false : 5000),
  });
  const name = (x: { vi: string; en: string }) => (i18n.language === 'en' && x.en ? x.en : x.vi);
  const time = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      timeZone: VIETNAM_TIME_ZONE,
    }).format(new Date(iso));

  return (
    <>
      <PageHeader title={t('screens.follow.declarationTitle')} />
      <ListState query={followed} loader="page">
        {(d) => {
          const reached = new Map(d.steps.map((s) => [s.stage, s]));
          const active = PROCESSING_STAGES.reduce((last, stage, i) => (reached.has(stage) ? i : last), -1);
          return (
            <Stack>
              <Card withBorder>
                <Group justify="space-between" wrap="wrap">
                  <div>
                    <Text fw={700} size="lg" data-testid="follow-number">
                      {d.number}
                    </Text>
                    <Text size="sm">{name(d.officeName)}</Text>
                  </div>
                  <Badge size="xl" color={d.cleared ? 'green' : 'blue'} data-testid="follow-stage">
                    {d.stage ? t(`screens.stage.${d.stage}`) : t('screens.follow.noStep')}
                  </Badge>
                </Group>
              </Card>
              <Timeline active={active} bulletSize={22} lineWidth={3}>
                {PROCESSING_STAGES.map((stage) => {
                  const step = reached.get(stage);
                  return (
                    <Timeline.Item key={stage} title={t(`screens.stage.${stage}`)}>
                      <Text size="sm">
                        {step ? [time(step.at), step.counter].filter(Boolean).join(' · ') : t('screens.follow.pending')}
                      </Text>
                    </Timeline.Item>
                  );
                })}
              </Timeline>
              {d.cleared ? (
                <Button component={Link} to={d.ratePath} size="lg" data-testid="follow-rate">
                  {t('screens.follow.rate')}
                </Button>
              ) : (
                <Text size="sm">{t('screens.follow.rateLater')}</Text>
              )}
            </Stack>
          );
        }}
      </ListState>
    </>
  );
}
