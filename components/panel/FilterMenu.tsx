import { t } from '../../lib/i18n';
import type { Agent, Queue } from '../../lib/model/agent';
import type { Conversation } from '../../lib/model/conversation';
import { channelLabel } from '../../lib/view-model/channel-labels';
import type { ViewState } from '../../lib/view-model/view-state';
import { STATUSES, type Filters } from '../../lib/view-model/list-spec';
import { sentimentLabel } from './cells';

const SENTIMENTS = [7, 8, 9, 10, 11, 12, 13, 0];

interface Props {
  view: ViewState;
  queues: readonly Queue[];
  agents: readonly Agent[];
  conversations: readonly Conversation[];
}

/** The filter disclosure: one group of checkboxes per field; the summary says how many are on. */
export function FilterMenu({ view, queues, agents, conversations }: Props) {
  const filters = view.spec.value.filters;
  const active = Object.values(filters).reduce((sum, list) => sum + list.length, 0);
  const channels = [...new Set(conversations.flatMap((row) => row.channels))].sort((a, b) => a - b);
  const humans = agents.filter((agent) => !agent.isBot);
  return (
    <details class="fw-menu">
      <summary class="fw-button">{active > 0 ? t('panel_filters_count', active) : t('panel_filters')}</summary>
      <div class="fw-menu-body fw-filters">
        <Group
          legend={t('panel_filter_status')}
          kind="status"
          filters={filters}
          view={view}
          options={STATUSES.map((status) => ({ value: status, label: t(`panel_status_${status}`) }))}
        />
        <Group
          legend={t('panel_filter_queue')}
          kind="queue"
          filters={filters}
          view={view}
          options={queues.map((queue) => ({ value: queue.id, label: queue.name }))}
        />
        <Group
          legend={t('panel_filter_agent')}
          kind="agent"
          filters={filters}
          view={view}
          options={humans.map((agent) => ({ value: agent.id, label: agent.name }))}
        />
        <Group
          legend={t('panel_filter_channel')}
          kind="channel"
          filters={filters}
          view={view}
          options={channels.map((code) => ({ value: code, label: channelLabel(code) }))}
        />
        <Group
          legend={t('panel_filter_sentiment')}
          kind="sentiment"
          filters={filters}
          view={view}
          options={SENTIMENTS.map((level) => ({ value: level, label: sentimentLabel(level) }))}
        />
        <button type="button" class="fw-button" onClick={() => view.clearFilters()} disabled={active === 0}>
          {t('panel_filters_clear')}
        </button>
      </div>
    </details>
  );
}

function Group<K extends keyof Filters>(props: {
  legend: string;
  kind: K;
  filters: Filters;
  view: ViewState;
  options: Array<{ value: Filters[K][number]; label: string }>;
}) {
  const chosen = props.filters[props.kind] as ReadonlyArray<Filters[K][number]>;
  if (props.options.length === 0) return null;
  return (
    <fieldset class="fw-fieldset">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label class="fw-check" key={String(option.value)}>
          <input
            type="checkbox"
            checked={chosen.includes(option.value)}
            onChange={() => props.view.toggleFilter(props.kind, option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
