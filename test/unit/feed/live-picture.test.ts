import { describe, expect, it } from 'vitest';
import { LivePicture } from '../../../lib/feed/live-picture';
import { AgentStatusRowSchema, PresenceRowSchema } from '../../../lib/dataverse/operations/agents';
import { AGENT, conversationRow, fullLoad, id, OTHER_AGENT, participantRow, Q2, replaceAll } from './fixtures';

describe('feed picture: full load and reconcile', () => {
  it('keeps only ongoing conversations in supervised queues, with their participants', () => {
    const picture = new LivePicture();
    const load = fullLoad({
      conversations: [
        conversationRow(1),
        conversationRow(2, { _msdyn_cdsqueueid_value: Q2 }),
        conversationRow(3, { statecode: 1, statuscode: 4 }),
      ],
    });
    const { conversations } = replaceAll(picture, load, 1_000);
    expect(conversations.upsert.map((c) => c.id)).toEqual([id(1)]);
    expect(picture.conversation(id(1))).toMatchObject({
      status: 'active',
      agentName: 'Ada Agent',
      queueName: 'Billing',
      channels: [192360000],
      participants: [{ agentId: AGENT, mode: 'primary' }],
      pending: null,
      observedAt: 1_000,
    });
    expect(picture.watermarks.conversations).toBe(Date.parse('2026-01-01T10:00:00Z'));
  });

  it('names a row from its expanded lookups, or from formatted values (a tracked read), and its queue from the queues read', () => {
    const picture = new LivePicture();
    const formatted = '@OData.Community.Display.V1.FormattedValue';
    replaceAll(
      picture,
      fullLoad({
        conversations: [
          conversationRow(1, {
            msdyn_customer_msdyn_ocliveworkitem_contact: { fullname: 'Cleo Contact' },
            msdyn_customer_msdyn_ocliveworkitem_account: null,
          }),
          conversationRow(2, {
            msdyn_customer_msdyn_ocliveworkitem_contact: null,
            msdyn_customer_msdyn_ocliveworkitem_account: { name: 'Acme AB' },
          }),
          conversationRow(3, {
            msdyn_activeagentid_msdyn_ocliveworkitem: undefined,
            [`_msdyn_activeagentid_value${formatted}`]: 'Tracked Agent',
            [`_msdyn_customer_value${formatted}`]: 'Tracked Customer',
            [`_msdyn_cdsqueueid_value${formatted}`]: 'Stale queue name',
          }),
          conversationRow(4, { _msdyn_activeagentid_value: null, msdyn_activeagentid_msdyn_ocliveworkitem: null }),
        ],
      }),
      1_000,
    );
    const names = [1, 2, 3, 4].map((n) => picture.conversation(id(n))).map((c) => [c?.customerName, c?.agentName, c?.queueName]);
    expect(names).toEqual([
      ['Cleo Contact', 'Ada Agent', 'Billing'],
      ['Acme AB', 'Ada Agent', 'Billing'],
      ['Tracked Customer', 'Tracked Agent', 'Billing'],
      [null, null, 'Billing'],
    ]);
  });

  it('a reconcile removes what vanished, adds what was missed and leaves unchanged rows (and their observedAt) alone', () => {
    const picture = new LivePicture();
    replaceAll(picture, fullLoad(), 1_000);
    const { conversations } = replaceAll(picture, fullLoad({ conversations: [conversationRow(1), conversationRow(4)] }), 2_000);
    expect(conversations.remove).toEqual([id(2)]);
    expect(conversations.upsert.map((c) => c.id)).toEqual([id(4)]);
    expect(picture.conversation(id(1))!.observedAt).toBe(1_000);
  });
});

