import { locale, t } from '../../lib/i18n';
import { formatClockTime } from '../../lib/format/clock';
import { recordWords, type TargetNames } from '../../lib/actions/words';
import type { ActionRecord } from '../../lib/model/actions';

interface Props {
  record: ActionRecord;
  names: TargetNames;
  now: number;
}

/** One action's lifecycle in words: summary, our explanation, then the platform's own message as text. */
export function ActionStatus({ record, names, now }: Props) {
  const words = recordWords(record, names, (at) => formatClockTime(at, now, locale.value));
  return (
    <span class={`fw-action-status fw-action-${record.state}`} data-state={record.state}>
      <span class="fw-action-summary">{words.summary}</span>
      {words.opened && <span class="fw-action-opened"> {words.opened}</span>}
      {words.reason && <span class="fw-action-reason"> {words.reason}</span>}
      {words.detail && <span class="fw-action-detail"> {t('actions_platform_says', words.detail)}</span>}
    </span>
  );
}
