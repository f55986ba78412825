// A branch leader: the branch's profile in the published index, what to improve,
// and the released, aggregated evidence of its service ratings (never a business).
import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { BranchView } from '../../../contracts/cdci.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { cdciKeys } from './keys.ts';
import { BranchProfile } from './parts.tsx';

export default function BranchPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { unitId = me?.roles.find((grant) => grant.role === 'branch_leader')?.unitId ?? '' } = useParams();
  const view = useQuery({
    queryKey: cdciKeys.branch(unitId),
    queryFn: () => api<BranchView>(`/api/cdci/branches/${unitId}`),
    enabled: unitId !== '',
  });
  if (!unitId) return <PageHeader title={t('cdci.branch.pick')} />;
  if (view.error) return <QueryError error={view.error} />;
  if (view.isPending) return <PageLoader />;
  const { index } = view.data;
  const mine = index.result.units.find((u) => u.unit === view.data.unit);
  return (
    <>
      <PageHeader
        title={t('cdci.branch.title', { branch: mine?.name ?? '', year: index.method.year })}
        description={t('cdci.branch.intro')}
      />
      <Stack gap="lg">
        <Card withBorder>
          <BranchProfile
            index={index}
            unit={view.data.unit}
            strongest={view.data.strongest}
            weakest={view.data.weakest}
          />
        </Card>
        <Card withBorder component="section" aria-labelledby="cdci-evidence-title">
          <Title order={2} size="h4" id="cdci-evidence-title" mb="xs">
            {t('cdci.branch.evidence')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('cdci.branch.evidenceHelp')}
          </Text>
          <ScrollTable label={t('cdci.branch.evidenceTable')} minWidth={360}>
            <Table data-testid="cdci-evidence">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cdci.branch.month')}</Table.Th>
                  <Table.Th scope="col">{t('cdci.branch.businesses')}</Table.Th>
                  <Table.Th scope="col">{t('cdci.branch.satisfied')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.data.evidence.map((e) => (
                  <Table.Tr key={e.month}>
                    <Table.Td>{e.month}</Table.Td>
                    {e.businesses === null ? (
                      <Table.Td colSpan={2}>{t('cdci.branch.withheld')}</Table.Td>
                    ) : (
                      <>
                        <Table.Td>{e.businesses}</Table.Td>
                        <Table.Td>{e.satisfiedShare ?? '—'} %</Table.Td>
                      </>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {view.data.evidence.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('cdci.branch.noEvidence')}
            </Text>
          )}
        </Card>
      </Stack>
    </>
  );
}
