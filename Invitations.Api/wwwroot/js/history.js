// The sponsor's jobs: status, counts and what can be done with each (results, cancel while running, retry failed).
import { t, formatTime } from './i18n.js';
import { el, table, describeError } from './api.js';

export function createHistory(api, { open, results }) {
  const $ = id => document.getElementById(id);
  let jobs = [];

  async function load() {
    try {
      const { data } = await api.get('/api/v1/bulk-invitations?page=1&pageSize=20');
      jobs = data?.items ?? [];
      $('history-message').textContent = '';
    } catch (error) {
      $('history-message').textContent = describeError(error);
    }
    render();
  }

  function update(jobId, changes) {
    const job = jobs.find(j => j.jobId === jobId);
    if (job) { Object.assign(job, changes); render(); }
  }

  function render() {
    if (!jobs.length) { $('history').replaceChildren(el('p', {}, t('history.empty'))); return; }
    $('history').replaceChildren(table(
      [t('history.created'), t('history.file'), t('history.status'), t('history.total'), t('history.ok'), t('history.failed'), t('history.actions')],
      jobs.map(j => [formatTime(j.createdAt), j.fileName ?? '', t(`status.${j.status}`), j.totalDealers,
        j.successfulInvitations ?? 0, j.failedInvitations ?? 0, actions(j)])));
  }

  function actions(job) {
    const running = job.status === 'Pending' || job.status === 'Processing';
    const button = (label, onclick) => el('button', { type: 'button', onclick, 'aria-label': `${label}: ${job.fileName ?? job.jobId}` }, label);
    return el('span', { class: 'actions' },
      button(t('action.open'), () => open(job.jobId)),
      running ? null : button(t('action.results'), () => results(job.jobId)),
      running ? button(t('action.cancel'), () => act(job.jobId, 'cancel')) : null,
      !running && (job.failedInvitations ?? 0) > 0 ? button(t('action.retry'), () => act(job.jobId, 'retry-failed')) : null);
  }

  async function act(jobId, action) {
    try {
      await api.post(`/api/v1/bulk-invitations/${jobId}/${action}`);
      $('history-message').textContent = t('action.done');
      if (action === 'retry-failed') open(jobId);
      load();
    } catch (error) {
      $('history-message').textContent = describeError(error);
    }
  }

  return { load, update, render };
}
