import { locale, t } from '../../../lib/i18n';
import { formatSpan } from '../../../lib/format/duration';
import type { StuckMinutes } from '../../../lib/features/sweeper/prefs';
import type { StuckRow } from '../../../lib/features/sweeper/stuck';
import { channelLabel } from '../../../lib/view-model/channel-labels';
import { StatusBadge } from '../../panel/cells';
import { conversationLabel } from '../../../lib/view-model/conversation-label';

interface Props {
  stuck: readonly StuckRow[];
  minutes: StuckMinutes;
  /** Channels present in the feed, for the per-channel thresholds. */
  channels: readonly number[];
  onMinutes: (change: (minutes: StuckMinutes) => StuckMinutes) => void;
  /** One-step cleanup: force close these, through the bulk preview and the normal action rules. */
  onCleanUp: (conversationIds: string[]) => void;
  onOpen: (conversationId: string) => void;
}

const clampMinutes = (value: string): number | null => {
  const n = Math.round(Number(value));
  return Number.isFinite(n) && n >= 1 && n <= 1440 ? n : null;
};

/** Conversations idle in Open, Waiting or Wrap-up past their channel's threshold, with one-step cleanup. */
export function SweeperView({ stuck, minutes, channels, onMinutes, onCleanUp, onOpen }: Props) {
  const setDefault = (value: string) => {
    const chosen = clampMinutes(value);
    if (chosen !== null) onMinutes((m) => ({ ...m, default: chosen }));
  };
  const setChannel = (code: number, value: string) => {
    const chosen = value.trim() === '' ? null : clampMinutes(value);
    onMinutes((m) => {
      const byChannel = { ...m.byChannel };
      if (chosen === null) delete byChannel[String(code)];
      else byChannel[String(code)] = chosen;
      return { ...m, byChannel };
    });
  };
  return (
    <section class="fw-sweeper" aria-labelledby="fw-sweeper-title">
      <h3 id="fw-sweeper-title">{t('sweeper_title', stuck.length)}</h3>
      <details>
        <summary>{t('sweeper_thresholds')}</summary>
        <label class="fw-inline">
          <span>{t('sweeper_default')}</span>
          <input type="number" min={1} max={1440} value={minutes.default} onInput={(e) => setDefault(e.currentTarget.value)} />
        </label>
        {channels.map((code) => (
          <label key={code} class="fw-inline">
            <span>{t('sweeper_channel', channelLabel(code))}</span>
            <input
              type="number"
              min={1}
              max={1440}
              placeholder={String(minutes.default)}
              value={minutes.byChannel[String(code)] ?? ''}
              onInput={(e) => setChannel(code, e.currentTarget.value)}
            />
          </label>
        ))}
      </details>
      {stuck.length === 0 ? (
        <p class="fw-empty">{t('sweeper_none')}</p>
      ) : (
        <>
          <ul class="fw-bulk-list" aria-labelledby="fw-sweeper-title" tabIndex={0}>
            {stuck.map(({ conversation, idleSeconds, thresholdMinutes }) => (
              <li key={conversation.id}>
                <button type="button" class="fw-link" onClick={() => onOpen(conversation.id)}>
                  {conversationLabel(conversation).title}
                </button>{' '}
                <StatusBadge status={conversation.status} /> {t('sweeper_idle', formatSpan(idleSeconds, locale.value), thresholdMinutes)}
              </li>
            ))}
          </ul>
          <button type="button" class="fw-button fw-danger" onClick={() => onCleanUp(stuck.map((s) => s.conversation.id))}>
            {t('sweeper_cleanUp', stuck.length)}
          </button>
        </>
      )}
    </section>
  );
}
