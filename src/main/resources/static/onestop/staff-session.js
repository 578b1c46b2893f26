// One login (issue 15.4): OneStop's staff pages shown inside Cockpit or Tasklist call /api with the browser's
// webapp session (the JSESSIONID cookie of the Cockpit/Tasklist login), never with a password of their own:
// no login form, nothing stored. Changes carry the webapps' CSRF token (X-XSRF-TOKEN) as Camunda's pages do.
// Every message is Vietnamese; an expired session links back to the Cockpit login.
(function () {
  'use strict';
  const COCKPIT = '/camunda/app/cockpit/default/';
  const STATUS = {
    400: 'Yêu cầu chưa hợp lệ, hãy kiểm tra kỳ báo cáo và các lựa chọn.',
    401: 'Phiên đăng nhập đã hết. Hãy đăng nhập lại Cockpit.',
    403: 'Tài khoản của bạn không được xem nội dung này.',
    404: 'Không tìm thấy dữ liệu yêu cầu.',
    429: 'Quá nhiều lần thử, hãy chờ một lát.'
  };

  class StaffError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  function xsrf() {
    const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : null;
  }

  async function request(path, options) {
    const init = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
    if (init.method && init.method !== 'GET' && xsrf()) init.headers['X-XSRF-TOKEN'] = xsrf();
    let r;
    try {
      r = await fetch(path, init);
    } catch (e) {
      throw new StaffError(0, 'Không kết nối được máy chủ OneStop.');
    }
    if (!r.ok) throw new StaffError(r.status, STATUS[r.status] || 'Máy chủ chưa trả lời được (lỗi ' + r.status + ').');
    return r;
  }

  function fileName(r, fallback) {
    const cd = r.headers.get('Content-Disposition') || '';
    const star = cd.match(/filename\*=UTF-8''([^;]+)/i);
    if (star) return decodeURIComponent(star[1]);
    const plain = cd.match(/filename="?([^";]+)"?/i);
    return plain ? plain[1] : fallback;
  }

  window.OneStopStaff = {
    cockpitLogin: COCKPIT,
    /** JSON of a GET. */
    get: async (path) => (await request(path)).json(),
    /** A change (POST/PUT/DELETE) with a JSON body, with the session's CSRF token. */
    send: async (method, path, body) => (await request(path, { method: method,
      headers: { 'Content-Type': 'application/json' }, body: body == null ? null : JSON.stringify(body) })),
    /** Downloads a file under the name the server gives it (agency and period). */
    download: async (path, fallback) => {
      const r = await request(path);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(await r.blob());
      a.download = fileName(r, fallback);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    },
    /** Who is logged in ({login, name}); rejects with status 401 when nobody is. */
    me: async () => (await request('/api/staff/me')).json(),
    /** Shows an error in the element; after 401 a link to the Cockpit login (opens the top window). */
    showError: (element, error) => {
      element.textContent = error ? error.message : '';
      if (error && error.status === 401) {
        const a = document.createElement('a');
        a.href = COCKPIT;
        a.target = '_top';
        a.textContent = ' Mở trang đăng nhập Cockpit';
        element.appendChild(a);
      }
    }
  };
})();
