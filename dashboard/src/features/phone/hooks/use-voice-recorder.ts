import { useCallback, useEffect, useRef, useState } from 'react';

const PREFERRED_TYPES = ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus', 'audio/webm', 'audio/mp4'];

export type RecorderState = 'idle' | 'recording' | 'unsupported' | 'denied';

function supported(): boolean {
  return typeof MediaRecorder !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
}

/** Record a voice note with MediaRecorder; stop() resolves with the audio blob. */
export function useVoiceRecorder() {
  const [state, setState] = useState<RecorderState>(() => (supported() ? 'idle' : 'unsupported'));
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const chunks = useRef<Blob[]>([]);

  const release = useCallback(() => {
    for (const track of recorder.current?.stream.getTracks() ?? []) {
      track.stop();
    }
    recorder.current = null;
  }, []);

  useEffect(() => release, [release]);

  const start = useCallback(async () => {
    if (!supported()) {
      setState('unsupported');
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const mimeType = PREFERRED_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
      const next = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
      chunks.current = [];
      next.ondataavailable = (event) => {
        if (event.data.size > 0) {
          chunks.current.push(event.data);
        }
      };
      next.start();
      recorder.current = next;
      setStartedAt(Date.now());
      setState('recording');
    } catch {
      setState('denied');
    }
  }, []);

  const stop = useCallback(
    (): Promise<Blob | null> =>
      new Promise((resolve) => {
        const current = recorder.current;
        if (!current || current.state === 'inactive') {
          resolve(null);
          return;
        }
        current.onstop = () => {
          const type = current.mimeType || 'audio/webm';
          resolve(new Blob(chunks.current, { type }));
          release();
          setState('idle');
          setStartedAt(null);
        };
        current.stop();
      }),
    [release],
  );

  const cancel = useCallback(() => {
    if (recorder.current && recorder.current.state !== 'inactive') {
      recorder.current.onstop = null;
      recorder.current.stop();
    }
    release();
    setState(supported() ? 'idle' : 'unsupported');
    setStartedAt(null);
  }, [release]);

  return { state, startedAt, start, stop, cancel };
}
