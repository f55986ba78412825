import { Alert, Button, Checkbox, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_SCOPES, createApiKeyBody } from '../../../../contracts/admin.ts';
import { api } from '../../../app/api.ts';
import { FormAlert } from '../../../components/Feedback.tsx';
import { Check, Copy } from '../../../components/icons.tsx';
import { useFormState } from '../../../lib/forms.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { AppModal } from '../../../components/AppModal.tsx';
import { ModalFooter } from '../../../components/ModalFooter.tsx';
import { apiKeyKeys } from '../keys.ts';

interface CreatedKey {
  id: string;
  name: string;
  key: string;
}

/** Creates a key; the secret is shown here once and never again. */
export function CreateApiKeyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const mutation = useMutation({
    mutationFn: (body: unknown) => api<CreatedKey>('/api/admin/api-keys', { method: 'POST', body }),
    onSuccess: async (key) => {
      setCreated(key);
      notifySuccess(t('apiKeys.created', { name: key.name }));
      await client.invalidateQueries({ queryKey: apiKeyKeys.all });
    },
    onError: (error) => form.fail(error),
  });

  if (created) {
    return (
      <AppModal opened onClose={onClose} title={t('apiKeys.createdTitle')} size="lg" closeOnClickOutside={false}>
        <Stack gap="sm">
          <Alert color="red" role="alert" title={t('apiKeys.onceTitle')}>
            {t('apiKeys.onceWarning')}
          </Alert>
          <Text size="sm" fw={600} id="new-key-label">
            {t('apiKeys.keyFor', { name: created.name })}
          </Text>
          <Code
            block
            aria-labelledby="new-key-label"
            data-testid="new-api-key"
            style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
          >
            {created.key}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Button variant="light" leftSection={copied ? <Check /> : <Copy />} onClick={copy}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('apiKeys.doneButton')}</Button>
          </Group>
        </Stack>
      </AppModal>
    );
  }

  return (
    <AppModal opened onClose={onClose} title={t('apiKeys.createTitle')} size="lg">
      <form
        noValidate
        data-testid="api-key-form"
        onSubmit={(event) => {
          event.preventDefault();
          const body = form.check(createApiKeyBody, { name, scopes });
          if (body) mutation.mutate(body);
        }}
      >
        <Stack gap="sm">
          <FormAlert failure={form.failure} shownFields={['name', 'scopes']} />
          <TextInput
            label={t('apiKeys.name')}
            description={t('apiKeys.nameHelp')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={form.errors.name}
          />
          <Checkbox.Group
            label={t('apiKeys.scopes')}
            required
            value={scopes}
            onChange={setScopes}
            error={form.errors.scopes}
          >
            <Stack gap={6} mt="xs">
              {API_SCOPES.map((scope) => (
                <Checkbox
                  key={scope}
                  value={scope}
                  label={`${scope} — ${t(`apiKeys.scope.${scope.replace(':', '_')}`)}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <ModalFooter
            onCancel={onClose}
            submitLabel={t('apiKeys.create')}
            loading={mutation.isPending}
            testId="api-key-submit"
            mt="md"
          />
        </Stack>
      </form>
    </AppModal>
  );
}
