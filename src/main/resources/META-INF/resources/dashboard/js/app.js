// The command dashboard: signs in, then shows the views the caller's roles allow. Hiding is only convenience:
// the API refuses whatever a role may not do, whichever page asks.
import { h, replace, errorSummary } from './dom.js';
import { signIn, signOut } from './session.js';
import { officerView } from './officer.js';
import { deploymentList, deploymentDetail } from './deployments.js';
import { planView } from './plan.js';
import { oversightView } from './oversight.js';

const VIEWS = [
  { path: 'alerts', label: 'Alerts', roles: ['officer', 'supervisor'] },
  { path: 'deployments', label: 'Deployments', roles: ['officer', 'supervisor', 'dpo'] },
  { path: 'oversight', label: 'Oversight', roles: ['dpo'] },
];

let me;
let leave = () => {};

async function route() {
  const main = document.getElementById('main');
  const [, path = '', id, sub] = location.hash.split('/');
  const allowed = VIEWS.filter((v) => v.roles.some((r) => me.roles.includes(r)));
  const view = allowed.find((v) => v.path === path) || allowed[0];
  document.querySelectorAll('#nav li').forEach((li) => li.classList.toggle('govuk-service-navigation__item--active',
    li.dataset.view === view?.path));
  leave();
  leave = () => {};
  if (!view) {
    replace(main, h('p', { class: 'govuk-body' }, 'Your account has no role that uses this dashboard.'));
    return;
  }
  try {
    if (view.path === 'alerts') leave = await officerView(main, me);
    else if (view.path === 'deployments' && id === 'new') await planView(main, me, null);
    else if (view.path === 'deployments' && id && sub === 'edit') await planView(main, me, id);
    else if (view.path === 'deployments' && id) leave = await deploymentDetail(main, me, id);
    else if (view.path === 'deployments') await deploymentList(main, me);
    else await oversightView(main);
    document.title = `${id === 'new' ? 'New deployment' : sub === 'edit' ? 'Edit draft' : view.label} – LFR command dashboard`;
  } catch (e) {
    replace(main, errorSummary(e));
  }
}

async function start() {
  me = await signIn();
  document.getElementById('who').replaceChildren(`Signed in as ${me.username} (${me.roles.filter((r) =>
    ['officer', 'supervisor', 'dpo'].includes(r)).join(', ') || 'no role'}) `,
  h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0', id: 'sign-out',
    onclick: signOut }, 'Sign out'));
  const nav = document.getElementById('nav');
  VIEWS.filter((v) => v.roles.some((r) => me.roles.includes(r))).forEach((v) => nav.append(
    h('li', { class: 'govuk-service-navigation__item', 'data-view': v.path },
      h('a', { class: 'govuk-service-navigation__link', href: `#/${v.path}` }, v.label))));
  window.addEventListener('hashchange', route);
  await route();
}

start().catch((e) => replace(document.getElementById('main'), errorSummary(e)));
