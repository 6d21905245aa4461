// One published deployment record as the public reads it, built from text nodes only (whatever the API returns is
// shown, never run). The public page and the staff's preview (deploymentRecordPreview returns the same type) both
// call recordView, so a supervisor sees exactly what will be published.
import { h, when, summary } from '/dashboard/js/dom.js';

/** The record's fields the view reads: the GraphQL selection of a DeploymentRecord. */
export const RECORD_FIELDS = `deploymentId reference locationName areaDescription plannedStart startedAt endedAt
  durationMinutes watchlistSize facesProcessed alerts confirmedMatches falseAlerts notEngaged notAdjudicated arrests
  advice noFurtherAction otherOutcomes falseAlertRate falseAlertRateLow falseAlertRateHigh falseAlertRateIntervalLow
  falseAlertRateIntervalHigh falseAlertStatement confirmedShare confirmedShareLow confirmedShareHigh matchThreshold
  expectedRates expectedRateGroup expectedWorstGroupFalseAlertRate expectedFalseAlerts expectedFalseAlertsLow
  expectedFalseAlertsHigh calibration noticesPublished firstNoticeAt advanceNotice noticeWaivedAt signsPlaced
  leafletsHandedOut authorisedByRole publishedByRole publishedAt falseAlertExcessFound`;

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const oneIn = (rate) => (rate > 0 ? `1 in ${Math.round(1 / rate).toLocaleString('en-GB')}` : 'none');
const count = (n) => Number(n ?? 0).toLocaleString('en-GB');

const NOTICE = {
  GIVEN: (r) => `Given: ${count(r.noticesPublished)} community notice(s), the first on ${when(r.firstNoticeAt)}.`,
  WAIVED: (r) => `Not given in advance: waived under a recorded critical-threat exemption on ${when(r.noticeWaivedAt)}.`,
  NOT_GIVEN: () => 'No community notice was published.',
};

/** The share of alerts the engaging officer confirmed, with its 95 % interval. */
function confirmed(r) {
  if (!r.alerts) return 'No alert.';
  return `${count(r.confirmedMatches)} of ${count(r.alerts)} alerts (${pct(r.confirmedShare)}; 95 % interval `
    + `${pct(r.confirmedShareLow)} to ${pct(r.confirmedShareHigh)})`;
}

/** Observed false alerts: one rate when every alert was decided, a range when some were not — never a bare zero. */
function observedRate(r) {
  if (r.falseAlertRateLow == null) return 'Unknown: no face was counted.';
  if (r.falseAlertRate != null) {
    return `${oneIn(r.falseAlertRate)} (95 % interval ${oneIn(r.falseAlertRateIntervalLow)} to `
      + `${oneIn(r.falseAlertRateIntervalHigh)})`;
  }
  const undecided = r.notAdjudicated === 1 ? '1 alert was' : `${count(r.notAdjudicated)} alerts were`;
  return `Between ${oneIn(r.falseAlertRateLow)} and ${oneIn(r.falseAlertRateHigh)}: ${undecided} never decided (95 % interval ${oneIn(r.falseAlertRateIntervalLow)} to ${oneIn(r.falseAlertRateIntervalHigh)})`;
}

function expected(r) {
  if (r.expectedFalseAlerts == null) return 'Not stated: the models were not calibrated.';
  const whose = r.expectedRateGroup === 'everyone' ? 'everyone' : `group ${r.expectedRateGroup}`;
  return `About ${r.expectedFalseAlerts.toFixed(1)} false alerts (${r.expectedFalseAlertsLow}–${r.expectedFalseAlertsHigh})`
    + ` among the faces seen, at the calibrated rate of ${whose}, ${oneIn(r.expectedWorstGroupFalseAlertRate)}.`;
}

/** The DOM of one record: a heading and a summary list in the review's terms. */
export function recordView(r) {
  return h('section', { class: 'lfr-record', 'data-record': r.reference },
    h('h3', { class: 'govuk-heading-s' }, `${r.reference}: ${r.locationName || ''}`),
    r.falseAlertExcessFound ? h('div', { class: 'govuk-warning-text' }, h('strong', { class: 'govuk-warning-text__text' },
      'During this deployment the false alerts were significantly above the calibrated rate.')) : null,
    summary([
      ['Ran', `${when(r.startedAt)} – ${when(r.endedAt)} (${count(r.durationMinutes)} min)`],
      ['Area', r.areaDescription],
      ['Watchlist', `${count(r.watchlistSize)} people`],
      ['Faces seen', count(r.facesProcessed)],
      ['Alerts', `${count(r.alerts)}: ${count(r.confirmedMatches)} confirmed, ${count(r.falseAlerts)} false, `
        + `${count(r.notEngaged)} not engaged, ${count(r.notAdjudicated)} never decided`],
      ['Confirmed by the officer who engaged', confirmed(r)],
      ['Observed false-alert rate', observedRate(r)],
      ['Expected false alerts', expected(r)],
      ['In words', r.falseAlertStatement],
      ['Match threshold and calibration', `${Number(r.matchThreshold).toFixed(3)}: ${r.expectedRates || 'not calibrated'}`
        + `${r.calibration ? ` (${r.calibration})` : ''}`],
      ['Advance notice', (NOTICE[r.advanceNotice] || (() => '—'))(r)],
      ['Signs placed, leaflets handed out', `${count(r.signsPlaced)}, ${count(r.leafletsHandedOut)}`],
      ['Outcomes', `${count(r.arrests)} arrests, ${count(r.advice)} words of advice, ${count(r.noFurtherAction)} no further`
        + ` action, ${count(r.otherOutcomes)} other`],
      ['Authorised by', r.authorisedByRole],
      ['Published', r.publishedAt ? `${when(r.publishedAt)} by ${r.publishedByRole}` : `Not yet (to be published by ${r.publishedByRole || 'a supervisor'})`],
    ]));
}
