import ResultsPage from './ResultsPage.tsx';

/** The public page of a survey's published results. */
export default function PublicResultsPage() {
  return <ResultsPage published />;
}
