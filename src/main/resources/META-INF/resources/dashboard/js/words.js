// What the API's codes mean, in the words an officer or supervisor reads. The code itself is only shown as a small
// label for support, never as the message.
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

export const CATEGORIES = { WANTED_BY_COURT: 'Wanted by the courts',
  WANTED_SERIOUS_OR_VIOLENT_OFFENCE: 'Wanted: serious or violent offence', SUSPECT: 'Suspect',
  MISSING_PERSON: 'Missing person', VULNERABLE_PERSON: 'Vulnerable person', RISK_TO_SELF_OR_OTHERS: 'Risk to self or others' };
