// Where the QR code on a waiting-room screen leads (`/theo-doi?office=`): a
// business signed in sees its declarations moving at that office; otherwise it
// opens its declaration with the declaration's own rating link (the proof that it
// is the declarant), or signs in.
import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isEnterpriseUser } from '../../../contracts/roles.ts';
import type { FollowedDeclaration } from '../../../contracts/screens.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { ListState } from '../../components/ListState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { screenKeys } from './keys.ts';

export default function FollowPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const office = params.get('office');
  const { me } = useSession();
  const business = isEnterpriseUser(me);
  const navigate = useNavigate();
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mine = useQuery({
    queryKey: screenKeys.following(office),
    queryFn: () => api<{ declarations: FollowedDeclaration[] }>('/api/my/following', { query: { office } }),
    enabled: business,
    refetchInterval: 10_000,
  });
  const name = (x: { vi: string; en: string }) => (i18n.language === 'en' && x.en ? x.en : x.vi);

  function open(event: FormEvent) {
    event.preventDefault();
    const token =
      /(?:danh-gia|theo-doi)\/([A-Za-z0-9_-]{16,64})/.exec(link)?.[1] ??
      (/^[A-Za-z0-9_-]{16,64}$/.test(link.trim()) ? link.trim() : null);
    if (!token) {
      setError(t('screens.follow.badLink'));
      return;
    }
    void navigate(`/theo-doi/${token}`);
  }

  return (
    <>
      <PageHeader title={t('screens.follow.title')} description={t('screens.follow.intro')} />
      {business ? (
        <ListState query={mine} empty={t('screens.follow.none')} isEmpty={(d) => d.declarations.length === 0}>
          {(data) => (
            <Stack>
              {data.declarations.map((d) => (
                <Card key={d.number} withBorder data-testid="follow-item">
                  <Group justify="space-between" wrap="wrap">
                    <div>
                      <Text fw={700}>{d.number}</Text>
                      <Text size="sm">{name(d.officeName)}</Text>
                    </div>
                    <Badge color={d.cleared ? 'green' : 'blue'} size="lg">
                      {d.stage ? t(`screens.stage.${d.stage}`) : t('screens.follow.noStep')}
                    </Badge>
                    <Button component={Link} to={`/theo-doi/${d.ratePath.split('/').at(-1)}`} variant="light">
                      {t('screens.follow.open')}
                    </Button>
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </ListState>
      ) : (
        <Card withBorder>
          <form onSubmit={open} noValidate>
            <Stack>
              <Text>{t('screens.follow.withLink')}</Text>
              <TextInput
                label={t('screens.follow.link')}
                value={link}
                onChange={(e) => setLink(e.currentTarget.value)}
                error={error}
                data-testid="follow-link"
              />
              <Group>
                <Button type="submit" data-testid="follow-open">
                  {t('screens.follow.open')}
                </Button>
                {!me && (
                  <Anchor
                    component={Link}
                    to={`/dang-nhap?next=${encodeURIComponent(`/theo-doi${office ? `?office=${office}` : ''}`)}`}
                  >
                    {t('screens.follow.signIn')}
                  </Anchor>
                )}
              </Group>
            </Stack>
          </form>
        </Card>
      )}
    </>
  );
}
