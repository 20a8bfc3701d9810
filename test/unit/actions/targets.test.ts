import { describe, expect, it } from 'vitest';
import { assignCandidates, skillsAmong, transferTargets } from '../../../lib/actions/targets';
import { OTHER_QUEUE_ID, agent, conversation } from './fixtures';

describe('transferTargets', () => {
  it('offers human agents of the same queue with an allowed presence, never a bot, never the current agent', () => {
    const current = agent({ name: 'Current' });
    const busy = agent({ name: 'Busy one', presence: 'busy', capacityFree: 10 });
    const free = agent({ name: 'Free one' });
    const bot = agent({ name: 'Copilot', isBot: true });
    const elsewhere = agent({ name: 'Other queue', queueIds: [OTHER_QUEUE_ID] });
    const away = agent({ name: 'Away', presence: 'away' });
    const offline = agent({ name: 'Offline', presence: 'offline' });
    const row = conversation({ agentId: current.id });
    expect(transferTargets(row, [current, busy, free, bot, elsewhere, away, offline]).map((a) => a.name)).toEqual(['Free one', 'Busy one']);
  });

  it("follows the workstream's allowed presences when the feed knows them", () => {
    const busy = agent({ presence: 'busy' });
    const row = conversation({ agentId: null, allowedPresences: ['available'] });
    expect(transferTargets(row, [busy])).toEqual([]);
  });
});

describe('assignCandidates', () => {
  const row = conversation({ status: 'open', agentId: null, capacityUnits: 25 });

  it('says by how many units an override would exceed capacity', () => {
    const full = agent({ name: 'Full', capacityFree: 10 });
    const roomy = agent({ name: 'Roomy', capacityFree: 60 });
    const [first, second] = assignCandidates(row, [full, roomy]);
    expect(first).toMatchObject({ agent: { name: 'Roomy' }, eligible: true, exceededBy: 0 });
    expect(second).toMatchObject({ agent: { name: 'Full' }, eligible: false, exceededBy: 15 });
  });

  it('ranks by skill and proficiency, then free capacity, with the reason in parts', () => {
    const expert = agent({ name: 'Expert', capacityFree: 2, capacityTotal: 5, skills: [{ name: 'Billing', level: 4 }] });
    const novice = agent({ name: 'Novice', capacityFree: 90, skills: [{ name: 'Billing', level: 1 }] });
    const none = agent({ name: 'None', capacityFree: 100 });
    const small = conversation({ status: 'open', agentId: null, capacityUnits: 1 });
    const ranked = assignCandidates(small, [none, novice, expert], { skill: 'Billing' });
    expect(ranked.map((c) => c.agent.name)).toEqual(['Expert', 'Novice', 'None']);
    expect(ranked[0]!.because).toEqual([
      { key: 'actions_rank_skill', subs: [4] },
      { key: 'actions_rank_capacity', subs: [2, 5] },
    ]);
    expect(ranked[2]!.because[0]).toEqual({ key: 'actions_rank_noSkill', subs: [] });
  });

  it('says how much capacity is free even when the total is unknown', () => {
    const [only] = assignCandidates(row, [agent({ capacityFree: 40, capacityTotal: null })]);
    expect(only!.because).toEqual([{ key: 'actions_rank_free', subs: [40] }]);
  });

  it('puts agents whose presence is not allowed last, with the presence as the reason, and leaves bots out', () => {
    const away = agent({ name: 'Away', presence: 'away', presenceText: 'Lunch' });
    const ok = agent({ name: 'Ok', capacityFree: 30 });
    const bot = agent({ isBot: true });
    const ranked = assignCandidates(row, [away, ok, bot]);
    expect(ranked.map((c) => c.agent.name)).toEqual(['Ok', 'Away']);
    expect(ranked[1]).toMatchObject({ eligible: false, presenceAllowed: false });
    expect(ranked[1]!.because).toContainEqual({ key: 'actions_rank_presence', subs: ['Lunch'] });
  });

  it('lists the skills present among agents, once each', () => {
    expect(
      skillsAmong([
        agent({
          skills: [
            { name: 'Swedish', level: 2 },
            { name: 'Billing', level: 1 },
          ],
        }),
        agent({ skills: [{ name: 'Billing', level: 3 }] }),
      ]),
    ).toEqual(['Billing', 'Swedish']);
  });
});
