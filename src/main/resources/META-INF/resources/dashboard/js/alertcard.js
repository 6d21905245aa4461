// One alert: the pending card an officer decides (the face seen beside the watchlist image, the facts, outcome,
// notes and the three decisions), and the one-line item it collapses into once decided, by anyone.
import { h, when, field, select, textarea, errorSummary } from './dom.js';
import { gql, imageUrl } from './session.js';
import { keep, forget } from './drafts.js';
import { DECISIONS, OUTCOMES, CATEGORY } from './words.js';

const DECIDE = { CONFIRMED_MATCH: 'Confirm match', FALSE_ALERT: 'False alert', NOT_ENGAGED: 'Not engaged' };

export const ALERT_FIELDS = 'id cursor deploymentId cameraId watchlistEntryId subjectReference similarity occurredAt'
  + ' hasCrop adjudication outcome outcomeNotes adjudicatedBy adjudicatedAt';

/**
 * @param ctx {deployment, camera, entry, canDecide, onDecided(alert)}
 */
export function pendingCard(alert, ctx) {
  const images = [];
  const image = (alt) => {
    const img = h('img', { alt, width: 240, height: 200 });
    images.push(img);
    return img;
  };
  const crop = image(`Face seen on camera ${ctx.camera?.name || ''}`);
  const enrolled = image(`Watchlist image of ${alert.subjectReference || 'the subject'}`);
  const status = h('div', { 'aria-live': 'polite', class: 'lfr-card-status' });
  const facts = h('dl', { class: 'lfr-facts' }, [
    ['Similarity', `${alert.similarity.toFixed(3)} (threshold ${ctx.deployment?.matchThreshold?.toFixed(3) ?? '—'})`],
    ['Category', CATEGORY[ctx.entry?.category] || ctx.entry?.category || '—'],
    ['Camera', ctx.camera?.name || alert.cameraId],
    ['Deployment', ctx.deployment?.reference],
    ['Seen at', when(alert.occurredAt)],
  ].map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));

  let decision;
  if (ctx.canDecide) {
    const outcome = select([['', 'No outcome yet'], ...Object.entries(OUTCOMES)]);
    const notes = textarea({ maxlength: 2000, rows: 2 });
    keep(alert.id, 'outcome', outcome);
    keep(alert.id, 'notes', notes);
    const buttons = Object.entries(DECIDE).map(([value, label], i) => h('button', {
      type: 'button', 'data-decision': value,
      class: `govuk-button ${['', 'govuk-button--warning', 'govuk-button--secondary'][i]}`,
      onclick: async () => {
        buttons.forEach((b) => { b.disabled = true; }); // one decision in flight: a double click sends one
        try {
          const { adjudicateAlert } = await gql(`mutation($i: AdjudicationInput!) { adjudicateAlert(input: $i) {
            ${ALERT_FIELDS} } }`, { i: { alertId: alert.id, adjudication: value, outcome: outcome.value || null,
            notes: notes.value || null } });
          forget(alert.id);
          ctx.onDecided(adjudicateAlert, true);
        } catch (e) {
          status.replaceChildren(errorSummary(e));
          if (e.problems?.some((p) => p.code === 'conflict')) {
            gql(`query($a: ID!) { alert(id: $a) { ${ALERT_FIELDS} } }`, { a: alert.id })
              .then(({ alert: now }) => now?.adjudication && ctx.onDecided(now, false)).catch(() => {});
          } else {
            buttons.forEach((b) => { b.disabled = false; });
          }
        }
      },
    }, label));
    decision = h('div', { class: 'lfr-decision' },
      h('div', { class: 'lfr-decision-fields' }, field('Outcome (after engaging)', outcome)[0],
        field('Notes', notes, 'Optional, up to 2,000 characters.')[0]),
      h('div', { class: 'lfr-actions' }, buttons));
  } else {
    decision = h('p', { class: 'govuk-body-s' }, 'Only the officers assigned to this deployment decide its alerts.');
  }

  const card = h('article', { class: 'lfr-alert', tabindex: '-1', 'data-alert-id': alert.id,
    'data-deployment-id': alert.deploymentId, 'data-camera-id': alert.cameraId, 'aria-labelledby': `t-${alert.id}` },
  h('h2', { class: 'govuk-heading-s', id: `t-${alert.id}` }, alert.subjectReference || 'Watchlist match'),
  h('div', { class: 'lfr-faces' },
    h('figure', {}, crop, h('figcaption', { class: 'govuk-body-s' }, 'Seen now')),
    h('figure', {}, enrolled, h('figcaption', { class: 'govuk-body-s' }, 'On the watchlist'))),
  h('div', { class: 'lfr-card-side' }, facts, decision), status);

  // images are fetched with the token as blob URLs, released when the card leaves the page
  if (alert.hasCrop) imageUrl(`/api/alerts/${alert.id}/crop`).then((u) => { crop.src = u; }).catch(() => { crop.alt = 'Crop unavailable'; });
  imageUrl(`/api/watchlist-entries/${alert.watchlistEntryId}/image`).then((u) => { enrolled.src = u; })
    .catch(() => { enrolled.alt = 'Watchlist image unavailable (purged or not readable)'; });
  card.release = () => images.forEach((img) => img.src.startsWith('blob:') && URL.revokeObjectURL(img.src));
  return card;
}

/** A decided alert in the "Decided" list: what, who, when, outcome and notes; searchable by its text. */
export function decidedItem(alert, ctx) {
  return h('li', { class: 'lfr-decided-item', 'data-alert-id': alert.id, 'data-deployment-id': alert.deploymentId,
    'data-camera-id': alert.cameraId },
  h('strong', {}, DECISIONS[alert.adjudication] || alert.adjudication), ' by ', alert.adjudicatedBy || '—', ' · ',
  alert.subjectReference || 'watchlist match', ' on ', ctx.camera?.name || 'a camera', ' (', ctx.deployment?.reference || '',
  ') · seen ', when(alert.occurredAt), ', decided ', when(alert.adjudicatedAt),
  alert.outcome ? ` · outcome: ${OUTCOMES[alert.outcome] || alert.outcome}` : '',
  alert.outcomeNotes ? h('span', { class: 'lfr-notes' }, ` · notes: ${alert.outcomeNotes}`) : '');
}
