// Supervisor view over /api/reports (issue 6). No library: fetch + hand-drawn SVG bars.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let auth = sessionStorage.getItem('onestop-auth');
  const COUNTS = { received: 'Tiếp nhận', resolved: 'Đã giải quyết', inProgress: 'Đang giải quyết', overdue: 'Quá hạn',
    late: 'Trễ hạn', withdrawn: 'Rút hồ sơ' };

  async function api(path, asBlob) {
    const r = await fetch(path, { headers: { Authorization: 'Basic ' + auth } });
    if (!r.ok) {
      let msg = r.status + '';
      try { msg += ': ' + (await r.json()).message; } catch (e) { /* not JSON */ }
      throw new Error(msg);
    }
    return asBlob ? r.blob() : r.json();
  }

  function show(err) { $('error').textContent = err ? err.message : ''; }

  function query() {
    const p = new URLSearchParams();
    if ($('agency').value) p.set('agency', $('agency').value);
    if ($('period').value) p.set('period', $('period').value);
    else if ($('from').value && $('to').value) { p.set('from', $('from').value); p.set('to', $('to').value); }
    else p.set('period', String(new Date().getFullYear()));
    p.set('groupBy', $('groupBy').value);
    if ($('channel').value) p.set('channel', $('channel').value);
    return p.toString();
  }

  async function download(path, name) {
    try {
      const blob = await api(path, true);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) { show(e); }
  }

  function text(tag, value, cls) {
    const el = document.createElement(tag);
    el.textContent = value == null ? '–' : value;
    if (cls) el.className = cls;
    return el;
  }

  function chart(kpis) {
    const svg = $('chart');
    const ns = 'http://www.w3.org/2000/svg';
    const rows = kpis.filter((k) => k.unit === 'PERCENT');
    const h = 22, left = 290, width = 420;
    svg.setAttribute('width', left + width + 80);
    svg.setAttribute('height', rows.length * h + 10);
    svg.innerHTML = '';
    rows.forEach((k, i) => {
      const y = i * h + 4;
      const label = document.createElementNS(ns, 'text');
      label.setAttribute('x', 0); label.setAttribute('y', y + 14); label.textContent = k.name;
      svg.appendChild(label);
      const bg = document.createElementNS(ns, 'rect');
      bg.setAttribute('x', left); bg.setAttribute('y', y); bg.setAttribute('width', width); bg.setAttribute('height', h - 6);
      bg.setAttribute('fill', '#eee'); svg.appendChild(bg);
      if (k.value != null) {
        const bar = document.createElementNS(ns, 'rect');
        bar.setAttribute('x', left); bar.setAttribute('y', y);
        bar.setAttribute('width', Math.max(0, Math.min(100, k.value)) * width / 100); bar.setAttribute('height', h - 6);
        bar.setAttribute('fill', k.status === 'NOT_MET' ? '#d9534f' : k.status === 'MET' ? '#5cb85c' : '#5b8def');
        svg.appendChild(bar);
      }
      if (k.target != null) {
        const t = document.createElementNS(ns, 'line');
        const x = left + Math.min(100, k.target) * width / 100;
        t.setAttribute('x1', x); t.setAttribute('x2', x); t.setAttribute('y1', y - 2); t.setAttribute('y2', y + h - 4);
        t.setAttribute('stroke', '#000'); t.setAttribute('stroke-width', 2); svg.appendChild(t);
      }
      const v = document.createElementNS(ns, 'text');
      v.setAttribute('x', left + width + 6); v.setAttribute('y', y + 14);
      v.textContent = (k.value == null ? '–' : k.value + ' %') + (k.target == null ? '' : ' / ' + k.target);
      svg.appendChild(v);
    });
  }

  function table(report) {
    const t = $('rows');
    t.innerHTML = '';
    const head = document.createElement('tr');
    head.appendChild(text('th', 'Nhóm'));
    Object.values(COUNTS).forEach((c) => head.appendChild(text('th', c)));
    report.total.kpis.forEach((k) => head.appendChild(text('th', k.name)));
    t.appendChild(head);
    [report.total].concat(report.rows).forEach((row) => {
      const tr = document.createElement('tr');
      tr.appendChild(text('td', row.label));
      Object.keys(COUNTS).forEach((c) => tr.appendChild(text('td', row.counts[c])));
      row.kpis.forEach((k) => tr.appendChild(text('td', k.value, k.status)));
      t.appendChild(tr);
    });
  }

  async function run() {
    show();
    try {
      const r = await api('/api/reports/kpis?' + query());
      $('title').textContent = r.total.label + ' – ' + r.period + ' (chỉ tiêu năm ' + r.targetYear + ')';
      $('counts').innerHTML = '';
      Object.entries(COUNTS).forEach(([k, label]) => {
        const d = document.createElement('div');
        d.appendChild(text('b', r.total.counts[k]));
        d.appendChild(text('span', label));
        $('counts').appendChild(d);
      });
      chart(r.total.kpis);
      table(r);
      $('report').hidden = false;
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
      const l = await api('/api/reports/compliance/' + $('list').value + '?' + listQuery());
      $('listTotal').textContent = l.total + ' hồ sơ' + (l.total > l.entries.length ? ' (hiển thị ' + l.entries.length + ')' : '');
      const t = $('entries');
      t.innerHTML = '';
      const cols = [['code', 'Mã hồ sơ'], ['agencyName', 'Cơ quan chịu trách nhiệm'], ['procedureName', 'Thủ tục'],
        ['receivedAt', 'Tiếp nhận'], ['dueAt', 'Hẹn trả'], ['finishedAt', 'Hoàn thành'], ['workingDaysLeft', 'Còn (ngày LV)']];
      const head = document.createElement('tr');
      cols.forEach(([, label]) => head.appendChild(text('th', label)));
      t.appendChild(head);
      l.entries.forEach((e) => {
        const tr = document.createElement('tr');
        cols.forEach(([k]) => tr.appendChild(text('td', e[k], 'text')));
        t.appendChild(tr);
      });
    } catch (e) { show(e); }
  }

  async function start() {
    try {
      const scope = await api('/api/reports/scope');
      const sel = $('agency');
      sel.innerHTML = '';
      if (scope.all) sel.appendChild(new Option('Toàn tỉnh', ''));
      scope.agencies.forEach((a) => sel.appendChild(new Option(a.name, a.id)));
      if (scope.agency) sel.value = scope.agency;
      $('filters').hidden = false;
      $('compliance').hidden = false;
      $('who').textContent = atob(auth).split(':')[0];
      run();
    } catch (e) { sessionStorage.removeItem('onestop-auth'); show(e); }
  }

  $('login').addEventListener('submit', (ev) => {
    ev.preventDefault();
    auth = btoa(unescape(encodeURIComponent($('user').value + ':' + $('password').value)));
    sessionStorage.setItem('onestop-auth', auth);
    start();
  });
  $('run').addEventListener('click', run);
  $('find').addEventListener('click', find);
  $('csv').addEventListener('click', () => download('/api/reports/kpis.csv?' + query(), 'kpi.csv'));
  $('xlsx').addEventListener('click', () => download('/api/reports/kpis.xlsx?' + query(), 'kpi.xlsx'));
  $('listCsv').addEventListener('click', () => download('/api/reports/compliance/' + $('list').value + '.csv?' + listQuery(), $('list').value + '.csv'));
  $('listXlsx').addEventListener('click', () => download('/api/reports/compliance/' + $('list').value + '.xlsx?' + listQuery(), $('list').value + '.xlsx'));
  if (auth) start();
})();
