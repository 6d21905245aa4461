// The public page: no sign-in; exactly the fields of the public GraphQL queries, shown as text.
import { h, when, replace, table, errorSummary } from '/dashboard/js/dom.js';
import { recordView, RECORD_FIELDS } from '/public/record.js';

// Each list is read a page at a time (the API serves at most 500 a page); the page follows every page of each.
const LISTS = {
  publicDeployments: 'id reference locationName areaDescription plannedStart plannedEnd status',
  publicNotices: 'id deploymentReference locationName area text channels plannedStart plannedEnd publishedAt',
  publishedDeploymentRecords: RECORD_FIELDS,
};
const PAGE = 200;
const MAX_PAGES = 20;

async function all(list) {
  const items = [];
  let after = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: `query($after: String) { ${list}(first: ${PAGE}, after: $after) {
        edges { node { ${LISTS[list]} } } pageInfo { hasNextPage endCursor } } }`, variables: { after } }) });
    const { data, errors } = await response.json();
    if (errors?.length) throw new Error(errors.map((e) => e.message).join('; '));
    items.push(...data[list].edges.map((e) => e.node));
    if (!data[list].pageInfo.hasNextPage) break;
    after = data[list].pageInfo.endCursor;
  }
  return items;
}

async function load() {
  const [publicDeployments, publicNotices, publishedDeploymentRecords] = await Promise.all(Object.keys(LISTS).map(all));
  const data = { publicDeployments, publicNotices, publishedDeploymentRecords };
  replace(document.getElementById('content'),
    table('Planned and current deployments', ['Reference', 'Where', 'Area', 'When', 'Status'],
      data.publicDeployments.map((d) => [d.reference, d.locationName, d.areaDescription,
        `${when(d.plannedStart)} – ${when(d.plannedEnd)}`, d.status])),
    h('h2', { class: 'govuk-heading-m' }, 'Community notices'),
    data.publicNotices.length ? data.publicNotices.map((n) => h('div', { class: 'govuk-inset-text', 'data-notice-id': n.id },
      h('h3', { class: 'govuk-heading-s' }, `${n.deploymentReference}: ${n.locationName || ''}`),
      h('p', { class: 'govuk-body lfr-pre' }, n.text),
      h('p', { class: 'govuk-body-s' }, `Area: ${n.area || '—'}. Planned ${when(n.plannedStart)} – ${when(n.plannedEnd)}.`
        + ` Published ${when(n.publishedAt)} (${(n.channels || []).join(', ').toLowerCase().replaceAll('_', ' ')}).`)))
      : h('p', { class: 'govuk-body' }, 'No notice is published.'),
    h('h2', { class: 'govuk-heading-m' }, 'What each deployment found (published records)'),
    h('p', { class: 'govuk-body', id: 'open-data' }, 'The same records as open data: ',
      h('a', { class: 'govuk-link', href: '/open-data/deployment-records.csv' }, 'CSV'), ' and ',
      h('a', { class: 'govuk-link', href: '/open-data/deployment-records.json' }, 'JSON'),
      ' (one row per deployment; the columns are explained in the service\'s governance documentation).'),
    data.publishedDeploymentRecords.length ? data.publishedDeploymentRecords.map(recordView)
      : h('p', { class: 'govuk-body' }, 'No record is published yet.'));
}

load().catch((e) => replace(document.getElementById('content'), errorSummary(e)));
