import { Alert, Anchor, Button, Card, FileInput, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { IMPORT_MAX_BYTES, type importJobResponse } from '../../../contracts/assessments.ts';
import { api, toApiError } from '../../app/api.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../lib/format.ts';
import { declarationKeys } from './keys.ts';

type ImportJob = z.infer<typeof importJobResponse>;

const TEMPLATE = [
  'so_to_khai,ma_loai_hinh,mst_doanh_nghiep,ten_doanh_nghiep,mst_dai_ly,ten_dai_ly,ma_chi_cuc,luong,ngay_dang_ky,ngay_thong_quan,cac_buoc',
  '105123456789,E31,0201234569,Công ty TNHH Điện tử Hải Phòng,,,03NK,yellow,2026-11-20T08:15:00+07:00,2026-11-20T15:40:00+07:00,"Tiếp nhận:03NK01; Kiểm tra hồ sơ:03NK02"',
].join('\r\n');
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE}\r\n`)}`;

/** Import declarations from CSV or Excel: runs in the background, good rows kept, bad rows listed. */
export default function ImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData();
      form.append('file', chosen);
      return api<{ id: string; total: number }>('/api/declarations/imports', { method: 'POST', form });
    },
    onSuccess: (started) => setJobId(started.id),
  });
  const job = useQuery({
    queryKey: declarationKeys.importJob(jobId),
    enabled: jobId !== null,
    queryFn: () => api<ImportJob>(`/api/declarations/imports/${jobId}`),
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });
  const data = job.data;
  const percent = data && data.total > 0 ? Math.round((data.processed / data.total) * 100) : 0;
  const tooBig = file !== null && file.size > IMPORT_MAX_BYTES;
  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.intro')} />
      <Stack gap="md" maw={900}>
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <FileInput
              label={t('imports.file')}
              description={t('imports.fileHint', { size: format.number(IMPORT_MAX_BYTES / 1024 / 1024) })}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              error={tooBig ? t('imports.tooBig') : undefined}
              data-testid="import-file"
            />
            <Text size="sm">
              <Anchor href={TEMPLATE_HREF} download="mau-nhap-to-khai.csv" underline="always">
                {t('imports.template')}
              </Anchor>{' '}
              — {t('imports.templateHint')}
            </Text>
            <FormAlert failure={start.isError ? toApiError(start.error) : null} />
            <Group justify="flex-end">
              <Button
                disabled={!file || tooBig}
                loading={start.isPending}
                onClick={() => file && (setJobId(null), start.mutate(file))}
                data-testid="import-start"
              >
                {t('imports.start')}
              </Button>
            </Group>
          </Stack>
        </Card>
        {data && (
          <Card withBorder radius="md" padding="md" data-testid="import-job">
            <Title order={2} size="h4" mb="xs">
              {data.fileName}
            </Title>
            <Progress
              value={percent}
              size="lg"
              radius="md"
              animated={data.status === 'running'}
              aria-label={t('imports.progress')}
              color={data.status === 'failed' ? 'red' : undefined}
            />
            <Text size="sm" mt="xs" aria-live="polite" data-testid="import-status">
              {data.status === 'running'
                ? t('imports.running', { processed: format.number(data.processed), total: format.number(data.total) })
                : t(data.status === 'failed' ? 'imports.failed' : 'imports.done', {
                    succeeded: format.number(data.succeeded),
                    failed: format.number(data.errors.length),
                    total: format.number(data.total),
                  })}
            </Text>
            {data.errors.length > 0 && (
              <>
                <Alert
                  color="red"
                  variant="light"
                  mt="md"
                  title={t('imports.errorsTitle', { count: data.errors.length })}
                >
                  {t('imports.errorsIntro')}
                </Alert>
                <ListTable
                  label={t('imports.errorsTitle', { count: data.errors.length })}
                  minWidth={560}
                  striped
                  mt="sm"
                  data-testid="import-errors"
                  columns={[t('imports.row'), t('imports.field'), t('imports.message')]}
                >
                  {data.errors.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{e.row}</Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {e.field}
                        </Text>
                      </Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </ListTable>
              </>
            )}
          </Card>
        )}
      </Stack>
    </>
  );
}
