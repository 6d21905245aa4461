// "New deployment" and "Edit draft": the form an officer plans a deployment with. Every field carries the API's
// name, so each refusal (Bean Validation's and DeploymentInputRules') is shown beside its field, and what was typed
// stays as it was.
import { h, replace, summary, table, input, textarea, group, dateParts } from './dom.js';
import { gql } from './session.js';
import { gqlForm } from './api.js';
import { formErrors } from './forms.js';

const DEPLOYMENT = `id reference status purpose locationName latitude longitude areaDescription locationRationale
  plannedStart plannedEnd dpiaReference equalityImpactReference expectedFacesPerHour operators createdBy matchThreshold
  expectedRates { sentence groups { group falseAlertRate identificationRate } }`;

/** The form; `id` null drafts a new deployment, otherwise edits that draft (its drafter, while it is a draft). */
export async function planView(main, me, id) {
  if (!me.roles.includes('officer')) {
    replace(main, h('h1', { class: 'govuk-heading-l' }, id ? 'Edit draft' : 'New deployment'),
      h('p', { class: 'govuk-body' }, 'An officer drafts a deployment and changes the draft; your account is not an'
        + ' officer\'s. A supervisor changes who operates a deployment on its page.'),
      h('a', { class: 'govuk-link', href: id ? `#/deployments/${id}` : '#/deployments' }, 'Back'));
    return;
  }
  const existing = id ? (await gql(`query($d: ID!) { deployment(id: $d) { ${DEPLOYMENT} } }`, { d: id })).deployment : null;
  if (existing && (existing.status !== 'DRAFT' || existing.createdBy !== me.username)) {
    replace(main, h('h1', { class: 'govuk-heading-l' }, existing.reference),
      h('p', { class: 'govuk-body' }, existing.status !== 'DRAFT'
        ? 'This deployment is no longer a draft: its plan cannot be changed.'
        : `Only its drafter (${existing.createdBy}) may change this draft.`),
      h('a', { class: 'govuk-link', href: `#/deployments/${id}` }, 'Back to the deployment'));
    return;
  }
  let draftId = id; // set once created, so that a later refusal (of the operators) edits instead of drafting twice
  const c = {
    reference: input({ maxlength: 64, spellcheck: 'false', class: 'govuk-input govuk-input--width-20', readonly: Boolean(id) }),
    purpose: textarea({ maxlength: 2000 }),
    locationName: input({ maxlength: 200 }),
    latitude: input({ inputmode: 'decimal', class: 'govuk-input govuk-input--width-10', spellcheck: 'false' }),
    longitude: input({ inputmode: 'decimal', class: 'govuk-input govuk-input--width-10', spellcheck: 'false' }),
    areaDescription: textarea({ maxlength: 2000 }),
    locationRationale: textarea({ maxlength: 4000, rows: 5 }),
    dpiaReference: input({ maxlength: 100, class: 'govuk-input govuk-input--width-20' }),
    equalityImpactReference: input({ maxlength: 100, class: 'govuk-input govuk-input--width-20' }),
    expectedFacesPerHour: input({ inputmode: 'numeric', class: 'govuk-input govuk-input--width-10' }),
    operators: textarea({ rows: 3, spellcheck: 'false' }),
  };
  const start = dateParts('plannedStart', { time: true });
  const end = dateParts('plannedEnd', { time: true });
  const groups = [
    group('reference', 'Reference', c.reference, { hint: id ? 'A deployment\'s reference cannot be changed.'
      : 'Your force\'s reference for this deployment: letters, digits and / _ . - (at most 64).' }),
    group('purpose', 'Purpose', c.purpose, { hint: 'What the deployment is for and who it looks for.' }),
    group('locationName', 'Place name', c.locationName, { hint: 'As the public knows it, for example High Street, Cardiff.' }),
    group('latitude', 'Latitude', c.latitude, { hint: 'Decimal degrees, for example 51.4816.' }),
    group('longitude', 'Longitude', c.longitude, { hint: 'Decimal degrees, for example -3.1791.' }),
    group('areaDescription', 'Area covered', c.areaDescription, { hint: 'The streets or places the cameras will see.' }),
    group('locationRationale', 'Why this location', c.locationRationale,
      { hint: 'At least 20 characters. This is what a court will read: why here, and why not elsewhere.' }),
    group('plannedStart', 'Planned start', start.el, { fieldset: true, focus: start.first,
      hint: 'Your local time, for example 27 3 2027 09 30.' }),
    group('plannedEnd', 'Planned end', end.el, { fieldset: true, focus: end.first,
      hint: 'A deployment may last a few hours only; the service refuses a longer window.' }),
    group('dpiaReference', 'Data protection impact assessment (DPIA) reference', c.dpiaReference),
    group('equalityImpactReference', 'Equality impact assessment reference', c.equalityImpactReference),
    group('expectedFacesPerHour', 'Expected faces an hour (optional)', c.expectedFacesPerHour,
      { hint: 'How many faces pass the cameras in an hour: a footfall count for the place and time (from the council or'
        + ' a previous deployment), or count passers-by for ten minutes and multiply by six. It gives the number of false'
        + ' alerts to expect.' }),
    group('usernames', 'Officers who will operate it', c.operators,
      { hint: 'Their usernames, one a line. Only they may start it, record its signs and notices, and see its alerts.' }),
  ];
  if (existing) {
    for (const key of ['reference', 'purpose', 'locationName', 'areaDescription', 'locationRationale', 'dpiaReference',
      'equalityImpactReference']) c[key].value = existing[key] ?? '';
    c.latitude.value = String(existing.latitude);
    c.longitude.value = String(existing.longitude);
    start.write(new Date(existing.plannedStart));
    end.write(new Date(existing.plannedEnd));
    c.operators.value = existing.operators.join('\n');
    c.expectedFacesPerHour.value = existing.expectedFacesPerHour ?? '';
  } else {
    c.operators.value = me.username;
  }

  const problems = h('div', { id: 'plan-problems' });
  const errors = formErrors(problems, groups);
  const save = h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' },
    id ? 'Save changes' : 'Save draft');
  const form = h('form', { id: 'plan-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    save.disabled = true;
    try {
      await submit();
    } finally {
      save.disabled = false;
    }
  } }, groups, h('div', { class: 'govuk-button-group' }, save,
    h('a', { class: 'govuk-link', href: id ? `#/deployments/${id}` : '#/deployments' }, 'Cancel')));

  async function submit() {
    const local = [];
    const number = (key, label) => {
      const v = c[key].value.trim();
      if (!/^-?\d+(\.\d+)?$/.test(v)) local.push({ field: key, message: `enter the ${label} as a number, for example ${key === 'latitude' ? '51.4816' : '-3.1791'}` });
      return Number(v);
    };
    const when = (parts, key, label) => {
      const date = parts.read();
      if (!date) local.push({ field: key, message: `enter the ${label} as a real date and time (day, month, year, hour, minute)` });
      return date?.toISOString();
    };
    const faces = () => {
      const v = c.expectedFacesPerHour.value.trim().replaceAll(',', '');
      if (!v) return null;
      if (!/^\d+$/.test(v)) local.push({ field: 'expectedFacesPerHour', message: 'enter the expected faces an hour as a whole number, for example 3000' });
      return Number(v);
    };
    const usernames = c.operators.value.split(/[\s,]+/).filter(Boolean);
    const values = {
      reference: c.reference.value.trim(), purpose: c.purpose.value, locationName: c.locationName.value,
      latitude: number('latitude', 'latitude'), longitude: number('longitude', 'longitude'),
      areaDescription: c.areaDescription.value, locationRationale: c.locationRationale.value,
      plannedStart: when(start, 'plannedStart', 'planned start'), plannedEnd: when(end, 'plannedEnd', 'planned end'),
      dpiaReference: c.dpiaReference.value, equalityImpactReference: c.equalityImpactReference.value,
      expectedFacesPerHour: faces(),
      // the threshold is the supervisor's (setMatchThreshold): an edit keeps it, a new draft gets the default
      matchThreshold: existing ? existing.matchThreshold : null,
    };
    const ok = await errors.run(local, async () => {
      if (draftId) {
        await gqlForm('mutation($d: ID!, $i: DeploymentInput!) { updateDeployment(id: $d, input: $i) { id } }',
          { d: draftId, i: values });
      } else {
        draftId = (await gqlForm('mutation($i: DeploymentInput!) { createDeployment(input: $i) { id } }',
          { i: values })).createDeployment.id;
        c.reference.readOnly = true;
        history.replaceState(null, '', `#/deployments/${draftId}/edit`);
      }
      const current = existing?.operators || [me.username];
      if (usernames.join('\n') !== current.join('\n')) {
        await gqlForm('mutation($d: ID!, $u: [String!]!) { assignOperators(deploymentId: $d, usernames: $u) { id } }',
          { d: draftId, u: usernames });
      }
    });
    if (ok) location.hash = `#/deployments/${draftId}`;
  }

  replace(main,
    h('a', { class: 'govuk-back-link', href: id ? `#/deployments/${id}` : '#/deployments' }, 'Back'),
    h('h1', { class: 'govuk-heading-l' }, id ? `Edit draft ${existing.reference}` : 'New deployment'),
    problems,
    h('p', { class: 'govuk-body' }, 'Every field is needed. The draft is recorded in the audit trail under your name;'
      + ' cameras, the watchlist and notices are added on the deployment\'s page once it is saved.'),
    existing ? thresholdShown(existing) : h('p', { class: 'govuk-inset-text' },
      'The service\'s default match threshold applies. Once the draft is saved its page shows the threshold with the'
      + ' false-alert and identification rates calibrated for it; a supervisor may change it.'),
    form);
}

/** The threshold and what it implies, read-only: a supervisor sets it on the deployment's page. */
export function thresholdShown(d) {
  return h('div', { id: 'plan-threshold' }, h('h2', { class: 'govuk-heading-m' }, 'Match threshold'),
    summary([['Threshold', d.matchThreshold.toFixed(3)],
      ['Expected rates', d.expectedRates ? d.expectedRates.sentence : 'No calibrated rates for the running models.']]),
    d.expectedRates?.groups?.length ? table('Per group (calibration set)', ['Group', 'False-alert rate', 'Identification rate'],
      d.expectedRates.groups.map((g) => [g.group, `${(100 * g.falseAlertRate).toFixed(3)} %`,
        `${(100 * g.identificationRate).toFixed(1)} %`])) : null);
}
