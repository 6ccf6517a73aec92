/*
 * The language of the Camunda webapps (welcome page, Tasklist, Cockpit, Admin), read by each app's
 * scripts/config.js. The webapps take the primary subtag of the browser's first language ("zh" for zh-CN)
 * when it is in availableLocales, else fallbackLocale; they have no language menu of their own. A user
 * may override the browser in this browser on the welcome page (welcome/custom/language-choice.js).
 *
 * Each app is offered exactly one locale file: with a fallback file besides, the webapps load both, and
 * whichever arrives last sets the language of all dates (moment), so a Chinese Tasklist showed
 * "3 years ago" now and then. zh.json has every key of Camunda's en.json (WebappTranslationsTest).
 */
export const LOCALE_STORAGE_KEY = 'proposal-desk.locale';
export const LOCALES = ['zh', 'en'];
const DEFAULT_LOCALE = 'en';

/** The language chosen on the welcome page, or null to follow the browser. */
export function chosenLocale() {
  try {
    const chosen = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return LOCALES.includes(chosen) ? chosen : null;
  } catch (e) {
    return null; // storage blocked: follow the browser
  }
}

export function chooseLocale(locale) {
  if (LOCALES.includes(locale)) {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } else {
    window.localStorage.removeItem(LOCALE_STORAGE_KEY);
  }
}

/** The browser's first language, as the webapps match it, when we have it. */
export function browserLocale() {
  const navigator = window.navigator;
  const first = (Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '';
  const language = first.split('-')[0].toLowerCase();
  return LOCALES.includes(language) ? language : null;
}

export function currentLocale() {
  return chosenLocale() || browserLocale() || DEFAULT_LOCALE;
}

const NAMES = {
  zh: { vendor: '提案办理台', welcome: '欢迎页', tasklist: '任务列表', cockpit: '驾驶舱', admin: '管理台' },
  en: { vendor: 'Camunda', welcome: 'Welcome', tasklist: 'Tasklist', cockpit: 'Cockpit', admin: 'Admin' }
};

/** The `app` entry of a webapp's config.js: the name in its header and title, which the locale files do not hold. */
export function webappName(app) {
  const names = NAMES[currentLocale()];
  return { vendor: names.vendor, name: names[app] };
}

/** The `locales` entry of a webapp's config.js. */
export function webappLocales() {
  const locale = currentLocale();
  return { availableLocales: [locale], fallbackLocale: locale };
}
