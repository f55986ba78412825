import { Anchor, Button, FileButton, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentFileView, DocumentView } from '../../../contracts/documents.ts';
import { api } from '../../app/api.ts';
import { useFormat } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { documentKeys } from './keys.ts';

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};
const ACCEPT =
  '.pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function size(bytes: number, language: string): string {
  const tag = language === 'en' ? 'en-US' : 'vi-VN';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`;
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** The document's file: download for everyone, the older versions, and upload for the officers who maintain it. */
export function DocumentFiles({ document }: { document: DocumentView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [showHistory, setShowHistory] = useState(false);
  const current: DocumentFileView | undefined = document.files.find((f) => f.current);
  const older = document.files.filter((f) => !f.current);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<DocumentView>(`/api/documents/${document.id}/file`, { method: 'POST', form });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: documentKeys.all });
      notifySuccess(t('library.files.uploaded'));
    },
    onError: (error) => notifyError(error),
  });
  return (
    <Stack gap={4} mt="xs" data-testid={`document-files-${document.number}`}>
      <Group gap="sm" wrap="wrap">
        {current ? (
          <Anchor href={current.url} download={current.name} size="sm" data-testid="document-download">
            {t('library.files.download', {
              type: TYPE_NAMES[current.contentType] ?? '',
              size: size(current.size, format.language),
            })}
            <VisuallyHidden> — {document.number}</VisuallyHidden>
          </Anchor>
        ) : (
          document.canManage && (
            <Text size="xs" c="dimmed">
              {t('library.files.none')}
            </Text>
          )
        )}
        {older.length > 0 && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setShowHistory((v) => !v)}
            aria-expanded={showHistory}
          >
            {t('library.files.history', { n: older.length })}
          </Button>
        )}
        {document.canManage && (
          <FileButton onChange={(file) => file && upload.mutate(file)} accept={ACCEPT}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                size="compact-sm"
                loading={upload.isPending}
                data-testid="document-upload"
              >
                {current ? t('library.files.replace') : t('library.files.upload')}
                <VisuallyHidden> — {document.number}</VisuallyHidden>
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {document.canManage && (
        <Text size="xs" c="dimmed">
          {t('library.files.hint')}
          {document.unit && ` ${t('library.files.maintainedBy', { unit: document.unit.name })}`}
        </Text>
      )}
      {showHistory && (
        <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {older.map((f) => (
            <li key={f.id}>
              <Anchor href={f.url} download={f.name} size="xs">
                {t('library.files.version', {
                  version: f.version,
                  name: f.name,
                  date: format.dateTime(f.uploadedAt),
                  size: size(f.size, format.language),
                })}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {t('library.files.sha', { hash: f.sha256 })}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
