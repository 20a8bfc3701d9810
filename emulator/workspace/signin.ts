/** The sign-in chooser shown to a signed-out visitor, and the refusal for an unknown user. */
import { PERSONAS } from '../personas';
import { escapeHtml, page } from './html';

const STYLE = `<style>
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;background:#faf9f8;color:#323130}
main{max-width:40rem;margin:3rem auto;padding:0 1rem}
h1{font-size:1.5rem;font-weight:600}
li{margin:.4rem 0}
a{color:#0f6cbd}
</style>`;

export function signInPage(agentUpns: readonly string[], returnTo: string | undefined): string {
  const link = (upn: string, label: string) => {
    const params = new URLSearchParams({ user: upn });
    if (returnTo) params.set('returnTo', returnTo);
    return `<li><a href="/signin?${escapeHtml(params.toString())}">${escapeHtml(label)}</a></li>`;
  };
  const personas = PERSONAS.map((p) => link(p.upn, `${p.fullname} — ${p.upn} (${p.roles.join(', ')})`)).join('\n');
  const agents = agentUpns
    .slice(0, 10)
    .map((upn) => link(upn, upn))
    .join('\n');
  return page(
    'Sign in — Floorwalker emulated org',
    `<main>
<h1>Sign in to the emulated Contact Center org</h1>
<p>Choose who you are:</p>
<ul id="personas">
${personas}
</ul>
<h2>Agents</h2>
<ul id="agents">
${agents}
</ul>
</main>`,
    STYLE,
  );
}

export function forbiddenPage(upn: string): string {
  return page(
    'Access denied',
    `<main>
<h1>Access denied</h1>
<p>The user <strong>${escapeHtml(upn)}</strong> is not a member of this organization.</p>
<p><a href="/signin">Choose another user</a></p>
</main>`,
    STYLE,
  );
}
