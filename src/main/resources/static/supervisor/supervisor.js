// Supervisor view over /api/reports (issues 6, 15.4-15.5) inside Cockpit: the Cockpit session (one login), the KPIs
// against the plan's targets drawn with Chart.js (served from the chart.js webjar, no CDN), the late dossiers and who
// holds them, and the compliance lists. Everything shown is Vietnamese; dates are Vietnam time.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const P = OneStopPage;
  const COUNTS = { received: 'Tiếp nhận', resolved: 'Đã giải quyết', inProgress: 'Đang giải quyết', overdue: 'Quá hạn',
    late: 'Trễ hạn', withdrawn: 'Rút hồ sơ' };
  const STATUS = { MET: 'Đạt', NOT_MET: 'Chưa đạt', NO_DATA: 'Chưa có dữ liệu', NO_TARGET: 'Không có chỉ tiêu' };
  let chart = null;

  function show(err) { OneStopStaff.showError($('error'), err); }

  function query() {
    const p = new URLSearchParams();
    if ($('agency').value) p.set('agency', $('agency').value);
    if ($('period').value) p.set('period', $('period').value.trim());
    else if ($('from').value && $('to').value) { p.set('from', P.isoDate($('from').value)); p.set('to', P.isoDate($('to').value)); }
    else p.set('period', String(new Date().getFullYear()));
    p.set('groupBy', $('groupBy').value);
    if ($('channel').value) p.set('channel', $('channel').value);
    return p.toString();
  }

  async function download(path, name) {
    try { await OneStopStaff.download(path, name); } catch (e) { show(e); }
  }

  const unit = (k) => (k.unit === 'PERCENT' ? ' %' : ' ngày LV');

  function drawChart(kpis) {
    const rows = kpis.filter((k) => k.unit === 'PERCENT');
    const data = {
      labels: rows.map((k) => k.name),
      datasets: [
        { label: 'Kết quả (%)', data: rows.map((k) => k.value),
          backgroundColor: rows.map((k) => (k.status === 'NOT_MET' ? '#d9534f' : k.status === 'MET' ? '#5cb85c' : '#5b8def')) },
        { label: 'Chỉ tiêu (%)', data: rows.map((k) => k.target), backgroundColor: '#bbbbbb' }
      ]
    };
    if (chart) chart.destroy();
    chart = new Chart($('chart'), {
      type: 'bar',
      data: data,
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { min: 0, max: 100, title: { display: true, text: 'Tỷ lệ (%)' } } },
        plugins: { legend: { position: 'bottom' } } }
    });
    $('chart').parentElement.style.height = (rows.length * 34 + 80) + 'px';
  }

  function figures(kpis) {
    P.table($('figures'), [['name', 'Chỉ số'], [(k) => (k.value == null ? null : P.number(k.value) + unit(k)), 'Kết quả', 'num'],
      [(k) => (k.target == null ? null : P.number(k.target) + unit(k)), 'Chỉ tiêu', 'num'],
      [(k) => STATUS[k.status], 'Đánh giá']], kpis);
  }

  function rowsTable(report) {
    const t = $('rows');
    t.innerHTML = '';
    const head = document.createElement('tr');
    head.appendChild(P.text('th', 'Nhóm'));
    Object.values(COUNTS).forEach((c) => head.appendChild(P.text('th', c)));
    report.total.kpis.forEach((k) => head.appendChild(P.text('th', k.name)));
    t.appendChild(head);
    [report.total].concat(report.rows).forEach((row) => {
      const tr = document.createElement('tr');
      tr.appendChild(P.text('td', P.period(row.label)));
      Object.keys(COUNTS).forEach((c) => tr.appendChild(P.text('td', row.counts[c])));
      row.kpis.forEach((k) => {
        const td = P.text('td', P.number(k.value), k.status);
        td.title = STATUS[k.status];
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
  }

  async function run() {
    show();
    try {
      const r = await OneStopStaff.get('/api/reports/kpis?' + query());
      $('title').textContent = r.total.label + ' – ' + P.period(r.period) + ' (chỉ tiêu năm ' + r.targetYear + ')';
      $('counts').innerHTML = '';
      Object.entries(COUNTS).forEach(([k, label]) => {
        const d = document.createElement('div');
        d.appendChild(P.text('b', r.total.counts[k]));
        d.appendChild(P.text('span', label));
        $('counts').appendChild(d);
      });
      $('report').hidden = false;
      drawChart(r.total.kpis);
      figures(r.total.kpis);
      rowsTable(r);
    } catch (e) { show(e); }
  }

  async function holders() {
    show();
    try {
      const p = new URLSearchParams();
      if ($('agency').value) p.set('agency', $('agency').value);
      p.set('late', $('lateOnly').checked ? 'true' : 'false');
      const l = await OneStopStaff.get('/api/reports/open-tasks?' + p);
      const dossiers = new Set(l.entries.map((e) => e.code)).size;
      $('holdersTotal').textContent = l.total + ' hồ sơ' + (l.total > dossiers ? ' (hiển thị ' + dossiers + ')' : '')
        + ', tính đến ' + P.when(l.asOf);
      P.table($('holderRows'), [['code', 'Mã hồ sơ'], ['procedureName', 'Thủ tục'], ['agencyName', 'Cơ quan chịu trách nhiệm'],
        [(e) => P.when(e.dueAt), 'Hẹn trả'], [(e) => P.number(e.workingDaysLate), 'Quá hạn (ngày LV)', 'num'],
        [(e) => e.taskName || 'Không có việc đang mở (chờ bổ sung hoặc hạn chờ)', 'Việc đang chờ'],
        ['holder', 'Người hoặc nhóm đang giữ'], [(e) => P.when(e.taskSince), 'Giữ từ']], l.entries);
    } catch (e) { show(e); }
  }

  function listQuery() {
    const p = new URLSearchParams();
    if ($('agency').value) p.set('agency', $('agency').value);
    p.set('days', $('days').value || '3');
    return p.toString();
  }

  async function find() {
    show();
    try {
      const l = await OneStopStaff.get('/api/reports/compliance/' + $('list').value + '?' + listQuery());
      $('listTotal').textContent = l.total + ' hồ sơ' + (l.total > l.entries.length ? ' (hiển thị ' + l.entries.length + ')' : '');
      P.table($('entries'), [['code', 'Mã hồ sơ'], ['agencyName', 'Cơ quan chịu trách nhiệm'], ['procedureName', 'Thủ tục'],
        [(e) => P.when(e.receivedAt), 'Tiếp nhận'], [(e) => P.when(e.dueAt), 'Hẹn trả'],
        [(e) => P.when(e.finishedAt), 'Hoàn thành'], [(e) => P.number(e.workingDaysLeft), 'Còn (ngày LV)', 'num']], l.entries);
    } catch (e) { show(e); }
  }

  async function start() {
    try {
      $('who').textContent = (await OneStopStaff.me()).name;
      await P.agencies($('agency'));
      $('filters').hidden = false;
      $('holders').hidden = false;
      $('compliance').hidden = false;
      run();
      holders();
    } catch (e) { show(e); }
  }

  $('run').addEventListener('click', run);
  $('findHolders').addEventListener('click', holders);
  $('find').addEventListener('click', find);
  $('csv').addEventListener('click', () => download('/api/reports/kpis.csv?' + query(), 'bao-cao-kpi.csv'));
  $('xlsx').addEventListener('click', () => download('/api/reports/kpis.xlsx?' + query(), 'bao-cao-kpi.xlsx'));
  $('listCsv').addEventListener('click', () => download('/api/reports/compliance/' + $('list').value + '.csv?' + listQuery(), 'danh-sach.csv'));
  $('listXlsx').addEventListener('click', () => download('/api/reports/compliance/' + $('list').value + '.xlsx?' + listQuery(), 'danh-sach.xlsx'));
  start();
})();
