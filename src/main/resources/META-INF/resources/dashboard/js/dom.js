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

// ---- Forms after the GOV.UK Design System: every field knows its API name, so a refusal lands beside it.

/**
 * A form group for one API field: label (or legend, for grouped inputs), hint, the place its error goes, and the
 * control(s). `name` is the API's field name (`fieldErrors[].field`); returns the group element.
 */
export function group(name, label, controls, { hint, fieldset = false, focus } = {}) {
  const id = `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}-${++fieldCount}`; // unique: two forms may share a field name
  const first = focus || [controls].flat()[0];
  if (!fieldset) first.id = first.id || id;
  const hintEl = hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null;
  const error = h('p', { class: 'govuk-error-message', id: `${id}-error`, hidden: true });
  const body = [hintEl, error, controls];
  const el = fieldset
    ? h('div', { class: 'govuk-form-group', 'data-field': name }, h('fieldset', { class: 'govuk-fieldset', id,
      'aria-describedby': [hintEl?.id, error.id].filter(Boolean).join(' ') },
    h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, label), body))
    : h('div', { class: 'govuk-form-group', 'data-field': name },
      h('label', { class: 'govuk-label govuk-label--s', for: first.id }, label), body);
  if (!fieldset) first.setAttribute('aria-describedby', [hintEl?.id, error.id].filter(Boolean).join(' '));
  el.lfr = { name, label, error, focus: first };
  return el;
}

/** Puts `message` beside its field (GOV.UK inline error), or clears it when null. */
export function setFieldError(groupEl, message) {
  const { error } = groupEl.lfr;
  groupEl.classList.toggle('govuk-form-group--error', Boolean(message));
  error.hidden = !message;
  error.replaceChildren(...(message ? [h('span', { class: 'govuk-visually-hidden' }, 'Error: '), message] : []));
  groupEl.querySelectorAll('.govuk-input, .govuk-textarea, .govuk-select, .govuk-file-upload').forEach((c) => {
    c.classList.toggle(c.classList.contains('govuk-textarea') ? 'govuk-textarea--error'
      : c.classList.contains('govuk-select') ? 'govuk-select--error'
        : c.classList.contains('govuk-file-upload') ? 'govuk-file-upload--error' : 'govuk-input--error', Boolean(message));
  });
}

/** The GOV.UK error summary whose every line links to its field: [{ message, target }] (target: an element or null). */
export function linkedErrorSummary(items) {
  const box = h('div', { class: 'govuk-error-summary', role: 'alert', tabindex: '-1', 'data-module': 'govuk-error-summary' },
    h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
    h('div', { class: 'govuk-error-summary__body' }, h('ul', { class: 'govuk-list govuk-error-summary__list' },
      items.map(({ message, target }) => h('li', {}, target
        ? h('a', { href: `#${target.id}`, onclick: (e) => { e.preventDefault(); target.focus(); } }, message)
        : message)))));
  setTimeout(() => box.focus(), 0);
  return box;
}

/** GOV.UK date input (day, month, year; with `time`, hour and minute too) inside its group's fieldset. */
export function dateParts(name, { time = false } = {}) {
  const part = (key, label, width) => h('div', { class: 'govuk-date-input__item' }, h('div', { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label govuk-date-input__label', for: `${name}-${key}` }, label),
    h('input', { class: `govuk-input govuk-date-input__input govuk-input--width-${width}`, id: `${name}-${key}`,
      name: `${name}-${key}`, type: 'text', inputmode: 'numeric' })));
  const el = h('div', { class: 'govuk-date-input' }, part('day', 'Day', 2), part('month', 'Month', 2), part('year', 'Year', 4),
    time ? [part('hour', 'Hour', 2), part('minute', 'Minute', 2)] : null);
  const get = (key) => el.querySelector(`#${name}-${key}`);
  return {
    el,
    first: get('day'),
    /** {y, m, d, hh, mm} as numbers, or null when a part is missing or not a number */
    read() {
      const keys = time ? ['year', 'month', 'day', 'hour', 'minute'] : ['year', 'month', 'day'];
      const values = keys.map((k) => get(k).value.trim());
      if (values.some((v) => !/^\d+$/.test(v))) return null;
      const [y, m, d, hh = 0, mm = 0] = values.map(Number);
      const date = new Date(y, m - 1, d, hh, mm);
      if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d || hh > 23 || mm > 59) return null;
      return date;
    },
    write(date) {
      if (!date) return;
      const two = (n) => String(n).padStart(2, '0');
      get('day').value = two(date.getDate());
      get('month').value = two(date.getMonth() + 1);
      get('year').value = String(date.getFullYear());
      if (time) {
        get('hour').value = two(date.getHours());
        get('minute').value = two(date.getMinutes());
      }
    },
  };
}

/** GOV.UK checkboxes: [[value, text, checked]]; returns { el, values() }. */
export function checkboxes(name, options) {
  const items = options.map(([value, text, checked], i) => {
    const box = h('input', { class: 'govuk-checkboxes__input', id: `${name}-${i}`, name, type: 'checkbox', value, checked });
    return [box, h('div', { class: 'govuk-checkboxes__item' }, box,
      h('label', { class: 'govuk-label govuk-checkboxes__label', for: box.id }, text))];
  });
  return { el: h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' }, items.map(([, item]) => item)),
    first: items[0][0], values: () => items.filter(([b]) => b.checked).map(([b]) => b.value) };
}

/** GOV.UK radios: [[value, text]]; returns { el, first, value() }. */
export function radios(name, options, onchange) {
  const items = options.map(([value, text], i) => {
    const radio = h('input', { class: 'govuk-radios__input', id: `${name}-${i}`, name, type: 'radio', value,
      checked: i === 0, onchange });
    return [radio, h('div', { class: 'govuk-radios__item' }, radio,
      h('label', { class: 'govuk-label govuk-radios__label', for: radio.id }, text))];
  });
  return { el: h('div', { class: 'govuk-radios govuk-radios--small govuk-radios--inline' }, items.map(([, item]) => item)),
    first: items[0][0], value: () => items.find(([r]) => r.checked)?.[0].value };
}

export const tag = (text, colour) => h('strong', { class: `govuk-tag${colour ? ` govuk-tag--${colour}` : ''}` }, text);
