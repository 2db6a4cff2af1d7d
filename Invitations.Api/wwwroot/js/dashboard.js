import { apply, toggle, onChange, t } from './i18n.js';
import { createApi, wireSignIn, table, describeError, connectHub, ApiError } from './api.js';
import { createHistory } from './history.js';

const $ = id => document.getElementById(id);
const api = createApi('sponsor');
const finalStates = ['Completed', 'PartialSuccess', 'Failed', 'Cancelled'];
let hub = null;
let currentJob = null;
let lastStatus = null;
let lastErrors = [];
let lastCodes = [];
const jobHistory = createHistory(api, { open: followJob, results: downloadResults });
const loadHistory = () => jobHistory.load();
const renderHistory = () => jobHistory.render();
const updateHistoryRow = (jobId, changes) => jobHistory.update(jobId, changes);

apply();
$('lang').addEventListener('click', toggle);
onChange(() => { renderStatus(lastStatus); renderErrors(lastErrors, lastCodes); renderHistory(); });

wireSignIn(api, { role: 'Sponsor', sponsorInput: $('sponsor-id'), tokenInput: $('token') }, () => start());

$('signout').addEventListener('click', async () => {
  api.setToken(null);
  await hub?.stop();
  location.reload();
});

$('template').addEventListener('click', () =>
  api.download('/api/v1/bulk-invitations/template', 'bayi-sablonu.xlsx').catch(e => { $('upload-message').textContent = describeError(e); }));
$('dry-run').addEventListener('click', () => submit(true));
$('upload-form').addEventListener('submit', event => { event.preventDefault(); submit(false); });
$('results').addEventListener('click', () => downloadResults(currentJob));

if (api.token) start();

function start() {
  $('signin').hidden = true;
  $('app').hidden = false;
  $('signout').hidden = false;
  hub = connectHub(api, {
    progress: onProgress,
    completed: onCompleted,
    state: state => { $('connection').textContent = t(`conn.${state}`); $('connection').dataset.state = state; },
    reconnected: () => { if (currentJob) followJob(currentJob); loadHistory(); },
  });
  // Dealers answering (or invitations expiring) move the job's invitation counts live.
  hub.on('InvitationCountsChanged', onInvitationCounts);
  loadHistory();
  // A link such as /#job=<id> (from a notification or the history) opens that job's progress.
  const linked = new URLSearchParams(location.hash.slice(1)).get('job');
  if (linked) followJob(linked);
}

async function submit(dryRun) {
  const file = $('file').files[0];
  renderErrors([]);
  if (!file) { $('upload-message').textContent = t('upload.chooseFile'); $('file').focus(); return; }
  const form = new FormData();
  form.append('file', file);
  form.append('invitationType', $('invitation-type').value);
  if ($('default-tier').value) form.append('defaultTier', $('default-tier').value);
  form.append('defaultCodeCount', $('default-count').value || '1');
  form.append('sendSms', $('send-sms').checked);
  form.append('useRowSpecificCounts', $('row-counts').checked);
  form.append('dryRun', dryRun);
  $('upload-message').textContent = '…';
  $('upload-message').dataset.kind = '';
  try {
    const { data } = await api.post('/api/v1/bulk-invitations', form);
    if (dryRun) {
      const errors = errorsOf(data);
      $('upload-message').dataset.kind = errors.length ? '' : 'ok';
      $('upload-message').textContent = errors.length
        ? t('upload.invalid', { n: errors.length })
        : t('upload.valid', { n: data?.validRows ?? data?.totalDealers ?? '' });
      renderErrors(errors, data?.codes);
      return;
    }

    $('upload-message').textContent = t('upload.accepted');
    $('upload-message').dataset.kind = 'ok';
    await followJob(data.jobId);
    loadHistory();
  } catch (error) {
    const errors = error instanceof ApiError ? errorsOf(error.body) : [];
    $('upload-message').textContent = errors.length ? t('upload.invalid', { n: errors.length }) : `${t('upload.failed')}: ${describeError(error)}`;
    renderErrors(errors, error?.body?.shortages);
  }
}

// 400 lists row errors; a dry run's report may list them too. ValidationProblem dictionaries are flattened.
function errorsOf(body) {
  const errors = body?.errors;
  if (Array.isArray(errors)) return errors;
  if (errors && typeof errors === 'object') {
    return Object.entries(errors).flatMap(([column, messages]) => [].concat(messages).map(message => ({ row: '', column, message })));
  }
  return [];
}

