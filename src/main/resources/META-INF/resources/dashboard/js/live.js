// Live data over graphql-transport-ws (graphql-ws client), resilient to whatever ends a connection.
//
// Why not just graphql-ws's own retry: the server closes a socket when the token it was opened with expires (close
// code 1008), and graphql-ws counts 1008 as fatal — it ends every subscription and never reconnects, so a console
// left open past its first token's lifetime went quiet for good. Here every subscription that ends without being
// asked to is made again on a fresh client, whose connection_init carries a freshly refreshed token; `onConnected`
// runs after every (re)connection so the caller catches up by cursor on whatever it missed meanwhile.
/* global graphqlWs */
import { token } from './session.js';

const url = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/**
 * @param onConnected after each (re)connection
 * @param onState 'connected' | 'reconnecting' | 'offline' (several attempts failed: the caller says so plainly)
 */
export function liveFeed({ onConnected, onState }) {
  const wanted = []; // {payload, sink, stop}
  let client;
  let disposed = false;
  let failures = 0;
  let restartTimer;
  window.lfrLiveCloses = window.lfrLiveCloses || []; // close codes seen, for diagnosis and the browser tests

  const connect = () => {
    const self = graphqlWs.createClient({
      url: url(),
      connectionParams: async () => ({ Authorization: `Bearer ${await token()}` }),
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: (retries) => new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** retries, 10000))),
      keepAlive: 10000,
      on: {
        connected: () => { failures = 0; onState('connected'); onConnected(); },
        closed: (event) => {
          if (self !== client) return; // a replaced client's last words
          window.lfrLiveCloses.push(event?.code ?? 0);
          if (!disposed) onState(++failures > 3 ? 'offline' : 'reconnecting');
        },
      },
    });
    client = self;
    wanted.filter((w) => !w.ended).forEach(subscribeOn);
  };

  const restart = () => { // a subscription ended that nobody ended: new client, every subscription again
    if (disposed || restartTimer || wanted.every((w) => w.ended)) return;
    onState(failures > 3 ? 'offline' : 'reconnecting');
    restartTimer = setTimeout(() => {
      restartTimer = null;
      const old = client;
      connect();
      old.dispose();
    }, Math.min(1000 * 2 ** Math.min(failures, 4), 10000));
  };

  function subscribeOn(w) {
    const mine = client;
    w.stop = mine.subscribe(w.payload, {
      next: (message) => w.sink(message.data),
      error: (problem) => {
        // GraphQL errors (refused, unknown field) end this subscription for good; anything else is the connection's
        if (Array.isArray(problem)) { w.ended = true; console.warn('subscription refused', problem); return; }
        if (client === mine) restart();
      },
      complete: () => { if (client === mine && !w.ended) restart(); },
    });
  }

  connect();
  return {
    subscribe(payload, sink) {
      const w = { payload, sink, stop: () => {} };
      wanted.push(w);
      subscribeOn(w);
      return () => { w.ended = true; w.stop(); wanted.splice(wanted.indexOf(w), 1); };
    },
    /** Cuts the socket as a network failure would (the browser test of the catch-up uses it). */
    terminate: () => client.terminate(),
    dispose() {
      disposed = true;
      clearTimeout(restartTimer);
      wanted.forEach((w) => { w.ended = true; });
      client.dispose();
    },
  };
}
