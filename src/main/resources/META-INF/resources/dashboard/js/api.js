// The calls the planning screens make besides session.js's gql: GraphQL keeping each refusal's fieldErrors and
// reason (a form puts them beside their fields), and the binary REST endpoints (enrolment images, bulk enrolment,
// whose answer streams one JSON line per photo).
import { ApiError, token } from './session.js';

const problemsOf = (errors) => errors.map((e) => ({ message: e.message, code: e.extensions?.code,
  unmetRules: e.extensions?.unmetRules, fieldErrors: e.extensions?.fieldErrors, reason: e.extensions?.reason }));

/** One GraphQL operation; a refusal becomes an ApiError whose problems keep fieldErrors and reason. */
export async function gqlForm(query, variables = {}) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json',
      Authorization: `Bearer ${await token()}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json().catch(() => ({ errors: [{ message: `the service answered ${response.status}` }] }));
  if (body.errors?.length) throw new ApiError(problemsOf(body.errors));
  return body.data;
}

/** A REST refusal (ErrorMappers.ErrorBody: code, message, reason, fieldErrors) as an ApiError. */
async function refusal(response) {
  const body = await response.json().catch(() => null);
  const message = body?.message || (response.status === 413 ? 'the file is too large'
    : `the service answered ${response.status}`);
  return new ApiError([{ message, code: body?.code, reason: body?.reason || (response.status === 413 ? 'TOO_LARGE' : null),
    fieldErrors: body?.fieldErrors }]);
}

/** Sends a file's bytes as the request body (its own content type); returns the JSON answer. */
export async function upload(method, path, file, contentType) {
  const response = await fetch(path, { method, body: file,
    headers: { 'Content-Type': contentType || file.type || 'application/octet-stream', Authorization: `Bearer ${await token()}` } });
  if (!response.ok) throw await refusal(response);
  return response.json();
}

/** Posts a body and calls onLine with each JSON line of the answer as it arrives (NDJSON), not when all is done. */
export async function streamLines(path, body, contentType, onLine) {
  const response = await fetch(path, { method: 'POST', body,
    headers: { 'Content-Type': contentType, Accept: 'application/x-ndjson', Authorization: `Bearer ${await token()}` } });
  if (!response.ok) throw await refusal(response);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    pending += decoder.decode(value || new Uint8Array(), { stream: !done });
    const lines = pending.split('\n');
    pending = done ? '' : lines.pop();
    lines.filter((l) => l.trim()).forEach((l) => onLine(JSON.parse(l)));
    if (done) return;
  }
}
