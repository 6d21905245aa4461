// False alerts before, during and after a deployment (issue #22), for the deployment page and the alert console:
// the expected false alerts at the expected footfall, the live check's banner and paused state, supervisors' live
// notices, and the record preview (the public page's own rendering, so staff see exactly what will be published).
import { h, when, replace, summary, table, button } from './dom.js';
import { gql } from './session.js';
import { liveFeed } from './live.js';
import { recordView, RECORD_FIELDS } from '/public/record.js';

const CHECK = 'falseAlertCheck { observed facesProcessed expected verdict decidedAt calibratedRate group'
  + ' falseAlertsForVerdict overdueAlerts overdueAfterMinutes restarted }';
const EXPECTED = 'expectedFacesPerHour expectedFalseAlerts { facesPerHour hours faces basis falseAlertRate expected low'
  + ' high sentence lines { group falseAlertRate expected low high } }';

const oneIn = (rate) => (rate > 0 ? `1 in ${Math.round(1 / rate).toLocaleString('en-GB')}` : '—');
const whose = (group) => (group === 'everyone' ? 'everyone' : `group ${group}`);

/** Before: what the deployment should expect at its threshold and footfall (d: a Deployment with EXPECTED). */
export function expectedFalseAlertsView(d) {
  const e = d.expectedFalseAlerts;
  if (!e) {
    return h('p', { class: 'govuk-body', id: 'expected-false-alerts' }, d.expectedFacesPerHour
      ? 'No calibrated rates for the running models: the expected false alerts cannot be stated.'
      : 'No expected footfall was given with the draft, so the expected number of false alerts is not stated.');
  }
  return h('div', { id: 'expected-false-alerts' },
    h('p', { class: 'govuk-body govuk-!-font-weight-bold' }, e.sentence),
    table(`Expected false alerts over ${e.hours} h at ${e.facesPerHour.toLocaleString('en-GB')} faces an hour`,
      ['Who', 'Calibrated false-alert rate', 'Expected false alerts', '95 % range'],
      e.lines.map((l) => [whose(l.group), oneIn(l.falseAlertRate), l.expected.toFixed(1), `${l.low}–${l.high}`])));
}

/** During: a banner when the live check found an excess, or when it holds the deployment (d: with CHECK). */
export function falseAlertBanner(d) {
  const c = d.falseAlertCheck;
  const held = d.status === 'PAUSED' && d.holdReason;
  const parts = [];
  if (c?.verdict === 'EXCESS') {
    parts.push(h('div', { class: 'govuk-warning-text lfr-false-alert-banner', role: 'alert', 'data-deployment': d.id },
      h('strong', { class: 'govuk-warning-text__text' },
        `${d.reference}: ${c.observed} false alerts in ${c.facesProcessed.toLocaleString('en-GB')} faces, where about `
        + `${(c.expected ?? 0).toFixed(1)} were expected at the calibrated rate of ${whose(c.group)}: significantly more`
        + ' than promised.', held ? ' The service has paused it: a supervisor resumes it with a reason, or stops it.' : '')));
  }
  if (c?.overdueAlerts > 0) {
    parts.push(h('p', { class: 'govuk-body lfr-overdue' }, `${c.overdueAlerts} alert(s) of ${d.reference} waiting longer than`
      + ` ${c.overdueAfterMinutes} min for a decision: undecided alerts weaken the false-alert check.`));
  }
  return parts.length ? h('div', {}, parts) : null;
}

/** The live check as a summary (d: with CHECK). */
export function falseAlertCheckView(d) {
  const c = d.falseAlertCheck;
  if (!c || c.verdict === 'NOT_CALIBRATED') return h('p', { class: 'govuk-body' }, 'No calibrated rate: no live check.');
  return summary([
    ['False alerts recorded', `${c.observed}${c.restarted ? ' (since a supervisor resumed it)' : ''}`],
    ['Faces processed', c.facesProcessed.toLocaleString('en-GB')],
    ['Expected at the calibrated rate', `${(c.expected ?? 0).toFixed(2)} (${whose(c.group)}, ${oneIn(c.calibratedRate)})`],
    ['Significant from', `${c.falseAlertsForVerdict} false alerts among these faces`],
    ['Verdict', c.verdict === 'EXCESS' ? `Excess, found ${new Date(c.decidedAt).toLocaleString('en-GB')}` : 'No excess so far'],
  ]);
}

