// What is being typed into a decision, kept in this tab's sessionStorage as it is typed: a page that has to send
// the officer back through Keycloak's login (the session ended) or is reloaded comes back with it.
const KEY = 'lfr.drafts';

const all = () => {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || '{}');
  } catch (e) {
    return {};
  }
};

/** Restores the control's draft value, if any, and keeps it from now on. */
export function keep(alertId, name, control) {
  const saved = all()[alertId]?.[name];
  if (saved != null) control.value = saved;
  control.addEventListener('input', () => {
    const drafts = all();
    drafts[alertId] = { ...drafts[alertId], [name]: control.value };
    sessionStorage.setItem(KEY, JSON.stringify(drafts));
  });
}

/** The decision was made (here or by a colleague): its draft is no longer wanted. */
export function forget(alertId) {
  const drafts = all();
  if (drafts[alertId]) {
    delete drafts[alertId];
    sessionStorage.setItem(KEY, JSON.stringify(drafts));
  }
}
