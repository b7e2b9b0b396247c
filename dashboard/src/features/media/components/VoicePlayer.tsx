import { formatDuration, type MediaView } from '../media-view';
import { useMediaT } from './use-media-t';

/** Audio and voice notes: the waveform summary, the duration and the browser's player (range requests). */
export function VoicePlayer({ media }: { media: MediaView }) {
  const t = useMediaT();
  return (
    <div className="sl-voice">
      {media.waveform && media.waveform.length > 0 ? (
        <div className="sl-voice__wave" aria-hidden="true">
          {media.waveform.map((peak, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the waveform is a fixed series of bars
            <span key={i} style={{ height: `${Math.max(8, peak * 100)}%` }} />
          ))}
        </div>
      ) : null}
      {/* biome-ignore lint/a11y/useMediaCaption: customers' voice notes come without captions (transcripts belong to the analysis feature) */}
      <audio
        controls
        preload="metadata"
        src={media.urls!.original}
        aria-label={media.voice ? t('voice') : (media.filename ?? '')}
      />
      {media.durationMs !== null ? (
        <span className="sl-voice__duration">{formatDuration(media.durationMs)}</span>
      ) : null}
    </div>
  );
}
