// Community notices: what the public is told before the cameras go up. Published by the deployment's operating
// officers or a supervisor; once published it is public at once (the public page shows it) and cannot be backdated.
import { h, when, table, input, textarea, group, checkboxes } from './dom.js';
import { gqlForm } from './api.js';
import { formErrors } from './forms.js';
import { CHANNEL } from './words.js';

const ENDED = ['CLOSED', 'REJECTED', 'CANCELLED'];

export function noticesSection(d, ctx) {
  const { me, is } = ctx;
  const may = !ENDED.includes(d.status) && (is('supervisor') || (is('officer') && d.operators.includes(me.username)));
  return h('div', { id: 'notices' },
    h('h2', { class: 'govuk-heading-m' }, 'Community notices'),
    d.noticeExemptionReason ? h('div', { class: 'govuk-warning-text' }, h('strong', { class: 'govuk-warning-text__text' },
      `Notice lead time waived for a critical threat: ${d.noticeExemptionReason}`)) : null,
    table('Published', ['Published', 'By', 'Channels', 'Area', 'Text'], d.notices.map((n) => [when(n.publishedAt),
      n.publishedBy, (n.channels || []).map((c) => CHANNEL[c] || c).join(', '), n.area,
      h('span', { class: 'lfr-pre' }, n.text)])),
    may ? noticeForm(d, ctx) : null);
}

function noticeForm(d, ctx) {
  // every notice is on the public page, so "web page" starts ticked; the others say where else it went
  const channels = checkboxes('notice-channels', Object.entries(CHANNEL).map(([value, text]) => [value, text,
    value === 'WEB_PAGE']));
  const area = input({ maxlength: 1000 });
  const text = textarea({ maxlength: 8000, rows: 5 });
  const notes = textarea({ maxlength: 8000 });
  const groups = [
    group('channels', 'Where the notice is published', channels.el, { fieldset: true, focus: channels.first,
      hint: 'Select all that apply.' }),
    group('area', 'Area', area, { hint: 'The area the notice covers, as residents know it.' }),
    group('text', 'Notice text', text, { hint: 'What the public will read: at least 20 characters.' }),
    group('consultationNotes', 'Consultation notes (optional)', notes,
      { hint: 'Who was consulted (councillors, community groups) and what they said.' }),
  ];
  const problems = h('div', { id: 'notice-problems' });
  const errors = formErrors(problems, groups);
  return h('form', { id: 'notice-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const ok = await errors.run([], () => gqlForm('mutation($d: ID!, $i: NoticeInput!) { publishNotice(deploymentId: $d,'
      + ' input: $i) { id } }', { d: d.id, i: { area: area.value, text: text.value, channels: channels.values(),
      consultationNotes: notes.value.trim() ? notes.value : null } }));
    if (ok) await ctx.reload();
  } }, h('h3', { class: 'govuk-heading-s' }, 'Publish a notice'), problems, groups,
  h('div', { class: 'govuk-warning-text' }, h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
      'The notice is public as soon as you publish it, and cannot be changed afterwards.')),
  h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Publish notice'));
}
