// The page a one-time sign-in link opens (/dang-nhap/lien-ket#<token>): the
// link was mailed to the account because it, or the address it was used from,
// is over its limit of failed attempts; with the password it signs in past them.
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { signInLinkBody } from '../../../contracts/auth.ts';
import { ApiError } from '../../app/api.ts';
import { useSignInWithLink } from '../../app/session.ts';
import { FormAlert } from '../../components/Feedback.tsx';
import { Alert as AlertIcon } from '../../components/icons.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { useFormState } from '../../lib/forms.ts';

export default function SignInLinkPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.link.title'));
  const navigate = useNavigate();
  const signIn = useSignInWithLink();
  const form = useFormState();
  // The token is in the fragment, which browsers never send to a server; once read it leaves the address bar.
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const [password, setPassword] = useState('');
  const [linkRefused, setLinkRefused] = useState(false);

  useEffect(() => {
    if (window.location.hash)
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);

  function submit() {
    const body = form.check(signInLinkBody, { token, password });
    if (!body) return;
    signIn.mutate(body, {
      onSuccess: () => void navigate('/app', { replace: true }),
      onError: (error) => {
        if (error instanceof ApiError && error.details.some((detail) => detail.field === 'token')) setLinkRefused(true);
        else form.fail(error);
      },
    });
  }

  const broken = linkRefused || !signInLinkBody.shape.token.safeParse(token).success;
  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" maw={440} w="100%" mx="auto">
      <Title order={1} size="h2" mb={4}>
        {t('signIn.link.title')}
      </Title>
      {broken ? (
        <Stack gap="md" mt="md">
          <Alert
            color="red"
            icon={<AlertIcon />}
            role="alert"
            title={t('signIn.link.invalidTitle')}
            data-testid="sign-in-link-invalid"
          >
            {t('signIn.link.invalid')}
          </Alert>
          <Anchor component={Link} to="/dang-nhap">
            {t('signIn.link.back')}
          </Anchor>
        </Stack>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="lg">
            {t('signIn.link.intro')}
          </Text>
          <form
            noValidate
            data-testid="sign-in-link-form"
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <Stack gap="md">
              <FormAlert failure={form.failure} shownFields={['password']} />
              <PasswordInput
                label={t('signIn.password')}
                name="password"
                autoComplete="current-password"
                required
                withAsterisk={false}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={form.errors.password}
                data-testid="sign-in-link-password"
              />
              <Button type="submit" loading={signIn.isPending} fullWidth data-testid="sign-in-link-submit">
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
    </Paper>
  );
}
