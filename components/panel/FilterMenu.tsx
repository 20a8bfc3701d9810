import { t } from '../../lib/i18n';
import { useState } from 'preact/hooks';
import type { PictureMirror } from '../../lib/view-model/picture-mirror';
import { channelLabel } from '../../lib/view-model/channel-labels';
import type { ViewState } from '../../lib/view-model/view-state';
import { STATUSES, type Filters } from '../../lib/view-model/list-spec';
import { sentimentLabel } from './cells';

const SENTIMENTS = [7, 8, 9, 10, 11, 12, 13, 0];

interface Props {
  view: ViewState;
  picture: PictureMirror;
}

/**
 * The filter disclosure: one group of checkboxes per field; the summary says how many are on. The groups exist only
 * while it is open: at 10,000 conversations and 1,000 agents, keeping them rendered made every live change re-render
 * thousands of hidden checkboxes and scan every row for its channels.
 */
export function FilterMenu({ view, picture }: Props) {
  const [open, setOpen] = useState(false);
  const filters = view.spec.value.filters;
  const active = Object.values(filters).reduce((sum, list) => sum + list.length, 0);
  return (
    <details class="fw-menu" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary class="fw-button">{active > 0 ? t('panel_filters_count', active) : t('panel_filters')}</summary>
      {open && <FilterGroups view={view} picture={picture} filters={filters} active={active} />}
    </details>
  );
}

function FilterGroups({ view, picture, filters, active }: Props & { filters: Filters; active: number }) {
  const channels = [...new Set(picture.conversations.all.value.flatMap((row) => row.channels))].sort((a, b) => a - b);
  const humans = picture.agents.all.value.filter((agent) => !agent.isBot);
  return (
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
        options={picture.queues.value.map((queue) => ({ value: queue.id, label: queue.name }))}
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
