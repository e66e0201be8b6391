import { useState } from 'react';
import { isRecord } from '@omniflow/flow-schema';
import { getAtPointer } from '../core/jsonPointer.ts';
import { setLocalizedText } from '../components/PromptVariants/setLocalizedText.ts';
import type { PromptPartProps } from '../components/PromptVariants/PromptVariants.tsx';
import { useVoicesT, type VoicesMessageKey } from './voicesMessages.ts';
import { MAX_RECORDING_MB, uploadPromptAudio, UploadProblem } from './uploadPromptAudio.ts';

const PROBLEM_KEYS: readonly VoicesMessageKey[] = [
  'AUDIO_TYPE',
  'AUDIO_TOO_LARGE',
  'AUDIO_FORMAT',
  'AUDIO_UNREADABLE',
  'AUDIO_TOO_LONG',
];

/**
 * A prompt's recording in one locale (issue 20): upload a WAV or MP3 (the runtime checks and keeps it, the prompt
 * names it by `/prompt-audio/<id>`), listen to it, remove it. Problems are said in the UI language.
 */
export function PromptRecording({ nodeId, pointer, config, locale, label }: PromptPartProps) {
  const t = useVoicesT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [note, setNote] = useState('');
  const audioMap = getAtPointer(config, `${pointer}/audio`);
  const url = isRecord(audioMap) && typeof audioMap[locale] === 'string' ? String(audioMap[locale]) : '';
  const inputId = `${nodeId}-${pointer.replace(/\W/g, '-')}-recording`;

  const upload = async (file: File): Promise<void> => {
    setProblem('');
    setNote('');
    const params = { name: file.name, size: (file.size / (1024 * 1024)).toFixed(1), mb: MAX_RECORDING_MB };
    if (file.size > MAX_RECORDING_MB * 1024 * 1024) return setProblem(t('AUDIO_TOO_LARGE', params));
    setBusy(true);
    try {
      const stored = await uploadPromptAudio(file);
      setLocalizedText(nodeId, config, `${pointer}/audio`, locale, stored.url);
      setNote(t('uploaded', { name: stored.name, seconds: (stored.durationMs / 1000).toFixed(1), locale }));
    } catch (error) {
      const code = error instanceof UploadProblem ? error.code : '';
      const key = PROBLEM_KEYS.find((known) => known === code);
      setProblem(
        key ? t(key, params) : t('uploadFailed', { name: file.name, message: String((error as Error).message) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="prompt-recording" data-locale={locale} aria-busy={busy}>
      <label htmlFor={inputId}>{t('recording')}</label>
      <p className="muted">{t('recordingHelp', { mb: MAX_RECORDING_MB })}</p>
      {url !== '' && (
        <p className="prompt-recording-current">
          <span>{t('current', { locale })}</span>
          <audio controls preload="metadata" src={url} aria-label={`${label}: ${t('recording')} (${locale})`} />
          <button
            type="button"
            onClick={() => {
              setNote('');
              setLocalizedText(nodeId, config, `${pointer}/audio`, locale, '');
            }}
          >
            {t('remove')}
          </button>
        </p>
      )}
      <input
        id={inputId}
        type="file"
        accept=".wav,.mp3,audio/wav,audio/x-wav,audio/mpeg"
        aria-label={`${label}: ${t('upload')} (${locale})`}
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void upload(file);
        }}
      />
      {busy && <span className="muted">{t('uploading')}</span>}
      {note !== '' && (
        <p className="prompt-recording-ok" role="status">
          {note}
        </p>
      )}
      {problem !== '' && (
        <p className="prompt-recording-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
