// Deployments by status, and one deployment: the lifecycle actions its status and the caller's roles allow, the
// start gate as a checklist, the watchlist to review and approve, the threshold in rates, notices and signs.
import { h, when, replace, summary, table, button, field, input, textarea, select, errorSummary } from './dom.js';
import { gql } from './session.js';
import { evidencePanel } from './evidence.js';

const STATUSES = ['SUBMITTED', 'DRAFT', 'AUTHORISED', 'ACTIVE', 'PAUSED', 'SUSPENDED', 'CLOSED', 'REJECTED', 'CANCELLED'];

export async function deploymentList(main) {
  const { deployments } = await gql(`{ deployments(first: 100) { edges { node { id reference status locationName
    plannedStart plannedEnd createdBy holdReason } } } }`);
  const all = deployments.edges.map((e) => e.node);
  const held = all.filter((d) => d.holdReason);
  const link = (d) => h('a', { class: 'govuk-link', href: `#/deployments/${d.id}` }, d.reference);
  replace(main, h('h1', { class: 'govuk-heading-l' }, 'Deployments'),
    // held by the service itself (after a restore from backup): first, with why; a supervisor decides
    held.length ? h('div', { id: 'held-deployments' }, table(`Held by the service (${held.length})`,
      ['Reference', 'Location', 'Why', 'Who decides'], held.map((d) => [link(d), d.locationName, d.holdReason,
        'a supervisor: resume or stop, with a reason']))) : null,
    STATUSES.map((s) => [s, all.filter((d) => d.status === s)]).filter(([, ds]) => ds.length).map(([s, ds]) =>
      table(`${s[0]}${s.slice(1).toLowerCase()} (${ds.length})`, ['Reference', 'Location', 'Planned', 'Drafted by'],
        ds.map((d) => [h('a', { class: 'govuk-link', href: `#/deployments/${d.id}` }, d.reference), d.locationName,
          `${when(d.plannedStart)} – ${when(d.plannedEnd)}`, d.createdBy]))));
}

const DETAIL = `query($d: ID!) {
  deployment(id: $d) { id reference status purpose locationName areaDescription plannedStart plannedEnd dpiaReference
    createdBy authorisedBy matchThreshold holdReason
    expectedRates { sentence groups { group falseAlertRate identificationRate } }
    cameras { id name pushMode positionDescription }
    notices { id publishedAt channels }
    signage { id cameraId placedAt placedBy removedAt } }
  deploymentReadiness(deploymentId: $d) { rule met description }
  watchlist(deploymentId: $d) { size approvedAt approvedBy frozenAt entries { id subjectReference category legalBasis
    justification imageSource imageDate subjectUnder18 needsOverride overrideReason overrideBy expectedFalseAlerts
    lookalikeWarning } } }`;