// Every row error in one table; a dry run also shows the codes each tier needs against what is available.
function renderErrors(errors, codes = []) {
  lastErrors = errors;
  lastCodes = codes ?? [];
  $('upload-errors').replaceChildren(
    errors.length ? table([t('errors.row'), t('errors.column'), t('errors.message')], errors.map(e => [e.row ?? '', e.column ?? '', e.message ?? ''])) : '',
    lastCodes.length ? table([t('codes.tier'), t('codes.required'), t('codes.available')], lastCodes.map(c => [c.tier, c.required, c.available])) : '');
}

async function followJob(jobId) {
  currentJob = jobId;
  $('job').hidden = false;
  $('outcome').hidden = true;
  $('progress-latest').textContent = '';
  try { await hub?.invoke('SubscribeToJob', jobId); } catch { /* not connected yet: the sponsor's group still carries it */ }
  await refreshCurrent();
  $('job').scrollIntoView({ block: 'nearest' });
}

async function refreshCurrent() {
  if (!currentJob) return;
  try {
    const { data } = await api.get(`/api/v1/bulk-invitations/${currentJob}`);
    renderStatus(data);
    if (finalStates.includes(data.status)) await renderSmsDelivery(currentJob);
  } catch {
    if (hub?.state === 'Connected') renderStatus(await hub.invoke('GetJobStatus', currentJob));
  }
}

function onProgress(p) {
  updateHistoryRow(p.bulkJobId, { status: p.status, processedDealers: p.processedDealers, successfulInvitations: p.successfulInvitations, failedInvitations: p.failedInvitations });
  if (p.bulkJobId !== currentJob) return;
  if (lastStatus && p.processedDealers < lastStatus.processedDealers && lastStatus.status === p.status) return;
  renderStatus({ ...lastStatus, ...p, jobId: p.bulkJobId });
  if (p.latestDealerEmail) {
    $('progress-latest').textContent = t('progress.latest', {
      email: p.latestDealerEmail,
      result: p.latestDealerSuccess ? t('progress.ok') : `${t('progress.failedMark')} ${p.latestDealerError ?? ''}`,
    });
  }
}

function onCompleted(c) {
  loadHistory();
  if (c.bulkJobId !== currentJob) return;
  const processed = c.successCount + c.failedCount;
  renderStatus({ ...lastStatus, status: c.status, successfulInvitations: c.successCount, failedInvitations: c.failedCount,
    processedDealers: Math.max(lastStatus?.processedDealers ?? 0, processed), progressPercentage: lastStatus?.progressPercentage ?? 100, completedAt: c.completedAt });
  refreshCurrent();
}

function onInvitationCounts(m) {
  if (m.jobId !== currentJob || !lastStatus) return;
  renderStatus({ ...lastStatus, invitations: m.invitations });
}

function renderStatus(s) {
  if (!s) return;
  lastStatus = s;
  const percent = Math.floor(Math.max(0, Math.min(100, s.progressPercentage ?? 0)));
  $('progress-bar').value = percent;
  $('progress-percent').textContent = `${percent} %`;
  $('job-status').textContent = t(`status.${s.status}`);
  $('job-status').dataset.status = s.status;
  if (s.fileName) $('job-file').textContent = s.fileName;
  $('progress-text').textContent = t('progress.counts', {
    processed: s.processedDealers ?? 0, total: s.totalDealers ?? 0, ok: s.successfulInvitations ?? 0, failed: s.failedInvitations ?? 0,
  });
  $('invitation-counts').textContent = s.invitations ? t('answers.counts', s.invitations) : '';
  const done = finalStates.includes(s.status);
  $('outcome').hidden = !done;
  if (done) $('outcome-text').textContent = `${t(`status.${s.status}`)} · ${$('progress-text').textContent}`;
}

// What the gateway's delivery reports said about the job's SMS.
async function renderSmsDelivery(jobId) {
  const { data } = await api.get(`/api/v1/bulk-invitations/${jobId}/sms-delivery`);
  $('sms-delivery').hidden = data.sent === 0;
  $('sms-delivery').textContent = t('sms.counts', { ...data, awaiting: data.awaitingReport });
}

function downloadResults(jobId) {
  if (!jobId) return;
  api.download(`/api/v1/bulk-invitations/${jobId}/results?format=xlsx`, `sonuclar-${jobId}.xlsx`)
    .catch(error => { $('history-message').textContent = describeError(error); });
}
