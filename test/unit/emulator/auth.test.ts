// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { ALEX, PERSONAS, SOFIA } from '../../../emulator/personas';
import { API, ORIGIN, clientWith, emulator, signIn } from './helpers';
import { openWorkspace } from './page-harness';
import type { Emulator } from '../../../emulator';

let e: Emulator;
afterEach(async () => e?.close());

describe('sign-in and sessions', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and redirects to the workspace', async () => {
    e = emulator();
    const res = await e.fetch(new Request(`${ORIGIN}/signin?user=sofia@contoso.test`));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/main.aspx?appname=msdyn_CustomerServiceWorkspace');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('refuses an unknown user with a 403 page', async () => {
    e = emulator();
    const res = await e.fetch(new Request(`${ORIGIN}/signin?user=mallory@evil.test`));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('mallory@evil.test');
  });

  it('sends a signed-out visitor to a sign-in page listing the personas', async () => {
    e = emulator();
    const res = await e.fetch(new Request(`${ORIGIN}/main.aspx?appname=msdyn_CustomerServiceWorkspace`));
    expect(res.status).toBe(302);
    const page = await e.fetch(new Request(new URL(res.headers.get('location')!, ORIGIN)));
    const html = await page.text();
    for (const p of PERSONAS) expect(html).toContain(`/signin?user=${encodeURIComponent(p.upn).replace('%40', '%40')}`);
    expect(html).toContain('agent001@contoso.test');
  });

  it('signs in scenario agents too', async () => {
    e = emulator();
    const agent = await signIn(e, 'agent001@contoso.test');
    const who = await agent.json<{ UserId: string }>('WhoAmI()');
    expect(e.world.store.get('systemusers', who.UserId)?.domainname).toBe('agent001@contoso.test');
  });
});

describe('WhoAmI', () => {
  it('answers 401 with a Dataverse error body without credentials', async () => {
    e = emulator();
    const res = await e.fetch(new Request(`${API}/WhoAmI()`));
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toMatch(/^0x/);
    expect(body.error.message).toMatch(/not authenticated/);
  });

  it('answers the documented body for a cookie session', async () => {
    e = emulator();
    const sofia = await signIn(e, SOFIA.upn);
    const body = await sofia.json('WhoAmI()');
    expect(body).toEqual({
      '@odata.context': `${API}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
      BusinessUnitId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      UserId: SOFIA.systemuserid,
      OrganizationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('accepts a bearer token from /_emulator/token and rejects a made-up one', async () => {
    e = emulator();
    const res = await e.fetch(new Request(`${ORIGIN}/_emulator/token`, { method: 'POST', body: JSON.stringify({ user: ALEX.upn }) }));
    const token = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(token.token_type).toBe('Bearer');
    expect(token.expires_in).toBeGreaterThan(0);
    const alex = clientWith(e, { Authorization: `Bearer ${token.access_token}` });
    expect((await alex.json<{ UserId: string }>('WhoAmI()')).UserId).toBe(ALEX.systemuserid);
    const forged = clientWith(e, { Authorization: 'Bearer not-a-token' });
    expect((await forged.get('WhoAmI()')).status).toBe(401);
  });

  it('token requests with extra keys or unknown users fail', async () => {
    e = emulator();
    const extra = await e.fetch(
      new Request(`${ORIGIN}/_emulator/token`, { method: 'POST', body: JSON.stringify({ user: ALEX.upn, admin: true }) }),
    );
    expect(extra.status).toBe(400);
    const unknown = await e.fetch(new Request(`${ORIGIN}/_emulator/token`, { method: 'POST', body: JSON.stringify({ user: 'x@y.test' }) }));
    expect(unknown.status).toBe(403);
  });
});

describe('workspace page', () => {
  it('exposes the Xrm global context for the signed-in user', async () => {
    e = emulator();
    const page = await openWorkspace(e, SOFIA.upn);
    const context = page.window.Xrm.Utility.getGlobalContext();
    expect(context.userSettings.userId).toBe(`{${SOFIA.systemuserid.toUpperCase()}}`);
    expect(context.userSettings.userName).toBe(SOFIA.fullname);
    const names: string[] = [];
    context.userSettings.roles.forEach((r: { id: string; name: string }) => names.push(r.name));
    expect(names).toContain('Omnichannel supervisor');
    expect(context.userSettings.roles.get(0)).toEqual({ id: expect.stringMatching(/^\{[0-9A-F-]{36}\}$/), name: expect.any(String) });
    expect(context.getClientUrl()).toBe(ORIGIN);
    expect(await context.getCurrentAppProperties()).toMatchObject({ uniqueName: 'msdyn_CustomerServiceWorkspace' });
    await page.close();
  });
});
