// Elements are built from text nodes only: whatever the API returns (names, reasons, notes) is shown, never run.
import { ERROR_WORDS } from './words.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export const when = (iso) => (iso ? new Date(iso).toLocaleString('en-GB') : '—');

/** A GOV.UK summary list from [label, value] pairs. */
export function summary(rows) {
  return h('dl', { class: 'govuk-summary-list' }, rows.map(([k, v]) => h('div', { class: 'govuk-summary-list__row' },
    h('dt', { class: 'govuk-summary-list__key' }, k), h('dd', { class: 'govuk-summary-list__value' }, v ?? '—'))));
}

export function table(caption, head, rows) {
  return h('table', { class: 'govuk-table' },
    h('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, caption),
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
      head.map((c) => h('th', { scope: 'col', class: 'govuk-table__header' }, c)))),
    h('tbody', { class: 'govuk-table__body' }, rows.length ? rows.map((r) => h('tr', { class: 'govuk-table__row' },
      r.map((c) => h('td', { class: 'govuk-table__cell' }, c ?? '—'))))
      : h('tr', { class: 'govuk-table__row' }, h('td', { class: 'govuk-table__cell', colspan: head.length }, 'None.'))));
}

let fieldCount = 0;
/** A labelled input (or textarea / select); returns [wrapper, control]. */
export function field(label, control, hint) {
  const id = `f${++fieldCount}`;
  control.id = id;
  control.name = control.name || id;
  const hintEl = hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return [h('div', { class: 'govuk-form-group' }, h('label', { class: 'govuk-label', for: id }, label), hintEl, control), control];
}

export const input = (attrs = {}) => h('input', { class: 'govuk-input', type: 'text', ...attrs });
export const textarea = (attrs = {}) => h('textarea', { class: 'govuk-textarea', rows: 3, ...attrs });
export const select = (options, attrs = {}) => h('select', { class: 'govuk-select', ...attrs },
  options.map(([value, text]) => h('option', { value }, text)));
export const button = (text, onclick, kind = '') => h('button', { type: 'button', class: `govuk-button ${kind}`, onclick }, text);

// codes whose message alone does not say what to do next
const ADVICE = new Set(['forbidden', 'gate-not-met', 'too-many-requests', 'unauthenticated']);

/** The API's refusal, as the GOV.UK error summary: its message, what to do, each unmet rule, the code as a label. */
export function errorSummary(error) {
  const problems = error.problems || [{ message: String(error.message || error) }];
  const box = h('div', { class: 'govuk-error-summary', role: 'alert', tabindex: '-1' },
    h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
    h('div', { class: 'govuk-error-summary__body' }, h('ul', { class: 'govuk-list govuk-error-summary__list' },
      problems.map((p) => h('li', {}, p.message, ADVICE.has(p.code) ? ` ${ERROR_WORDS[p.code]}` : '',
        p.code ? h('span', { class: 'lfr-code' }, p.code) : '',
        p.unmetRules ? h('ul', {}, p.unmetRules.map((r) => h('li', {}, r))) : null)))));
  setTimeout(() => box.focus(), 0);
  return box;
}

export function replace(target, ...children) {
  target.replaceChildren(...children.flat().filter((c) => c != null));
}
