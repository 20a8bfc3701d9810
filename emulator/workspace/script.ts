/**
 * The workspace page's own script (runs in the browser). It builds the DOM with textContent only, so customer
 * text is never parsed as markup, and reads the emulator's internal /_emulator/workspace/* endpoints, which stay
 * out of the Web API request log and service-protection counts (they stand in for the real page's own traffic).
 */
export const WORKSPACE_SCRIPT = String.raw`(() => {
  'use strict';
  const boot = window.__FLOORWALKER_EMULATOR__;
  const APP = boot.app.uniqueName;
  const main = document.getElementById('workspace-main');
  const tabs = document.getElementById('session-tabs');
  const openSessions = new Map(); // conversation id -> tab button
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
  const recordUrl = (id) => '/main.aspx?appname=' + APP + '&pagetype=entityrecord&etn=msdyn_ocliveworkitem&id=' + id;
  const homeUrl = () => '/main.aspx?appname=' + APP;

  function navigate(url) {
    history.pushState({}, '', url);
    render();
  }

  function openConversation(id) {
    const clean = cleanId(id);
    if (!/^[0-9a-f-]{36}$/.test(clean)) return Promise.reject(new Error('Invalid conversation id'));
    navigate(recordUrl(clean));
    return Promise.resolve();
  }

  function selectTab(key) {
    for (const t of tabs.querySelectorAll('.session-tab')) t.setAttribute('aria-selected', String(t.dataset.session === key));
  }

  function ensureTab(id, title) {
    let tab = openSessions.get(id);
    if (!tab) {
      const close = el('span', { class: 'close', role: 'button', 'aria-label': 'Close session', onclick: (e) => {
        e.stopPropagation();
        tab.remove();
        openSessions.delete(id);
        if (focusedConversation === id) navigate(homeUrl());
      } }, '×');
      tab = el('button', { type: 'button', role: 'tab', class: 'session-tab', 'data-session': id, onclick: () => navigate(recordUrl(id)) }, el('span', { class: 'title' }, title), close);
      tabs.append(tab);
      openSessions.set(id, tab);
    } else if (title) {
      tab.querySelector('.title').textContent = title;
    }
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

  async function renderConversation(id) {
    focusedConversation = id;
    ensureTab(id, 'Conversation');
    selectTab(id);
    const fields = el('dl', { class: 'fields' });
    const transcript = el('section', { class: 'transcript', id: 'transcript', 'aria-live': 'polite', 'aria-label': 'Conversation transcript' });
    main.replaceChildren(el('h1', { id: 'conversation-title' }, 'Conversation'), fields, transcript);
    const poll = async () => {
      if (focusedConversation !== id) return;
      try {
        const data = await api('/_emulator/workspace/conversations/' + id);
        if (focusedConversation !== id) return;
        document.getElementById('conversation-title').textContent = data.conversation.subject;
        ensureTab(id, data.conversation.subject);
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
