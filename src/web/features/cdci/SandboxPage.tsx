// Analysts: one or two methods over an uploaded data set, side by side. Nothing is stored.
import { Button, Group, SimpleGrid, Stack, Table, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PCI_EXAMPLE_CSV, pciMethod } from '../../../contracts/cdci-example.ts';
import type { SandboxResult, UnitResult } from '../../../contracts/cdci.ts';
import { api, toApiError, type ApiError } from '../../app/api.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { fmt } from './parts.tsx';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const equalGeometric = () =>
  pciMethod({
    name: { vi: 'Trọng số bằng nhau, trung bình nhân', en: 'Equal weights, geometric' },
    aggregation: 'geometric',
    components: pciMethod().components.map((c) => ({ ...c, weight: 10 })),
  });

export default function SandboxPage() {
  const { t } = useTranslation();
  const [csv, setCsv] = useState(PCI_EXAMPLE_CSV);
  const [a, setA] = useState(json(pciMethod()));
  const [b, setB] = useState(json(equalGeometric()));
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [results, setResults] = useState<SandboxResult['results'] | null>(null);

  async function run() {
    setFailure(null);
    try {
      const methods = [a, b].filter((text) => text.trim()).map((text) => JSON.parse(text) as unknown);
      setResults((await api<SandboxResult>('/api/cdci/sandbox', { method: 'POST', body: { csv, methods } })).results);
    } catch (error) {
      setResults(null);
      setFailure(error instanceof SyntaxError ? toApiError(new Error(t('cdci.methods.badJson'))) : toApiError(error));
    }
  }

  const units: UnitResult[] = results?.[0]?.units ?? [];
  return (
    <>
      <PageHeader title={t('cdci.sandbox.title')} description={t('cdci.sandbox.intro')} />
      <Stack>
        <FormAlert failure={failure} />
        <Textarea
          label={t('cdci.sandbox.data')}
          description={t('cdci.sandbox.dataHelp')}
          value={csv}
          onChange={(e) => setCsv(e.currentTarget.value)}
          autosize
          minRows={4}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          data-testid="sandbox-csv"
        />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Textarea
            label={t('cdci.sandbox.methodA')}
            value={a}
            onChange={(e) => setA(e.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={14}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            data-testid="sandbox-a"
          />
          <Textarea
            label={t('cdci.sandbox.methodB')}
            value={b}
            onChange={(e) => setB(e.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={14}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            data-testid="sandbox-b"
          />
        </SimpleGrid>
        <Group>
          <Button onClick={() => void run()} data-testid="sandbox-run">
            {t('cdci.sandbox.run')}
          </Button>
        </Group>
        {results && (
          <section aria-labelledby="sandbox-result-title">
            <Title order={2} size="h4" id="sandbox-result-title" mb="xs">
              {t('cdci.sandbox.compare')}
            </Title>
            <ScrollTable label={t('cdci.sandbox.compareTable')} minWidth={560}>
              <Table striped data-testid="sandbox-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('cdci.ranking.branch')}</Table.Th>
                    {results.map((_, m) => (
                      <Table.Th scope="col" key={m}>
                        {t('cdci.sandbox.scoreOf', { method: m === 0 ? 'A' : 'B' })}
                      </Table.Th>
                    ))}
                    {results.map((_, m) => (
                      <Table.Th scope="col" key={`r${m}`}>
                        {t('cdci.sandbox.rankOf', { method: m === 0 ? 'A' : 'B' })}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {units.map((u) => (
                    <Table.Tr key={u.unit} data-testid={`sandbox-row-${u.unit}`}>
                      <Table.Td>{u.name}</Table.Td>
                      {results.map((r, m) => (
                        <Table.Td key={m}>{fmt(r.units.find((x) => x.unit === u.unit)?.composite)}</Table.Td>
                      ))}
                      {results.map((r, m) => {
                        const x = r.units.find((y) => y.unit === u.unit);
                        return (
                          <Table.Td key={`r${m}`}>
                            {x?.rank ?? '—'} (
                            {t('cdci.ranking.bandValue', { lo: x?.rankRange?.[0], hi: x?.rankRange?.[1] })})
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </section>
        )}
      </Stack>
    </>
  );
}
