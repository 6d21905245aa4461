// A deployment's life on its page: the start gate as a checklist people read, the actions its status and the
// caller's roles allow (a destructive one asks first, saying what it will do), the purge after it ends, and the
// record a supervisor publishes having seen exactly what the public will see.
import { h, when, replace, field, button, textarea } from './dom.js';
import { gql } from './session.js';
import { liveFeed } from './live.js';

/** Each rule as the state it needs, ticked when it holds; the failure's words only beside an unmet one. */
export function checklist(checks) {
  return h('ul', { class: 'govuk-list lfr-checklist', id: 'checklist' }, checks.map((c) => h('li', {
    'data-rule': c.rule, 'data-met': String(c.met) },
  h('span', { class: c.met ? 'lfr-met' : 'lfr-unmet', 'aria-hidden': 'true' }, c.met ? '✓ ' : '✗ '),
  h('span', { class: 'govuk-visually-hidden' }, c.met ? 'Done: ' : 'Not yet: '),
  c.requirement || c.description,
  c.met || !c.requirement ? '' : h('span', { class: 'lfr-why' }, ` — ${c.description}`),
  h('span', { class: 'lfr-code', title: 'Rule code, for support' }, c.rule))));
}

/** An action that cannot be undone: the button opens a warning saying what happens, and only "Yes" does it. */
function confirming(label, warning, run, danger = true) {
  const panel = h('div', { class: 'lfr-confirm', hidden: true });
  const open = button(label, () => { panel.hidden = false; open.hidden = true; panel.querySelector('button').focus(); },
    danger ? 'govuk-button--warning' : '');
  replace(panel, h('div', { class: 'govuk-warning-text' }, h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('strong', { class: 'govuk-warning-text__text' }, warning)),
  h('div', { class: 'govuk-button-group' }, button(`Yes, ${label.toLowerCase()}`, run, danger ? 'govuk-button--warning' : ''),
    button('No, go back', () => { panel.hidden = true; open.hidden = false; open.focus(); }, 'govuk-button--secondary')));
  return h('span', { class: 'lfr-confirming' }, open, panel);
}

/**
 * The lifecycle actions for this deployment and caller. `act(mutation, variables)` runs one and draws the page
 * again (or shows the refusal); `reason` is the page's reason field.
 */
export async function lifecycleActions(d, me, act, reason) {
  const is = (role) => me.roles.includes(role);
  const operator = d.operators?.includes(me.username);
  const id = d.id;
  const actions = [];
  if (d.status === 'DRAFT' && (operator || is('supervisor'))) {
    actions.push(button('Submit for authorisation', act('mutation($d: ID!) { submitDeployment(id: $d) { id } }', () => ({ d: id }))));
  }
  if (d.status === 'SUBMITTED' && is('supervisor')) {
    const exempt = h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: 'exemption' });
    const why = textarea({ maxlength: 2000 });
    const whyGroup = h('div', { class: 'govuk-checkboxes__conditional', hidden: true }, field(
      'Why there is no time for advance notice (recorded; not published)', why)[0]);
    exempt.addEventListener('change', () => { whyGroup.hidden = !exempt.checked; });
    actions.push(h('div', { class: 'govuk-form-group', id: 'authorise-form' }, h('fieldset', { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Advance notice'),
      h('div', { class: 'govuk-checkboxes', 'data-module': 'govuk-checkboxes' }, h('div', { class: 'govuk-checkboxes__item' }, exempt,
        h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'exemption' },
          'Authorise without 24 hours\' advance notice: critical-threat exemption')), whyGroup))),
    button('Authorise', act('mutation($d: ID!, $x: String) { authoriseDeployment(id: $d, noticeExemptionReason: $x) { id } }',
      () => ({ d: id, x: exempt.checked ? why.value : null }))),
    button('Reject', act('mutation($d: ID!, $r: String!) { rejectDeployment(id: $d, reason: $r) { id } }',
      () => ({ d: id, r: reason.value })), 'govuk-button--warning'));
  }
  if (d.status === 'AUTHORISED' && operator) {
    actions.push(button('Start matching', act('mutation($d: ID!) { startDeployment(id: $d) { id } }', () => ({ d: id }))));
  }
  if (d.status === 'ACTIVE' && operator) {
    actions.push(button('Pause', act('mutation($d: ID!) { pauseDeployment(id: $d) { id } }', () => ({ d: id })), 'govuk-button--secondary'));
  }
  if (d.status === 'PAUSED' && operator && !d.holdReason) {
    actions.push(button('Resume', act('mutation($d: ID!) { resumeDeployment(id: $d) { id } }', () => ({ d: id }))));
  }
  if ((d.status === 'ACTIVE' || (d.status === 'PAUSED' && !d.holdReason)) && operator) {
    const undecided = (await gql(`query($f: AlertFilter) { alerts(filter: $f, first: 1) { totalCount } }`,
      { f: { deploymentId: id, pending: true } })).alerts.totalCount;
    actions.push(confirming('Stop deployment', `Stopping ends matching on every camera at once and cannot be undone; the`
      + ` watchlist's images and embeddings are then purged within 15 minutes. ${undecided === 0 ? 'Every alert has been decided.'
      : `${undecided} ${undecided === 1 ? 'alert is' : 'alerts are'} still undecided: decide them first if you can.`}`,
    act('mutation($d: ID!) { stopDeployment(id: $d) { id } }', () => ({ d: id }))));
  }
  if (d.status === 'PAUSED' && d.holdReason && is('supervisor')) {
    actions.push(button('Resume (held)', act('mutation($d: ID!, $r: String!) { resumeHeldDeployment(id: $d, reason: $r) { id } }',
      () => ({ d: id, r: reason.value }))),
    button('Stop (held)', act('mutation($d: ID!, $r: String!) { stopHeldDeployment(id: $d, reason: $r) { id } }',
      () => ({ d: id, r: reason.value })), 'govuk-button--warning'));
  }
  if (['DRAFT', 'SUBMITTED', 'AUTHORISED'].includes(d.status) && (operator || is('supervisor'))) {
    actions.push(confirming('Cancel deployment', 'Cancelling cannot be undone: the deployment will never run and its'
      + ' watchlist is purged. Give the reason above.', act('mutation($d: ID!, $r: String!) { cancelDeployment(id: $d, reason: $r) { id } }',
      () => ({ d: id, r: reason.value }))));
  }
  return actions;
}

