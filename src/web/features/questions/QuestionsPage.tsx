import { Alert, Anchor, Autocomplete, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { QA_CATEGORIES, type QaCategory, type SearchResponse } from '../../../contracts/questions.ts';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.ts';
import { EmptyState, QueryError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Search } from '../../components/icons.tsx';
import { useFormat } from '../../lib/format.ts';
import { CategoryBadge, Highlighted, LowerBoundPager } from './shared.tsx';
import { questionKeys } from './keys.ts';
import { mayExportQuestionBank } from '../../../contracts/roles.ts';

const LIMIT = 20;

/** The public question bank: search as you type, by category, without signing in. */
export default function QuestionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = (params.get('category') as QaCategory | null) ?? null;
  const tag = params.get('tag');
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState(q);
  const [typed] = useDebouncedValue(draft, 200);

  const results = useQuery({
    queryKey: questionKeys.search(q, category, tag, offset),
    queryFn: () => api<SearchResponse>('/api/questions', { query: { q, category, tag, limit: LIMIT, offset } }),
    placeholderData: keepPreviousData,
  });
  const suggestions = useQuery({
    queryKey: questionKeys.suggest(typed),
    queryFn: () => api<{ id: string; title: string }[]>('/api/questions/suggest', { query: { q: typed } }),
    enabled: typed.trim().length >= 2 && typed !== q,
  });
  const titles = [...new Set((suggestions.data ?? []).map((s) => s.title))];

  const update = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() || null, offset: null });
  };
  const canExport = mayExportQuestionBank(me);

  return (
    <Stack maw={960} mx="auto" gap="md">
      <PageHeader
        title={t('support.qa.title')}
        description={t('support.qa.intro')}
        actions={
          canExport ? (
            <Group gap="xs">
              <Button component="a" href="/api/question-bank/export.xlsx" variant="default" data-testid="qa-export">
                {t('support.qa.export')}
              </Button>
              <Button component="a" href="/api/question-bank/export.pdf" variant="default" data-testid="qa-export-pdf">
                {t('supportInbound.nav.pdf')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      <Card withBorder radius="md" padding="md">
        <form onSubmit={submit} role="search" aria-label={t('support.qa.searchLabel')}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Autocomplete
              label={t('support.qa.searchLabel')}
              placeholder={t('support.qa.searchPlaceholder')}
              value={draft}
              onChange={setDraft}
              data={titles}
              // The server already matched the titles (without diacritics, typos corrected): show them all.
              filter={({ options }) => options}
              withScrollArea={false}
              onOptionSubmit={(title) => {
                const hit = suggestions.data?.find((s) => s.title === title);
                if (hit) void navigate(`/hoi-dap/${hit.id}`);
              }}
              leftSection={<Search size={16} />}
              rightSection={suggestions.isFetching ? <Loader size="xs" /> : null}
              style={{ flex: '1 1 320px' }}
              data-testid="qa-search"
              maxLength={200}
            />
            <Select
              label={t('support.qa.category')}
              placeholder={t('support.qa.allCategories')}
              data={QA_CATEGORIES.map((c) => ({ value: c, label: t(`support.categories.${c}`) }))}
              value={category}
              onChange={(value) => update({ category: value, offset: null })}
              clearable
              style={{ flex: '0 1 260px' }}
            />
            <Button type="submit" data-testid="qa-search-submit">
              {t('support.qa.search')}
            </Button>
          </Group>
        </form>
        {tag && (
          <Group gap="xs" mt="sm">
            <Text size="sm">{t('support.qa.taggedWith', { tag })}</Text>
            <Button size="compact-xs" variant="light" onClick={() => update({ tag: null, offset: null })}>
              {t('support.qa.clearTag')}
            </Button>
          </Group>
        )}
      </Card>

      {results.isError && <QueryError error={results.error} onRetry={() => void results.refetch()} />}
      {results.data && (
        <section aria-labelledby="qa-results-title" aria-live="polite">
          <Title order={2} size="h4" id="qa-results-title" mb="xs">
            {q
              ? t(results.data.totalExact ? 'support.qa.resultsFor' : 'qsearch.resultsMoreThan', {
                  count: results.data.total,
                  q,
                })
              : t('support.qa.popular')}
          </Title>
          {results.data.approximate && results.data.total > 0 && (
            <Alert color="navy" mb="xs" title={t('qsearch.approximateTitle')} data-testid="qa-approximate">
              <Text size="sm">{t('qsearch.approximate', { q: results.data.corrected ?? q })}</Text>
            </Alert>
          )}
          {results.data.fuzzy && (
            <Text size="sm" c="dimmed" mb="xs" data-testid="qa-corrected">
              {results.data.corrected
                ? t('qsearch.corrected', { q, corrected: results.data.corrected })
                : t('support.qa.fuzzy')}
            </Text>
          )}
          {results.data.total === 0 ? (
            <Alert color="navy" title={t('support.qa.noneTitle')} data-testid="qa-none">
              <Text size="sm" mb="sm">
                {t('support.qa.noneText')}
              </Text>
              <Button component={Link} to={`/app/ho-tro/moi?subject=${encodeURIComponent(q)}`} data-testid="qa-ask">
                {t('support.qa.ask')}
              </Button>
            </Alert>
          ) : (
            <Stack gap="sm">
              {results.data.items.map((item) => (
                <Card key={item.id} withBorder radius="md" padding="md" component="article">
                  <Group gap="xs" mb={4}>
                    <CategoryBadge category={item.category} />
                    {item.tags.map((itemTag) => (
                      <Anchor
                        key={itemTag}
                        component={Link}
                        to={`/hoi-dap?tag=${encodeURIComponent(itemTag)}`}
                        size="xs"
                      >
                        #{itemTag}
                      </Anchor>
                    ))}
                    {item.lastReviewedAt && (
                      <Text size="xs" c="dimmed">
                        {t('support.qa.reviewed', { date: format.date(item.lastReviewedAt) })}
                      </Text>
                    )}
                  </Group>
                  <Title order={3} size="h5">
                    <Anchor
                      component={Link}
                      to={`/hoi-dap/${item.id}${results.data.searchId ? `?search=${results.data.searchId}` : ''}`}
                      data-testid="qa-result"
                    >
                      <Highlighted segments={item.titleSegments} />
                    </Anchor>
                  </Title>
                  <Text size="sm" mt={4}>
                    <Highlighted segments={item.snippet} />
                  </Text>
                </Card>
              ))}
              {results.data.totalExact ? (
                <Pager
                  total={results.data.total}
                  limit={LIMIT}
                  offset={offset}
                  onChange={(next) => update({ offset: next ? String(next) : null })}
                />
              ) : (
                <LowerBoundPager
                  total={results.data.total}
                  shown={results.data.items.length}
                  limit={LIMIT}
                  offset={offset}
                  onChange={(next) => update({ offset: next ? String(next) : null })}
                />
              )}
            </Stack>
          )}
        </section>
      )}
      {results.data && results.data.total > 0 && (
        <Text size="sm">
          {t('support.qa.notFound')}{' '}
          <Anchor
            component={Link}
            to={`/app/ho-tro/moi${q ? `?subject=${encodeURIComponent(q)}` : ''}`}
            data-testid="qa-ask-link"
            underline="always"
          >
            {t('support.qa.ask')}
          </Anchor>
        </Text>
      )}
      {results.isPending && <EmptyState>{t('common.loading')}</EmptyState>}
    </Stack>
  );
}
