// OneStop: Cockpit's config.js (replaces Camunda's shipped example). Locale and date settings are shared by
// every webapp in ../../onestop/settings.js.
import onestop from '../../onestop/settings.js';

export default {
  ...onestop,
  // OneStop's KPI report as a Cockpit page ("Báo cáo KPI"), see scripts/onestop-reports.js
  customScripts: ['scripts/onestop-reports.js']
};
