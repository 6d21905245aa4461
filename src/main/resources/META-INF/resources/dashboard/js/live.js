// Live data over graphql-transport-ws (graphql-ws client): the token goes in connection_init; the client reconnects
// by itself, and `onConnected` runs after every (re)connection so the caller can catch up on what it missed.
/* global graphqlWs */
import { token } from './session.js';

export function liveClient(onConnected) {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  return graphqlWs.createClient({
    url,
    connectionParams: async () => ({ Authorization: `Bearer ${await token()}` }),
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** retries, 10000))),
    keepAlive: 10000,
    on: { connected: () => onConnected() },
  });
}
