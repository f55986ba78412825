import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AssessmentView, RatingPage } from '../../../contracts/assessments.ts';
import { RatingForm } from './RatingForm.tsx';
import { SentAssessment } from './SentAssessment.tsx';

/** Rate, or see what was sent and amend it: the same for a link and for the app. */
export function RatingPanel({ page, path, token, queryKey }: { page: RatingPage; path: string; token: string | null; queryKey: readonly unknown[] }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [justSent, setJustSent] = useState(false);
  const sent = page.assessment;
  const done = (view: AssessmentView) => {
    client.setQueryData<RatingPage>(queryKey, { ...page, assessment: view });
    setEditing(false);
    setJustSent(true);
    window.scrollTo({ top: 0 });
  };
  if (sent && !editing) return <SentAssessment view={sent} token={token} justSent={justSent} onAmend={() => setEditing(true)} />;
  return <RatingForm key={sent?.revision ?? 0} page={page} path={path} sent={sent} onDone={done} onCancel={sent ? () => setEditing(false) : undefined} />;
}
