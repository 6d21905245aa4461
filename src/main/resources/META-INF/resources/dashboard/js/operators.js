// Who operates a deployment: a supervisor may change it at any time until it ends (the drafter does so in the
// plan's form while it is a draft). Only the officers named may start it, record its signs and see its alerts.
import { h, textarea, group } from './dom.js';
import { gqlForm } from './api.js';
import { formErrors } from './forms.js';

const ENDED = ['CLOSED', 'REJECTED', 'CANCELLED'];

export function operatorsSection(d, ctx) {
  if (!ctx.is('supervisor') || ENDED.includes(d.status)) return null;
  const names = textarea({ rows: 3, spellcheck: 'false' });
  names.value = d.operators.join('\n');
  const g = group('usernames', 'Officers who operate it', names, { hint: 'Their usernames, one a line.' });
  const problems = h('div', { id: 'operators-problems' });
  const errors = formErrors(problems, [g]);
  return h('form', { id: 'operators-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const usernames = names.value.split(/[\s,]+/).filter(Boolean);
    if (await errors.run([], () => gqlForm('mutation($d: ID!, $u: [String!]!) { assignOperators(deploymentId: $d,'
      + ' usernames: $u) { id } }', { d: d.id, u: usernames }))) await ctx.reload();
  } }, h('h3', { class: 'govuk-heading-s' }, 'Change who operates it'), problems, g,
  h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Assign operators'));
}
