import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import type { AssessmentView, RatingPage } from '../../../contracts/assessments.ts';
import { lazyPage } from '../../app/lazyPage.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { RatingForm } from './RatingForm.tsx';

// A first rating (what a QR code opens) needs only the form: what was sent, and the mailed-code
// gate with its validation, load when a rating has been sent.
const RatingAccessGate = lazyPage(() =>
  import('./RatingAccessGate.tsx').then((module) => ({ default: module.RatingAccessGate })),
);
const SentAssessment = lazyPage(() =>
  import('./SentAssessment.tsx').then((module) => ({ default: module.SentAssessment })),
);

/**
 * Rate, or see what was sent and amend it: the same for a link and for the app.
 * From a link, a sent rating is shown (beyond the echo of sending it) and
 * amended only once the business has confirmed with a mailed code or signed in.
 */
export function RatingPanel({
  page,
  path,
  token,
  queryKey,
}: {
  page: RatingPage;
  path: string;
  token: string | null;
  queryKey: readonly unknown[];
}) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [justSent, setJustSent] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const sent = page.assessment;
  const done = (view: AssessmentView) => {
    client.setQueryData<RatingPage>(queryKey, { ...page, assessed: true, assessment: view });
    setEditing(false);
    setJustSent(true);
    window.scrollTo({ top: 0 });
  };
  const granted = () => {
    setEditing(confirming);
    setConfirming(false);
    setJustSent(false);
    void client.invalidateQueries({ queryKey });
  };
  if (token && page.viewer === 'link' && (confirming || (page.assessed && !sent))) {
    return (
      <Suspense fallback={<PageLoader />}>
        <RatingAccessGate
          token={token}
          afterSending={confirming}
          onGranted={granted}
          onCancel={confirming ? () => setConfirming(false) : undefined}
        />
      </Suspense>
    );
  }
  if (sent && !editing) {
    return (
      <Suspense fallback={<PageLoader />}>
        <SentAssessment
          view={sent}
          token={token}
          justSent={justSent}
          onAmend={() => (page.viewer === 'link' ? setConfirming(true) : setEditing(true))}
        />
      </Suspense>
    );
  }
  return (
    <RatingForm
      key={sent?.revision ?? 0}
      page={page}
      path={path}
      sent={sent}
      onDone={done}
      onCancel={sent ? () => setEditing(false) : undefined}
    />
  );
}
