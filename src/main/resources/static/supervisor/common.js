// Shared by OneStop's supervisor pages in Cockpit (KPI report, Decision 766 index): Vietnamese wording of periods,
// dates in Vietnam time, the agency picker and small DOM helpers. The pages call /api through
// ../onestop/staff-session.js (the Cockpit session).
(function () {
  'use strict';
  const ZONE = 'Asia/Ho_Chi_Minh';
  const dateTime = new Intl.DateTimeFormat('vi-VN', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric',
    hour: '2-digit', minute: '2-digit' });
  const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

  function period(label) {
    if (!label) return '';
    let m;
    if ((m = /^(\d{4})$/.exec(label))) return 'năm ' + m[1];
    if ((m = /^(\d{4})-Q([1-4])$/.exec(label))) return 'quý ' + m[2] + '/' + m[1];
    if ((m = /^(\d{4})-(\d{2})$/.exec(label))) return 'tháng ' + Number(m[2]) + '/' + m[1];
    if ((m = /^(\d{4})-(\d{2})-(\d{2})…(\d{4})-(\d{2})-(\d{2})$/.exec(label))) {
      return 'từ ' + m[3] + '/' + m[2] + '/' + m[1] + ' đến ' + m[6] + '/' + m[5] + '/' + m[4];
    }
    return label;
  }

  function text(tag, value, cls) {
    const el = document.createElement(tag);
    el.textContent = value == null || value === '' ? '–' : value;
    if (cls) el.className = cls;
    return el;
  }

  /** A table from rows of objects: columns = [[key or function, header, class?], ...]. */
  function table(t, columns, rows) {
    t.innerHTML = '';
    const head = document.createElement('tr');
    columns.forEach(([, label]) => head.appendChild(text('th', label)));
    t.appendChild(head);
    rows.forEach((row) => {
      const tr = document.createElement('tr');
      columns.forEach(([key, , cls]) => {
        const v = typeof key === 'function' ? key(row) : row[key];
        if (v instanceof Node) {
          const td = document.createElement('td');
          td.appendChild(v);
          tr.appendChild(td);
        } else {
          tr.appendChild(text('td', v, cls || 'text'));
        }
      });
      t.appendChild(tr);
    });
  }

  /** Fills the agency picker from /api/reports/scope; returns {id: name} of the agencies in scope. */
  async function agencies(select) {
    const scope = await OneStopStaff.get('/api/reports/scope');
    select.innerHTML = '';
    if (scope.all) select.appendChild(new Option('Toàn tỉnh', ''));
    const names = {};
    scope.agencies.forEach((a) => { names[a.id] = a.name; select.appendChild(new Option(a.name, a.id)); });
    if (scope.agency) select.value = scope.agency;
    return names;
  }

  /** A day typed the Vietnamese way (dd/mm/yyyy) as the API's ISO date; anything else is passed on as typed. */
  function isoDate(typed) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(typed);
    return m ? m[3] + '-' + m[2].padStart(2, '0') + '-' + m[1].padStart(2, '0') : typed.trim();
  }

  window.OneStopPage = {
    period: period,
    isoDate: isoDate,
    when: (iso) => (iso ? dateTime.format(new Date(iso)) : null),
    number: (n) => (n == null ? null : number.format(n)),
    text: text,
    table: table,
    agencies: agencies
  };
})();
