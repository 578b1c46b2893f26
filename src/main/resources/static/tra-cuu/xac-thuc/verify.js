// Xác thực giấy tờ điện tử: tải tệp PDF lên POST /api/public/verify, hoặc mở theo mã QR (?ma=...).
(function () {
  const result = document.getElementById('result');

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  }

  // The validation's indications (ETSI EN 319 102-1) in words a citizen reads; an unknown one stays a plain sentence.
  const INDICATIONS = {
    TOTAL_FAILED: 'chữ ký không đạt', INDETERMINATE: 'chưa xác định được', HASH_FAILURE: 'nội dung đã bị thay đổi sau khi ký',
    SIG_CRYPTO_FAILURE: 'chữ ký không khớp với nội dung', REVOKED: 'chứng thư số đã bị thu hồi',
    NO_CERTIFICATE_CHAIN_FOUND: 'không tìm thấy chuỗi chứng thư số tin cậy', OUT_OF_BOUNDS_NO_POE: 'chứng thư số đã hết hạn khi ký',
    OUT_OF_BOUNDS_NOT_REVOKED: 'chứng thư số đã hết hạn', NO_SIGNING_CERTIFICATE_FOUND: 'không tìm thấy chứng thư số của người ký',
    FORMAT_FAILURE: 'định dạng chữ ký không đúng chuẩn', TRY_LATER: 'chưa kiểm tra được tình trạng chứng thư, vui lòng thử lại sau'
  };

  function indication(code) {
    return code ? (INDICATIONS[code] || 'lý do khác') : '';
  }

  function time(t) {
    return t ? new Date(t).toLocaleString('vi-VN', {timeZone: 'Asia/Ho_Chi_Minh'}) : '';
  }

  function show(v) {
    result.hidden = false;
    result.className = v.verified ? 'ok' : 'bad';
    let html = '<p class="verdict" id="verdict">' + (v.verified ? '✔ HỢP LỆ' : '✘ KHÔNG HỢP LỆ') + '</p>';
    html += '<p id="message">' + esc(v.message) + '</p><table>';
    if (v.paper) html += '<tr><th>Giấy tờ</th><td id="paper">' + esc(v.paper) + '</td></tr>';
    if (v.dossierCode) html += '<tr><th>Mã hồ sơ</th><td id="dossierCode">' + esc(v.dossierCode) + '</td></tr>';
    if (v.dossierStatus) html += '<tr><th>Tình trạng hồ sơ hiện nay</th><td id="dossierStatus">' + esc(v.dossierStatus) + '</td></tr>';
    if (v.issuedAt) html += '<tr><th>Phát hành lúc</th><td>' + esc(time(v.issuedAt)) + '</td></tr>';
    html += '<tr><th>Do OneStop phát hành</th><td id="issuedByOneStop">' + (v.issuedByOneStop ? 'Có' : 'Không') + '</td></tr>';
    html += '<tr><th>Không bị thay đổi</th><td id="unchanged">' + (v.unchanged ? 'Có' : 'Không') + '</td></tr>';
    html += '</table><h2>Chữ ký số</h2><table id="signatures"><tr><th>Người ký</th><th>Vai trò</th><th>Cơ quan</th><th>Thời gian ký</th><th>Kết quả</th></tr>';
    (v.signatures || []).forEach(s => {
      html += '<tr><td class="signer">' + esc(s.signedBy) + (s.demo ? ' <span class="demo">(DEMO)</span>' : '') + '</td><td>'
        + esc(s.role) + '</td><td>' + esc(s.agency) + '</td><td>' + esc(time(s.signingTime)) + (s.timestamped ? ' (có dấu thời gian)' : '')
        + '</td><td>' + (s.valid ? 'Hợp lệ' : 'Không hợp lệ (' + esc(indication(s.indication)) + (s.subIndication ? ': ' + esc(indication(s.subIndication)) : '') + ')')
        + '</td></tr>';
    });
    html += '</table>';
    result.innerHTML = html;
  }

  function fail(message) {
    result.hidden = false;
    result.className = 'bad';
    result.innerHTML = '<p class="verdict" id="verdict">✘ KHÔNG XÁC THỰC ĐƯỢC</p><p id="message">' + esc(message) + '</p>';
  }

  async function answer(response) {
    const body = await response.json().catch(() => ({}));
    if (response.ok) show(body); else fail(body.message || ('Lỗi ' + response.status));
  }

  // The chosen file's name, in place of the browser's own (English) "No file chosen".
  document.getElementById('file').addEventListener('change', e => {
    const file = e.target.files[0];
    document.getElementById('fileName').textContent = file ? file.name : 'Chưa chọn tệp nào';
  });

  document.getElementById('upload').addEventListener('submit', async e => {
    e.preventDefault();
    const file = document.getElementById('file').files[0];
    if (!file) { fail('Chọn tệp PDF cần xác thực'); return; }
    const form = new FormData();
    form.append('file', file);
    answer(await fetch('/api/public/verify', {method: 'POST', body: form}));
  });

  async function byCode(code) {
    answer(await fetch('/api/public/verify/' + encodeURIComponent(code.trim())));
  }

  document.getElementById('bycode').addEventListener('submit', e => {
    e.preventDefault();
    byCode(document.getElementById('code').value);
  });

  const ma = new URLSearchParams(location.search).get('ma');
  if (ma) {
    document.getElementById('code').value = ma;
    byCode(ma);
  }
})();
