// What is being typed into a decision, kept in this tab's sessionStorage as it is typed: a page that has to send
// the officer back through Keycloak's login (the session ended) or is reloaded comes back with it. Drafts belong to
// the officer who typed them: kept under her username, dropped when someone else signs in on the tab, on sign-out,
// and as soon as their alert is decided or no longer waiting (notes about a person outlive nothing else).
const PREFIX = 'lfr.drafts.';
let key = null;

const all = () => {
  try {
    return key ? JSON.parse(sessionStorage.getItem(key) || '{}') : {};
  } catch (e) {
    return {};
  }
};
const save = (drafts) => key && sessionStorage.setItem(key, JSON.stringify(drafts));

/** At sign-in: this user's drafts are kept, anyone else's on this tab are dropped. */
export function ownDrafts(username) {
  key = PREFIX + username;
  Object.keys(sessionStorage).filter((k) => k.startsWith(PREFIX) && k !== key).forEach((k) => sessionStorage.removeItem(k));
}

/** At sign-out: no draft stays behind. */
export function dropDrafts() {
  Object.keys(sessionStorage).filter((k) => k.startsWith(PREFIX)).forEach((k) => sessionStorage.removeItem(k));
}

/** Restores the control's draft value, if any, and keeps it from now on. */
export function keep(alertId, name, control) {
  const saved = all()[alertId]?.[name];
  if (saved != null) control.value = saved;
  control.addEventListener('input', () => {
    const drafts = all();
    drafts[alertId] = { ...drafts[alertId], [name]: control.value };
    save(drafts);
  });
}

/** The decision was made (here or by a colleague): its draft is no longer wanted. */
export function forget(alertId) {
  const drafts = all();
  if (drafts[alertId]) {
    delete drafts[alertId];
    save(drafts);
  }
}

/** Only drafts of alerts still waiting are kept. */
export function keepOnly(waitingIds) {
  const drafts = all();
  Object.keys(drafts).filter((id) => !waitingIds.has(id)).forEach((id) => delete drafts[id]);
  save(drafts);
}
