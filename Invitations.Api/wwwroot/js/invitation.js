import { apply, toggle, onChange, t, currentLang, formatTime } from './i18n.js';

// The dealer's page: /invitations/{token}. No sign-in; the token in the link is the credential, so it is
// only ever sent back to this site (no-referrer) and never stored.
const $ = id => document.getElementById(id);
const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
const route = `/api/v1/invitations/${encodeURIComponent(token)}`;
let state = null;

apply();
$('lang').addEventListener('click', toggle);
onChange(render);
$('accept').addEventListener('click', () => answer('accept'));
$('decline').addEventListener('click', () => answer('decline'));
load();

async function call(method, path) {
  const response = await fetch(path, { method, headers: { Accept: 'application/json', 'Accept-Language': currentLang() } });
  const body = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, body };
}

async function load() {
  try {
    const { ok, body } = await call('GET', route);
    state = ok ? { kind: body.status === 'Accepted' ? 'accepted' : 'open', data: body } : { kind: 'problem', code: body?.code ?? 'error' };
  } catch {
    state = { kind: 'problem', code: 'error' };
  }
  render();
}

async function answer(action) {
  $('accept').disabled = $('decline').disabled = true;
  $('answer-message').textContent = '…';
  try {
    const { ok, body } = await call('POST', `${route}/${action}`);
    if (ok) {
      state = action === 'accept' ? { kind: 'accepted', data: { ...state.data, status: 'Accepted', codes: body.codes } } : { kind: 'declined', data: state.data };
    } else {
      state = { kind: 'problem', code: body?.code ?? 'error' };
    }
  } catch {
    $('answer-message').textContent = t('invite.problem.error.text');
  }
  $('accept').disabled = $('decline').disabled = false;
  render();
}

function render() {
  if (!state) return;
  const data = state.data;
  $('loading').hidden = true;
  $('details').hidden = !data || state.kind === 'problem';
  $('answer').hidden = state.kind !== 'open';
  if (state.kind !== 'open') $('answer-message').textContent = '';
  $('accepted').hidden = state.kind !== 'accepted';
  $('declined').hidden = state.kind !== 'declined';
  $('problem').hidden = state.kind !== 'problem';
  if (data) {
    $('sponsor').textContent = t('invite.sponsorId', { id: data.sponsorId });
    $('dealer').textContent = data.dealerName;
    $('code-count').textContent = t('invite.codeCount', { n: data.codeCount, tier: data.tier });
    $('expires').textContent = formatTime(data.expiresAt);
  }
  if (state.kind === 'accepted') {
    const auto = data.type === 'AutoCreate';
    $('accepted-title').textContent = t(auto ? 'invite.ready.title' : 'invite.accepted.title');
    $('accepted-text').textContent = t(auto ? 'invite.ready.text' : 'invite.accepted.text');
    $('codes').replaceChildren(...(data.codes ?? []).map(code => Object.assign(document.createElement('li'), { textContent: code })));
  }
  if (state.kind === 'problem') {
    const code = ['not-found', 'expired', 'declined', 'accepted', 'rate-limit'].includes(state.code) ? state.code : 'error';
    $('problem-title').textContent = t(`invite.problem.${code}.title`);
    $('problem-text').textContent = t(`invite.problem.${code}.text`);
  }
}
