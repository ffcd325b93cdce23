/**
 * Names the classifier treats as necessary (Tw art 11.7a(3) exemptions, R-68): the visitor's consent
 * choice itself, the chosen language, and the usual session and security cookies of web frameworks and
 * CDNs. Matched case-insensitively; `*` is a wildcard. Vendor data is checked first, so a tracker cookie
 * never becomes necessary by resembling one of these.
 */

/** Consent-choice cookies and storage keys of common consent banners. */
export const CONSENT_NAMES = [
  'CookieConsent',
  'CookieConsentBulkSetting-*',
  'cookieyes-consent',
  'cky-consent',
  'cookielawinfo-checkbox-*',
  'viewed_cookie_policy',
  'OptanonConsent',
  'OptanonAlertBoxClosed',
  'cc_cookie',
  'cc_cookie_*',
  'cmplz_*',
  'complianz_*',
  'borlabs-cookie',
  'moove_gdpr_popup',
  'uc_settings',
  'uc_user_interaction',
  'ucData',
  'didomi_token',
  'euconsent',
  'euconsent-v2',
  'eupubconsent-v2',
  'addtl_consent',
  'klaro',
  'cookie_consent',
  'cookie-consent',
  'cookie_consent_*',
  'cookieconsent_status',
  'cookieconsent_dismissed',
  'cookies_accepted',
  'cookies-accepted',
  'cookie_notice_accepted',
  'gdpr_consent',
  'consent',
  'consent_*',
  'consentUUID',
  'CookieScriptConsent',
  'cookiehub',
  'cookiefirst-consent',
  'axeptio_*',
  'iub_cs-*',
  'termly-*',
  'osano_consentmanager*',
  'tarteaucitron',
  'wpl_user_preference',
  'nb_cookie_consent',
] as const;

/** Language and locale choice. */
export const LANGUAGE_NAMES = [
  'lang',
  'taal',
  'language',
  'lng',
  'site_lang',
  'user_lang',
  'preferred_language',
  'locale',
  'NEXT_LOCALE',
  'i18next',
  'i18n_redirected',
  'pll_language',
  'wp-wpml_current_language',
  '_icl_current_language',
  'django_language',
  'culture',
  '.AspNetCore.Culture',
] as const;

/** Session, CSRF, load-balancer and bot-protection cookies of common frameworks and CDNs. */
export const FUNCTIONAL_NAMES = [
  'PHPSESSID',
  'JSESSIONID',
  'ASP.NET_SessionId',
  'ASPSESSIONID*',
  '.AspNetCore.Session',
  '.AspNetCore.Antiforgery.*',
  '__RequestVerificationToken',
  'connect.sid',
  'sessionid',
  'session',
  'laravel_session',
  'XSRF-TOKEN',
  'csrftoken',
  'csrf_token',
  '_csrf',
  '__Host-*',
  'wordpress_test_cookie',
  'wp-settings-*',
  'wordpress_logged_in_*',
  'wordpress_sec_*',
  'SERVERID',
  'AWSALB',
  'AWSALBCORS',
  'AWSALBTG',
  'AWSALBTGCORS',
  'BIGipServer*',
  'TS01*',
  '__cf_bm',
  'cf_clearance',
  '__cfruid',
  '_cfuvid',
  'incap_ses_*',
  'visid_incap_*',
  'nlbi_*',
  'ak_bmsc',
  'bm_sv',
  'bm_sz',
  '_abck',
] as const;

function globs(names: readonly string[]): RegExp[] {
  return names.map(
    (n) =>
      new RegExp(
        `^${n
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
        'i',
      ),
  );
}

const CONSENT = globs(CONSENT_NAMES);
const LANGUAGE = globs(LANGUAGE_NAMES);
const FUNCTIONAL = globs(FUNCTIONAL_NAMES);

export type NecessaryKind = 'consent' | 'language' | 'functional';

/** Which necessary kind a cookie name or storage key is, if any. */
export function necessaryKind(name: string): NecessaryKind | null {
  if (CONSENT.some((r) => r.test(name))) return 'consent';
  if (LANGUAGE.some((r) => r.test(name))) return 'language';
  if (FUNCTIONAL.some((r) => r.test(name))) return 'functional';
  return null;
}
