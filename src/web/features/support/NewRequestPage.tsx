import {
  Alert,
  Anchor,
  Button,
  Card,
  Grid,
  List,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { QA_CATEGORIES, type SearchResponse } from '../../../contracts/questions.ts';
import { createRequestBody, OFFICER_CHANNELS, PRIORITIES, type RequestDetail } from '../../../contracts/support.ts';
import { api } from '../../app/api.ts';
import { hasRole, useSession } from '../../app/session.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormState } from '../../lib/forms.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { Highlighted } from '../questions/shared.tsx';
import { questionKeys } from '../questions/keys.ts';
import { isSupportStaff } from '../../../contracts/roles.ts';

/** Opening a request; similar published answers are offered first. Officers log requests received another way. */
export default function NewRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const staff = isSupportStaff(me);
  const onBehalf = staff || hasRole(me, ['broker', 'association_rep']);
  const [params] = useSearchParams();
  const form = useFormState();
  const [values, setValues] = useState<{
    subject: string;
    body: string;
    category: string | null;
    priority: string | null;
    channel: string | null;
    requesterName: string;
    requesterEmail: string;
    requesterPhone: string;
    enterpriseTaxCode: string;
  }>({
    subject: params.get('subject') ?? '',
    body: '',
    category: null,
    priority: 'normal',
    channel: null,
    requesterName: '',
    requesterEmail: '',
    requesterPhone: '',
    enterpriseTaxCode: '',
  });
  const set = (key: keyof typeof values) => (value: string | null) => {
    setValues((current) => ({ ...current, [key]: value }));
    form.clear(key);
  };
  const [subject] = useDebouncedValue(values.subject, 400);
  const similar = useQuery({
    queryKey: questionKeys.similar(subject),
    queryFn: () => api<SearchResponse>('/api/questions', { query: { q: subject, limit: 3 } }),
    enabled: subject.trim().length >= 4,
  });
  const mutation = useMutation({
    mutationFn: (body: unknown) => api<RequestDetail>('/api/support/requests', { method: 'POST', body }),
    onSuccess: async (created) => {
      notifySuccess(t('support.desk.createdToast', { number: created.number }));
      await navigate(`/app/ho-tro/${created.id}`);
    },
    onError: (error) => form.fail(error),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    const body = form.check(createRequestBody, {
      subject: values.subject,
      body: values.body,
      category: values.category ?? undefined,
      priority: values.priority ?? 'normal',
      ...(staff && {
        channel: values.channel ?? undefined,
        requesterName: optional(values.requesterName),
        requesterEmail: optional(values.requesterEmail),
        requesterPhone: optional(values.requesterPhone),
      }),
      ...(onBehalf && { enterpriseTaxCode: optional(values.enterpriseTaxCode) }),
    });
    if (body) mutation.mutate(body);
  };
  const e = form.errors;

  return (
    <>
      <PageHeader
        title={staff ? t('support.desk.logNew') : t('support.desk.new')}
        description={t('support.desk.newIntro')}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder radius="md" padding="lg">
            <form onSubmit={submit} noValidate data-testid="request-form">
              <Stack gap="sm">
                <FormAlert failure={form.failure} shownFields={Object.keys(values)} />
                <TextInput
                  label={t('support.desk.subject')}
                  required
                  value={values.subject}
                  onChange={(ev) => set('subject')(ev.currentTarget.value)}
                  error={e.subject}
                  maxLength={200}
                />
                <Select
                  label={t('support.desk.category')}
                  required
                  data={QA_CATEGORIES.map((c) => ({ value: c, label: t(`support.categories.${c}`) }))}
                  value={values.category}
                  onChange={set('category')}
                  error={e.category}
                />
                <Select
                  label={t('support.desk.priority')}
                  data={PRIORITIES.map((p) => ({ value: p, label: t(`support.priorities.${p}`) }))}
                  value={values.priority}
                  onChange={set('priority')}
                  allowDeselect={false}
                />
                <Textarea
                  label={t('support.desk.body')}
                  required
                  autosize
                  minRows={5}
                  value={values.body}
                  onChange={(ev) => set('body')(ev.currentTarget.value)}
                  error={e.body}
                  maxLength={10_000}
                />
                {onBehalf && (
                  <TextInput
                    label={t('support.desk.taxCode')}
                    description={t('support.desk.taxCodeHint')}
                    value={values.enterpriseTaxCode}
                    onChange={(ev) => set('enterpriseTaxCode')(ev.currentTarget.value)}
                    error={e.enterpriseTaxCode}
                    maxLength={20}
                  />
                )}
                {staff && (
                  <>
                    <Select
                      label={t('support.desk.channel')}
                      required
                      data={OFFICER_CHANNELS.map((c) => ({ value: c, label: t(`support.channels.${c}`) }))}
                      value={values.channel}
                      onChange={set('channel')}
                      error={e.channel}
                    />
                    <TextInput
                      label={t('support.desk.requesterName')}
                      required
                      value={values.requesterName}
                      onChange={(ev) => set('requesterName')(ev.currentTarget.value)}
                      error={e.requesterName}
                      maxLength={200}
                    />
                    <TextInput
                      label={t('support.desk.requesterEmail')}
                      type="email"
                      value={values.requesterEmail}
                      onChange={(ev) => set('requesterEmail')(ev.currentTarget.value)}
                      error={e.requesterEmail}
                      maxLength={200}
                    />
                    <TextInput
                      label={t('support.desk.requesterPhone')}
                      value={values.requesterPhone}
                      onChange={(ev) => set('requesterPhone')(ev.currentTarget.value)}
                      error={e.requesterPhone}
                      maxLength={40}
                    />
                  </>
                )}
                <Button type="submit" loading={mutation.isPending} data-testid="request-submit">
                  {t('support.desk.send')}
                </Button>
              </Stack>
            </form>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder radius="md" padding="md" aria-live="polite">
            <Title order={2} size="h5" mb="xs">
              {t('support.desk.similarTitle')}
            </Title>
            {!similar.data || similar.data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('support.desk.similarNone')}
              </Text>
            ) : (
              <>
                <Alert color="navy" mb="xs" p="xs">
                  <Text size="sm">{t('support.desk.similarHint')}</Text>
                </Alert>
                <List size="sm" spacing="xs" data-testid="request-similar">
                  {similar.data.items.map((item) => (
                    <List.Item key={item.id}>
                      <Anchor component={Link} to={`/hoi-dap/${item.id}`} target="_blank" rel="noopener">
                        <Highlighted segments={item.titleSegments} />
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
