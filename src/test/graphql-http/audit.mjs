// Runs graphql-http's server audits (the GraphQL-over-HTTP spec's own compliance checks) against a URL and prints
// one JSON line per audit: {id, name, status, reason}. Exit code 0 whatever the results: the caller judges them.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://host:port/graphql');
  process.exit(2);
}
const results = await auditServer({ url });
for (const r of results) {
  console.log(JSON.stringify({ id: r.id, name: r.name, status: r.status, reason: r.reason ?? null }));
}
