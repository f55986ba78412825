// One unit's plan: its targets with value, pace, projection and status; the
// targets assigned below; reports to review; activities; the units below (drill-down).
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PlanDetail, PlanList } from '../../../contracts/plan.ts';
import { api } from '../../app/api.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableSkeleton } from '../../components/PageLoader.tsx';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ActivityForm, AdoptForm, AssignForm, ReportForm, TargetForm } from './forms.tsx';
import { planKeys } from './keys.ts';
import { formatValue, ProgressCell, StatusBadge, StatusChart } from './parts.tsx';
import './plan.css';

export default function PlanPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const plan = useQuery({ queryKey: planKeys.detail(id), queryFn: () => api<PlanDetail>(`/api/plans/${id}`) });
  const list = useQuery({
    queryKey: planKeys.list(plan.data?.year ?? 0),
    queryFn: () => api<PlanList>(`/api/plans?year=${String(plan.data!.year)}`),
    enabled: !!plan.data,
  });

  async function send(path: string, body: object, method: 'POST' | 'PATCH' = 'POST') {
    try {
      const updated = await api<PlanDetail>(path, { method, body });
      client.setQueryData(planKeys.detail(updated.id), updated);
      await client.invalidateQueries({ queryKey: planKeys.all });
      notifySuccess(t('plan.saved'));
    } catch (error) {
      notifyError(error);
    }
  }

  if (plan.isPending) return <TableSkeleton />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  const own = list.data?.ownUnit;
  const mayAdopt =
    p.status !== 'draft' &&
    own &&
    !p.canEdit &&
    p.childUnits.some((u) => u.id === own.id) &&
    !p.children.some((c) => c.unit.id === own.id);
  const pending = p.targets_.flatMap((tg) =>
    tg.reports.filter((r) => r.reviewStatus === 'pending').map((r) => ({ tg, r })),
  );

  return (
    <Stack>
      <PageHeader
        title={`${p.title} — ${p.unit.name}`}
        description={
          <>
            {p.path.map((u, i) => (
              <Fragment key={u.id}>
                {i > 0 && ' › '}
                {u.name}
              </Fragment>
            ))}{' '}
            · <Badge variant="light">{t(`plan.planStatus.${p.status}`)}</Badge>
          </>
        }
        actions={
          <Group gap="xs" className="no-print">
            {p.canEdit && p.status === 'draft' && (
              <Button onClick={() => void send(`/api/plans/${p.id}/publish`, {})} data-testid="plan-publish">
                {t('plan.publish')}
              </Button>
            )}
            <Button
              variant="default"
              onClick={() => void send(`/api/plans/${p.id}/refresh`, {})}
              data-testid="plan-refresh"
            >
              {t('plan.refresh')}
            </Button>
            <Button variant="default" component="a" href={`/api/plans/${p.id}/export`} download>
              {t('plan.export')}
            </Button>
            <Button
              variant="default"
              component={Link}
              to={`/app/ke-hoach/${p.id}/bao-cao`}
              data-testid="plan-report-link"
            >
              {t('plan.yearEndReport')}
            </Button>
          </Group>
        }
      />
      {mayAdopt && own && (
        <AdoptForm
          plan={p}
          unit={own}
          onAdopted={(newId) =>
            void client.invalidateQueries({ queryKey: planKeys.all }).then(() => navigate(`/app/ke-hoach/${newId}`))
          }
        />
      )}
      {p.alerts.length > 0 && (
        <Alert color="orange" title={t('plan.alerts')} data-testid="plan-alerts">
          <Stack gap={2}>
            {p.alerts.map((a) => (
              <Text size="sm" key={a.id}>
                {a.unit.code}: {a.targetTitle} — {t(`plan.status.${a.status}`)} (
                {t('plan.valueVsExpected', { value: a.value ?? '—', expected: a.expected ?? '—' })})
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Card withBorder>
        <StatusChart counts={p.counts} />
      </Card>
      <Title order={2} size="h3">
        {t('plan.targets')}
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="plan-targets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan.content')}</Table.Th>
              <Table.Th>{t('plan.targetTitle')}</Table.Th>
              <Table.Th>{t('plan.value')}</Table.Th>
              <Table.Th>{t('plan.current')}</Table.Th>
              <Table.Th>{t('plan.expected')}</Table.Th>
              <Table.Th>{t('plan.projected')}</Table.Th>
              <Table.Th>{t('plan.progress')}</Table.Th>
              <Table.Th>{t('plan.statusLabel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.targets_.map((tg) => (
              <Fragment key={tg.id}>
                <Table.Tr data-testid={`target-${tg.title}`}>
                  <Table.Td>{t(`plan.contents.${tg.content}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {tg.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {tg.measureDefinition
                        ? tg.measureDefinition.name[i18n.language === 'en' ? 'en' : 'vi']
                        : t('plan.manual')}{' '}
                      · {t(`unitKinds.${tg.level}`)} · {tg.deadline}
                    </Text>
                    {tg.measured && tg.measureDefinition && (
                      <Anchor
                        size="xs"
                        className="no-print"
                        href={`/api/measures/${tg.measure}/records?unitId=${tg.unitId}&from=${String(p.year)}-01-01&to=${tg.deadline}`}
                      >
                        {t('plan.records')}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{formatValue(tg, tg.value)}</Table.Td>
                  <Table.Td>
                    {tg.measured
                      ? formatValue(tg, tg.progress.value)
                      : t('plan.unitsDone', { done: tg.progress.value ?? 0, of: tg.progress.expected ?? 0 })}
                  </Table.Td>
                  <Table.Td>{tg.measured ? formatValue(tg, tg.progress.expected) : '—'}</Table.Td>
                  <Table.Td>{tg.measured ? formatValue(tg, tg.progress.projected) : '—'}</Table.Td>
                  <Table.Td>
                    <ProgressCell progress={tg.progress.progress} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={tg.progress.status} />
                  </Table.Td>
                </Table.Tr>
                {(tg.assigned.length > 0 ||
                  (p.canEdit && !tg.measured) ||
                  (p.canEdit && tg.measured && !tg.measureDefinition)) && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={7}>
                      <Stack gap={6}>
                        {tg.assigned.length > 0 && (
                          <Group gap="xs">
                            {tg.assigned.map((a) => (
                              <Group key={a.targetId} gap={4}>
                                <Text size="xs">
                                  {a.unit.code}: {formatValue(tg, a.progress.value)} / {formatValue(tg, a.value)}
                                </Text>
                                <StatusBadge status={a.progress.status} />
                              </Group>
                            ))}
                          </Group>
                        )}
                        {p.canEdit && !tg.measured && p.status !== 'draft' && (
                          <AssignForm target={tg} units={p.childUnits} send={send} />
                        )}
                        {p.canEdit && tg.measured && !tg.measureDefinition && <ReportForm target={tg} send={send} />}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pending.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('plan.reports')}
          </Title>
          {pending.map(({ tg, r }) => (
            <Group key={r.id} justify="space-between">
              <Text size="sm">
                {tg.title}: {r.value} — {r.evidence}
              </Text>
              {p.canReview && (
                <Group gap="xs" className="no-print">
                  <Button
                    size="xs"
                    onClick={() => void send(`/api/plan-reports/${r.id}/review`, { decision: 'accepted' })}
                  >
                    {t('plan.accept')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void send(`/api/plan-reports/${r.id}/review`, { decision: 'rejected' })}
                  >
                    {t('plan.reject')}
                  </Button>
                </Group>
              )}
            </Group>
          ))}
        </Card>
      )}
      {p.canEdit && (p.status === 'draft' || p.unit.kind !== 'general_department') && (
        <TargetForm plan={p} send={send} />
      )}
      <Title order={2} size="h3">
        {t('plan.activities')}
      </Title>
      {p.activities.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.noActivities')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.activity')}</Table.Th>
                <Table.Th>{t('plan.owner')}</Table.Th>
                <Table.Th>{t('plan.dates')}</Table.Th>
                <Table.Th>{t('plan.statusLabel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.activities.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.ownerName}</Table.Td>
                  <Table.Td>
                    {a.startsOn} – {a.endsOn}
                  </Table.Td>
                  <Table.Td>
                    {p.canEdit && a.status !== 'done' ? (
                      <Button
                        size="xs"
                        variant="default"
                        className="no-print"
                        onClick={() => void send(`/api/plan-activities/${a.id}`, { status: 'done' }, 'PATCH')}
                      >
                        {t('plan.markDone')}
                      </Button>
                    ) : (
                      t(`plan.activityStatus.${a.status}`)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {p.canEdit && <ActivityForm plan={p} send={send} />}
      {p.children.length > 0 && (
        <>
          <Title order={2} size="h3">
            {t('plan.children')}
          </Title>
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plan.unit')}</Table.Th>
                  <Table.Th>{t('plan.status.achieved')}</Table.Th>
                  <Table.Th>{t('plan.status.on_track')}</Table.Th>
                  <Table.Th>{t('plan.status.at_risk')}</Table.Th>
                  <Table.Th>{t('plan.status.missed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.children.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/app/ke-hoach/${c.id}`}>
                        {c.unit.code} — {c.unit.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.counts.achieved}</Table.Td>
                    <Table.Td>{c.counts.on_track}</Table.Td>
                    <Table.Td>{c.counts.at_risk}</Table.Td>
                    <Table.Td>{c.counts.missed}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
