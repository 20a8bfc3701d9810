import { describe, expect, it } from 'vitest';
import { conversationRecordUrl, openInWorkspace, type TabsLike } from '../../../lib/actions/open-in-workspace';

const ORG = 'https://contoso.crm4.dynamics.com';
const ID = 'c0000000-0000-4000-8000-000000000001';

describe('conversationRecordUrl', () => {
  it('keeps the app and opens the conversation record (documented URL form)', () => {
    expect(conversationRecordUrl(`${ORG}/main.aspx?appname=msdyn_CustomerServiceWorkspace&pagetype=dashboard&id=x`, ID)).toBe(
      `${ORG}/main.aspx?appname=msdyn_CustomerServiceWorkspace&pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=${ID}`,
    );
    expect(conversationRecordUrl(`${ORG}/main.aspx?appid=1234`, ID)).toContain('appid=1234&pagetype=entityrecord');
    expect(conversationRecordUrl(`${ORG}/other.aspx`, ID)).toBeNull();
    expect(conversationRecordUrl('not a url', ID)).toBeNull();
  });
});

describe('openInWorkspace', () => {
  function tabs(list: Array<{ id: number; url: string; active?: boolean }>, focusedId?: number) {
    const updates: Array<[number, string]> = [];
    const api: TabsLike = {
      query: async (q) => (q.lastFocusedWindow ? list.filter((t) => t.id === focusedId) : list),
      update: async (id, change) => void updates.push([id, change.url]),
    };
    return { api, updates };
  }

  it("navigates the org's focused workspace tab, not another org's or another page", async () => {
    const { api, updates } = tabs(
      [
        { id: 1, url: 'https://fabrikam.crm.dynamics.com/main.aspx?appname=a' },
        { id: 2, url: `${ORG}/main.aspx?appname=a` },
        { id: 3, url: `${ORG}/main.aspx?appname=b` },
        { id: 4, url: 'https://example.com/' },
      ],
      3,
    );
    expect(await openInWorkspace(api, ORG, ID)).toBe(true);
    expect(updates).toEqual([[3, `${ORG}/main.aspx?appname=b&pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=${ID}`]]);
  });

  it('does nothing without a workspace tab of the org', async () => {
    const { api, updates } = tabs([{ id: 4, url: 'https://example.com/' }]);
    expect(await openInWorkspace(api, ORG, ID)).toBe(false);
    expect(updates).toEqual([]);
  });
});
