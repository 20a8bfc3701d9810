/**
 * The workspace page's own script (runs in the browser). It builds the DOM with textContent only, so customer
 * text is never parsed as markup, and reads the emulator's internal /_emulator/workspace/* endpoints, which stay
 * out of the Web API request log and service-protection counts (they stand in for the real page's own traffic).
 *
 * Like the multisession app, the open sessions live only in this page's memory: each conversation opened (by a
 * record URL, Microsoft.Omnichannel.openConversation, Xrm.Navigation.openForm or Microsoft.Apm.createSession) gets a
 * session tab, opening it again focuses that tab, and reloading the page loses every session but the one its URL
 * names. The URL follows the focused session.
 */
export const WORKSPACE_SCRIPT = String.raw`(() => {
  'use strict';
  const boot = window.__FLOORWALKER_EMULATOR__;
  const APP = boot.app.uniqueName;
  const main = document.getElementById('workspace-main');
  const tabs = document.getElementById('session-tabs');
  const HOME_SESSION = 'session-id-0';
  const sessions = new Map(); // conversation id -> { sessionId, tab }
  let nextSession = 1;
  let focusedConversation = null;
  let pollTimer = null;

  const roleItems = boot.user.roles.map((r) => ({ id: r.id, name: r.name }));
  const roles = {
    get: (key) => typeof key === 'number' ? roleItems[key] : key === undefined ? roleItems.slice() : roleItems.find((r) => r.id === key || r.name === key),
    forEach: (fn) => roleItems.forEach((r, i) => fn(r, i)),
    getLength: () => roleItems.length,
  };
  const globalContext = {
    userSettings: {
      userId: boot.user.userId,
      userName: boot.user.userName,
      roles,
      securityRoles: roleItems.map((r) => r.id.slice(1, -1).toLowerCase()),
      languageId: 1033,
    },
    getClientUrl: () => boot.clientUrl,
    getCurrentAppUrl: () => boot.app.url,
    getCurrentAppName: () => Promise.resolve(boot.app.displayName),
    getCurrentAppProperties: () => Promise.resolve({ appId: boot.app.appId, displayName: boot.app.displayName, uniqueName: boot.app.uniqueName, url: boot.app.url, webResourceId: null, webResourceName: null, welcomePageId: null, welcomePageName: null }),
    getVersion: () => '9.2.0.0',
  };
  window.Xrm = {
    Utility: { getGlobalContext: () => globalContext },
    Navigation: { openForm: (o) => o && o.entityName === 'msdyn_ocliveworkitem' ? openConversation(o.entityId) : Promise.resolve() },
  };
  window.Microsoft = window.Microsoft || {};
  window.Microsoft.Omnichannel = {
    openConversation: (id) => openConversation(id),
    getConversationId: () => Promise.resolve(focusedConversation),
  };
  // App profile manager (docs/platform.md#workspace-urls): conversation sessions only; the home session is session-id-0.
  window.Microsoft.Apm = {
    createSession: (input) => {
      const params = sessionParameters(input);
      if (params.entityName !== 'msdyn_ocliveworkitem') return Promise.reject(new Error('This workspace opens conversation sessions only.'));
      const clean = cleanId(params.entityId);
      if (!isGuid(clean)) return Promise.reject(new Error('Invalid entityId'));
      return Promise.resolve(openSession(clean, !input || input.isFocused !== false));
    },
    getAllSessions: () => [HOME_SESSION, ...[...sessions.values()].map((s) => s.sessionId)],
    getFocusedSession: () => sessionObject(focusedConversation),
    getSession: (sessionId) => {
      if (sessionId === HOME_SESSION) return sessionObject(null);
      const entry = [...sessions.entries()].find(([, s]) => s.sessionId === sessionId);
      return entry ? sessionObject(entry[0]) : null;
    },
  };

  /** SessionInput.sessionContext is a Map (or object) whose "parametersStr" is a JSON list of [name, value] pairs. */
  function sessionParameters(input) {
    const context = input && input.sessionContext;
    const raw = context instanceof Map ? context.get('parametersStr') : context && context.parametersStr;
    try {
      return Object.fromEntries(JSON.parse(String(raw)));
    } catch (e) {
      return {};
    }
  }

  function sessionObject(conversationId) {
    const entry = conversationId ? sessions.get(conversationId) : undefined;
    const sessionId = entry ? entry.sessionId : HOME_SESSION;
    const sessionParams = conversationId ? { LiveWorkItemId: conversationId } : {};
    return {
      sessionId,
      templateName: conversationId ? 'msdyn_conversation_session' : 'home_session',
      title: entry ? entry.tab.querySelector('.title').textContent : 'Home',
      getContext: () => Promise.resolve({
        getTabContext: () => ({ data: { ocContext: { config: { sessionParams } } } }),
      }),
      focus: () => { navigate(conversationId ? recordUrl(conversationId) : homeUrl()); return Promise.resolve(); },
      requestFocus: () => { navigate(conversationId ? recordUrl(conversationId) : homeUrl()); },
      close: () => { if (conversationId) closeSession(conversationId); return Promise.resolve(); },
    };
  }

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
    return node;
  };
  const api = async (path) => {
    const res = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(res.status + ' ' + path);
    return res.json();
  };
  const cleanId = (id) => String(id || '').replace(/[{}]/g, '').toLowerCase();
  const isGuid = (id) => /^[0-9a-f-]{36}$/.test(id);
  const recordUrl = (id) => '/main.aspx?appname=' + APP + '&pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=' + id;
  const homeUrl = () => '/main.aspx?appname=' + APP;

  function navigate(url) {
    history.pushState({}, '', url);
    render();
  }

  function openConversation(id) {
    const clean = cleanId(id);
    if (!isGuid(clean)) return Promise.reject(new Error('Invalid conversation id'));
    openSession(clean, true);
    return Promise.resolve();
  }

  /** The conversation's session (a new tab, or the one already open), focused unless asked not to; its id. */
  function openSession(id, focus) {
    const session = ensureSession(id, 'Conversation');
    if (focus) navigate(recordUrl(id));
    return session.sessionId;
  }

  function selectTab(key) {
    for (const t of tabs.querySelectorAll('.session-tab')) t.setAttribute('aria-selected', String(t.dataset.session === key));
  }

  function closeSession(id) {
    const session = sessions.get(id);
    if (!session) return;
    session.tab.remove();
    sessions.delete(id);
    if (focusedConversation === id) navigate(homeUrl());
  }

  function ensureSession(id, title) {
    let session = sessions.get(id);
    if (!session) {
      const sessionId = 'session-id-' + nextSession++;
      const close = el('span', { class: 'close', role: 'button', 'aria-label': 'Close session', onclick: (e) => {
        e.stopPropagation();
        closeSession(id);
      } }, '×');
      const tab = el('button', { type: 'button', role: 'tab', class: 'session-tab', 'data-session': id, 'data-session-id': sessionId, onclick: () => navigate(recordUrl(id)) }, el('span', { class: 'title' }, title), close);
      tabs.append(tab);
      session = { sessionId, tab };
      sessions.set(id, session);
    } else if (title && title !== 'Conversation') {
      session.tab.querySelector('.title').textContent = title;
    }
    return session;
  }

  function stopPolling() {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
  }

  async function renderHome() {
    focusedConversation = null;
    selectTab('home');
    const search = el('input', { type: 'search', id: 'workspace-search', placeholder: 'Search conversations', 'aria-label': 'Search conversations', autofocus: '' });
    const body = el('tbody');
    main.replaceChildren(
      el('h1', {}, 'Omnichannel Ongoing Conversations Dashboard'),
      el('div', { class: 'search', role: 'search' }, search),
      el('table', { id: 'ongoing' }, el('thead', {}, el('tr', {}, el('th', {}, 'Subject'), el('th', {}, 'Status'), el('th', {}, 'Agent'), el('th', {}, 'Queue'), el('th', {}, 'Channel'))), body),
    );
    search.focus();
    let rows = [];
    const fill = () => {
      const q = search.value.trim().toLowerCase();
      body.replaceChildren(...rows.filter((r) => !q || (r.subject + ' ' + r.title).toLowerCase().includes(q)).map((r) => el('tr', {},
        el('td', {}, el('a', { href: recordUrl(r.id), onclick: (e) => { e.preventDefault(); openConversation(r.id); } }, r.subject)),
        el('td', {}, r.status), el('td', {}, r.agent || '—'), el('td', {}, r.queue), el('td', {}, r.channel))));
    };
    search.addEventListener('input', fill);
    try {
      rows = (await api('/_emulator/workspace/conversations')).value;
      fill();
    } catch (e) {
      body.replaceChildren(el('tr', {}, el('td', { colspan: '5' }, 'Could not load conversations.')));
    }
  }

  const SEAT_TEXT = {
    Monitor: 'You are monitoring this conversation. The customer and the agent do not see you.',
    Consult: 'You joined this conversation.',
  };

  async function renderConversation(id) {
    focusedConversation = id;
    ensureSession(id, 'Conversation');
    selectTab(id);
    const fields = el('dl', { class: 'fields' });
    const seat = el('p', { class: 'seat', id: 'session-seat', role: 'status' });
    const transcript = el('section', { class: 'transcript', id: 'transcript', 'aria-live': 'polite', 'aria-label': 'Conversation transcript' });
    main.replaceChildren(el('h1', { id: 'conversation-title' }, 'Conversation'), seat, fields, transcript);
    const poll = async () => {
      if (focusedConversation !== id) return;
      try {
        const data = await api('/_emulator/workspace/conversations/' + id);
        if (focusedConversation !== id) return;
        document.getElementById('conversation-title').textContent = data.conversation.subject;
        ensureSession(id, data.conversation.subject);
        seat.textContent = SEAT_TEXT[data.seat] || '';
        fields.replaceChildren(...[['Status', data.conversation.status], ['Agent', data.conversation.agent || '—'], ['Queue', data.conversation.queue], ['Channel', data.conversation.channel]]
          .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
        transcript.replaceChildren(...data.messages.map((m) => m.role === 'notice'
          ? el('div', { class: 'notice', role: 'status' }, m.text)
          : el('div', { class: 'message ' + m.role }, el('span', { class: 'from' }, m.from), el('span', { class: 'text' }, m.text))));
      } catch (e) {
        transcript.replaceChildren(el('p', {}, 'Could not load this conversation.'));
      }
      pollTimer = setTimeout(poll, 2000);
    };
    await poll();
  }

  function render() {
    stopPolling();
    const params = new URLSearchParams(location.search);
    const id = cleanId(params.get('id'));
    if (params.get('pagetype') === 'entityrecord' && params.get('etn') === 'msdyn_ocliveworkitem' && id) renderConversation(id);
    else renderHome();
  }

  tabs.querySelector('[data-session="home"]').addEventListener('click', () => navigate(homeUrl()));
  window.addEventListener('popstate', render);
  render();
})();`;