/**
 * The deployment page's evidence section: expected false alerts, the live check, and the record as the public will
 * read it (the public page's own rendering), with — for a supervisor, once it is generated — the button that
 * publishes it. `act(mutation, variables)` runs a mutation and draws the page again.
 */
export function evidencePanel(d, me, act) {
  const box = h('div', { id: 'evidence' }, h('p', { class: 'govuk-body' }, 'Loading the false-alert figures…'));
  const staff = me?.roles?.some((r) => r === 'supervisor' || r === 'dpo');
  gql(`query($d: ID!) { deployment(id: $d) { id reference status holdReason ${EXPECTED} ${CHECK} }
    ${staff ? `deploymentRecordPreview(deploymentId: $d) { ${RECORD_FIELDS} generatedAt }` : ''} }`, { d: d.id })
    .then(({ deployment: now, deploymentRecordPreview: preview }) => replace(box,
      h('h2', { class: 'govuk-heading-m' }, 'Expected false alerts'), expectedFalseAlertsView(now),
      ['ACTIVE', 'PAUSED', 'CLOSED', 'SUSPENDED'].includes(now.status)
        ? [h('h2', { class: 'govuk-heading-m' }, 'Live false-alert check'), falseAlertBanner(now), falseAlertCheckView(now)] : null,
      staff && now.status === 'CLOSED' ? recordSection(now, preview, me, act) : null))
    .catch((e) => replace(box, h('p', { class: 'govuk-body' }, `False-alert figures unavailable: ${e.message}`)));
  return box;
}

/** After the end: the record exactly as the public will read it, then published from here by a supervisor. */
function recordSection(d, preview, me, act) {
  const heading = h('h2', { class: 'govuk-heading-m' }, 'The published record');
  if (!preview?.generatedAt) {
    return h('div', { id: 'record' }, heading, h('p', { class: 'govuk-body' }, 'The record is generated by the service'
      + ' shortly after the deployment ends (the records job runs every few minutes); it can be published then. Its'
      + ' figures as of now:'), preview ? recordView(preview) : null);
  }
  if (preview.publishedAt) {
    return h('div', { id: 'record' }, heading, h('p', { class: 'govuk-body' }, `Published ${when(preview.publishedAt)}`
      + ' and shown on the ', h('a', { class: 'govuk-link', href: '/public/' }, 'public page'), ' as below.'),
    recordView(preview));
  }
  return h('div', { id: 'record' }, heading,
    h('p', { class: 'govuk-body' }, 'Below is exactly what the public will see once it is published: check it names no'
      + ' one and says what happened.'),
    recordView(preview),
    me.roles.includes('supervisor') ? button('Publish this record', act(`mutation($d: ID!) {
      publishDeploymentRecord(deploymentId: $d) { publishedAt } }`, () => ({ d: d.id }))) : null);
}

/**
 * The alert console's banners: the live check of each running deployment, and — for supervisors and the DPO — each
 * notice as it comes (subscription falseAlertNotices), until the element leaves the page.
 */
export function evidenceBanners(me, running) {
  const box = h('div', { id: 'false-alert-banners', 'aria-live': 'polite' });
  Promise.all(running.map((r) => gql(`query($d: ID!) { deployment(id: $d) { id reference status holdReason ${CHECK} } }`,
    { d: r.id }))).then((all) => all.forEach(({ deployment }) => {
    const banner = falseAlertBanner(deployment);
    if (banner) box.append(banner);
  })).catch(() => {});
  if (me.roles.includes('supervisor') || me.roles.includes('dpo')) {
    const stop = watchFalseAlertNotices((n) => box.prepend(h('div', { class: 'govuk-warning-text lfr-false-alert-banner',
      role: 'alert', 'data-deployment': n.deploymentId }, h('strong', { class: 'govuk-warning-text__text' }, n.sentence))));
    const watch = setInterval(() => { if (!box.isConnected) { clearInterval(watch); stop(); } }, 5000);
  }
  return box;
}

/** Supervisors' live notices; returns a function that stops listening. */
export function watchFalseAlertNotices(onNotice) {
  const feed = liveFeed({ onConnected: () => {}, onState: () => {} });
  feed.subscribe({ query: 'subscription { falseAlertNotices { deploymentId reference observed'
    + ' facesProcessed expected paused sentence } }' }, (data) => data?.falseAlertNotices && onNotice(data.falseAlertNotices));
  return () => feed.dispose();
}
