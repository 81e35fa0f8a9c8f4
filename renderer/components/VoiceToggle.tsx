/**
 * Spoken prompts on or off for the person at the kiosk, beside the language switch. Off lasts
 * until the screen goes back to the start after they leave, so the next worker hears the
 * prompts again; the station-wide setting (`spokenPrompts`) decides whether it shows at all.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { playSound } from '../app/sounds';
import { Icon } from './icons';

export function VoiceToggle({ muted, onToggle }: { readonly muted: boolean; readonly onToggle: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={muted ? 'voice-toggle is-muted' : 'voice-toggle'}
      aria-pressed={!muted}
      data-testid="voice-toggle"
      onClick={() => {
        playSound('tap');
        onToggle();
      }}
    >
      <Icon name={muted ? 'speaker-off' : 'speaker'} />
      <span>{t(muted ? 'app.voiceOff' : 'app.voiceOn')}</span>
    </button>
  );
}
