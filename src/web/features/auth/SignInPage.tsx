import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { signInBody } from '../../../contracts/auth.ts';
import { ApiError } from '../../app/api.ts';
import { useSession, useSignIn } from '../../app/session.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { Mail } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { useFormState } from '../../lib/forms.ts';
import { DemoAccounts } from './DemoAccounts.tsx';

const EMAIL_INPUT_ID = 'sign-in-email';

/** Only same-site paths: never send someone to another origin after signing in. */
function safeNext(value: string | null): string {
  if (value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return value;
  return '/app';
}

export default function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { me } = useSession();
  const signIn = useSignIn();
  const form = useFormState();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  /** Over a limit the server checks no password and mails the account a one-time link (if there is an account). */
  const [linkSent, setLinkSent] = useState(false);

  function submit(values: { email: string; password: string }) {
    const body = form.check(signInBody, values);
    if (!body) return;
    setLinkSent(false);
    signIn.mutate(body, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'sign_in_link_sent') {
          form.clear();
          setLinkSent(true);
        } else {
          form.fail(error);
        }
      },
    });
  }

  if (me && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  return (
    <Stack maw={960} mx="auto" gap="xl">
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" maw={440} w="100%" mx="auto">
        <Title order={1} size="h2" mb={4}>
          {t('signIn.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="lg">
          {t('signIn.subtitle')}
        </Text>
        <form
          noValidate
          data-testid="sign-in-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit({ email, password });
          }}
        >
          <Stack gap="md">
            <FormAlert failure={form.failure} shownFields={['email', 'password']} />
            {linkSent && (
              <Alert
                color="blue"
                icon={<Mail />}
                role="status"
                title={t('signIn.linkSentTitle')}
                data-testid="sign-in-link-sent"
              >
                {t('signIn.linkSent')}
              </Alert>
            )}
            <TextInput
              id={EMAIL_INPUT_ID}
              label={t('signIn.email')}
              type="email"
              name="email"
              autoComplete="username"
              required
              withAsterisk={false}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={form.errors.email}
              data-testid="sign-in-email"
            />
            <PasswordInput
              label={t('signIn.password')}
              name="password"
              autoComplete="current-password"
              required
              withAsterisk={false}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={form.errors.password}
              data-testid="sign-in-password"
            />
            <Button type="submit" loading={signIn.isPending} fullWidth data-testid="sign-in-submit">
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <DemoAccounts
        busy={signIn.isPending}
        onFill={(account) => {
          setEmail(account.email);
          setPassword(account.password);
          form.clear();
          document.getElementById(EMAIL_INPUT_ID)?.focus();
        }}
        onSignIn={(account) => {
          setEmail(account.email);
          setPassword(account.password);
          submit(account);
        }}
      />
    </Stack>
  );
}
