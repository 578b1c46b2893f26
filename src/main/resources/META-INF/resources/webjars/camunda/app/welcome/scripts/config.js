// OneStop: Welcome's config.js (replaces Camunda's shipped example). Locale and date settings are shared by
// every webapp in ../../onestop/settings.js.
import onestop from '../../onestop/settings.js';

export default {
  ...onestop
};
