import { apply, toggle, onChange, t, formatTime } from './i18n.js';
import { createApi, wireSignIn, el, table, describeError, connectHub } from './api.js';

const $ = id => document.getElementById(id);
const api = createApi('support');
let found = null;
let job = null;
let hub = null;
let reloadTimer = null;

apply();
$('lang').addEventListener('click', toggle);
onChange(() => { renderResults(); renderJob(); });

// The operator's name becomes the token's subject: cancel and retry record it as the actor.
wireSignIn(api, { role: 'Support', subjectInput: $('operator'), tokenInput: $('token') }, () => start());

$('signout').addEventListener('click', () => { api.setToken(null); location.reload(); });
$('search-form').addEventListener('submit', event => { event.preventDefault(); search(); });
$('cancel').addEventListener('click', () => act('cancel'));
$('retry').addEventListener('click', () => act('retry-failed'));

if (api.token) start();

function start() {
  $('signin').hidden = true;
  $('app').hidden = false;
  $('signout').hidden = false;
  $('q').focus();
  // The open job refreshes itself while it runs: support subscribes to its group.
  hub = connectHub(api, {
    progress: p => reloadSoon(p.bulkJobId),
    completed: c => reloadSoon(c.bulkJobId),
    state: state => { $('connection').textContent = t(`conn.${state}`); $('connection').dataset.state = state; },
    reconnected: () => { if (job) { subscribe(job.jobId); open(job.jobId, false); } },
  });
}

function subscribe(jobId) {
  if (hub?.state === 'Connected') hub.invoke('SubscribeToJob', jobId).catch(() => {});
}

function reloadSoon(jobId) {
  if (!job || jobId !== job.jobId || reloadTimer) return;
  reloadTimer = setTimeout(() => { reloadTimer = null; open(jobId, false); }, 1000);
}

async function search() {
  const query = new URLSearchParams();
  if ($('q').value.trim()) query.set('q', $('q').value.trim());
  if ($('state').value) query.set('state', $('state').value);
  if ($('sponsor').value) query.set('sponsorId', $('sponsor').value);
  try {
    found = (await api.get(`/api/v1/support/bulk-invitations?${query}`)).data;
  } catch (error) {
    found = null;
    $('search-message').textContent = describeError(error);
    $('results').replaceChildren();
    return;
  }
  renderResults();
}

function renderResults() {
  if (!found) return;
  $('search-message').textContent = found.items.length ? t('search.count', { n: found.total }) : t('search.none');
  $('results').replaceChildren(table(
    [t('history.created'), t('job.id'), t('search.sponsor'), t('history.file'), t('history.status'), t('job.state'), t('history.total'), t('history.ok'), t('history.failed')],
    found.items.map(j => [formatTime(j.createdAt), el('button', { type: 'button', class: 'link', onclick: () => open(j.jobId) }, j.jobId),
      j.sponsorId, j.fileName, t(`status.${j.status}`), j.currentState ?? '–', j.totalDealers, j.succeededDealers, j.failedDealers])));
}

async function open(jobId, focus = true) {
  if (job?.jobId !== jobId) subscribe(jobId);
  try {
    job = (await api.get(`/api/v1/support/bulk-invitations/${jobId}`)).data;
    $('job-message').textContent = '';
  } catch (error) {
    $('job-message').textContent = describeError(error);
    return;
  }
  renderJob();
  $('job').hidden = false;
  if (focus) $('job').focus();
}

function renderJob() {
  if (!job) return;
  const saga = job.saga;
  const pairs = [
    [t('job.id'), job.jobId], [t('search.sponsor'), job.sponsorId], [t('history.file'), job.fileName],
    [t('history.status'), t(`status.${job.status}`)], [t('job.state'), saga?.currentState ?? '–'], [t('job.version'), saga?.version ?? '–'],
    [t('job.counts'), `${t('history.total')} ${job.totalDealers} · ${t('history.ok')} ${saga?.succeededDealers ?? 0} · ${t('history.failed')} ${saga?.failedDealers ?? 0} · ${t('status.Skipped')} ${saga?.skippedDealers ?? 0}`],
    [t('job.created'), formatTime(job.createdAt)], [t('job.started'), formatTime(job.startedAt ?? saga?.startedAt)],
    [t('job.completed'), formatTime(job.completedAt ?? saga?.completedAt)],
  ];
  $('job-summary').replaceChildren(...pairs.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  const running = job.status === 'Pending' || job.status === 'Processing';
  $('cancel').disabled = !running;
  $('retry').disabled = running || !job.rows.some(r => r.status === 'Failed');
  $('job-operators').replaceChildren(job.operatorActions.length
    ? table([t('timeline.at'), t('timeline.event'), t('timeline.actor'), t('timeline.detail')],
      job.operatorActions.map(a => [formatTime(a.at), a.event, a.actor, a.detail ?? '']))
    : el('p', {}, t('job.none')));
  $('job-timeline').replaceChildren(job.timeline.length
    ? table([t('timeline.at'), t('timeline.event'), t('timeline.transition'), t('timeline.message'), t('timeline.detail'), t('timeline.actor')],
      job.timeline.map(e => [formatTime(e.at), e.event, `${e.fromState ?? '–'} → ${e.toState ?? '–'}`, e.messageId ?? '', e.detail ?? '', e.actor ?? '']))
    : el('p', {}, t('job.none')));
  $('job-rows').replaceChildren(table(
    [t('errors.row'), t('rows.email'), t('rows.phone'), t('rows.name'), t('history.status'), t('rows.attempts'), t('errors.message'), t('rows.invitation'), t('rows.sms')],
    job.rows.map(r => [r.rowNumber, r.email, r.phone, r.dealerName, t(`status.${r.status}`), r.attempts,
      [r.errorCode, r.error].filter(Boolean).join(': '), r.invitationId ?? '',
      [r.smsDelivery ? [t(`sms.${r.smsDelivery}`), r.smsDeliveryReason, r.smsDeliveryReportedAt && formatTime(r.smsDeliveryReportedAt)].filter(Boolean).join(' · ') : '',
        r.smsPossiblyTwice ? t('rows.smsPossiblyTwice') : ''].filter(Boolean).join(' · ')])));
}

async function act(action) {
  if (!job) return;
  try {
    await api.post(`/api/v1/bulk-invitations/${job.jobId}/${action}`);
    $('job-message').textContent = t('action.done');
    await open(job.jobId);
  } catch (error) {
    $('job-message').textContent = describeError(error);
  }
}
