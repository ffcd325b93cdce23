/**
 * The hosted consent form (and its embed variant), server-rendered and usable without JavaScript:
 * the controller named, the privacy notice, the person's details, and — in its own visually separated
 * block (R-15) — one UNTICKED checkbox per purpose with the exact text of its version (R-13, R-17). The
 * birth year supports the under-16 guardian flow (R-19). Errors come back as a summary linked to the
 * fields and a message next to each field; what was typed is kept (ticks included, never pre-ticked on
 * first render).
 */
import type { Locale } from '../../domain/codes.js';
import { type Html, html } from './html.js';
import { pageQuery, renderPage } from './layout.js';
import { messages } from './messages.js';

/** What the form page needs of the consent use case's PublicFormView. */
export interface FormView {
  slug: string;
  title: string;
  intro: string;
  controllerName: string;
  privacyNotice: { url: string | null; text: string | null };
  language: string;
  /** `label`: the express statement beside the box; `text`: the full text of the version (starts with it). */
  purposes: { purposeId: string; textVersionId: string; label: string; text: string }[];
  askBirthYear: boolean;
}

export const FORM_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'birthYear',
  'guardianName',
  'guardianEmail',
] as const;
export type FormField = (typeof FORM_FIELDS)[number] | 'purposes';

export interface FormValues {
  firstName: string;
  lastName: string;
  email: string;
  birthYear: string;
  guardianName: string;
  guardianEmail: string;
  purposeIds: string[];
}

export const EMPTY_VALUES: FormValues = {
  firstName: '',
  lastName: '',
  email: '',
  birthYear: '',
  guardianName: '',
  guardianEmail: '',
  purposeIds: [],
};

export interface FieldError {
  field: FormField;
  message: string;
}

const fieldId = (f: FormField) => (f === 'purposes' ? 'p-0' : `f-${f}`);

/** Text with line breaks as lines (the stored full text has one fact per line). */
function lines(text: string): Html[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => html`<span class="kk-line">${l}</span>`);
}

function paragraphs(text: string): Html[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);
}

