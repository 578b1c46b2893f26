/*
 * OneStop's settings shared by every Camunda webapp (Tasklist, Cockpit, Admin, Welcome).
 * Each app's scripts/config.js imports this module (the webapps load config.js with import()),
 * so the locale and date rules have one copy.
 */
export default {
  // Vietnamese first and as the fallback: the webapps compare the browser's first preferred language
  // (navigator.languages[0], "vi-VN" -> "vi") with availableLocales and use fallbackLocale when it is
  // not listed, so an en-US browser also gets Vietnamese; English stays available for "en" browsers.
  locales: {
    availableLocales: ['vi', 'en'],
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
