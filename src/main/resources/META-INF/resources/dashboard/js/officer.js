// The van console: live alerts of the deployments this officer operates, each with the probe crop beside the
// enrolment image, adjudicated with one action; camera tiles below.
import { h, when, replace, button, field, select, textarea, errorSummary } from './dom.js';
import { gql, imageUrl } from './session.js';
import { liveClient } from './live.js';
import { evidenceBanners } from './evidence.js';

const ALERT = 'id cursor deploymentId cameraId watchlistEntryId subjectReference similarity occurredAt hasCrop'
  + ' adjudication outcome adjudicatedBy';
const OUTCOMES = [['', 'No outcome yet'], ['ARREST', 'Arrest'], ['ADVICE', 'Words of advice'],
  ['NO_FURTHER_ACTION', 'No further action'], ['OTHER', 'Other']];
const CATEGORY = { WANTED_BY_COURT: 'Wanted by the courts', WANTED_SERIOUS_OR_VIOLENT_OFFENCE: 'Wanted: serious or violent offence',
  SUSPECT: 'Suspect', MISSING_PERSON: 'Missing person', VULNERABLE_PERSON: 'Vulnerable person',
  RISK_TO_SELF_OR_OTHERS: 'Risk to self or others' };

export async function officerView(main, me) {
  const mine = me.roles.includes('officer') ? '{operatedByMe: true}' : '{status: ACTIVE}';
  const { deployments } = await gql(`{ deployments(filter: ${mine}, first: 50) { edges { node { id reference status
    matchThreshold locationName cameras { id name } } } } }`);
  const running = deployments.edges.map((e) => e.node).filter((d) => d.status === 'ACTIVE' || d.status === 'PAUSED');
  const queue = h('div', { class: 'lfr-queue', id: 'queue' });
  const tiles = h('div', { class: 'lfr-tiles', id: 'tiles' });
  const empty = h('p', { class: 'govuk-body', id: 'queue-empty' }, 'No alert is waiting.');
  const connection = h('strong', { class: 'govuk-tag govuk-tag--grey', id: 'connection' }, 'connecting');
  replace(main,
    h('h1', { class: 'govuk-heading-l' }, 'Alerts'),
    h('p', { class: 'govuk-body' }, running.length
      ? `Live for ${running.map((d) => `${d.reference} (${d.locationName || 'no location'})`).join(', ')}. `
      : 'You operate no active deployment. ', 'Live connection: ', connection),
    evidenceBanners(me, running), empty, queue,
    h('h2', { class: 'govuk-heading-m' }, 'Cameras'), tiles);
  if (!running.length) return () => {};

  const byId = new Map(running.map((d) => [d.id, d]));
  const cameras = new Map(running.flatMap((d) => d.cameras.map((c) => [c.id, c])));
  const entries = new Map();
  for (const d of running) {
    const { watchlist } = await gql('query($d: ID!) { watchlist(deploymentId: $d) { entries { id category } } }', { d: d.id });
    (watchlist?.entries || []).forEach((e) => entries.set(e.id, e));
  }
  const shown = new Map(); // alert id -> card: an alert is never shown twice, whichever way it came
  const cursors = {}; // per deployment: where the last catch-up ended (only catch-ups move it, so nothing is skipped)
  window.lfrShown = window.lfrShown || [];

  const render = (alert, live) => {
    if (shown.has(alert.id)) return;
    if (alert.adjudication) return; // already decided (by a colleague, or before a reconnect)
    const d = byId.get(alert.deploymentId);
    const entry = entries.get(alert.watchlistEntryId);
    const crop = h('img', { alt: `Face seen on camera ${cameras.get(alert.cameraId)?.name || ''}` });
    const enrolled = h('img', { alt: `Watchlist image of ${alert.subjectReference || 'the subject'}` });
    const outcome = select(OUTCOMES);
    const notes = textarea({ maxlength: 2000, rows: 2 });
    const status = h('div', { 'aria-live': 'polite' });
    const decide = (adjudication) => async () => {
      try {
        const { adjudicateAlert } = await gql('mutation($i: AdjudicationInput!) { adjudicateAlert(input: $i) { id adjudication outcome adjudicatedBy } }',
          { i: { alertId: alert.id, adjudication, outcome: outcome.value || null, notes: notes.value || null } });
        card.classList.add('lfr-alert--done');
        replace(status, h('p', { class: 'govuk-body govuk-!-font-weight-bold' },
          `${adjudicateAlert.adjudication.replaceAll('_', ' ').toLowerCase()} by ${adjudicateAlert.adjudicatedBy}`));
        card.querySelectorAll('button, select, textarea').forEach((c) => { c.disabled = true; });
      } catch (e) {
        replace(status, errorSummary(e));
      }
    };
    const card = h('article', { class: 'lfr-alert', tabindex: '0', 'data-alert-id': alert.id, 'aria-labelledby': `t-${alert.id}` },
      h('h2', { class: 'govuk-heading-m', id: `t-${alert.id}` }, alert.subjectReference || 'Watchlist match'),
      h('div', { class: 'lfr-faces' },
        h('figure', {}, crop, h('figcaption', { class: 'govuk-body-s' }, 'Seen now')),
        h('figure', {}, enrolled, h('figcaption', { class: 'govuk-body-s' }, 'On the watchlist'))),
      h('dl', { class: 'govuk-summary-list govuk-summary-list--no-border' },
        ...[['Similarity', `${alert.similarity.toFixed(3)} (threshold ${d?.matchThreshold?.toFixed(3) ?? '—'})`],
          ['Category', CATEGORY[entry?.category] || entry?.category || '—'],
          ['Camera', cameras.get(alert.cameraId)?.name || alert.cameraId],
          ['Deployment', d?.reference], ['Seen at', when(alert.occurredAt)]]
          .map(([k, v]) => h('div', { class: 'govuk-summary-list__row' }, h('dt', { class: 'govuk-summary-list__key' }, k),
            h('dd', { class: 'govuk-summary-list__value' }, v)))),
      field('Outcome (after engaging)', outcome)[0], field('Notes', notes, 'Optional, up to 2,000 characters.')[0],
      h('div', { class: 'lfr-actions' },
        button('Confirm match', decide('CONFIRMED_MATCH')),
        button('False alert', decide('FALSE_ALERT'), 'govuk-button--warning'),
        button('Not engaged', decide('NOT_ENGAGED'), 'govuk-button--secondary')),
      status);
    shown.set(alert.id, card);
    queue.prepend(card);
    empty.hidden = true;
    window.lfrShown.push({ id: alert.id, at: Date.now() });
    if (alert.hasCrop) imageUrl(`/api/alerts/${alert.id}/crop`).then((u) => { crop.src = u; }).catch(() => { crop.alt = 'Crop unavailable'; });
    imageUrl(`/api/watchlist-entries/${alert.watchlistEntryId}/image`).then((u) => { enrolled.src = u; })
      .catch(() => { enrolled.alt = 'Watchlist image unavailable (purged or not readable)'; });
    if (live) announce(alert, cameras.get(alert.cameraId)?.name);
  };

  const catchUp = async (d) => {
    let more = true;
    while (more) {
      const after = cursors[d.id] || null;
      const filter = after ? { deploymentId: d.id } : { deploymentId: d.id, pending: true };
      const { alerts } = await gql(`query($f: AlertFilter, $a: String) { alerts(filter: $f, after: $a, first: 100) {
        edges { node { ${ALERT} } } pageInfo { hasNextPage endCursor } } }`, { f: filter, a: after });
      alerts.edges.forEach((e) => render(e.node, false));
      if (alerts.pageInfo.endCursor) cursors[d.id] = alerts.pageInfo.endCursor;
      more = alerts.pageInfo.hasNextPage;
    }
  };

  const client = liveClient(() => {
    connection.textContent = 'connected';
    connection.className = 'govuk-tag govuk-tag--green';
    running.forEach((d) => catchUp(d).catch((e) => console.warn('catch-up failed', e)));
  });
  const unsubscribe = running.map((d) => client.subscribe(
    { query: `subscription($d: ID!) { alertRaised(deploymentId: $d) { ${ALERT} } }`, variables: { d: d.id } },
    { next: (m) => m.data?.alertRaised && render(m.data.alertRaised, true),
      error: () => { connection.textContent = 'reconnecting'; connection.className = 'govuk-tag govuk-tag--yellow'; },
      complete: () => {} }));
  window.lfrLive = client; // the live connection, for diagnosis (and the browser test that cuts it)
  client.on('closed', () => { connection.textContent = 'reconnecting'; connection.className = 'govuk-tag govuk-tag--yellow'; });

  const refreshTiles = async () => {
    const rows = [];
    for (const d of running) {
      const { deployment } = await gql(`query($d: ID!) { deployment(id: $d) { cameras { id name status { state
        analysedFps droppedFrames reconnects lastFrameAgeSeconds } } } }`, { d: d.id });
      deployment.cameras.forEach((c) => rows.push(h('div', { class: 'lfr-tile', 'data-camera-id': c.id },
        h('h3', { class: 'govuk-heading-s' }, c.name),
        h('p', { class: 'govuk-body-s' }, h('strong', { class: 'govuk-tag' }, c.status.state.replace('_', ' ')), ' ',
          `${c.status.analysedFps.toFixed(1)} frames/s analysed · ${c.status.droppedFrames} dropped · `
          + `${c.status.reconnects} reconnects · last frame ${c.status.lastFrameAgeSeconds == null ? '—'
            : `${c.status.lastFrameAgeSeconds} s ago`}`))));
    }
    replace(tiles, rows);
  };
  refreshTiles().catch(() => {});
  const timer = setInterval(() => refreshTiles().catch(() => {}), 5000);
  return () => { clearInterval(timer); unsubscribe.forEach((u) => u()); client.dispose(); };
}

let audio;
function announce(alert, camera) {
  document.getElementById('announce').textContent = `New alert: ${alert.subjectReference || 'watchlist match'} on camera ${camera || ''}`;
  try { // a short tone; browsers allow it once the page has had a user gesture
    audio = audio || new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
  } catch (e) { /* no sound available: the visible and spoken announcement stand */ }
}
