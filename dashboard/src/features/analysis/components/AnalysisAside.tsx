import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../../ui/Badge';
import { fetchAnalysis, type MediaAnalysis } from '../api';
import { flagTone, visibleFlags } from '../flags';
import { TicketLink } from './TicketLink';
import { useAnalysisT } from './use-analysis-t';

/** How often to look again while the analysis has not run yet, and for how long. */
const POLL_MS = 1_500;
const POLL_FOR_MS = 60_000;

/** Under a stored photo, video or voice note: its verdict, quality and tamper flags, the duplicate link. */
export function AnalysisAside({ mediaId, kind }: { mediaId: string; kind: string }) {
  const t = useAnalysisT();
  const analysed = ['image', 'video', 'audio'].includes(kind);
  const [firstAsked] = useState(() => Date.now());
  const query = useQuery({
    queryKey: ['media', mediaId, 'analysis'],
    queryFn: ({ signal }) => fetchAnalysis(mediaId, signal),
    enabled: analysed,
    // The analysis is written once: poll until it exists, then never again.
    refetchInterval: (q) =>
      q.state.data === null && Date.now() - firstAsked < POLL_FOR_MS ? POLL_MS : false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!analysed || query.isError) {
    return null;
  }
  const analysis = query.data;
  if (!analysis) {
    return (
      <div className="sl-analysis" data-state="pending">
        <span className="sl-muted">{t('pending')}</span>
      </div>
    );
  }
  return (
    <div className="sl-analysis" data-state="done" data-verdict={analysis.verdict}>
      <div className="sl-analysis__badges">
        <Badge tone={analysis.verdict === 'unusable' ? 'warning' : 'outline'}>{t(analysis.verdict)}</Badge>
        {visibleFlags(analysis.flags).map((flag) => (
          <Badge key={flag} tone={flagTone(flag)}>
            <span data-flag={flag}>{t(`flag_${flag}`)}</span>
          </Badge>
        ))}
      </div>
      {analysis.duplicateOf ? (
        <TicketLink ticketId={analysis.duplicateOf.ticketId}>
          {t('duplicateOf', { number: analysis.duplicateOf.ticketNumber })}
        </TicketLink>
      ) : null}
      <AnalysisDetails analysis={analysis} />
    </div>
  );
}

function AnalysisDetails({ analysis }: { analysis: MediaAnalysis }) {
  const t = useAnalysisT();
  const rows: [string, string][] = [];
  if (analysis.quality) {
    rows.push([t('size'), `${analysis.quality.width} × ${analysis.quality.height}`]);
    rows.push([t('sharpness'), String(Math.round(analysis.quality.sharpness))]);
    rows.push([t('brightness'), String(Math.round(analysis.quality.meanBrightness))]);
  }
  if (analysis.errorLevel !== null) {
    rows.push([t('errorLevel'), analysis.errorLevel.toFixed(2)]);
  }
  const camera = [analysis.exif?.make, analysis.exif?.model].filter(Boolean).join(' ');
  if (camera) {
    rows.push([t('camera'), camera]);
  }
  if (analysis.exif?.software) {
    rows.push([t('software'), analysis.exif.software]);
  }
  if (analysis.exif?.capturedAt) {
    rows.push([t('captured'), analysis.exif.capturedAt.slice(0, 10)]);
  }
  if (rows.length === 0) {
    return null;
  }
  return (
    <details className="sl-analysis__details">
      <summary>{t('details')}</summary>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd dir="auto">{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