export async function deploymentDetail(main, me, id) {
  const is = (role) => me.roles.includes(role);
  const { deployment: d, deploymentReadiness: checks, watchlist: w } = await gql(DETAIL, { d: id });
  const problems = h('div', { id: 'problems' });
  const reload = () => deploymentDetail(main, me, id);
  const act = (mutation, variables) => async () => {
    try {
      await gql(mutation, variables());
      await reload();
    } catch (e) {
      replace(problems, errorSummary(e));
    }
  };

  const actions = [];
  const reason = textarea({ maxlength: 2000 });
  if (d.status === 'DRAFT' && (is('officer') || is('supervisor'))) {
    actions.push(button('Submit for authorisation', act('mutation($d: ID!) { submitDeployment(id: $d) { id } }', () => ({ d: id }))));
  }
  if (d.status === 'SUBMITTED' && is('supervisor')) {
    actions.push(button('Authorise', act('mutation($d: ID!) { authoriseDeployment(id: $d) { id } }', () => ({ d: id }))),
      button('Reject', act('mutation($d: ID!, $r: String!) { rejectDeployment(id: $d, reason: $r) { id } }',
        () => ({ d: id, r: reason.value })), 'govuk-button--warning'));
  }
  if (d.status === 'AUTHORISED' && is('officer')) {
    actions.push(button('Start matching', act('mutation($d: ID!) { startDeployment(id: $d) { id } }', () => ({ d: id }))));
  }
  if (d.status === 'ACTIVE' && is('officer')) {
    actions.push(button('Pause', act('mutation($d: ID!) { pauseDeployment(id: $d) { id } }', () => ({ d: id })), 'govuk-button--secondary'),
      button('Stop', act('mutation($d: ID!) { stopDeployment(id: $d) { id } }', () => ({ d: id })), 'govuk-button--warning'));
  }
  if (d.status === 'PAUSED' && is('officer') && !d.holdReason) {
    actions.push(button('Resume', act('mutation($d: ID!) { resumeDeployment(id: $d) { id } }', () => ({ d: id }))));
  }
  if (d.status === 'PAUSED' && d.holdReason && is('supervisor')) {
    actions.push(button('Resume (held)', act('mutation($d: ID!, $r: String!) { resumeHeldDeployment(id: $d, reason: $r) { id } }',
      () => ({ d: id, r: reason.value }))),
    button('Stop (held)', act('mutation($d: ID!, $r: String!) { stopHeldDeployment(id: $d, reason: $r) { id } }',
      () => ({ d: id, r: reason.value })), 'govuk-button--warning'));
  }
  if (['DRAFT', 'SUBMITTED', 'AUTHORISED'].includes(d.status) && (is('officer') || is('supervisor'))) {
    actions.push(button('Cancel deployment', act('mutation($d: ID!, $r: String!) { cancelDeployment(id: $d, reason: $r) { id } }',
      () => ({ d: id, r: reason.value })), 'govuk-button--warning'));
  }

  const sections = [
    h('span', { class: 'govuk-caption-l' }, d.locationName),
    h('h1', { class: 'govuk-heading-l' }, d.reference, ' ', h('strong', { class: 'govuk-tag', id: 'status' }, d.status)),
    d.holdReason ? h('div', { class: 'govuk-warning-text', id: 'held' }, h('strong', { class: 'govuk-warning-text__text' },
      `Held by the service: ${d.holdReason}. It matches no face until a supervisor resumes it (the start gate must hold`
      + ' again) or stops it, with a reason.')) : null,
    problems,
    actions.length ? h('div', { class: 'lfr-actions' }, actions.length > 1 || d.status === 'SUBMITTED'
      ? field('Reason (needed to reject, cancel, or decide on a held deployment)', reason)[0] : null, actions) : null,
    h('h2', { class: 'govuk-heading-m' }, 'Start gate'),
    h('ul', { class: 'govuk-list', id: 'checklist' }, checks.map((c) => h('li', { 'data-rule': c.rule, 'data-met': String(c.met) },
      h('span', { class: c.met ? 'lfr-met' : 'lfr-unmet' }, c.met ? '✓ met ' : '✗ not met '),
      h('code', {}, c.rule), ': ', c.description))),
    summary([['Purpose', d.purpose], ['Area', d.areaDescription], ['Planned', `${when(d.plannedStart)} – ${when(d.plannedEnd)}`],
      ['DPIA', d.dpiaReference], ['Drafted by', d.createdBy], ['Authorised by', d.authorisedBy]]),
    h('h2', { class: 'govuk-heading-m' }, 'Match threshold'),
    h('p', { class: 'govuk-body', id: 'threshold' }, `${d.matchThreshold.toFixed(3)}. `,
      d.expectedRates ? d.expectedRates.sentence : 'No calibrated rates for the running models.'),
    d.expectedRates?.groups?.length ? table('Per group (calibration set)', ['Group', 'False-alert rate', 'Identification rate'],
      d.expectedRates.groups.map((g) => [g.group, `${(100 * g.falseAlertRate).toFixed(3)} %`, `${(100 * g.identificationRate).toFixed(1)} %`])) : null,
    evidencePanel(id, me),
  ];
  if (is('supervisor') && ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAUSED'].includes(d.status)) {
    const [f, t] = field('New threshold', input({ inputmode: 'decimal', class: 'govuk-input govuk-input--width-5' }),
      'A threshold whose calibrated false-alert rate is above the configured maximum is refused.');
    sections.push(f, button('Set threshold', act('mutation($d: ID!, $t: Float!) { setMatchThreshold(id: $d, threshold: $t) { id } }',
      () => ({ d: id, t: Number(t.value) })), 'govuk-button--secondary'));
  }

  sections.push(h('h2', { class: 'govuk-heading-m' }, 'Community notices'),
    table('Published', ['Published', 'Channels'], d.notices.map((n) => [when(n.publishedAt), (n.channels || []).join(', ')])));
  if (is('supervisor') && ['DRAFT', 'SUBMITTED', 'AUTHORISED'].includes(d.status)) {
    const [fa, area] = field('Area', input({ maxlength: 500 }));
    const [ft, text] = field('Notice text', textarea({ maxlength: 5000 }), 'What the public will read.');
    const [fc, channel] = field('Channel', select([['WEB_PAGE', 'Web page'], ['SOCIAL_MEDIA', 'Social media'],
      ['LEAFLET', 'Leaflet'], ['LOCAL_MEETING', 'Local meeting'], ['COUNCILLOR_BRIEFING', 'Councillor briefing']]));
    sections.push(h('form', { id: 'notice-form', onsubmit: (e) => e.preventDefault() }, fa, ft, fc,
      button('Publish notice', act('mutation($d: ID!, $i: NoticeInput!) { publishNotice(deploymentId: $d, input: $i) { id } }',
        () => ({ d: id, i: { area: area.value, text: text.value, channels: [channel.value] } })), 'govuk-button--secondary')));
  }

  sections.push(h('h2', { class: 'govuk-heading-m' }, 'Cameras and signs'),
    table('Cameras', ['Camera', 'Kind', 'Position', 'Sign in place', ''], d.cameras.map((c) => {
      const sign = d.signage.find((s) => s.cameraId === c.id && !s.removedAt);
      const version = input({ maxlength: 100, value: 'v1', 'aria-label': `Sign text version for ${c.name}`, class: 'govuk-input govuk-input--width-5' });
      return [c.name, c.pushMode ? 'push' : 'stream', c.positionDescription,
        sign ? `since ${when(sign.placedAt)} (${sign.placedBy})` : 'no',
        !sign && is('officer') ? h('span', {}, version, ' ', button('Record sign placed',
          act('mutation($c: ID!, $i: SignageInput!) { recordSignagePlaced(cameraId: $c, input: $i) { id } }',
            () => ({ c: c.id, i: { signTextVersion: version.value } })), 'govuk-button--secondary')) : ''];
    })));

  sections.push(h('h2', { class: 'govuk-heading-m' }, `Watchlist (${w?.size ?? 0})`),
    h('p', { class: 'govuk-body', id: 'watchlist-state' }, w?.approvedAt ? `Approved by ${w.approvedBy} ${when(w.approvedAt)}` : 'Not approved',
      w?.frozenAt ? `; frozen ${when(w.frozenAt)}` : ''),
    table('Entries and their justification', ['Subject', 'Category', 'Legal basis', 'Justification', 'Image', 'Override',
      'Expected false alerts (this entry)'],
      (w?.entries || []).map((e) => [e.subjectReference, e.category, e.legalBasis, e.justification,
        `${e.imageSource || '—'}, ${e.imageDate || 'undated'}`,
        e.needsOverride ? (e.overrideReason ? `${e.overrideReason} (${e.overrideBy})` : 'needed')
          : e.subjectUnder18 ? 'under 18' : '—',
        // the look-alike check (docs/FAIRNESS.md): a flagged photo says why, in the supervisor's terms
        e.lookalikeWarning ? h('span', { class: 'lookalike-warning' },
          h('strong', { class: 'govuk-tag govuk-tag--red' }, 'Look-alike'), ' ', e.lookalikeWarning)
          : (e.expectedFalseAlerts || 'not checked')])));
  if (is('supervisor') && ['ACTIVE', 'PAUSED', 'CLOSED', 'SUSPENDED'].includes(d.status)) {
    sections.push(await alertsWithLegalHolds(id, act));
  }
  const flagged = (w?.entries || []).filter((e) => e.lookalikeWarning).length;
  if (is('supervisor') && w && !w.approvedAt && flagged) {
    sections.push(h('div', { class: 'govuk-warning-text', id: 'lookalike-flags' }, h('strong', { class: 'govuk-warning-text__text' },
      `${flagged} ${flagged === 1 ? 'entry is' : 'entries are'} expected to alert far more often than the list's calibrated`
      + ' rate (see the last column). Approving anyway is recorded in the audit trail with each of them.')));
  }
  if (is('supervisor') && w && !w.approvedAt) {
    sections.push(button('Approve watchlist', act('mutation($d: ID!) { approveWatchlist(deploymentId: $d) { approvedAt } }',
      () => ({ d: id }))));
  }
  replace(main, sections);
}

