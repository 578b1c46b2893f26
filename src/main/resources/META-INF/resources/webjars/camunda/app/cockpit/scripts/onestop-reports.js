/*
 * OneStop supervisors' KPI report inside Cockpit (issue 6): a "Báo cáo KPI" entry in Cockpit's top
 * navigation and a route that shows the supervisor view (/supervisor/, served by OneStop) so
 * supervisors stay in Cockpit. Activated by the cockpit config.js:
 *   customScripts: ['scripts/onestop-reports.js']
 * Cockpit 7.14+ frontend plugin API (ES module exporting plugin definitions).
 */
const ROUTE = '/onestop-reports';

export default [
  {
    id: 'onestop.reports.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: -100,
    properties: {
      pagePath: '#' + ROUTE,
      checkActive: (path) => path.indexOf('#' + ROUTE) > -1
    },
    render: (node) => {
      node.innerHTML = '<a href="#' + ROUTE + '">Báo cáo KPI</a>';
    }
  },
  {
    id: 'onestop.reports.route',
    pluginPoint: 'cockpit.route',
    properties: {
      path: ROUTE,
      label: 'Báo cáo KPI'
    },
    render: (node) => {
      node.innerHTML = '<iframe title="Báo cáo KPI" src="' + window.location.origin + '/supervisor/index.html" '
        + 'style="border:0;width:100%;height:calc(100vh - 120px)"></iframe>';
    }
  }
];
