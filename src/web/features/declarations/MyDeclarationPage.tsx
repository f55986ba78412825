import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RatingPage } from '../../../contracts/assessments.ts';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListState } from '../../components/ListState.tsx';
import { DeclarationSummary } from '../rating/DeclarationSummary.tsx';
import { RatingPanel } from '../rating/RatingPanel.tsx';
import { declarationKeys } from './keys.ts';

/** A signed-in business rates one of its declarations (or sees and amends what it sent). */
export default function MyDeclarationPage() {
  const { t } = useTranslation();
  const number = useParams().number ?? '';
  const queryKey = declarationKeys.one(number);
  const query = useQuery({
    queryKey,
    queryFn: () => api<RatingPage>(`/api/my/declarations/${encodeURIComponent(number)}`),
    retry: false,
  });
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to="/app/to-khai" size="sm">
        ← {t('myDeclarations.back')}
      </Anchor>
      <PageHeader title={t('myDeclarations.rateTitle', { number })} />
      <ListState query={query} loader="page" retry={false}>
        {(data) => (
          <>
            <DeclarationSummary declaration={data.declaration} />
            <RatingPanel
              page={data}
              path={`/api/my/declarations/${encodeURIComponent(number)}/assessment`}
              token={null}
              queryKey={queryKey}
            />
          </>
        )}
      </ListState>
    </Stack>
  );
}
