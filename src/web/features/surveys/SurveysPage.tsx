import { Anchor, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { mayForwardSurveys, mayOwnSurveys } from '../../../contracts/roles.ts';
import type { SurveyDetail, SurveySummary } from '../../../contracts/surveys.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { EmptyState, QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageLoader.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { notifyError } from '../../lib/notify.ts';
import { useUnits } from '../../lib/units.ts';
import { AssociationSurveys } from './AssociationSurveys.tsx';
import { starterDefinition } from './starter.ts';
import { surveyKeys } from './keys.ts';

export const STATUS_COLORS = { draft: 'gray', open: 'green', closed: 'navy' } as const;

interface Invitation {
  invitationId: string;
  surveyId: string;
  title: { vi: string; en: string };
  closesOn: string | null;
  status: 'draft' | 'open' | 'closed';
  answered: boolean;
  hasDraft: boolean;
}

/** Owners: their units' surveys and a new one. Businesses: the surveys they are invited to. Associations: those to pass on. */
export default function SurveysPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const owner = mayOwnSurveys(me);
  const forwarder = !owner && mayForwardSurveys(me);
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<string | null>(null);
  const units = useUnits();
  const list = useQuery({
    queryKey: surveyKeys.list,
    queryFn: () => api<SurveySummary[]>('/api/surveys'),
    enabled: owner,
  });
  const mine = useQuery({
    queryKey: surveyKeys.mine,
    queryFn: () => api<Invitation[]>('/api/my/surveys'),
    enabled: !owner && !forwarder,
  });
  const title = (x: { vi: string; en: string }) => (i18n.language === 'en' && x.en ? x.en : x.vi);

  async function create() {
    if (!unitId) return;
    try {
      const created = await api<SurveyDetail>('/api/surveys', {
        method: 'POST',
        body: {
          ownerUnitId: unitId,
          title: { vi: t('surveys.newTitle'), en: 'New survey' },
          definition: starterDefinition,
        },
      });
      void navigate(`/app/khao-sat/${created.id}`);
    } catch (error) {
      notifyError(error);
    }
  }

  if (forwarder) return <AssociationSurveys />;
  if (!owner)
    return (
      <>
        <PageHeader title={t('surveys.title')} description={t('surveys.businessIntro')} />
        {mine.error && <QueryError error={mine.error} />}
        {mine.isPending ? (
          <TableSkeleton />
        ) : mine.data?.length ? (
          <Stack>
            {mine.data.map((m) => (
              <Card key={m.invitationId} withBorder>
                <Group justify="space-between">
                  <div>
                    <Text fw={600}>{title(m.title)}</Text>
                    {m.closesOn && <Text size="sm">{t('surveys.closesOn', { day: m.closesOn })}</Text>}
                  </div>
                  {m.answered ? (
                    <Badge color="green">{t('surveys.answered')}</Badge>
                  ) : m.status === 'open' ? (
                    <Button component={Link} to={`/app/khao-sat/tra-loi/${m.invitationId}`}>
                      {m.hasDraft ? t('surveys.continue') : t('surveys.answer.start')}
                    </Button>
                  ) : (
                    <Badge color="gray">{t(`surveys.status.${m.status}`)}</Badge>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        ) : (
          <EmptyState>{t('surveys.noInvitations')}</EmptyState>
        )}
      </>
    );

  return (
    <>
      <PageHeader title={t('surveys.title')} description={t('surveys.ownerIntro')} />
      <Card withBorder mb="lg">
        <Group align="flex-end">
          <UnitSelect
            index={owner ? units.data : undefined}
            label={t('surveys.ownerUnit')}
            kinds={['general_department', 'department', 'branch']}
            value={unitId}
            onChange={setUnitId}
            testId="survey-owner-unit"
          />
          <Button onClick={() => void create()} disabled={!unitId} data-testid="survey-create">
            {t('surveys.create')}
          </Button>
        </Group>
      </Card>
      {list.error && <QueryError error={list.error} />}
      {list.isPending ? (
        <TableSkeleton />
      ) : list.data?.length ? (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.columns.title')}</Table.Th>
                <Table.Th>{t('surveys.columns.owner')}</Table.Th>
                <Table.Th>{t('surveys.columns.status')}</Table.Th>
                <Table.Th>{t('surveys.columns.answered')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/app/khao-sat/${s.id}`}>
                      {title(s.title)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.ownerUnitName}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[s.status]}>{t(`surveys.status.${s.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {s.answered} / {s.invited}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <EmptyState>{t('surveys.none')}</EmptyState>
      )}
    </>
  );
}
