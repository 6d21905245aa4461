// The API's stable names (categories, refusal reasons, channels, decisions, error codes) in the words people read.

export const CATEGORY = { WANTED_BY_COURT: 'Wanted by the courts', WANTED_SERIOUS_OR_VIOLENT_OFFENCE:
  'Wanted: serious or violent offence', SUSPECT: 'Suspect', MISSING_PERSON: 'Missing person',
VULNERABLE_PERSON: 'Vulnerable person', RISK_TO_SELF_OR_OTHERS: 'Risk to self or others' };

export const CHANNEL = { WEB_PAGE: 'Web page', SOCIAL_MEDIA: 'Social media', LEAFLET: 'Leaflets',
  LOCAL_MEETING: 'Local meeting', COUNCILLOR_BRIEFING: 'Councillor briefing' };

/** Why an enrolment photo was refused (EnrolmentRejection), as a sentence that says what to do. */
export const ENROLMENT_REASON = {
  NO_FACE: 'No face was found in the photo. Choose a photo in which the person\'s face is clearly visible.',
  MULTIPLE_FACES: 'The photo shows more than one face. Choose a photo of this person alone, or crop it to their face.',
  FACE_TOO_SMALL: 'The face is too small in the photo. Choose a closer or larger photo of the face.',
  TOO_BLURRY: 'The face is too blurred to be matched reliably. Choose a sharper photo.',
  UNSUPPORTED_FORMAT: 'The file is not a JPEG or PNG photo.',
  TOO_LARGE: 'The file is too large. Choose a smaller photo.',
  TOO_MANY_PIXELS: 'The photo has too many pixels. Reduce its size and try again.',
};

/** Why a camera's stream address was refused (CameraUrlRefusal). */
export const URL_REASON = {
  MALFORMED: 'The stream address is not a valid URL. Check it, for example rtsp://camera.example/stream1.',
  SCHEME_NOT_ALLOWED: 'The service does not open this kind of address (its scheme is not on the allowed list).',
  HOST_NOT_ALLOWED: 'The camera\'s host is not one the service may connect to. Ask the system administrator to allow it.',
  LOOPBACK: 'The address points at the service\'s own machine, which a camera may not use.',
  LINK_LOCAL: 'The address is a link-local network address, which a camera may not use.',
  SERVICE_DEPENDENCY: 'The address points at one of the service\'s own systems (database or identity provider), not a camera.',
};

/** A refusal in words: the sentence for its reason when there is one, else the API's own message. */
export function inWords(problem, reasons = {}) {
  return (problem.reason && reasons[problem.reason]) || problem.message;
}

/** Bean Validation's default messages, as a sentence ends after a field's name ("Purpose: is needed"). */
export function fieldMessage(message) {
  const m = String(message || '');
  if (/^must not be (blank|null|empty)$/.test(m)) return 'is needed';
  const size = m.match(/^size must be between (\d+) and (\d+)$/);
  if (size) return size[1] === '0' ? `must be at most ${size[2]} characters` : `must be ${size[1]} to ${size[2]} characters long`;
  return m;
}

// What the API's error codes mean, in the words an officer or supervisor reads. The code itself is only shown as a
// small label for support, never as the message.
export const ERROR_WORDS = {
  forbidden: 'You are not allowed to do this. Only the people the deployment names (its assigned officers, or a'
    + ' supervisor for supervisory decisions) may; ask a supervisor if you should be.',
  conflict: 'Someone else changed this first. The page now shows what they decided.',
  'not-found': 'This no longer exists (it may have been purged or deleted).',
  'invalid-input': 'Some of what was entered cannot be accepted.',
  'gate-not-met': 'The start gate does not hold yet: see the checklist for what is still needed.',
  'too-many-requests': 'Too many requests at once: wait a moment and try again.',
  unauthenticated: 'Your sign-in has ended: sign in again to go on.',
};

export const DECISIONS = { CONFIRMED_MATCH: 'Confirmed match', FALSE_ALERT: 'False alert', NOT_ENGAGED: 'Not engaged' };

export const OUTCOMES = { ARREST: 'Arrest', ADVICE: 'Words of advice', NO_FURTHER_ACTION: 'No further action', OTHER: 'Other' };
