// A form's refusals, where GOV.UK puts them: an error summary whose lines link to their fields, and each message
// beside its field. Nothing typed is touched: the form stays as it was, only the messages change.
import { h, replace, setFieldError, linkedErrorSummary } from './dom.js';
import { inWords, fieldMessage } from './words.js';

/** `input.usernames[0]` → `usernames`: the group a field error belongs to. */
const groupName = (field) => String(field || '').replace(/^input\./, '').replace(/\[\d+\].*$/, '').split('.')[0];

/**
 * Binds form groups (dom.js `group`) to a place for the summary. `reasons`: sentences for the API's `reason` names.
 * Returns { show(errors), clear(), run(localErrors, action) }.
 */
export function formErrors(summaryHost, groups, reasons = {}) {
  const byName = new Map(groups.map((g) => [g.lfr.name, g]));
  const clear = () => {
    groups.forEach((g) => setFieldError(g, null));
    replace(summaryHost);
  };
  /** errors: [{ field, message }]; a field no group shows goes in the summary alone */
  const show = (errors) => {
    clear();
    const items = errors.map(({ field, message }) => {
      const g = byName.get(groupName(field));
      const text = g ? `${g.lfr.label}: ${fieldMessage(message)}` : fieldMessage(message);
      if (g && !g.classList.contains('govuk-form-group--error')) setFieldError(g, text);
      return { message: text, target: g ? g.lfr.focus : null };
    });
    replace(summaryHost, linkedErrorSummary(items));
  };
  /** The API's refusal: each field error beside its field, anything else (a conflict, a rule) in the summary. */
  const fromApi = (error) => show((error.problems || [{ message: String(error.message || error) }]).flatMap((p) =>
    (p.fieldErrors?.length ? p.fieldErrors.map((f) => ({ field: f.field,
      message: p.reason && reasons[p.reason] ? reasons[p.reason] : f.message }))
      : [{ field: null, message: inWords(p, reasons) + (p.unmetRules?.length ? ` (${p.unmetRules.join('; ')})` : '') }])));
  const run = async (localErrors, action) => {
    if (localErrors.length) {
      show(localErrors);
      return false;
    }
    try {
      await action();
      clear();
      return true;
    } catch (e) {
      fromApi(e);
      return false;
    }
  };
  return { show, clear, run, fromApi };
}

/** A short line saying something was done, for after a reload (GOV.UK notification banner, success). */
export function doneBanner(text, id) {
  return h('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert', id },
    h('div', { class: 'govuk-notification-banner__header' }, h('h2', { class: 'govuk-notification-banner__title' }, 'Success')),
    h('div', { class: 'govuk-notification-banner__content' }, h('p', { class: 'govuk-notification-banner__heading' }, text)));
}
