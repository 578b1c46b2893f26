// Cổng công dân: tra cứu, đánh giá, thủ tục, phản ánh. Plain JavaScript, no build step, no CDN.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var lookup = { code: null, secret: null };

  function esc(text) {
    var d = document.createElement('div');
    d.textContent = text == null ? '' : String(text);
    return d.innerHTML;
  }
  function date(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
  }
  function show(el, html, error) {
    el.innerHTML = html;
    el.className = 'result' + (error ? ' error' : '');
    el.hidden = false;
  }
  function message(body, fallback) {
    return body && body.message ? body.message : fallback;
  }
  function json(response) {
    return response.text().then(function (t) {
      var body = null;
      try { body = t ? JSON.parse(t) : null; } catch (e) { body = null; }
      return { status: response.status, body: body };
    });
  }

  function renderStatus(s) {
    var rows = [
      ['Mã hồ sơ', s.code], ['Thủ tục', s.procedureName], ['Ngày nộp', date(s.submittedAt)],
      ['Ngày tiếp nhận', date(s.receivedAt)], ['Hẹn trả kết quả', date(s.appointment)],
      ['Kết quả', s.resultReady ? 'Đã có kết quả' : 'Chưa có kết quả'], ['Ngày trả kết quả', date(s.returnedAt)]
    ];
    var html = '<p class="status" id="lookup-status">' + esc(s.statusText) + '</p><dl>';
    rows.forEach(function (r) { if (r[1]) { html += '<dt>' + esc(r[0]) + '</dt><dd>' + esc(r[1]) + '</dd>'; } });
    html += '</dl>';
    if (s.supplementNeeded) { html += '<p><strong>Cần bổ sung:</strong> ' + esc(s.supplementNeeded) + '</p>'; }
    if (s.apology) {
      html += '<p id="lookup-apology"><strong>Thư xin lỗi:</strong> ' + esc(s.apology.reason) + '. Hẹn trả kết quả mới: '
        + esc(date(s.apology.newAppointment)) + '.</p>';
    }
    if (s.rating) { html += '<p>Ông/Bà đã đánh giá hồ sơ này. Cảm ơn Ông/Bà.</p>'; }
    return html;
  }

  $('lookup-form').addEventListener('submit', function (e) {
    e.preventDefault();
    lookup.code = $('lookup-code').value.trim();
    lookup.secret = $('lookup-secret').value.trim();
    $('rating-form').hidden = true;
    $('rating-result').hidden = true;
    fetch('/api/lookup/' + encodeURIComponent(lookup.code), { headers: { 'X-Lookup-Secret': lookup.secret, 'Accept': 'application/json' } })
      .then(json).then(function (r) {
        if (r.status === 200) {
          show($('lookup-result'), renderStatus(r.body), false);
          $('rating-form').hidden = !r.body.canRate;
        } else {
          show($('lookup-result'), esc(message(r.body, 'Không tra cứu được hồ sơ.')), true);
        }
      }).catch(function () { show($('lookup-result'), 'Không kết nối được máy chủ.', true); });
  });

  $('rating-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var chosen = document.querySelector('input[name=rating]:checked');
    fetch('/api/lookup/' + encodeURIComponent(lookup.code) + '/rating', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret: lookup.secret, rating: chosen ? chosen.value : null, comment: $('rating-comment').value })
    }).then(json).then(function (r) {
      if (r.status === 200) {
        $('rating-form').hidden = true;
        show($('rating-result'), 'Cảm ơn Ông/Bà đã đánh giá.', false);
      } else {
        show($('rating-result'), esc(message(r.body, 'Không gửi được đánh giá.')), true);
      }
    });
  });

  function loadCatalog(q) {
    fetch('/api/procedures' + (q ? '?q=' + encodeURIComponent(q) : '')).then(json).then(function (r) {
      var list = $('catalog-list');
      list.innerHTML = '';
      (r.body || []).slice(0, 50).forEach(function (p) {
        var li = document.createElement('li');
        var online = p.onlineLevel === 'FULL_PROCESS' ? 'Trực tuyến toàn trình' : p.onlineLevel === 'PARTIAL' ? 'Trực tuyến một phần' : 'Nộp trực tiếp';
        var time = Number(p.resolutionDays) === 0 ? 'Trong ngày' : p.resolutionDays + ' ngày làm việc';
        li.innerHTML = '<strong>' + esc(p.name) + '</strong><small>' + esc(p.code) + ' · ' + esc(p.field) + ' · ' + esc(time)
          + ' · ' + esc(online) + '</small>';
        list.appendChild(li);
      });
      if (!list.children.length) { list.innerHTML = '<li>Không tìm thấy thủ tục.</li>'; }
    });
  }
  $('catalog-form').addEventListener('submit', function (e) { e.preventDefault(); loadCatalog($('catalog-q').value.trim()); });

  function loadAgencies() {
    fetch('/api/agencies').then(json).then(function (r) {
      var select = $('fb-agency');
      (r.body || []).forEach(function (a) {
        var o = document.createElement('option');
        o.value = a.id;
        o.textContent = a.name;
        select.appendChild(o);
      });
    });
  }
  function loadPublished() {
    fetch('/api/feedback/published').then(json).then(function (r) {
      var list = $('published-list');
      list.innerHTML = '';
      (r.body || []).forEach(function (f) {
        var li = document.createElement('li');
        li.innerHTML = '<strong>' + esc(f.subject) + '</strong><small>' + esc(f.agencyName) + ' · ' + esc(date(f.publishedAt))
          + '</small><p>' + esc(f.content) + '</p><p><em>Trả lời:</em> ' + esc(f.answer) + '</p>';
        list.appendChild(li);
      });
      if (!list.children.length) { list.innerHTML = '<li>Chưa có nội dung trả lời được công khai.</li>'; }
    });
  }
  $('feedback-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target, body = {};
    Array.prototype.forEach.call(form.elements, function (el) { if (el.name) { body[el.name] = el.value; } });
    fetch('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(json).then(function (r) {
        if (r.status === 201) {
          form.reset();
          show($('feedback-result'), 'Đã gửi phản ánh, kiến nghị. Mã số: <strong>' + esc(r.body.code) + '</strong>.', false);
        } else {
          show($('feedback-result'), esc(message(r.body, 'Không gửi được phản ánh.')), true);
        }
      });
  });

  loadCatalog('');
  loadAgencies();
  loadPublished();
}());