export function renderFormPage(o: {
  view: FormView;
  locale: Locale;
  embed: boolean;
  token: string;
  values?: FormValues;
  errors?: FieldError[];
}): string {
  const m = messages(o.locale);
  const v = o.values ?? EMPTY_VALUES;
  const errors = o.errors ?? [];
  const errorOf = (f: FormField) => errors.find((e) => e.field === f)?.message ?? null;
  const contentLang = o.view.language !== o.locale ? html` lang="${o.view.language}"` : '';

  const field = (
    f: (typeof FORM_FIELDS)[number],
    label: string,
    opts: {
      type?: string;
      required?: boolean;
      hint?: string;
      autocomplete?: string;
      inputmode?: string;
      short?: boolean;
    },
  ) => {
    const id = fieldId(f);
    const err = errorOf(f);
    const describedBy = [opts.hint ? `${id}-hint` : null, err ? `${id}-error` : null]
      .filter(Boolean)
      .join(' ');
    return html`<div class="kk-field">
<label for="${id}">${label} <span class="kk-opt">${opts.required ? m.required : m.optional}</span></label>
${opts.hint ? html`<span class="kk-hint" id="${id}-hint">${opts.hint}</span>` : ''}
${err ? html`<span class="kk-error" id="${id}-error">${err}</span>` : ''}
<input type="${opts.type ?? 'text'}"${opts.short ? html` class="kk-short"` : ''} id="${id}" name="${f}" value="${v[f]}" maxlength="${f === 'email' || f === 'guardianEmail' ? 254 : 100}"${
      opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ''
    }${opts.inputmode ? html` inputmode="${opts.inputmode}"` : ''}${opts.required ? html` aria-required="true"` : ''}${
      describedBy ? html` aria-describedby="${describedBy}"` : ''
    }${err ? html` aria-invalid="true"` : ''}>
</div>`;
  };

  const purposesError = errorOf('purposes');
  const purposes = o.view.purposes.map((p, i) => {
    const id = `p-${i}`;
    // Only what this person ticked in this very submission comes back ticked; a first render never is.
    const checked = v.purposeIds.includes(p.purposeId);
    const describedBy = [`${id}-text`, purposesError ? 'purposes-error' : null].filter(Boolean).join(' ');
    const full = p.text.trim();
    const rest = full.startsWith(p.label.trim()) ? full.slice(p.label.trim().length) : full;
    return html`<div class="kk-purpose">
<input type="checkbox" id="${id}" name="purpose" value="${p.purposeId}"${checked ? html` checked` : ''} aria-describedby="${describedBy}"${
      purposesError ? html` aria-invalid="true"` : ''
    }>
<div${contentLang}>
<label for="${id}"><strong>${p.label}</strong></label>
<div class="kk-purpose-text" id="${id}-text">${lines(rest)}</div>
</div>
</div>`;
  });

  const notice = o.view.privacyNotice;
  const privacy = html`${notice.url ? html`<p><a href="${notice.url}" rel="noopener noreferrer">${m.form.privacyLink}</a></p>` : ''}${
    notice.text
      ? html`<details><summary>${m.form.privacyHeading}</summary><div${contentLang}>${paragraphs(notice.text)}</div></details>`
      : ''
  }`;

  const summary = errors.length
    ? html`<div class="kk-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary" autofocus>
<h2 id="error-summary-title">${m.form.errorSummary}</h2>
<p>${m.form.errorSummaryIntro}</p>
<ul>${errors.map((e) => html`<li><a href="#${fieldId(e.field)}">${e.message}</a></li>`)}</ul>
</div>`
    : '';

  const action = `/f/${encodeURIComponent(o.view.slug)}${pageQuery(o.locale, o.embed)}`;
  const body = html`${summary}
<h1${contentLang}>${o.view.title}</h1>
<div${contentLang}>${paragraphs(o.view.intro)}</div>
<p>${m.form.controller}: <strong>${o.view.controllerName}</strong></p>
${privacy}
<form method="post" action="${action}" novalidate>
<input type="hidden" name="formToken" value="${o.token}">
<fieldset>
<legend>${m.form.details}</legend>
${field('firstName', m.form.firstName, { required: true, autocomplete: 'given-name' })}
${field('lastName', m.form.lastName, { autocomplete: 'family-name' })}
${field('email', m.form.email, { type: 'email', required: true, autocomplete: 'email', hint: m.form.emailHint })}
${
  o.view.askBirthYear
    ? field('birthYear', m.form.birthYear, {
        inputmode: 'numeric',
        short: true,
        autocomplete: 'bday-year',
        hint: m.form.birthYearHint,
      })
    : ''
}
</fieldset>
${
  o.view.askBirthYear
    ? html`<fieldset>
<legend>${m.form.guardian}</legend>
<p class="kk-hint">${m.form.guardianHint}</p>
${field('guardianName', m.form.guardianName, {})}
${field('guardianEmail', m.form.guardianEmail, { type: 'email' })}
</fieldset>`
    : ''
}
<div class="kk-hp" aria-hidden="true">
<label for="f-website">${m.form.honeypot}</label>
<input type="text" id="f-website" name="website" value="" tabindex="-1" autocomplete="off">
</div>
<fieldset class="kk-consent">
<legend>${m.form.consent}</legend>
<p>${m.form.consentIntro}</p>
${purposesError ? html`<span class="kk-error" id="purposes-error">${purposesError}</span>` : ''}
${purposes}
</fieldset>
<p class="kk-note">${m.form.confirmNote}</p>
<button type="submit">${m.form.submit}</button>
</form>`;
  return renderPage({
    locale: o.locale,
    title: errors.length ? `${m.form.errorSummary}: ${o.view.title}` : o.view.title,
    path: `/f/${encodeURIComponent(o.view.slug)}`,
    embed: o.embed,
    owner: o.view.controllerName,
    body,
  });
}
