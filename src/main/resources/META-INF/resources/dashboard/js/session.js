// Sign-in (OpenID Connect authorisation code with PKCE, keycloak-js) and the GraphQL calls made with its token.
/* global Keycloak */
import { ownDrafts, dropDrafts } from './drafts.js';

let keycloak;

export async function signIn() {
  const settings = await (await fetch('/api/dashboard/config')).json();
  keycloak = new Keycloak({ url: settings.url, realm: settings.realm, clientId: settings.clientId });
  // check-sso, then login() ourselves: with 'login-required' keycloak-js would leave for the login page by itself
  // the moment a refresh fails, taking a half-typed decision with it; here the page asks first (signInAgain)
  if (!await keycloak.init({ onLoad: 'check-sso', pkceMethod: 'S256', checkLoginIframe: false })) {
    await keycloak.login();
    return new Promise(() => {}); // leaving for the login page
  }
  // silent refresh: the refresh token renews the access token before it expires; when it cannot (the Keycloak
  // session ended), the page asks to sign in again instead of leaving at once, so nothing half-typed is lost
  setInterval(() => keycloak.updateToken(60).catch(signInAgain), 20000);
  const roles = keycloak.tokenParsed?.realm_access?.roles || [];
  ownDrafts(keycloak.tokenParsed?.preferred_username);
  return { username: keycloak.tokenParsed?.preferred_username, roles };
}

export async function token() {
  try {
    await keycloak.updateToken(30);
  } catch (e) {
    signInAgain();
    throw new ApiError([{ message: 'Your sign-in has ended: sign in again to go on.', code: 'unauthenticated' }]);
  }
  return keycloak.token;
}

/**
 * The banner that asks to sign in again. Pages keep what is being typed in sessionStorage as it is typed
 * (see drafts.js), so coming back from Keycloak's login page restores it.
 */
function signInAgain() {
  if (document.getElementById('sign-in-again')) return;
  const banner = document.createElement('div');
  banner.className = 'govuk-notification-banner lfr-sign-in-again';
  banner.id = 'sign-in-again';
  banner.setAttribute('role', 'alert');
  const body = document.createElement('div');
  body.className = 'govuk-notification-banner__content';
  const text = document.createElement('p');
  text.className = 'govuk-notification-banner__heading';
  text.textContent = 'Your sign-in has ended. New alerts cannot arrive until you sign in again; what you have typed is kept.';
  const again = document.createElement('button');
  again.type = 'button';
  again.className = 'govuk-button govuk-!-margin-bottom-0';
  again.textContent = 'Sign in again';
  again.addEventListener('click', () => keycloak.login());
  body.append(text, again);
  banner.append(body);
  document.getElementById('main').before(banner);
  again.focus();
}

export function signOut() {
  dropDrafts();
  keycloak.logout({ redirectUri: `${location.origin}/public/` });
}

export class ApiError extends Error {
  constructor(problems) {
    super(problems.map((p) => p.message).join('; '));
    this.problems = problems;
  }
}

/** One GraphQL operation; refusals become an ApiError carrying each error's message, code and unmet rules. */
export async function gql(query, variables = {}) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json',
      Authorization: `Bearer ${await token()}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }));
  if (body.errors?.length) {
    throw new ApiError(body.errors.map((e) => ({ message: e.message, code: e.extensions?.code,
      unmetRules: e.extensions?.unmetRules })));
  }
  return body.data;
}

/** Every page of a connection (the query takes its cursor as `$a`; `pick(data)` returns the connection), in order. */
export async function gqlAll(query, variables, pick) {
  const nodes = [];
  let after = null;
  for (;;) {
    const connection = pick(await gql(query, { ...variables, a: after }));
    nodes.push(...connection.edges.map((e) => e.node));
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
}

/** An image from the REST endpoints (crops, enrolment images), fetched with the token, as an object URL. */
export async function imageUrl(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${await token()}` } });
  if (!response.ok) throw new Error(`image ${response.status}`);
  return URL.createObjectURL(await response.blob());
}
