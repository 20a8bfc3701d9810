import type { ReadonlySignal } from '@preact/signals';
import { locale, t } from '../../lib/i18n';
import type { Agent, Queue } from '../../lib/model/agent';
import type { Conversation } from '../../lib/model/conversation';
import { formatAgo } from '../../lib/format/relative';
import type { Trends } from '../../lib/features/trends/trends';
import { PresenceTimeline } from '../features/trends/PresenceTimeline';
import { ErrorBoundary } from './ErrorBoundary';

const PRESENCE_ICON: Record<Agent['presence'], string> = { available: '●', busy: '◐', dnd: '⊘', away: '◔', offline: '○', unknown: '?' };

interface Props {
  agents: readonly Agent[];
  queues: readonly Queue[];
  conversations: readonly Conversation[];
  now: ReadonlySignal<number>;
  /** Each agent's presence changes over the last hour, as the worker followed them. */
  presence: Trends['agents'];
}

/** Agents with their base presence (not Teams presence), capacity, current conversations, queues and skills. */
export function AgentsView({ agents, queues, conversations, now, presence }: Props) {
  const queueName = new Map(queues.map((queue) => [queue.id, queue.name]));
  const load = new Map<string, number>();
  for (const row of conversations) if (row.agentId) load.set(row.agentId, (load.get(row.agentId) ?? 0) + 1);
  const sorted = [...agents].sort((a, b) => a.name.localeCompare(b.name, locale.value));
  if (sorted.length === 0) return <p class="fw-empty">{t('panel_agents_empty')}</p>;
  return (
    <div class="fw-table-wrap">
      <table class="fw-table">
        <caption class="fw-visually-hidden">{t('panel_agents_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panel_agent_name')}</th>
            <th scope="col">{t('panel_agent_presence')}</th>
            <th scope="col">{t('panel_agent_since')}</th>
            <th scope="col">{t('trends_agent_lastHour')}</th>
            <th scope="col">{t('panel_agent_capacity')}</th>
            <th scope="col">{t('panel_agent_conversations')}</th>
            <th scope="col">{t('panel_agent_queues')}</th>
            <th scope="col">{t('panel_agent_skills')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((agent) => (
            <ErrorBoundary
              key={agent.id}
              fallback={() => (
                <tr>
                  <td colSpan={8}>{t('panel_row_broken')}</td>
                </tr>
              )}
            >
              <AgentRow
                agent={agent}
                conversations={load.get(agent.id) ?? 0}
                queueName={queueName}
                now={now}
                history={presence[agent.id] ?? []}
              />
            </ErrorBoundary>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  agent: Agent;
  conversations: number;
  queueName: Map<string, string>;
  now: ReadonlySignal<number>;
  history: Trends['agents'][string];
}

function AgentRow({ agent, conversations, queueName, now, history }: RowProps) {
  const since = agent.presenceSince ? Date.parse(agent.presenceSince) : NaN;
  return (
    <tr>
      <th scope="row">
        {agent.name}
        {agent.isBot && <span class="fw-tag"> {t('panel_agent_bot')}</span>}
      </th>
      <td>
        <span class={`fw-presence fw-presence-${agent.presence}`}>
          <span aria-hidden="true">{PRESENCE_ICON[agent.presence] ?? '?'} </span>
          {agent.presenceText || t(`panel_presence_${agent.presence}`)}
        </span>
      </td>
      <td>{Number.isFinite(since) ? <Since since={since} now={now} /> : '–'}</td>
      <td>
        <PresenceTimeline entries={history} clock={now} />
      </td>
      <td>{capacityText(agent)}</td>
      <td>{conversations}</td>
      <td>{agent.queueIds.map((id) => queueName.get(id) ?? id).join(', ') || '–'}</td>
      <td>{agent.skills.map((skill) => (skill.level === null ? skill.name : `${skill.name} (${skill.level})`)).join(', ') || '–'}</td>
    </tr>
  );
}

/** Under the org's model: units used and free, each profile's free units, or "capacity unknown" rather than a wrong figure. */
function capacityText(agent: Agent): string {
  if (agent.capacityModel === 'unknown') return t('panel_agent_capacityUnknown');
  if (agent.capacityModel === 'profiles') {
    const profiles = agent.capacityProfiles ?? [];
    if (profiles.length === 0) return t('panel_agent_capacityUnknown');
    return profiles.map((p) => t('panel_agent_profileValue', p.name, p.free ?? '?', p.total ?? '?')).join('; ');
  }
  if (agent.capacityFree === null) return '–';
  return agent.capacityTotal === null
    ? t('panel_agent_capacityFree', agent.capacityFree)
    : t('panel_agent_capacityValue', agent.capacityTotal - agent.capacityFree, agent.capacityTotal, agent.capacityFree);
}

function Since({ since, now }: { since: number; now: ReadonlySignal<number> }) {
  return <span>{formatAgo(since, now.value, locale.value)}</span>;
}
