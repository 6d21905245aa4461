// Deployments by status, and one deployment: the lifecycle actions its status and the caller's roles allow, the
// start gate as a checklist, the threshold in rates; the plan's parts (cameras and signs, the watchlist, notices)
// come from their own modules.
import { h, when, replace, summary, table, button, field, input, textarea, errorSummary } from './dom.js';
import { gql, gqlAll } from './session.js';
import { checklist, lifecycleActions, purgeState, followStatus } from './lifecycle.js';
import { camerasSection } from './cameras.js';
import { watchlistSection } from './watchlist.js';
import { noticesSection } from './notices.js';
import { operatorsSection } from './operators.js';
import { evidencePanel } from './evidence.js';

const STATUSES = ['SUBMITTED', 'DRAFT', 'AUTHORISED', 'ACTIVE', 'PAUSED', 'SUSPENDED', 'CLOSED', 'REJECTED', 'CANCELLED'];

const LIST = `query($a: String, $f: DeploymentFilter) { deployments(first: 100, after: $a, filter: $f) { edges { node { id
  reference status locationName plannedStart plannedEnd createdBy holdReason } } pageInfo { hasNextPage endCursor } } }`;

/** The deployments 100 at a time ("Show the next 100"), with those the service holds first, whichever page they are on. */
export async function deploymentList(main, me) {
  // held by the service itself (after a restore from backup, or by the false-alert check): always PAUSED
  const held = (await gqlAll(LIST, { f: { status: 'PAUSED' } }, (data) => data.deployments)).filter((d) => d.holdReason);
  const all = [];
  let next = null;
  const link = (d) => h('a', { class: 'govuk-link', href: `#/deployments/${d.id}` }, d.reference);
  const more = async () => {
    const { deployments } = await gql(LIST, { a: next });
    all.push(...deployments.edges.map((e) => e.node));
    next = deployments.pageInfo.hasNextPage ? deployments.pageInfo.endCursor : null;
    draw();
  };
  const draw = () => replace(main, h('h1', { class: 'govuk-heading-l' }, 'Deployments'),
    // drafting is an officer's (createDeployment): a supervisor who is not one is not offered it
    me.roles.includes('officer') ? h('a', { class: 'govuk-button', href: '#/deployments/new', role: 'button',
      draggable: 'false', id: 'new-deployment' }, 'New deployment') : null,
    held.length ? h('div', { id: 'held-deployments' }, table(`Held by the service (${held.length})`,
      ['Reference', 'Location', 'Why', 'Who decides'], held.map((d) => [link(d), d.locationName, d.holdReason,
        'a supervisor: resume or stop, with a reason']))) : null,
    STATUSES.map((st) => [st, all.filter((d) => d.status === st)]).filter(([, ds]) => ds.length).map(([st, ds]) =>
      table(`${st[0]}${st.slice(1).toLowerCase()} (${ds.length})`, ['Reference', 'Location', 'Planned', 'Drafted by'],
        ds.map((d) => [link(d), d.locationName, `${when(d.plannedStart)} – ${when(d.plannedEnd)}`, d.createdBy]))),
    next ? button(`Show the next 100 deployments (${all.length} shown)`, more, 'govuk-button--secondary') : null);
  await more();
}

const DETAIL = `query($d: ID!) {
  deployment(id: $d) { id reference status purpose locationName areaDescription plannedStart plannedEnd dpiaReference
    createdBy authorisedBy matchThreshold holdReason endedAt latitude longitude locationRationale equalityImpactReference
    operators noticeExemptionReason
    expectedRates { sentence groups { group falseAlertRate identificationRate } }
    cameras { id name pushMode positionDescription streamUrl hasCredentials deviceClientId }
    notices { id publishedAt publishedBy channels area text consultationNotes }
    leaflets { id count handedOutAt handedOutBy }
    signage { id cameraId placedAt placedBy removedAt } }
  deploymentReadiness(deploymentId: $d) { rule met description requirement }
  watchlist(deploymentId: $d) { size approvedAt approvedBy frozenAt purgedAt entries { id subjectReference category legalBasis
    justification imageSource imageDate subjectUnder18 needsOverride overrideReason overrideBy overrideAt expectedFalseAlerts
    lookalikeWarning hasImage hasEmbedding imagePurgedAt } } }`;

