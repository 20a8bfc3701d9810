import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { DialogNeed } from '../../lib/actions/definition';
import { assignCandidates, skillsAmong, type AssignCandidate } from '../../lib/actions/targets';
import { Modal } from '../panel/Modal';
import { targetOf, type ActionDialogProps } from './dialog-props';
import { conversationLabel } from '../../lib/view-model/conversation-label';

const pickOf = (dialog: DialogNeed): 'agent' | 'queue' | null => (dialog.type === 'assign' ? dialog.pick : null);

/**
 * Give an Open, unassigned conversation an owner: one of the group's actions, to an agent (ranked, with the reason
 * for each) or to another queue. Presence and capacity can be overridden, and the cost is stated before
 * confirming. The top suggestion is preselected and the confirm button has focus: Enter accepts it.
 */
export function AssignDialog({
  definition,
  conversation,
  access,
  agents,
  queues,
  onSubmit,
  onClose,
  notice,
  members: offered,
}: ActionDialogProps<'assign'>) {
  const members = offered.filter(({ definition: member }) => pickOf(member.dialog) !== null);
  const [kind, setKind] = useState(definition.kind);
  const current =
    members.find(({ definition: member, availability }) => member.kind === kind && availability.enabled)?.definition ?? definition;
  const mode = pickOf(current.dialog);
  const [skill, setSkill] = useState('');
  const [override, setOverride] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const otherQueues = queues.filter((q) => q.id !== conversation.queueId);
  const [queueId, setQueueId] = useState(otherQueues[0]?.id ?? '');

  const ranked = assignCandidates(conversation, agents, { skill: skill || undefined });
  const shown = override ? ranked : ranked.filter((c) => c.eligible);
  const chosen = shown.find((c) => c.agent.id === picked) ?? shown[0];
  const skills = skillsAmong(ranked.map((c) => c.agent));
  const canSubmit = mode === 'agent' ? chosen !== undefined : queueId !== '';
  const group = definition.group?.labels;

  const submit = (event: Event) => {
    event.preventDefault();
    const choice =
      mode === 'agent' ? (chosen ? { agentId: chosen.agent.id, override: !chosen.eligible } : {}) : { queueId: queueId || undefined };
    const intent = current.intentFrom(targetOf(conversation), choice);
    if (intent) onSubmit(intent);
  };

  return (
    <Modal title={t(group?.title ?? current.labels.name)} onClose={onClose} class="fw-action-dialog">
      <form onSubmit={submit}>
        {notice}
        <p>{t('actions_assign_about', conversationLabel(conversation).title, conversation.queueName ?? '–')}</p>
        {access.hasApiAccessRole && (
          <p class="fw-note fw-warning" role="note">
            {t('actions_assign_apiRoleWarning')}
          </p>
        )}
        {group && members.length > 1 && (
          <fieldset class="fw-field fw-segmented">
            <legend>{t(group.choice)}</legend>
            {members.map(({ definition: member, availability }) => (
              <label key={member.kind}>
                <input
                  type="radio"
                  name="fw-assign-mode"
                  value={member.kind}
                  checked={member.kind === current.kind}
                  disabled={!availability.enabled}
                  aria-describedby={availability.reason ? `fw-assign-why-${member.kind}` : undefined}
                  onChange={() => setKind(member.kind)}
                />
                {t(member.labels.choice ?? member.labels.name)}
                {availability.reason && (
                  <span id={`fw-assign-why-${member.kind}`} class="fw-candidate-why">
                    {t(availability.reason, ...(availability.args ?? []))}
                  </span>
                )}
              </label>
            ))}
          </fieldset>
        )}
        {mode === 'agent' ? (
          <>
            <div class="fw-field-row">
              <div class="fw-field">
                <label for="fw-assign-skill">{t('actions_assign_skill')}</label>
                <select id="fw-assign-skill" value={skill} onChange={(e) => setSkill(e.currentTarget.value)}>
                  <option value="">{t('actions_assign_anySkill')}</option>
                  {skills.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
              <label class="fw-check">
                <input type="checkbox" checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} />
                {t('actions_assign_override')}
              </label>
            </div>
            {shown.length === 0 ? (
              <p class="fw-empty">{t('actions_assign_noAgents')}</p>
            ) : (
              <fieldset class="fw-candidates">
                <legend>{t('actions_assign_agents')}</legend>
                {shown.map((c, index) => (
                  <CandidateOption
                    key={c.agent.id}
                    candidate={c}
                    recommended={index === 0 && c.eligible}
                    checked={c === chosen}
                    onPick={() => setPicked(c.agent.id)}
                  />
                ))}
              </fieldset>
            )}
            {chosen && <Cost candidate={chosen} />}
          </>
        ) : otherQueues.length === 0 ? (
          <p class="fw-empty">{t('actions_assign_noQueues')}</p>
        ) : (
          <div class="fw-field">
            <label for="fw-assign-queue">{t('actions_assign_queue')}</label>
            <select id="fw-assign-queue" value={queueId} onChange={(e) => setQueueId(e.currentTarget.value)}>
              {otherQueues.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="fw-dialog-actions">
          <button type="button" class="fw-button" onClick={onClose}>
            {t('actions_cancel')}
          </button>
          <button
            type="submit"
            class="fw-button fw-primary"
            disabled={!canSubmit}
            autoFocus
            aria-describedby={mode === 'agent' && chosen && !chosen.eligible ? 'fw-assign-cost' : undefined}
          >
            {t('actions_assign_confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function CandidateOption({
  candidate,
  recommended,
  checked,
  onPick,
}: {
  candidate: AssignCandidate;
  recommended: boolean;
  checked: boolean;
  onPick: () => void;
}) {
  const { agent, exceededBy } = candidate;
  const why = candidate.because.map((part) => t(part.key, ...part.subs)).join(', ');
  return (
    <label class={`fw-candidate${candidate.eligible ? '' : ' fw-over'}`}>
      <input type="radio" name="fw-assign-agent" value={agent.id} checked={checked} onChange={onPick} />
      <span class="fw-candidate-name">{agent.name}</span>
      {recommended && <span class="fw-badge">{t('actions_assign_recommended')}</span>}
      <span class="fw-candidate-facts">
        {agent.presenceText}
        {agent.skills.length > 0 && ` · ${agent.skills.map((s) => t('actions_skill_level', s.name, s.level ?? 1)).join(', ')}`}
      </span>
      {why && <span class="fw-candidate-why">{why}</span>}
      {overCapacity(candidate) && (
        <span class="fw-candidate-cost">{exceededBy ? t('actions_assign_exceeds', exceededBy) : t('actions_assign_capacityFull')}</span>
      )}
    </label>
  );
}

/** Exceeded units are known when the conversation's units are; otherwise "no free capacity" is all we can say. */
const overCapacity = (c: AssignCandidate): boolean => (c.exceededBy === null ? c.room.free !== null : c.exceededBy > 0);

/** What the override costs, said before the supervisor confirms. */
function Cost({ candidate }: { candidate: AssignCandidate }) {
  const { agent, exceededBy, presenceAllowed } = candidate;
  if (candidate.eligible) return null;
  const parts = [
    presenceAllowed ? null : t('actions_assign_presenceConfirm', agent.name, agent.presenceText),
    exceededBy
      ? t('actions_assign_exceedsConfirm', agent.name, exceededBy)
      : overCapacity(candidate)
        ? t('actions_assign_capacityFull')
        : null,
  ];
  return (
    <p id="fw-assign-cost" class="fw-note fw-warning" role="note">
      {parts.filter(Boolean).join(' ')}
    </p>
  );
}
