// The deployment's watchlist, built from photos: an officer proposes each person with the legal basis and why they
// are on it, then enrols their photo (one at a time, or a zip or folder at once); the service says whether it found
// one usable face and shows the face it kept. A supervisor overrides an under-18 or old image with a reason, and
// approves the list.
import { h, when, replace, button, input, textarea, select, group, dateParts, tag, summary, setFieldError } from './dom.js';
import { imageUrl } from './session.js';
import { gqlForm, upload } from './api.js';
import { formErrors, doneBanner } from './forms.js';
import { CATEGORY, ENROLMENT_REASON, inWords } from './words.js';
import { bulkSection } from './bulk.js';

const ENDED = ['CLOSED', 'REJECTED', 'CANCELLED'];
/** An ISO date (2026-09-04) as people write it: 4 September 2026 */
const day = (iso) => new Date(`${iso}T12:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
/** What the last upload to each entry did, kept across the page's redraw: entry id -> { ok, text } */
const results = new Map();
let proposed = null;

export function watchlistSection(d, w, ctx) {
  const { me, is } = ctx;
  const operating = is('supervisor') || (is('officer') && d.operators.includes(me.username));
  const editable = Boolean(w) && !w.frozenAt && !ENDED.includes(d.status) && operating;
  const entries = w?.entries || [];
  const flagged = entries.filter((e) => e.lookalikeWarning).length;
  const banner = proposed && entries.some((e) => e.subjectReference === proposed)
    ? doneBanner(`${proposed} proposed. Now upload their photo.`, 'proposed') : null;
  proposed = null;
  return h('div', { id: 'watchlist' },
    h('h2', { class: 'govuk-heading-m' }, `Watchlist (${w?.size ?? 0})`),
    h('p', { class: 'govuk-body', id: 'watchlist-state' }, w?.approvedAt ? `Approved by ${w.approvedBy} ${when(w.approvedAt)}`
      : 'Not approved', w?.frozenAt ? `; frozen ${when(w.frozenAt)}` : ''),
    banner,
    entries.length ? null : h('p', { class: 'govuk-body' }, 'No one is on the watchlist yet.'),
    entries.map((e) => entryCard(e, ctx, editable)),
    editable && is('officer') ? proposeForm(d, ctx) : null,
    editable ? bulkSection(d, ctx) : null,
    is('supervisor') && w && !w.approvedAt && flagged ? h('div', { class: 'govuk-warning-text', id: 'lookalike-flags' },
      h('strong', { class: 'govuk-warning-text__text' }, `${flagged} ${flagged === 1 ? 'entry is' : 'entries are'} expected`
        + ' to alert far more often than the list\'s calibrated rate (see each entry). Approving anyway is recorded in the'
        + ' audit trail with each of them.')) : null,
    is('supervisor') && w && !w.approvedAt ? button('Approve watchlist', ctx.act('mutation($d: ID!) {'
      + ' approveWatchlist(deploymentId: $d) { approvedAt } }', () => ({ d: d.id }))) : null);
}

/** One person on the list (GOV.UK summary card): why they are on it, their photo's state, what may be done. */
function entryCard(e, ctx, editable) {
  const { is } = ctx;
  const result = results.get(e.id);
  results.delete(e.id); // said once, after the redraw that follows the upload
  // every read of an enrolment image is audited: the face is fetched just after an upload, otherwise when asked for
  const face = h('div', { class: 'lfr-entry-face' });
  const show = () => imageUrl(`/api/watchlist-entries/${e.id}/image`).then((src) => replace(face, h('img', { src,
    alt: `The photo enrolled for ${e.subjectReference}` }))).catch(() => replace(face, h('p', { class: 'govuk-body-s' },
    'The photo could not be loaded.')));
  if (e.hasImage && result?.ok) show();
  else if (e.hasImage) face.append(button(`Show photo of ${e.subjectReference}`, show, 'govuk-button--secondary'));
  const status = e.hasEmbedding ? tag('Photo enrolled', 'green') : e.imagePurgedAt ? tag('Photo purged', 'grey')
    : tag('No photo yet', 'yellow');
  return h('div', { class: 'govuk-summary-card', 'data-entry': e.id, 'data-subject': e.subjectReference },
    h('div', { class: 'govuk-summary-card__title-wrapper' },
      h('h3', { class: 'govuk-summary-card__title' }, e.subjectReference, ' ', status)),
    h('div', { class: 'govuk-summary-card__content lfr-entry' },
      h('div', {}, summary([['Category', CATEGORY[e.category] || e.category], ['Legal basis', e.legalBasis],
        ['Justification', e.justification], ['Image', `${e.imageSource || '—'}, taken ${e.imageDate ? day(e.imageDate) : 'on an unknown date'}`],
        ['Under 18', e.subjectUnder18 ? 'Yes' : 'No'],
        ['Override', e.overrideReason ? `${e.overrideReason} (${e.overrideBy}, ${when(e.overrideAt)})`
          : e.needsOverride ? 'Needed: a supervisor must record why this person (under 18, or an old image) is on the list' : 'Not needed'],
        ['Expected false alerts', e.lookalikeWarning ? h('span', { class: 'lookalike-warning' }, tag('Look-alike', 'red'),
          ' ', e.lookalikeWarning) : (e.expectedFalseAlerts || 'not checked')]]),
      result ? h('div', { class: result.ok ? 'govuk-inset-text' : 'govuk-error-summary', role: result.ok ? 'status' : 'alert',
        'data-result': result.ok ? 'enrolled' : 'refused' }, result.ok ? null
        : h('h4', { class: 'govuk-error-summary__title' }, 'The photo was not enrolled'), result.text) : null,
      editable ? photoUpload(e, ctx, result) : null,
      is('supervisor') && e.needsOverride && !e.overrideReason && editable ? overrideForm(e, ctx) : null,
      editable ? removeEntry(e, ctx) : null),
      face));
}

/**
 * A JPEG or PNG by file picker or dropped on the box; the service judges the bytes, not the name. The outcome is
 * kept for the redraw: enrolled (the face kept is then shown), or refused with its reason in a sentence, beside the
 * picker and in the error summary.
 */
function photoUpload(e, ctx, result) {
  const file = h('input', { type: 'file', class: 'govuk-file-upload', accept: 'image/jpeg,image/png' });
  const g = group(`image-${e.id}`, `Photo of ${e.subjectReference}`, file,
    { hint: 'A JPEG or PNG showing this person\'s face alone, large and sharp. Choose a file or drop it here.' });
  const errors = formErrors(h('div'), [g]);
  if (result && !result.ok) setFieldError(g, result.why);
  let dropped = null;
  const chosen = h('p', { class: 'govuk-body-s', 'aria-live': 'polite' });
  const zone = h('div', { class: 'lfr-drop', ondragover: (ev) => { ev.preventDefault(); zone.classList.add('lfr-drop--over'); },
    ondragleave: () => zone.classList.remove('lfr-drop--over'),
    ondrop: (ev) => {
      ev.preventDefault();
      zone.classList.remove('lfr-drop--over');
      dropped = ev.dataTransfer.files[0] || null;
      chosen.textContent = dropped ? `Dropped: ${dropped.name}` : '';
    } }, g);
  file.addEventListener('change', () => { dropped = null; chosen.textContent = ''; });
  const send = async () => {
    const photo = dropped || file.files[0];
    if (!photo || !['image/jpeg', 'image/png'].includes(photo.type)) {
      errors.show([{ field: g.lfr.name, message: photo ? 'the file must be a JPEG or PNG photo' : 'choose a photo (JPEG or PNG) first' }]);
      return;
    }
    try {
      await upload('PUT', `/api/watchlist-entries/${e.id}/image`, photo);
      results.set(e.id, { ok: true, text: `Enrolled from ${photo.name}: the service found one usable face. The photo it keeps is shown.` });
    } catch (err) {
      const why = (err.problems || [{ message: String(err.message || err) }]).map((p) => inWords(p, ENROLMENT_REASON)).join(' ');
      results.set(e.id, { ok: false, why, text: `${photo.name} was not enrolled. ${why}` });
    }
    await ctx.reload();
  };
  return h('div', { class: 'lfr-upload' }, zone, chosen,
    button(`Upload photo of ${e.subjectReference}`, send, 'govuk-button--secondary'));
}

function overrideForm(e, ctx) {
  const reason = textarea({ maxlength: 2000 });
  const g = group('reason', `Why ${e.subjectReference} is on the list even so`, reason,
    { hint: e.subjectUnder18 ? 'This person is under 18.' : 'The photo is older than the service allows without a reason.' });
  const problems = h('div');
  const errors = formErrors(problems, [g]);
  return h('div', { class: 'lfr-override' }, problems, g, button('Record override', async () => {
    if (await errors.run([], () => gqlForm('mutation($e: ID!, $r: String!) { overrideWatchlistEntry(entryId: $e,'
      + ' reason: $r) { id } }', { e: e.id, r: reason.value }))) await ctx.reload();
  }, 'govuk-button--secondary'));
}

function removeEntry(e, ctx) {
  const slot = h('div', {});
  const first = button(`Remove ${e.subjectReference}`, () => replace(slot,
    h('p', { class: 'govuk-body' }, `Remove ${e.subjectReference} and their photo from the watchlist?`),
    button('Yes, remove', ctx.act('mutation($e: ID!) { removeWatchlistEntry(entryId: $e) }', () => ({ e: e.id })),
      'govuk-button--warning'), ' ', button('Keep', () => replace(slot, first), 'govuk-button--secondary')),
  'govuk-button--secondary');
  slot.append(first);
  return slot;
}

function proposeForm(d, ctx) {
  const c = {
    subjectReference: input({ maxlength: 100, spellcheck: 'false', class: 'govuk-input govuk-input--width-20' }),
    category: select([['', 'Choose a category'], ...Object.entries(CATEGORY)]),
    legalBasis: textarea({ maxlength: 1000, rows: 2 }),
    justification: textarea({ maxlength: 4000 }),
    imageSource: input({ maxlength: 500 }),
    under18: h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: 'subject-under-18', value: 'yes' }),
  };
  const date = dateParts('imageDate');
  const groups = [
    group('subjectReference', 'Subject reference', c.subjectReference,
      { hint: 'Your reference for the person, for example SUBJ-12. A bulk upload\'s photos are named after it.' }),
    group('category', 'Category', c.category),
    group('legalBasis', 'Legal basis', c.legalBasis, { hint: 'For example an arrest warrant and the court that issued it.' }),
    group('justification', 'Why they are on this deployment\'s watchlist', c.justification,
      { hint: 'At least 10 characters: why this person may be here, now.' }),
    group('imageSource', 'Where the photo comes from', c.imageSource, { hint: 'For example custody image.' }),
    group('imageDate', 'When the photo was taken', date.el, { fieldset: true, focus: date.first, hint: 'For example 27 3 2026.' }),
    group('subjectUnder18', 'Age', h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' },
      h('div', { class: 'govuk-checkboxes__item' }, c.under18, h('label', { class: 'govuk-label govuk-checkboxes__label',
        for: c.under18.id }, 'The person is under 18 (a supervisor must then record why they are on the list)'))),
    { fieldset: true, focus: c.under18 }),
  ];
  const problems = h('div', { id: 'propose-problems' });
  const errors = formErrors(problems, groups);
  return h('form', { id: 'propose-form', novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    const taken = date.read();
    const iso = taken && `${taken.getFullYear()}-${String(taken.getMonth() + 1).padStart(2, '0')}-${String(taken.getDate()).padStart(2, '0')}`;
    const local = [];
    if (!iso) local.push({ field: 'imageDate', message: 'enter the date the photo was taken (day, month, year)' });
    if (!c.category.value) local.push({ field: 'category', message: 'choose a category' });
    const input = { subjectReference: c.subjectReference.value.trim(), category: c.category.value,
      legalBasis: c.legalBasis.value, justification: c.justification.value, imageSource: c.imageSource.value,
      imageDate: iso, subjectUnder18: c.under18.checked };
    if (await errors.run(local, () => gqlForm('mutation($d: ID!, $i: WatchlistEntryInput!) {'
      + ' proposeWatchlistEntry(deploymentId: $d, input: $i) { id } }', { d: d.id, i: input }))) {
      proposed = input.subjectReference;
      await ctx.reload();
    }
  } }, h('h3', { class: 'govuk-heading-s' }, 'Propose a person for the watchlist'), problems, groups,
  h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Propose entry'));
}
