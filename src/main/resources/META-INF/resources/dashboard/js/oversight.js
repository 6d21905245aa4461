// The Data Protection Officer's view: the audit chain verified, the audit trail searched, retention and purges,
// legal holds, and the deployment records.
import { h, when, replace, summary, table, button, field, input, select, errorSummary } from './dom.js';
import { gql } from './session.js';

export async function oversightView(main) {
  const verification = h('div', { id: 'verification', 'aria-live': 'polite' });
  const results = h('div', { id: 'audit-results' });
  const problems = h('div');
  const verify = async () => {
    replace(verification, h('p', { class: 'govuk-body' }, 'Verifying…'));
    try {
      const { verifyAuditChain: v } = await gql(`{ verifyAuditChain { intact eventsChecked firstBrokenSeq firstBrokenId problem
        continuity { lastKnownHeadSeq lastKnownHeadHash lastKnownHeadInChain backupTakenAt restoredAt summary } } }`);
      const c = v.continuity;
      // restored from a backup: the hashes hold, but the events after the backup's head are gone
      replace(verification, v.intact && c
        ? h('div', { class: 'govuk-error-summary', role: 'alert', id: 'chain-restored' },
          h('h2', { class: 'govuk-error-summary__title' }, c.lastKnownHeadInChain
            ? `Audit events after #${c.lastKnownHeadSeq} were lost in a restore from backup`
            : 'The audit chain does not hold the backup\'s last event'),
          h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' },
            `${c.summary} ${v.eventsChecked} events checked; their hashes and links hold.`)))
        : v.intact
        ? h('div', { class: 'govuk-panel govuk-panel--confirmation', id: 'chain-intact' },
          h('h2', { class: 'govuk-panel__title' }, 'Audit chain intact'),
          h('div', { class: 'govuk-panel__body' }, `${v.eventsChecked} events checked`))
        : h('div', { class: 'govuk-error-summary', role: 'alert', id: 'chain-broken' },
          h('h2', { class: 'govuk-error-summary__title' }, `Audit chain broken at event ${v.firstBrokenSeq}`),
          h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' },
            `Event id ${v.firstBrokenId}: ${v.problem}. ${v.eventsChecked} events checked.`))));
    } catch (e) {
      replace(verification, errorSummary(e));
    }
  };

  const { auditActions } = await gql('{ auditActions }');
  const [fActor, actor] = field('Actor', input({ maxlength: 200 }));
  const [fAction, action] = field('Action', select([['', 'Any'], ...auditActions.map((name) => [name, name])]));
  const [fSubject, subject] = field('Subject id', input({ maxlength: 200 }));
  const [fFrom, from] = field('From', input({ type: 'datetime-local' }));
  const [fTo, to] = field('To', input({ type: 'datetime-local' }));
  const search = async () => {
    const filter = {};
    if (actor.value) filter.actor = actor.value;
    if (action.value) filter.action = action.value;
    if (subject.value) filter.subjectId = subject.value;
    if (from.value) filter.from = new Date(from.value).toISOString();
    if (to.value) filter.to = new Date(to.value).toISOString();
    try {
      const { auditTrail } = await gql(`query($f: AuditFilter) { auditTrail(filter: $f, last: 50) { edges { node {
        seq occurredAt actor action subjectType subjectId details } } } }`, { f: filter });
      replace(problems);
      replace(results, table('Audit events (latest 50 that match)', ['#', 'When', 'Actor', 'Action', 'Subject', 'Details'],
        auditTrail.edges.map((e) => e.node).reverse().map((a) => [String(a.seq), when(a.occurredAt), a.actor, a.action,
          `${a.subjectType || ''} ${a.subjectId || ''}`, h('span', { class: 'lfr-pre govuk-body-s' }, a.details)])));
    } catch (e) {
      replace(problems, errorSummary(e));
    }
  };

  const { retentionStatus: r, deploymentRecords } = await gql(`{ retentionStatus { asOf alertsRetained alertsDueForDeletion
    alertsOnLegalHold watchlistsAwaitingPurge { reference deadline overdue } recentPurges { kind items purgedAt triggeredBy } }
    deploymentRecords { deploymentId reference locationName startedAt endedAt alerts confirmedMatches falseAlerts
      facesProcessed falseAlertRate matchThreshold expectedRates publishedAt } }`);
  replace(main,
    h('h1', { class: 'govuk-heading-l' }, 'Oversight'),
    h('h2', { class: 'govuk-heading-m' }, 'Audit chain'),
    h('p', { class: 'govuk-body' }, 'Every event is hash-chained to the one before it: a changed or deleted row breaks the chain.'),
    button('Verify the audit chain', verify), verification,
    h('h2', { class: 'govuk-heading-m' }, 'Audit trail'), problems,
    h('form', { id: 'audit-search', onsubmit: (e) => { e.preventDefault(); search(); } },
      fActor, fAction, fSubject, fFrom, fTo, h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Search')),
    results,
    h('h2', { class: 'govuk-heading-m' }, 'Retention'),
    summary([['As of', when(r.asOf)], ['Alerts retained', String(r.alertsRetained)],
      ['Due for deletion', String(r.alertsDueForDeletion)], ['On legal hold', String(r.alertsOnLegalHold)]]),
    table('Watchlists awaiting purge', ['Deployment', 'Deadline', 'Overdue'],
      (r.watchlistsAwaitingPurge || []).map((p) => [p.reference, when(p.deadline), p.overdue ? 'OVERDUE' : 'no'])),
    table('Recent purges', ['What', 'Items', 'When', 'By'],
      (r.recentPurges || []).map((p) => [p.kind, String(p.items), when(p.purgedAt), p.triggeredBy])),
    h('h2', { class: 'govuk-heading-m' }, 'Deployment records'),
    table('Records', ['Deployment', 'Location', 'Ran', 'Alerts', 'Confirmed / false', 'Faces', 'Observed false-alert rate',
      'Threshold and expectation', 'Published'],
    (deploymentRecords || []).map((d) => [d.reference, d.locationName, `${when(d.startedAt)} – ${when(d.endedAt)}`,
      String(d.alerts), `${d.confirmedMatches} / ${d.falseAlerts}`, String(d.facesProcessed),
      d.falseAlertRate ? `1 in ${Math.round(1 / d.falseAlertRate).toLocaleString('en-GB')}` : '0',
      `${d.matchThreshold.toFixed(3)}: ${d.expectedRates || 'not calibrated'}`, when(d.publishedAt)])));
  search();
}
