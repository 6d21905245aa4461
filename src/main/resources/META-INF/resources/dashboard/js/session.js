// Sign-in (OpenID Connect authorisation code with PKCE, keycloak-js) and the GraphQL calls made with its token.
/* global Keycloak */

let keycloak;

export async function signIn() {
  const settings = await (await fetch('/api/dashboard/config')).json();
  keycloak = new Keycloak({ url: settings.url, realm: settings.realm, clientId: settings.clientId });
  await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
  // silent refresh: the refresh token renews the access token before it expires
  setInterval(() => keycloak.updateToken(60).catch(() => keycloak.login()), 20000);
  const roles = keycloak.tokenParsed?.realm_access?.roles || [];
  return { username: keycloak.tokenParsed?.preferred_username, roles };
}

export async function token() {
  await keycloak.updateToken(30);
  return keycloak.token;
}

export function signOut() {
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

/** An image from the REST endpoints (crops, enrolment images), fetched with the token, as an object URL. */
export async function imageUrl(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${await token()}` } });
  if (!response.ok) throw new Error(`image ${response.status}`);
  return URL.createObjectURL(await response.blob());
}
