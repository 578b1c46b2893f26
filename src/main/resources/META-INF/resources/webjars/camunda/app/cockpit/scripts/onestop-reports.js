/*
 * OneStop supervisors' pages inside Cockpit (issues 6, 15, 20): "Báo cáo KPI" (the KPIs against the plan, the late
 * dossiers and who holds them) and "Chỉ số 766" (the Decision 766/QĐ-TTg index with its charts) in Cockpit's top
 * navigation, each a route that shows OneStop's page (served from /supervisor/) so supervisors stay in Cockpit.
 * The pages use the Cockpit login (same session cookie, no second login form, no stored password).
 * Activated by the cockpit config.js:  customScripts: ['scripts/onestop-reports.js']
 * Cockpit 7.14+ frontend plugin API (ES module exporting plugin definitions).
 */
const PAGES = [
  { id: 'reports', route: '/onestop-reports', label: 'Báo cáo KPI', page: '/supervisor/index.html', priority: -100 },
  { id: 'index766', route: '/onestop-index-766', label: 'Chỉ số 766', page: '/supervisor/index-766.html', priority: -101 }
];

export default PAGES.flatMap((p) => [
  {
    id: 'onestop.' + p.id + '.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: p.priority,
    properties: {
      pagePath: '#' + p.route,
      checkActive: (path) => path.indexOf('#' + p.route) > -1
    },
    render: (node) => {
      node.innerHTML = '<a href="#' + p.route + '">' + p.label + '</a>';
    }
  },
  {
    id: 'onestop.' + p.id + '.route',
    pluginPoint: 'cockpit.route',
    properties: {
      path: p.route,
      label: p.label
    },
    render: (node) => {
      node.innerHTML = '<iframe title="' + p.label + '" src="' + window.location.origin + p.page + '" '
        + 'style="border:0;width:100%;height:calc(100vh - 120px)"></iframe>';
    }
  }
]);