describe('feed picture: incremental merge by watermark', () => {
  it('applies newer versions, drops repeats from the overlap and never moves a row backwards', () => {
    const picture = new LivePicture();
    replaceAll(picture, fullLoad(), 1_000);
    const newer = conversationRow(1, { '@odata.etag': 'W/"105"', statuscode: 5, modifiedon: '2026-01-01T10:01:00Z' });
    expect(picture.applyConversations([newer], 2_000).delta.upsert.map((c) => c.status)).toEqual(['wrapup']);
    const repeat = picture.applyConversations([newer, conversationRow(1, { '@odata.etag': 'W/"101"', statuscode: 3 })], 3_000);
    expect(repeat.delta).toEqual({ upsert: [], remove: [] });
    expect(picture.conversation(id(1))).toMatchObject({ status: 'wrapup', observedAt: 2_000 });
    expect(picture.watermarks.conversations).toBe(Date.parse('2026-01-01T10:01:00Z'));
  });

  it('removes rows that closed or moved out of the supervised queues, and adds new ones with their session', () => {
    const picture = new LivePicture();
    replaceAll(picture, fullLoad(), 1_000);
    const { delta } = picture.applyConversations(
      [
        conversationRow(1, { '@odata.etag': 'W/"110"', statecode: 1, statuscode: 4 }),
        conversationRow(2, { '@odata.etag': 'W/"110"', _msdyn_cdsqueueid_value: Q2 }),
        conversationRow(7, { '@odata.etag': 'W/"110"', statuscode: 1, _msdyn_activeagentid_value: null }),
        conversationRow(8, { '@odata.etag': 'W/"110"', _msdyn_cdsqueueid_value: Q2 }),
      ],
      2_000,
    );
    expect(delta.remove.sort()).toEqual([id(1), id(2)]);
    expect(delta.upsert.map((c) => [c.id, c.status, c.agentId])).toEqual([[id(7), 'open', null]]);
    // Its session is known: the people of that session, read later, land on the new conversation.
    const people = picture.applyParticipants([participantRow(9, 7)], 3_000);
    expect(people.upsert.map((c) => [c.id, c.participants])).toEqual([[id(7), [{ agentId: AGENT, mode: 'primary' }]]]);
  });

  it('folds participant changes into their conversation: monitor joins and pending transfers', () => {
    const picture = new LivePicture();
    replaceAll(picture, fullLoad(), 1_000);
    const delta = picture.applyParticipants(
      [
        participantRow(2, 1, { _msdyn_agentid_value: OTHER_AGENT, msdyn_mode: 192350004, msdyn_assignreason: 'AgentMonitor' }),
        participantRow(3, 1, {
          _msdyn_agentid_value: id(77),
          msdyn_assignreason: 'SupervisorTransferToAgent',
          msdyn_addedon: '2026-01-01T10:02:00Z',
          msdyn_joinedon: null,
        }),
        participantRow(4, 99),
      ],
      2_000,
    );
    expect(delta.upsert).toHaveLength(1);
    expect(delta.upsert[0]).toMatchObject({
      id: id(1),
      participants: [
        { agentId: AGENT, mode: 'primary' },
        { agentId: OTHER_AGENT, mode: 'monitor' },
      ],
      pending: { kind: 'transfer', targetAgentId: id(77), since: '2026-01-01T10:02:00Z' },
    });
    const left = picture.applyParticipants(
      [participantRow(2, 1, { _msdyn_agentid_value: OTHER_AGENT, msdyn_mode: 192350004, msdyn_lefton: '2026-01-01T10:03:00Z' })],
      3_000,
    );
    expect(left.upsert[0]!.participants).toEqual([{ agentId: AGENT, mode: 'primary' }]);
  });

  it('updates presence and free capacity of known agents only', () => {
    const picture = new LivePicture();
    const available = PresenceRowSchema.parse({ msdyn_presenceid: id(900), msdyn_name: 'Available', msdyn_basepresencestatus: 192360000 });
    const away = PresenceRowSchema.parse({ msdyn_presenceid: id(901), msdyn_name: 'Lunch', msdyn_basepresencestatus: 192360003 });
    replaceAll(picture, fullLoad({ presences: [available, away] }), 1_000);
    expect(picture.agentList()[0]).toMatchObject({ presence: 'unknown', capacityFree: null });
    const status = (agent: string, presence: string, free: number) =>
      AgentStatusRowSchema.parse({
        msdyn_agentstatusid: id(800),
        _msdyn_agentid_value: agent,
        _msdyn_currentpresenceid_value: presence,
        msdyn_availableunitscapacity: free,
        msdyn_presencemodifiedon: '2026-01-01T10:00:00Z',
        modifiedon: '2026-01-01T10:00:00Z',
      });
    const delta = picture.applyAgentStatuses([status(AGENT, id(901), 40), status(OTHER_AGENT, id(900), 100)], 2_000);
    expect(delta.upsert).toHaveLength(1);
    expect(delta.upsert[0]).toMatchObject({
      id: AGENT,
      presence: 'away',
      presenceText: 'Lunch',
      capacityFree: 40,
      skills: [{ name: 'English', level: 3 }],
    });
    expect(picture.applyAgentStatuses([status(AGENT, id(901), 40)], 3_000).upsert).toEqual([]);
  });

  it('gives each conversation its workstream’s capacity units and allowed presences, for assign and transfer', () => {
    const picture = new LivePicture();
    replaceAll(picture, fullLoad(), 1);
    expect(picture.conversation(id(1))).toMatchObject({ capacityUnits: 25, allowedPresences: ['available', 'busy'] });
    const again = LivePicture.fromData(picture.toData());
    again.applyReread(conversationRow(1, { modifiedon: '2026-01-01T10:05:00Z', '@odata.etag': 'W/"200"' }), id(1), [], 2);
    expect(again.conversation(id(1))).toMatchObject({ capacityUnits: 25 });
  });

  it('a re-read after an action updates its row but not the watermark: rows changed since the last poll are still read', () => {
    const picture = new LivePicture();
    replaceAll(picture, fullLoad(), 1);
    const mark = picture.watermarks.conversations;
    const { conversation } = picture.applyReread(
      conversationRow(1, { modifiedon: '2026-01-01T10:05:00Z', '@odata.etag': 'W/"200"', statuscode: 5 }),
      id(1),
      [],
      2,
    );
    expect(conversation).toMatchObject({ status: 'wrapup', etag: 'W/"200"' });
    expect(picture.watermarks.conversations).toBe(mark);
  });

  it('survives a round trip through plain data (storage.session)', () => {
    const picture = new LivePicture();
    replaceAll(picture, fullLoad(), 1_000);
    const copy = LivePicture.fromData(JSON.parse(JSON.stringify(picture.toData())));
    expect(copy.conversationList()).toEqual(picture.conversationList());
    expect(copy.watermarks).toEqual(picture.watermarks);
    expect(copy.applyParticipants([participantRow(9, 2, { msdyn_mode: 192350003 })], 2_000).upsert[0]!.participants).toEqual([
      { agentId: AGENT, mode: 'consult' },
    ]);
  });
});
