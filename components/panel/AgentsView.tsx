import type { ReadonlySignal } from '@preact/signals';
import { locale, t } from '../../lib/i18n';
import type { Agent, Queue } from '../../lib/model/agent';
import type { Conversation } from '../../lib/model/conversation';
import { formatAgo } from '../../lib/format/relative';
import { memoByKeys } from '../../lib/format/intl-cache';
import type { Trends } from '../../lib/features/trends/trends';
import { PresenceTimeline } from '../features/trends/PresenceTimeline';
import { ErrorBoundary } from './ErrorBoundary';

const PRESENCE_ICON: Record<Agent['presence'], string> = { available: '●', busy: '◐', dnd: '⊘', away: '◔', offline: '○', unknown: '?' };

interface Props {
  /** Signals read here, not by the panel, which need not re-render on every live patch. */
  agents: ReadonlySignal<readonly Agent[]>;
  queues: readonly Queue[];
  conversations: ReadonlySignal<readonly Conversation[]>;
  now: ReadonlySignal<number>;
  /** Each agent's presence changes over the last hour, as the worker followed them. */
  presence: Trends['agents'];
  /** A narrow panel (the side panel): each agent as a short card instead of a table row, with no sideways scrolling. */
  narrow: boolean;
}

interface AgentEntry {
  agent: Agent;
  conversations: number;
  history: Trends['agents'][string];
}

/** Names in the UI locale's order; localeCompare with a locale builds a collator for every comparison. */
const nameOrder = memoByKeys((language: string) => new Intl.Collator(language));

/** Agents with their base presence (not Teams presence), capacity, current conversations, queues and skills. */
export function AgentsView({ agents, queues, conversations, now, presence, narrow }: Props) {
  const queueName = new Map(queues.map((queue) => [queue.id, queue.name]));
  const load = new Map<string, number>();
  for (const row of conversations.value) if (row.agentId) load.set(row.agentId, (load.get(row.agentId) ?? 0) + 1);
  const entries: AgentEntry[] = [...agents.value]
    .sort((a, b) => nameOrder(locale.value).compare(a.name, b.name))
    .map((agent) => ({ agent, conversations: load.get(agent.id) ?? 0, history: presence[agent.id] ?? [] }));
  if (entries.length === 0) return <p class="fw-empty">{t('panel_agents_empty')}</p>;
  if (narrow)
    return (
      <ul class="fw-agent-cards" aria-label={t('panel_agents_caption')}>
        {entries.map((entry) => (
          <ErrorBoundary key={entry.agent.id} fallback={() => <li>{t('panel_row_broken')}</li>}>
            <AgentCard entry={entry} queueName={queueName} now={now} />
          </ErrorBoundary>
        ))}
      </ul>
    );
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
          {entries.map((entry) => (
            <ErrorBoundary
              key={entry.agent.id}
              fallback={() => (
                <tr>
                  <td colSpan={8}>{t('panel_row_broken')}</td>
                </tr>
              )}
            >
              <AgentRow entry={entry} queueName={queueName} now={now} />
            </ErrorBoundary>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  entry: AgentEntry;
  queueName: Map<string, string>;
  now: ReadonlySignal<number>;
}

function AgentRow({ entry: { agent, conversations, history }, queueName, now }: RowProps) {
  return (
    <tr>
      <th scope="row" class="fw-agent-name">
        <AgentName agent={agent} />
      </th>
      <td>
        <Presence agent={agent} />
      </td>
      <td>
        <Since agent={agent} now={now} />
      </td>
      <td>
        <PresenceTimeline entries={history} clock={now} />
      </td>
      <td>{capacityText(agent)}</td>
      <td>{conversations}</td>
      <td>{queuesText(agent, queueName)}</td>
      <td>{skillsText(agent)}</td>
    </tr>
  );
}

/** The same facts as a table row, in three short lines: who and how present, what they carry, their last hour. */
function AgentCard({ entry: { agent, conversations, history }, queueName, now }: RowProps) {
  const skills = skillsText(agent);
  return (
    <li class="fw-agent-card">
      <p class="fw-agent-line">
        <span class="fw-strong fw-agent-name">
          <AgentName agent={agent} />
        </span>{' '}
        <Presence agent={agent} />{' '}
        <span class="fw-muted">
          · <Since agent={agent} now={now} />
        </span>
      </p>
      <p class="fw-agent-line fw-muted">
        {capacityText(agent)} · {t('panel_agent_conversationsValue', conversations)} ·{' '}
        {t('panel_agent_queuesValue', queuesText(agent, queueName))}
      </p>
      <PresenceTimeline entries={history} clock={now} />
      {skills !== '–' && <p class="fw-agent-line fw-muted">{t('panel_agent_skillsValue', skills)}</p>}
    </li>
  );
}

function AgentName({ agent }: { agent: Agent }) {
  return (
    <>
      {agent.name}
      {agent.isBot && <span class="fw-tag"> {t('panel_agent_bot')}</span>}
    </>
  );
}

function Presence({ agent }: { agent: Agent }) {
  return (
    <span class={`fw-presence fw-presence-${agent.presence}`}>
      <span aria-hidden="true">{PRESENCE_ICON[agent.presence] ?? '?'} </span>
      {agent.presenceText || t(`panel_presence_${agent.presence}`)}
    </span>
  );
}

const queuesText = (agent: Agent, queueName: Map<string, string>): string =>
  agent.queueIds.map((id) => queueName.get(id) ?? id).join(', ') || '–';

const skillsText = (agent: Agent): string =>
  agent.skills.map((skill) => (skill.level === null ? skill.name : `${skill.name} (${skill.level})`)).join(', ') || '–';

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

function Since({ agent, now }: { agent: Agent; now: ReadonlySignal<number> }) {
  const since = agent.presenceSince ? Date.parse(agent.presenceSince) : NaN;
  return <span>{Number.isFinite(since) ? formatAgo(since, now.value, locale.value) : '–'}</span>;
}
