import { Card, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, useSession } from '../../app/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { isLanguage } from '../../i18n/index.ts';
import { RoleList } from '../dashboard/RoleList.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** Profile, language preference and password. */
export default function AccountPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  if (!me) return null;

  return (
    <Stack gap="lg" maw={900}>
      <PageHeader title={t('account.title')} description={t('account.intro')} />
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="profile-title">
        <Title order={2} size="h4" id="profile-title" mb="md">
          {t('account.profile')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Field label={t('account.fullName')} value={me.fullName} />
          <Field label={t('account.email')} value={me.email} />
          {me.enterprise && (
            <Field
              label={t('account.enterprise')}
              value={`${me.enterprise.name} (${t('common.taxCode')} ${me.enterprise.taxCode})`}
            />
          )}
          {me.association && <Field label={t('account.association')} value={me.association.name} />}
          {me.officer && <Field label={t('account.officerCode')} value={me.officer.code} />}
        </SimpleGrid>
        <Text size="xs" c="dimmed" fw={600} mt="md" mb={4}>
          {t('account.roles')}
        </Text>
        <RoleList me={me} />
      </Card>
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="language-title">
        <Title order={2} size="h4" id="language-title" mb="sm">
          {t('account.languageTitle')}
        </Title>
        <Radio.Group
          label={t('account.languageLabel')}
          description={t('account.languageHelp')}
          value={i18n.language === 'en' ? 'en' : 'vi'}
          onChange={(value) => {
            if (isLanguage(value)) void chooseLanguage(value);
          }}
        >
          <Group mt="xs">
            <Radio value="vi" label={<span lang="vi">Tiếng Việt</span>} />
            <Radio value="en" label={<span lang="en">English</span>} />
          </Group>
        </Radio.Group>
      </Card>
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="password-title">
        <Title order={2} size="h4" id="password-title" mb="sm">
          {t('account.passwordTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('account.passwordIntro')}
        </Text>
        <ChangePasswordForm />
      </Card>
    </Stack>
  );
}
