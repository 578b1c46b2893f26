/*
 * OneStop's settings shared by every Camunda webapp (Tasklist, Cockpit, Admin, Welcome).
 * Each app's scripts/config.js imports this module (the webapps load config.js with import()),
 * so the locale and date rules have one copy.
 */
export default {
  // Vietnamese only, and as the fallback: the webapps take the browser's first preferred language
  // (navigator.languages[0], "en-US" -> "en") when it is listed in availableLocales and fallbackLocale otherwise,
  // so with "en" listed an en-US browser got English (issue 15). Camunda's English files stay on the server.
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  },
  // moment.js formats; Vietnamese administration writes dates day first (dd/MM/yyyy).
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  }
};
