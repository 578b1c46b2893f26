// The Decision 766/QĐ-TTg index in Cockpit (issue 20.2): a chart of the groups, a chart per group of its components,
// the trend by month (Chart.js from the chart.js webjar), and each figure linked to the dossiers that pull it down
// (GET /api/index-766/dossiers). The Cockpit session (one login); everything shown is Vietnamese.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const P = OneStopPage;
  const charts = [];
  let agencyNames = {};
  let current = null;

  function show(err) { OneStopStaff.showError($('error'), err); }

  function query() {
    const p = new URLSearchParams();
    if ($('agency').value) p.set('agency', $('agency').value);
    p.set('period', $('period').value.trim() || String(new Date().getFullYear()));
    return p;
  }

  function bar(canvas, labels, datasets, max, horizontal) {
    const c = new Chart(canvas, { type: 'bar', data: { labels: labels, datasets: datasets },
      options: { indexAxis: horizontal ? 'y' : 'x', responsive: true, maintainAspectRatio: false, animation: false,
        scales: { [horizontal ? 'x' : 'y']: { min: 0, max: max } }, plugins: { legend: { position: 'bottom' } } } });
    charts.push(c);
    return c;
  }

  function groupsChart(index) {
    bar($('groupsChart'), index.groups.map((g) => g.name), [
      { label: 'Điểm đạt', data: index.groups.map((g) => Number(g.score)), backgroundColor: '#2f7ed8' },
      { label: 'Điểm tối đa (phần có dữ liệu)', data: index.groups.map((g) => Number(g.maxWithData)), backgroundColor: '#c8d6e5' },
      { label: 'Điểm tối đa của nhóm', data: index.groups.map((g) => Number(g.max)), backgroundColor: '#eeeeee' }
    ], 25, false);
  }

  function dossierLink(component) {
    if (!component.failing) return component.failing === 0 ? 'Không có' : null;
    const a = document.createElement('a');
    a.className = 'dossiers';
    a.href = '#';
    a.textContent = component.failing + ' hồ sơ';
    a.title = 'Xem các hồ sơ làm giảm điểm: ' + component.name;
    a.addEventListener('click', (ev) => { ev.preventDefault(); shortfall(component); });
    return a;
  }

  function groupCharts(index) {
    const box = $('groups');
    box.innerHTML = '';
    index.groups.forEach((g, i) => {
      const fig = document.createElement('figure');
      fig.appendChild(P.text('figcaption', g.name + ': ' + P.number(g.score) + '/' + P.number(g.max) + ' điểm'));
      const wrap = document.createElement('div');
      wrap.className = 'chart';
      const canvas = document.createElement('canvas');
      canvas.id = 'group-' + i;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', 'Biểu đồ nhóm ' + g.name);
      wrap.appendChild(canvas);
      fig.appendChild(wrap);
      const t = document.createElement('table');
      P.table(t, [['name', 'Thành phần'], [(c) => (c.rate == null ? 'Chưa có dữ liệu' : P.number(c.rate) + ' %'), 'Tỷ lệ', 'num'],
        [(c) => P.number(c.threshold) + ' %', 'Ngưỡng', 'num'],
        [(c) => (c.score == null ? '–' : P.number(c.score) + '/' + P.number(c.max)), 'Điểm', 'num'],
        [dossierLink, 'Hồ sơ làm giảm điểm']], g.components);
      // the table stays inside its figure (long component names wrap, the rest scrolls): it ran under the next
      // group's figure, whose chart then covered the links of the dossiers behind a figure
      const scroll = document.createElement('div');
      scroll.className = 'scroll';
      scroll.appendChild(t);
      fig.appendChild(scroll);
      box.appendChild(fig);
      bar(canvas, g.components.map((c) => c.name.length > 40 ? c.name.slice(0, 38) + '…' : c.name), [
        { label: 'Tỷ lệ đạt (%)', data: g.components.map((c) => (c.rate == null ? null : Number(c.rate))), backgroundColor: '#2f7ed8' },
        { label: 'Ngưỡng (%)', data: g.components.map((c) => Number(c.threshold)), backgroundColor: '#cccccc' }
      ], 100, true);
    });
  }

  async function trend() {
    const months = await OneStopStaff.get('/api/index-766/trend?' + query());
    const labels = months.map((m) => P.period(m.period));
    const datasets = [{ label: 'Tổng điểm', data: months.map((m) => Number(m.total)), borderColor: '#000', backgroundColor: '#000' }];
    const colours = ['#2f7ed8', '#8bbc21', '#f28f43', '#910000', '#1aadce'];
    (months[0] ? months[0].groups : []).forEach((g, i) => datasets.push({ label: g.name,
      data: months.map((m) => Number(m.groups[i].score)), borderColor: colours[i % 5], backgroundColor: colours[i % 5] }));
    charts.push(new Chart($('trendChart'), { type: 'line', data: { labels: labels, datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: 100 } },
        plugins: { legend: { position: 'bottom' } } } }));
    P.table($('trendRows'), [[(m) => P.period(m.period), 'Tháng'], [(m) => P.number(m.total), 'Tổng điểm', 'num'],
      [(m) => P.number(m.maxWithData), 'Điểm tối đa có dữ liệu', 'num']], months);
  }

  /** Late: flagged by the register, or still in handling past its appointment at the index's time. */
  function late(d) {
    return d.late || (!d.finishedAt && d.dueAt && new Date(d.dueAt) < new Date(current.asOf));
  }

  async function shortfall(component) {
    show();
    try {
      const p = query();
      p.set('component', component.id);
      const rows = await OneStopStaff.get('/api/index-766/dossiers?' + p);
      $('shortfallTitle').textContent = 'Hồ sơ làm giảm điểm: ' + component.name + ' (' + rows.length + ' hồ sơ)';
      P.table($('shortfallRows'), [['code', 'Mã hồ sơ'],
        [(d) => agencyNames[d.responsibleAgencyId] || 'Cơ quan ngoài phạm vi', 'Cơ quan chịu trách nhiệm'],
        [(d) => P.when(d.receivedAt), 'Tiếp nhận'], [(d) => P.when(d.dueAt), 'Hẹn trả'],
        [(d) => P.when(d.finishedAt) || 'Đang giải quyết', 'Hoàn thành'], [(d) => (late(d) ? 'Có' : 'Không'), 'Trễ hạn'],
        [(d) => d.supplementCount, 'Số lần yêu cầu bổ sung', 'num']], rows);
      $('shortfall').hidden = false;
      $('shortfall').scrollIntoView();
    } catch (e) { show(e); }
  }

  async function run() {
    show();
    try {
      charts.splice(0).forEach((c) => c.destroy());
      current = await OneStopStaff.get('/api/index-766?' + query());
      $('title').textContent = (current.agencyName || 'Toàn tỉnh') + ' – ' + P.period(current.period);
      $('total').textContent = 'Tổng điểm: ' + P.number(current.total) + ' trên ' + P.number(current.maxWithData)
        + ' điểm của các chỉ số có dữ liệu (tối đa 100), tính đến ' + P.when(current.asOf);
      $('source').textContent = 'Theo ' + current.source + '. Trọng số thành phần chưa xác minh được đánh dấu trong tệp xuất.';
      $('index').hidden = false;
      $('shortfall').hidden = true;
      groupsChart(current);
      groupCharts(current);
      await trend();
    } catch (e) { show(e); }
  }

  async function download(ext) {
    try { await OneStopStaff.download('/api/index-766/export.' + ext + '?' + query(), 'chi-so-766.' + ext); } catch (e) { show(e); }
  }

  async function start() {
    try {
      $('who').textContent = (await OneStopStaff.me()).name;
      agencyNames = await P.agencies($('agency'));
      $('filters').hidden = false;
      run();
    } catch (e) { show(e); }
  }

  $('run').addEventListener('click', run);
  $('csv').addEventListener('click', () => download('csv'));
  $('xlsx').addEventListener('click', () => download('xlsx'));
  start();
})();