/** The deployment's latest alerts, for a supervisor to keep one beyond retention (legal hold) or let it go. */
async function alertsWithLegalHolds(id, act) {
  const { alerts } = await gql(`query($d: ID!) { alerts(filter: {deploymentId: $d}, last: 50) { edges { node { id
    occurredAt subjectReference similarity adjudication outcome legalHoldAt legalHoldBy legalHoldReason } } } }`, { d: id });
  const rows = alerts.edges.map((e) => e.node).reverse().map((a) => {
    const reason = input({ maxlength: 2000, 'aria-label': `Reason to keep the alert of ${when(a.occurredAt)}` });
    return [when(a.occurredAt), a.subjectReference, a.similarity.toFixed(3),
      `${a.adjudication || 'pending'}${a.outcome ? ` (${a.outcome})` : ''}`,
      a.legalHoldAt ? h('span', {}, `held by ${a.legalHoldBy}: ${a.legalHoldReason} `,
        button('Release hold', act('mutation($a: ID!) { releaseLegalHold(alertId: $a) { id } }', () => ({ a: a.id })),
          'govuk-button--secondary'))
        : h('span', {}, reason, ' ', button('Place legal hold', act('mutation($a: ID!, $r: String!) {'
          + ' placeLegalHold(alertId: $a, reason: $r) { id } }', () => ({ a: a.id, r: reason.value })), 'govuk-button--secondary'))];
  });
  return h('div', { id: 'alerts' }, h('h2', { class: 'govuk-heading-m' }, 'Alerts and legal holds'),
    h('p', { class: 'govuk-body' }, 'Alerts are deleted 31 days after they were raised unless held for proceedings.'),
    table('Latest alerts', ['Seen', 'Subject', 'Similarity', 'Decision', 'Legal hold'], rows));
}
