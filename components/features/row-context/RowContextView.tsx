import { locale, t } from '../../../lib/i18n';
import { formatSpan } from '../../../lib/format/duration';
import type { RowContext } from '../../../lib/features/row-context/row-context';
import { LockNotice } from '../soft-locks/LockNotice';

/**
 * Per-row context in the details: why the row is flagged, how long since the platform last changed it, and
 * honestly what the platform does not give a supervisor (the customer's last message, a Copilot summary).
 */
export function RowContextView({ context }: { context: RowContext }) {
  return (
    <section class="fw-row-context" aria-labelledby="fw-row-context-title">
      <h3 id="fw-row-context-title">{t('context_title')}</h3>
      {context.lock && <LockNotice lock={context.lock} />}
      <dl class="fw-facts">
        <div class="fw-fact">
          <dt>{t('context_flagged')}</dt>
          <dd>
            {context.flags.length === 0 ? (
              t('context_notFlagged')
            ) : (
              <ul class="fw-flags">
                {context.flags.map((flag) => (
                  <li key={flag.key}>{t(flag.key, ...flag.subs)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div class="fw-fact">
          <dt>{t('context_lastChange')}</dt>
          <dd>{context.sinceChangeSeconds === null ? '–' : t('context_ago', formatSpan(context.sinceChangeSeconds, locale.value))}</dd>
        </div>
        <div class="fw-fact">
          <dt>{t('context_lastMessage')}</dt>
          <dd class="fw-muted">{t('context_lastMessageNone')}</dd>
        </div>
        <div class="fw-fact">
          <dt>{t('context_summary')}</dt>
          <dd class="fw-muted">{t('context_summaryNone')}</dd>
        </div>
      </dl>
    </section>
  );
}
