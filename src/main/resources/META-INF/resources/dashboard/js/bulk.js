// Bulk enrolment: a zip of photos named after the subjects' references (SUBJ-12.jpg, or SUBJ-12/photo.png), or a
// folder the page zips itself (jszip, loaded only when needed). The service answers one JSON line per photo as it is
// done; each moves the progress bar and says, in words, what became of that photo — a refused photo does not stop
// the rest.
import { h, replace, group } from './dom.js';
import { streamLines } from './api.js';
import { formErrors } from './forms.js';
import { ENROLMENT_REASON } from './words.js';

/** The same test as the service's PhotoArchive: a JPEG or PNG file, not macOS metadata, no path climbing out. */
const isPhoto = (path) => /\.(jpe?g|png)$/i.test(path) && !path.startsWith('__MACOSX') && !path.includes('..')
  && !path.endsWith('/');

/** The last run per deployment, kept so that the page's redraw after it shows where it ended. */
const runs = new Map();

let jszip;
function loadJsZip() {
  jszip = jszip || new Promise((resolve, reject) => document.head.append(h('script', {
    src: '/webjars/jszip/dist/jszip.min.js', onload: () => resolve(window.JSZip),
    onerror: () => reject(new Error('the zip library could not be loaded')) })));
  return jszip;
}

/** A chosen folder as a zip: paths below the folder itself, so that SUBJ-12.jpg (or SUBJ-12/a.jpg) names the subject. */
async function zipFolder(files) {
  const JSZip = await loadJsZip();
  const zip = new JSZip();
  let count = 0;
  for (const f of files) {
    const inside = (f.webkitRelativePath || f.name).split('/').slice(1).join('/') || f.name;
    if (isPhoto(inside)) {
      zip.file(inside, f); // photos are compressed already: stored, not deflated
      count += 1;
    }
  }
  return { body: await zip.generateAsync({ type: 'blob', compression: 'STORE' }), count };
}

async function countPhotos(zipFile) {
  const JSZip = await loadJsZip();
  const zip = await JSZip.loadAsync(zipFile);
  return Object.values(zip.files).filter((e) => !e.dir && isPhoto(e.name)).length;
}

const LINE = {
  ENROLLED: (l) => `${l.file}: enrolled for ${l.subjectReference}.`,
  REJECTED: (l) => `${l.file}: not enrolled for ${l.subjectReference}. ${ENROLMENT_REASON[l.reason] || l.reason || ''}`,
  NO_ENTRY: (l) => `${l.file}: no one on this watchlist has the reference ${l.subjectReference || 'in its name'}.`
    + ' Propose them first, or rename the photo.',
};

export function bulkSection(d, ctx) {
  const zipInput = h('input', { type: 'file', class: 'govuk-file-upload', accept: '.zip,application/zip' });
  const folderInput = h('input', { type: 'file', class: 'govuk-file-upload', webkitdirectory: true, multiple: true });
  const groups = [
    group('zip', 'A zip of photos', zipInput, { hint: 'Each photo named after a subject reference above, for example'
      + ' SUBJ-12.jpg, or in a folder of that name.' }),
    group('folder', 'Or a folder of photos', folderInput, { hint: 'The page zips it before sending; only JPEG and PNG'
      + ' files are sent.' }),
  ];
  const problems = h('div', { id: 'bulk-problems' });
  const errors = formErrors(problems, groups);
  const panel = h('div', { id: 'bulk-progress' });
  const start = h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Upload and enrol');
  const draw = (run) => {
    replace(panel, h('label', { class: 'govuk-label', for: 'bulk-bar' }, `${run.done} of ${run.max} photos done`),
      h('progress', { id: 'bulk-bar', class: 'lfr-progress', max: run.max || 1, value: run.done }),
      h('p', { class: 'govuk-body', id: 'bulk-summary', role: 'status' }, run.final || 'Enrolling…'),
      h('ul', { class: 'govuk-list govuk-list--bullet', id: 'bulk-results' }, run.lines.map((l) =>
        h('li', { 'data-status': l.status, 'data-subject': l.subjectReference || '' }, (LINE[l.status] || (() => l.file))(l)))));
  };
  if (runs.has(d.id)) draw(runs.get(d.id));

  const submit = async (e) => {
    e.preventDefault();
    const zipFile = zipInput.files[0];
    const folder = [...folderInput.files];
    if (!zipFile && !folder.length) {
      errors.show([{ field: 'zip', message: 'choose a zip of photos, or a folder' }]);
      return;
    }
    start.disabled = true;
    const run = { max: 0, done: 0, lines: [], final: null };
    runs.set(d.id, run);
    try {
      let body;
      if (zipFile) {
        body = zipFile;
        run.max = await countPhotos(zipFile).catch(() => 0);
      } else {
        ({ body, count: run.max } = await zipFolder(folder));
        if (!run.max) throw Object.assign(new Error('x'), { problems: [{ fieldErrors: [{ field: 'folder',
          message: 'the folder holds no JPEG or PNG photo' }] }] });
      }
      errors.clear();
      draw(run);
      await streamLines(`/api/deployments/${d.id}/watchlist/images`, body, 'application/zip', (line) => {
        if (line.status === 'FINISHED') {
          const enrolled = run.lines.filter((l) => l.status === 'ENROLLED').length;
          run.final = `Finished: ${enrolled} of ${run.lines.length} photos enrolled.`;
          run.max = Math.max(run.done, run.lines.length); // the bar ends full even if the count before differed
        } else if (line.status === 'STOPPED') {
          run.final = `Stopped after ${run.done} photos: ${line.reason}. The photos before it stay enrolled.`;
        } else {
          run.lines.push(line);
          run.done = line.done;
          run.max = Math.max(run.max, run.done);
        }
        draw(run);
      });
      await ctx.reload(); // the entries now show their photos; the panel is drawn again from `runs`
    } catch (err) {
      if (run.lines.length) {
        // cut off part-way (the network, the service): what was done stays done, and the page says so
        run.final = `Interrupted after ${run.done} photos (${err.message}). The photos listed as enrolled stay`
          + ' enrolled; upload the rest again.';
        draw(run);
      } else {
        runs.delete(d.id);
        replace(panel);
        errors.fromApi(err);
      }
    } finally {
      start.disabled = false;
    }
  };
  return h('form', { id: 'bulk-form', novalidate: true, onsubmit: submit },
    h('h3', { class: 'govuk-heading-s' }, 'Enrol many photos at once'), problems, groups, start, panel);
}