let stopFollowing = () => {};

export async function deploymentDetail(main, me, id) {
  stopFollowing();
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

  const reason = textarea({ maxlength: 2000 });
  const actions = await lifecycleActions(d, me, act, reason);
  const needsReason = ['SUBMITTED', 'DRAFT', 'AUTHORISED'].includes(d.status) || d.holdReason;

  const sections = [
    h('span', { class: 'govuk-caption-l' }, d.locationName),
    h('h1', { class: 'govuk-heading-l' }, d.reference, ' ', h('strong', { class: 'govuk-tag', id: 'status' }, d.status)),
    d.holdReason ? h('div', { class: 'govuk-warning-text', id: 'held' }, h('strong', { class: 'govuk-warning-text__text' },
      `Held by the service: ${d.holdReason}. It matches no face until a supervisor resumes it (the start gate must hold`
      + ' again) or stops it, with a reason.')) : null,
    problems,
    actions.length ? h('div', { class: 'lfr-actions', id: 'actions' }, needsReason && (is('supervisor') || d.status !== 'SUBMITTED')
      ? field('Reason (needed to reject, cancel, or decide on a held deployment)', reason)[0] : null, actions) : null,
    purgeState(d, w),
    // the start gate is about starting (and resuming): once a deployment has ended there is nothing left to start
    ...(['CLOSED', 'CANCELLED', 'REJECTED'].includes(d.status) ? []
      : [h('h2', { class: 'govuk-heading-m' }, 'Start gate'), checklist(checks)]),
    h('h2', { class: 'govuk-heading-m' }, 'The plan'),
    summary([['Purpose', d.purpose], ['Place', `${d.locationName} (${d.latitude}, ${d.longitude})`],
      ['Area', d.areaDescription], ['Why this location', d.locationRationale],
      ['Planned', `${when(d.plannedStart)} – ${when(d.plannedEnd)}`], ['DPIA', d.dpiaReference],
      ['Equality impact assessment', d.equalityImpactReference], ['Operated by', d.operators.join(', ')],
      ['Drafted by', d.createdBy], ['Authorised by', d.authorisedBy]]),
    d.status === 'DRAFT' && is('officer') && d.createdBy === me.username ? h('p', { class: 'govuk-body' },
      h('a', { class: 'govuk-link', href: `#/deployments/${id}/edit`, id: 'edit-plan' }, 'Change the plan')) : null,
    operatorsSection(d, { is, reload }),
    h('h2', { class: 'govuk-heading-m' }, 'Match threshold'),
    h('p', { class: 'govuk-body', id: 'threshold' }, `${d.matchThreshold.toFixed(3)}. `,
      d.expectedRates ? d.expectedRates.sentence : 'No calibrated rates for the running models.'),
    d.expectedRates?.groups?.length ? table('Per group (calibration set)', ['Group', 'False-alert rate', 'Identification rate'],
      d.expectedRates.groups.map((g) => [g.group, `${(100 * g.falseAlertRate).toFixed(3)} %`, `${(100 * g.identificationRate).toFixed(1)} %`])) : null,
    evidencePanel(d, me, act),
  ];
  if (is('supervisor') && ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAUSED'].includes(d.status)) {
    const [f, t] = field('New threshold', input({ inputmode: 'decimal', class: 'govuk-input govuk-input--width-5' }),
      'A threshold whose calibrated false-alert rate is above the configured maximum is refused.');
    sections.push(f, button('Set threshold', act('mutation($d: ID!, $t: Float!) { setMatchThreshold(id: $d, threshold: $t) { id } }',
      () => ({ d: id, t: Number(t.value) })), 'govuk-button--secondary'));
  }

  const ctx = { me, is, reload, act };
  sections.push(camerasSection(d, ctx), watchlistSection(d, w, ctx), noticesSection(d, ctx));
  if (is('supervisor') && ['ACTIVE', 'PAUSED', 'CLOSED', 'SUSPENDED'].includes(d.status)) {
    sections.push(await alertsWithLegalHolds(id, act));
  }
  replace(main, sections);
  stopFollowing = followStatus(main, d, reload);
  return () => stopFollowing();
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
