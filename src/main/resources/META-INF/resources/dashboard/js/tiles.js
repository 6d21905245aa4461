// Camera tiles: each camera's state and counters every 5 s. A refresh that fails leaves the last figures on screen
// marked as old, with the time they were true, rather than showing them as current.
import { h, replace } from './dom.js';
import { gql } from './session.js';

const age = (s) => (s == null ? '—' : `${s} s ago`);

export function cameraTiles(tiles, deployments) {
  const note = h('p', { class: 'govuk-body-s', id: 'tiles-note', 'aria-live': 'polite' });
  tiles.before(note);
  let lastGood = null;
  const refresh = async () => {
    try {
      const rows = [];
      for (const d of deployments) {
        const { deployment } = await gql(`query($d: ID!) { deployment(id: $d) { cameras { id name status { state
          analysedFps droppedFrames reconnects lastFrameAgeSeconds problem } } } }`, { d: d.id });
        (deployment?.cameras || []).forEach((c) => rows.push(h('div', { class: 'lfr-tile', 'data-camera-id': c.id },
          h('h3', { class: 'govuk-heading-s' }, c.name),
          h('p', { class: 'govuk-body-s' }, h('strong', { class: 'govuk-tag' }, c.status.state.replaceAll('_', ' ')), ' ',
            `${c.status.analysedFps.toFixed(1)} frames/s analysed · ${c.status.droppedFrames} dropped · `
            + `${c.status.reconnects} reconnects · last frame ${age(c.status.lastFrameAgeSeconds)}`,
            c.status.problem ? h('span', { class: 'lfr-problem' }, ` · ${c.status.problem}`) : ''))));
      }
      replace(tiles, rows);
      tiles.classList.remove('lfr-stale');
      lastGood = new Date();
      replace(note, `Updated ${lastGood.toLocaleTimeString('en-GB')}.`);
    } catch (e) {
      tiles.classList.add('lfr-stale');
      replace(note, h('strong', { class: 'govuk-tag govuk-tag--yellow', id: 'tiles-stale' }, 'Not current'), ' ',
        lastGood ? `The camera figures below are from ${lastGood.toLocaleTimeString('en-GB')} and could not be refreshed`
          : 'The cameras could not be read', ` (${e.message}). Retrying every 5 s.`);
    }
  };
  refresh();
  const timer = setInterval(refresh, 5000);
  return () => clearInterval(timer);
}
