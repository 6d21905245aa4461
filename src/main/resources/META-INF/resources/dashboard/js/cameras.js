// A deployment's cameras: the stream or push cameras its drafter adds (and removes) while it is a draft, the sign
// an operating officer records beside each, and the leaflets handed out. A stream's credentials are typed once and
// travel inside its URL, which the service stores apart: the page never shows them again.
import { h, when, replace, table, button, input, group, radios, tag } from './dom.js';
import { gqlForm } from './api.js';
import { formErrors } from './forms.js';
import { URL_REASON } from './words.js';

const ENDED = ['CLOSED', 'REJECTED', 'CANCELLED'];

/** ctx: { me, is(role), reload(), act(mutation, variables) } as the deployment's page gives them. */
export function camerasSection(d, ctx) {
  const { me, is } = ctx;
  const drafting = d.status === 'DRAFT' && is('officer') && d.createdBy === me.username;
  const operating = is('officer') && (is('supervisor') || d.operators.includes(me.username)) && !ENDED.includes(d.status);
  const rows = d.cameras.map((c) => {
    const sign = d.signage.find((s) => s.cameraId === c.id && !s.removedAt);
    const version = input({ maxlength: 100, value: 'v1', 'aria-label': `Sign text version for ${c.name}`,
      class: 'govuk-input govuk-input--width-5' });
    return [c.name, c.pushMode ? `push, by device ${c.deviceClientId || '—'}`
      : h('span', {}, 'stream ', h('code', {}, c.streamUrl || '—'), c.hasCredentials ? ' (with credentials, not shown)' : ''),
    c.positionDescription,
    sign ? `since ${when(sign.placedAt)} (${sign.placedBy})` : 'no',
    h('span', { class: 'lfr-actions' },
      !sign && operating ? [version, ' ', button('Record sign placed',
        ctx.act('mutation($c: ID!, $i: SignageInput!) { recordSignagePlaced(cameraId: $c, input: $i) { id } }',
          () => ({ c: c.id, i: { signTextVersion: version.value } })), 'govuk-button--secondary')] : null,
      drafting ? removeButton(c, ctx) : null)];
  });
  return h('div', { id: 'cameras' },
    h('h2', { class: 'govuk-heading-m' }, 'Cameras and signs'),
    table('Cameras', ['Camera', 'Kind', 'Position', 'Sign in place', ''], rows),
    drafting ? addCameraForm(d, ctx) : null,
    leaflets(d, ctx, operating));
}

/** Removing asks once more, in place: the camera and its name go, and the draft's start gate counts again. */
function removeButton(c, ctx) {
  const slot = h('span', {});
  const ask = () => replace(slot, h('span', { class: 'govuk-body-s' }, `Remove ${c.name}? `),
    button('Yes, remove it', ctx.act('mutation($c: ID!) { removeCamera(cameraId: $c) { id } }', () => ({ c: c.id })),
      'govuk-button--warning'),
    button('Keep it', () => replace(slot, first), 'govuk-button--secondary'));
  const first = button(`Remove ${c.name}`, ask, 'govuk-button--secondary');
  slot.append(first);
  return slot;
}

