import type { Widen } from '../nl';
import type { assessmentsNl } from './assessments.nl';

/** English messages of the assessments screens; typed against the Dutch ones. */
export const assessmentsEn: Widen<typeof assessmentsNl> = {
  title: 'Assessments',
  intro:
    'Ask beforehand whether something is allowed. The legal gate decides here exactly as for every real use of data. Nothing is stored except who asked and the outcome.',
  tabs: { form: 'Questionnaire', json: 'Facts document (JSON)' },
  form: {
    legend: 'What do you want to do?',
    who: 'About whom?',
    whoOptions: {
      member: 'Member',
      former_member: 'Former member',
      regular_contact: 'Regular contact (regular contact about the party)',
      consent: 'Non-member with explicit consent',
      none: 'Non-member without consent',
    },
    age: 'Age',
    ageOptions: { adult: '18 or older', '16-17': '16 or 17', '<16': 'Under 16' },
    what: 'What?',
    whatOptions: {
      message: 'Send a message',
      export: 'Export a file of data',
      custom_audience: 'A custom audience (upload a list to an ad platform)',
      lookalike: 'A lookalike audience (let the platform find similar people)',
      political_ad: 'Show a targeted political ad',
      tracking: 'Use a tracking pixel, cookie or conversion API',
    },
    channel: 'Channel',
    channelOptions: { EMAIL: 'E-mail', SMS: 'SMS', WHATSAPP: 'WhatsApp', PHONE: 'Phone', POST: 'Post' },
    toWhom: 'Where do the data go?',
    toWhomOptions: {
      inside: 'Stays inside the party',
      processor: 'Processor with a processing agreement (e.g. printer, mail provider)',
      platform: 'Ad platform or social network',
    },
    insideNotPossible: 'An export, custom audience or lookalike always sends data to a recipient.',
    extras: 'What is already in place?',
    adConsent: 'Separate explicit consent for political advertising (TTPA art 18)',
    art26: 'Joint-controller arrangement with the platform (art 26)',
    dpia: 'Approved DPIA',
    submit: 'Assess',
    editAsJson: 'Edit as facts document',
  },
  json: {
    label: 'Facts document (JSON)',
    description: 'Paste a facts document or load a file. See docs/assessments.md for every field.',
    upload: 'Load file',
    submit: 'Assess document',
    notJson: (problem: string) => `This is not valid JSON: ${problem}`,
    empty: 'Paste a facts document first.',
  },
  result: {
    title: 'Outcome',
    allowed: 'Allowed',
    refused: 'Not allowed',
    basis: 'Basis (GDPR art 9)',
    noBasis: 'none',
    bases: {
      '9(2)(a)': 'explicit consent (art 9(2)(a))',
      '9(2)(d)': 'members and regular contacts of the party (art 9(2)(d))',
      '9(2)(e)': 'made public by the person (art 9(2)(e))',
    },
    specialCategory: 'Special-category data',
    yes: 'yes',
    no: 'no',
    reasons: 'Reasons',
    productRefusals: 'Product refusals',
    obligations: 'Obligations',
    none: 'None.',
  },
  problems: {
    invalid: 'The document is invalid. These fields are wrong:',
    contradictory: 'The document contradicts itself; no decision was made:',
  },
};
