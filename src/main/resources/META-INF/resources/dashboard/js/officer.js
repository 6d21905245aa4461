// The van console: the live queue of the deployments this officer operates, built to stay usable for a 5–6 hour
// deployment. Pending alerts, newest first, each with the face seen beside the watchlist image; a count of what
// waits, always visible; a filter by deployment and camera; a decision (here or by a colleague, pushed live)
// collapses the card into the searchable "Decided" list; the live connection comes back by itself after a token
// expiry or a network cut and catches up by cursor. Camera tiles below.
import { h, replace, select, input } from './dom.js';
import { gql, gqlAll } from './session.js';
import { liveFeed } from './live.js';
import { ALERT_FIELDS, pendingCard, decidedItem } from './alertcard.js';
import { cameraTiles } from './tiles.js';
import { DECISIONS } from './words.js';
import { evidenceBanners } from './evidence.js';
import { keepOnly } from './drafts.js';

const CONNECTION = {
  connected: ['connected', 'govuk-tag--green'],
  reconnecting: ['reconnecting', 'govuk-tag--yellow'],
  offline: ['cannot reach the service: retrying; alerts raised meanwhile will appear when it is back', 'govuk-tag--red'],
};

export async function officerView(main, me) {
  // an officer's own deployments, every page; a supervisor watching without operating sees the first 100 running
  const officer = me.roles.includes('officer');
  const query = `query($a: String) { deployments(filter: ${officer ? '{operatedByMe: true}' : '{status: ACTIVE}'}, first: 100,
    after: $a) { edges { node { id reference status matchThreshold locationName operators cameras { id name } } }
    pageInfo { hasNextPage endCursor } } }`;
  const all = officer ? await gqlAll(query, {}, (data) => data.deployments)
    : (await gql(query, { a: null })).deployments.edges.map((e) => e.node);
  const running = all.filter((d) => d.status === 'ACTIVE' || d.status === 'PAUSED');
  const queue = h('div', { class: 'lfr-queue', id: 'queue' });
  const decidedList = h('ul', { class: 'govuk-list lfr-decided-list', id: 'decided-list' });
  const decidedCount = h('span', {}, '0');
  const search = input({ type: 'search', id: 'decided-search', 'aria-label': 'Search decided alerts', class: 'govuk-input govuk-input--width-20' });
  const tiles = h('div', { class: 'lfr-tiles', id: 'tiles' });
  const empty = h('p', { class: 'govuk-body', id: 'queue-empty' }, 'No alert is waiting.');
  const connection = h('strong', { class: 'govuk-tag govuk-tag--grey', id: 'connection' }, 'connecting');
  const pending = h('strong', { id: 'pending-count', class: 'lfr-count' }, '0 alerts waiting');
  const byDeployment = select([['', 'All deployments'], ...running.map((d) => [d.id, d.reference])],
    { 'aria-label': 'Show alerts of deployment', id: 'filter-deployment' });
  const byCamera = select([['', 'All cameras'], ...running.flatMap((d) => d.cameras.map((c) => [c.id, c.name]))],
    { 'aria-label': 'Show alerts of camera', id: 'filter-camera' });
  const sound = h('input', { type: 'checkbox', class: 'govuk-checkboxes__input', id: 'sound',
    checked: localStorage.getItem('lfr.sound') !== 'off' });
  const newest = h('a', { href: '#queue', class: 'govuk-link', id: 'go-newest' }, 'Go to the newest alert');
  replace(main,
    h('div', { class: 'lfr-bar', id: 'queue-bar' },
      h('h1', { class: 'govuk-heading-m lfr-bar-title' }, 'Alerts'), pending, newest, byDeployment, byCamera,
      h('div', { class: 'govuk-checkboxes govuk-checkboxes--small lfr-sound' }, h('div', { class: 'govuk-checkboxes__item' },
        sound, h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'sound' }, 'Sound'))),
      h('span', { class: 'govuk-body-s lfr-live' }, 'Live: ', connection)),
    h('p', { class: 'govuk-body-s', id: 'live-for' }, running.length
      ? `Live for ${running.map((d) => `${d.reference} (${d.locationName || 'no location'})`).join(', ')}.`
      : 'You operate no active deployment.'),
    evidenceBanners(me, running), empty, queue,
    h('details', { class: 'govuk-details', id: 'decided' },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'Decided (', decidedCount, ')')),
      h('div', { class: 'govuk-details__text' }, search, decidedList)),
    h('h2', { class: 'govuk-heading-m' }, 'Cameras'), tiles);
  sound.addEventListener('change', () => localStorage.setItem('lfr.sound', sound.checked ? 'on' : 'off'));
  if (!running.length) return () => {};

  const deployments = new Map(running.map((d) => [d.id, d]));
  const cameras = new Map(running.flatMap((d) => d.cameras.map((c) => [c.id, c])));
  const entries = new Map();
  for (const d of running) {
    const { watchlist } = await gql('query($d: ID!) { watchlist(deploymentId: $d) { entries { id category } } }', { d: d.id });
    (watchlist?.entries || []).forEach((e) => entries.set(e.id, e));
  }
  const shown = new Map(); // alert id -> pending card: never twice, whichever way it came
  const decided = new Set();
  const cursors = {}; // per deployment: where the last catch-up ended (only catch-ups move it, so nothing is skipped)
  window.lfrShown = window.lfrShown || [];
  const context = (alert) => ({ deployment: deployments.get(alert.deploymentId), camera: cameras.get(alert.cameraId),
    entry: entries.get(alert.watchlistEntryId),
    canDecide: deployments.get(alert.deploymentId)?.operators?.includes(me.username), onDecided });

  const visible = (el) => (!byDeployment.value || el.dataset.deploymentId === byDeployment.value)
    && (!byCamera.value || el.dataset.cameraId === byCamera.value);
  const filter = () => {
    const words = search.value.trim().toLowerCase();
    queue.querySelectorAll('article').forEach((c) => { c.hidden = !visible(c); });
    decidedList.querySelectorAll('li').forEach((li) => {
      li.hidden = !visible(li) || (words && !li.textContent.toLowerCase().includes(words));
    });
    const showing = [...shown.values()].filter((c) => !c.hidden).length;
    const total = waitingTotal ?? shown.size;
    pending.textContent = `${total} ${total === 1 ? 'alert' : 'alerts'} waiting`
      + (showing < total ? ` (${showing} shown here)` : '');
    empty.hidden = shown.size > 0;
    decidedCount.textContent = String(decided.size);
  };
  // the count is the service's (totalCount), not what this page happens to hold: asked again after every change
  let waitingTotal = null;
  let counting;
  const recount = () => {
    clearTimeout(counting);
    counting = setTimeout(() => Promise.all(running.map((d) => gql(`query($f: AlertFilter) { alerts(filter: $f, first: 1) {
      totalCount } }`, { f: { deploymentId: d.id, pending: true } }))).then((counts) => {
      waitingTotal = counts.reduce((sum, c) => sum + c.alerts.totalCount, 0);
      filter();
    }).catch(() => {}), 300);
  };
  [byDeployment, byCamera].forEach((s) => s.addEventListener('change', filter));
  search.addEventListener('input', filter);
  newest.addEventListener('click', (e) => {
    e.preventDefault();
    const card = [...queue.querySelectorAll('article')].find((c) => !c.hidden);
    if (card) (card.querySelector('select, button') || card).focus();
  });

  function onDecided(alert, here) {
    const card = shown.get(alert.id);
    if (card) {
      const focused = card.contains(document.activeElement);
      card.release();
      card.remove();
      shown.delete(alert.id);
      if (focused) newest.focus();
      const who = here ? 'you' : alert.adjudicatedBy;
      document.getElementById('announce').textContent = `${DECISIONS[alert.adjudication]} by ${who}: `
        + `${alert.subjectReference || 'watchlist match'}. Moved to Decided.`;
    }
    recount();
    if (!decided.has(alert.id)) {
      decided.add(alert.id);
      decidedList.prepend(decidedItem(alert, context(alert)));
    }
    filter();
  }

  const render = (alert, live) => {
    if (alert.adjudication) { onDecided(alert, false); return; }
    if (shown.has(alert.id) || decided.has(alert.id)) return;
    const card = pendingCard(alert, context(alert));
    shown.set(alert.id, card);
    // newest first, by when it was seen: a catch-up after a gap slots older alerts below newer ones
    const after = [...queue.children].find((c) => c.dataset.occurredAt < alert.occurredAt);
    card.dataset.occurredAt = alert.occurredAt;
    queue.insertBefore(card, after || null);
    window.lfrShown.push({ id: alert.id, at: Date.now() });
    filter();
    recount();
    if (live) announce(alert, cameras.get(alert.cameraId)?.name, sound.checked);
  };

  const catchUp = async (d) => {
    let more = true;
    while (more) {
      const after = cursors[d.id] || null;
      const f = after ? { deploymentId: d.id } : { deploymentId: d.id, pending: true };
      const { alerts } = await gql(`query($f: AlertFilter, $a: String) { alerts(filter: $f, after: $a, first: 100) {
        edges { node { ${ALERT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`, { f, a: after });
      alerts.edges.forEach((e) => render(e.node, false));
      if (alerts.pageInfo.endCursor) cursors[d.id] = alerts.pageInfo.endCursor;
      more = alerts.pageInfo.hasNextPage;
    }
    // decisions made while this page was not connected: a card still pending here but decided there moves over
    const stillPending = new Set((await gqlAll(`query($f: AlertFilter, $a: String) { alerts(filter: $f, after: $a,
      first: 100) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { f: { deploymentId: d.id, pending: true } },
    (data) => data.alerts)).map((a) => a.id));
    for (const [id, card] of shown) {
      if (card.dataset.deploymentId === d.id && !stillPending.has(id)) {
        const { alert } = await gql(`query($a: ID!) { alert(id: $a) { ${ALERT_FIELDS} } }`, { a: id });
        if (alert?.adjudication) onDecided(alert, false);
      }
    }
  };
  // the latest decisions, so the Decided list is not empty after a reload
  for (const d of running) {
    const { alerts } = await gql(`query($f: AlertFilter) { alerts(filter: $f, last: 50) { edges { node { ${ALERT_FIELDS} } } } }`,
      { f: { deploymentId: d.id, pending: false } });
    alerts.edges.forEach((e) => onDecided(e.node, false));
  }

  const feed = liveFeed({
    onConnected: () => Promise.all(running.map((d) => catchUp(d))).then(() => keepOnly(new Set(shown.keys())))
      .catch((e) => console.warn('catch-up failed', e)),
    onState: (state) => {
      const [text, tone] = CONNECTION[state];
      connection.textContent = text;
      connection.className = `govuk-tag ${tone}`;
    },
  });
  const ends = running.flatMap((d) => [
    feed.subscribe({ query: `subscription($d: ID!) { alertRaised(deploymentId: $d) { ${ALERT_FIELDS} } }`, variables: { d: d.id } },
      (data) => data?.alertRaised && render(data.alertRaised, true)),
    feed.subscribe({ query: `subscription($d: ID!) { alertDecided(deploymentId: $d) { ${ALERT_FIELDS} } }`, variables: { d: d.id } },
      (data) => data?.alertDecided && onDecided(data.alertDecided, false)),
  ]);
  window.lfrLive = feed; // the live connection, for diagnosis (and the browser test that cuts it)
  const stopTiles = cameraTiles(tiles, running);
  return () => { stopTiles(); ends.forEach((end) => end()); feed.dispose(); shown.forEach((c) => c.release()); };
}

let audio;
function announce(alert, camera, withSound) {
  document.getElementById('announce').textContent = `New alert: ${alert.subjectReference || 'watchlist match'} on camera ${camera || ''}`;
  if (!withSound) return;
  try { // a short tone; browsers allow it once the page has had a user gesture
    audio = audio || new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
  } catch (e) { /* no sound available: the visible and spoken announcement stand */ }
}