/** After the end: when the watchlist's images and embeddings go, then when they went. */
export function purgeState(d, watchlist, deadlineMinutes = 15) {
  if (!d.endedAt && !['CLOSED', 'CANCELLED', 'REJECTED'].includes(d.status)) return null;
  if (watchlist?.purgedAt) {
    return h('div', { class: 'govuk-inset-text', id: 'purge' }, `Images and embeddings purged at ${when(watchlist.purgedAt)}.`);
  }
  const due = new Date(new Date(d.endedAt || Date.now()).getTime() + deadlineMinutes * 60000);
  const line = h('span', {});
  const box = h('div', { class: 'govuk-inset-text', id: 'purge', 'aria-live': 'polite' }, line);
  const tick = () => {
    const left = Math.max(0, Math.round((due - Date.now()) / 1000));
    replace(line, `The watchlist's images and embeddings will be purged by ${due.toLocaleTimeString('en-GB')} at the`
      + ` latest (${Math.floor(left / 60)} min ${left % 60} s).`);
  };
  tick();
  const timer = setInterval(async () => {
    if (!box.isConnected) { clearInterval(timer); return; }
    tick();
    if (Math.round(Date.now() / 1000) % 10 === 0) {
      const { watchlist: now } = await gql('query($d: ID!) { watchlist(deploymentId: $d) { purgedAt } }', { d: d.id });
      if (now?.purgedAt) {
        clearInterval(timer);
        replace(box, `Images and embeddings purged at ${when(now.purgedAt)}.`);
      }
    }
  }, 1000);
  return box;
}


/**
 * Follows the deployment's status live (deploymentStatusChanged): the status tag changes at once; the page is
 * drawn again unless something has been typed into it, in which case a banner offers to (nothing typed is lost).
 */
export function followStatus(main, d, redraw) {
  let typed = false;
  const mark = () => { typed = true; };
  main.addEventListener('input', mark);
  const feed = liveFeed({ onConnected: () => {}, onState: () => {} });
  feed.subscribe({ query: 'subscription($d: ID) { deploymentStatusChanged(deploymentId: $d) { id status holdReason } }',
    variables: { d: d.id } }, (data) => {
    const now = data?.deploymentStatusChanged;
    if (!now || now.status === d.status) return;
    const tag = document.getElementById('status');
    if (tag) tag.textContent = now.status;
    if (!typed) { redraw(); return; }
    if (document.getElementById('status-changed')) return;
    document.getElementById('problems')?.before(h('div', { class: 'govuk-notification-banner', id: 'status-changed', role: 'region',
      'aria-label': 'Status changed' }, h('div', { class: 'govuk-notification-banner__content' },
      h('p', { class: 'govuk-notification-banner__heading' }, `This deployment is now ${now.status}.`),
      button('Show what it allows now', redraw, 'govuk-button--secondary'))));
  });
  return () => { main.removeEventListener('input', mark); feed.dispose(); };
}
