// The token, the API calls and small DOM helpers shared by both pages.
import { t, currentLang } from './i18n.js';

const tokenKey = page => `invitations.token.${page}`;

export class ApiError extends Error {
  constructor(status, body) { super(body?.title ?? `HTTP ${status}`); this.status = status; this.body = body; }
}

export function createApi(page) {
  let token = sessionStorage.getItem(tokenKey(page));
  const fromPlatform = new URLSearchParams(location.hash.slice(1)).get('access_token');
  if (fromPlatform) {
    token = fromPlatform;
    sessionStorage.setItem(tokenKey(page), token);
    history.replaceState(null, '', location.pathname);
  }

  async function call(method, url, body, options = {}) {
    // The Api words its validation messages in the page's language.
    const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': currentLang() };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body && !(body instanceof FormData)) headers['Content-Type'] = 'application/json';
    const response = await fetch(url, { method, headers, body: body instanceof FormData ? body : body && JSON.stringify(body) });
    if (response.status === 401 && token) {
      // The token expired or was revoked: back to the sign-in form.
      sessionStorage.removeItem(tokenKey(page));
      location.reload();
    }
    if (options.raw && response.ok) return response;
    const type = response.headers.get('Content-Type') ?? '';
    const data = type.includes('json') ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, data);
    return { status: response.status, data };
  }

  return {
    get token() { return token; },
    setToken(value) { token = value; if (value) sessionStorage.setItem(tokenKey(page), value); else sessionStorage.removeItem(tokenKey(page)); },
    get: url => call('GET', url),
    post: (url, body) => call('POST', url, body),
    async download(url, fileName) {
      const response = await call('GET', url, null, { raw: true });
      const link = el('a', { href: URL.createObjectURL(await response.blob()), download: fileName });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    },
  };
}

// Dev tokens where the Api offers them (Development); otherwise a token pasted or passed by the platform.
export async function signIn(api, { role, subjectInput, sponsorInput, tokenInput }) {
  const config = await (await fetch('/dashboard/config.json')).json();
  if (!config.devTokens) {
    if (!tokenInput.value.trim()) throw new Error(t('signin.platform'));
    api.setToken(tokenInput.value.trim());
    return;
  }

  const request = { role };
  if (sponsorInput) request.sponsorId = Number(sponsorInput.value);
  if (subjectInput?.value.trim()) request.subject = subjectInput.value.trim();
  const { data } = await api.post('/api/v1/dev/tokens', request);
  api.setToken(data.token);
}

export async function devTokensOffered() {
  try { return (await (await fetch('/dashboard/config.json')).json()).devTokens; } catch { return false; }
}

// The sign-in form of a page: shows the development fields only where the server hands out development tokens,
// signs in on submit and calls onSignedIn, or shows why it could not.
export function wireSignIn(api, credentials, onSignedIn) {
  const $ = id => document.getElementById(id);
  devTokensOffered().then(dev => {
    document.querySelectorAll('#signin .dev').forEach(n => { n.hidden = !dev; n.querySelector('input').required = dev; });
    document.querySelectorAll('#signin .platform').forEach(n => { n.hidden = dev; });
  });
  $('signin-form').addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await signIn(api, credentials);
      onSignedIn();
    } catch (error) {
      $('signin-message').textContent = `${t('signin.failed')} ${describeError(error)}`;
    }
  });
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter(c => c !== null && c !== undefined).map(c => (c instanceof Node ? c : String(c))));
  return node;
}

export function table(headers, rows) {
  return el('table', {},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c))))));
}

export function describeError(error) {
  if (error instanceof ApiError) return `${error.status}: ${error.body?.detail ?? error.body?.title ?? error.message}`;
  return error?.message ?? String(error);
}

export function connectHub(api, handlers) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/bulk-invitations', { accessTokenFactory: () => api.token })
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
    .build();
  connection.on('BulkInvitationProgress', handlers.progress);
  connection.on('BulkInvitationCompleted', handlers.completed);
  connection.onreconnecting(() => handlers.state('reconnecting'));
  connection.onreconnected(() => { handlers.state('connected'); handlers.reconnected(); });
  const start = async () => {
    try {
      await connection.start();
      handlers.state('connected');
      handlers.reconnected();
    } catch {
      handlers.state('disconnected');
      setTimeout(start, 5000);
    }
  };
  // After automatic reconnection gives up, keep trying: a long outage must not need a page reload.
  connection.onclose(() => { handlers.state('disconnected'); if (api.token) setTimeout(start, 5000); });
  start();
  return connection;
}