function addCameraForm(d, ctx) {
  const name = input({ maxlength: 100, class: 'govuk-input govuk-input--width-20' });
  const position = input({ maxlength: 1000 });
  const url = input({ maxlength: 2000, spellcheck: 'false', autocomplete: 'off', placeholder: 'rtsp://camera.example/stream1' });
  const user = input({ maxlength: 200, spellcheck: 'false', autocomplete: 'off', class: 'govuk-input govuk-input--width-20' });
  const password = input({ type: 'password', maxlength: 200, autocomplete: 'new-password', class: 'govuk-input govuk-input--width-20' });
  const device = input({ maxlength: 200, spellcheck: 'false', class: 'govuk-input govuk-input--width-20' });
  const streamFields = h('div', { id: 'stream-fields' });
  const pushFields = h('div', { id: 'push-fields', hidden: true });
  const kind = radios('camera-kind', [['stream', 'Stream: the service pulls its video'],
    ['push', 'Push: the camera sends its frames']], () => {
    streamFields.hidden = kind.value() !== 'stream';
    pushFields.hidden = kind.value() !== 'push';
  });
  const groups = [
    group('camera', 'Kind of camera', kind.el, { fieldset: true, focus: kind.first }),
    group('name', 'Camera name', name, { hint: 'Unique in this deployment, for example Door camera.' }),
    group('positionDescription', 'Where it is placed', position, { hint: 'For example lamp post outside no. 12.' }),
    group('streamUrl', 'Stream address (URL)', url, { hint: 'Without a user name or password: type those below.' }),
    group('streamUser', 'Stream user name (if it needs one)', user),
    group('streamPassword', 'Stream password (if it needs one)', password,
      { hint: 'Typed once: the service keeps it apart and never shows it again.' }),
    group('deviceClientId', 'Device client id', device,
      { hint: 'The identity (service account) the camera pushes its frames with.' }),
  ];
  streamFields.append(groups[3], groups[4], groups[5]);
  pushFields.append(groups[6]);
  const problems = h('div', { id: 'camera-problems' });
  const errors = formErrors(problems, groups, URL_REASON);
  const submit = async (e) => {
    e.preventDefault();
    const push = kind.value() === 'push';
    const local = [];
    let streamUrl = null;
    if (!push) {
      try {
        const parsed = new URL(url.value.trim());
        if (parsed.username || parsed.password) {
          local.push({ field: 'streamUrl', message: 'type the user name and password in their own fields, not in the address' });
        }
        if (user.value || password.value) {
          parsed.username = encodeURIComponent(user.value);
          parsed.password = encodeURIComponent(password.value);
        }
        streamUrl = parsed.href;
      } catch {
        local.push({ field: 'streamUrl', message: URL_REASON.MALFORMED });
      }
    }
    const ok = await errors.run(local, () => gqlForm('mutation($d: ID!, $i: CameraInput!) { addCamera(deploymentId: $d,'
      + ' input: $i) { id } }', { d: d.id, i: { name: name.value, positionDescription: position.value, pushMode: push,
      streamUrl, deviceClientId: push ? device.value.trim() || null : null } }));
    if (ok) {
      password.value = ''; // gone from the page as well as from every answer
      await ctx.reload();
    }
  };
  return h('form', { id: 'camera-form', novalidate: true, onsubmit: submit },
    h('h3', { class: 'govuk-heading-s' }, 'Add a camera'), problems, groups[0], groups[1], groups[2], streamFields,
    pushFields, h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Add camera'));
}

function leaflets(d, ctx, operating) {
  const count = input({ inputmode: 'numeric', class: 'govuk-input govuk-input--width-5' });
  const countGroup = group('count', 'Leaflets handed out', count, { hint: 'How many, since the last count you recorded.' });
  const problems = h('div');
  const errors = formErrors(problems, [countGroup]);
  const list = d.leaflets || [];
  const total = list.reduce((s, l) => s + l.count, 0);
  return h('div', { id: 'leaflets' },
    h('h3', { class: 'govuk-heading-s' }, 'Leaflets'),
    h('p', { class: 'govuk-body' }, list.length ? `${total} handed out: ${list.map((l) =>
      `${l.count} by ${l.handedOutBy} ${when(l.handedOutAt)}`).join('; ')}.` : 'None recorded yet.'),
    operating ? h('form', { id: 'leaflet-form', novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      const n = count.value.trim();
      const ok = await errors.run(/^\d+$/.test(n) && Number(n) > 0 ? []
        : [{ field: 'count', message: 'enter how many leaflets, as a whole number above 0' }],
      () => gqlForm('mutation($d: ID!, $n: Int!) { recordLeaflets(deploymentId: $d, count: $n) { id } }',
        { d: d.id, n: Number(n) }));
      if (ok) await ctx.reload();
    } }, problems, countGroup, h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' },
      'Record leaflets')) : null,
    d.status === 'DRAFT' && !d.cameras.length ? h('p', { class: 'govuk-body' }, tag('No camera yet', 'yellow')) : null);
}
