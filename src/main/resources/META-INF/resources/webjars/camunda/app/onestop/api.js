/*
 * OneStop: one login for the Camunda webapps and OneStop's staff API (/api/dossiers, /api/documents,
 * /api/reports, /api/evaluation, /api/index-766, ...).
 *
 * The webapps' authenticated session IS a valid login for /api (security/StaffAuthenticationFilter reads it
 * through security/WebappSession): a page of Tasklist, Cockpit or Admin calls /api on the same origin with its
 * session cookie and, for every change (POST, PUT, PATCH, DELETE), the session's CSRF token in X-XSRF-TOKEN -
 * the token the webapps keep in the XSRF-TOKEN cookie and rotate at login. Never a second login form, never a
 * stored password; machine clients keep HTTP Basic.
 *
 * Usage in a plugin or custom script:  import {api, apiUrl} from '../../onestop/api.js';
 *   const dossier = await api('/api/dossiers/' + encodeURIComponent(code));
 *   await api('/api/documents/...', {method: 'POST', body: formData});
 * A refusal throws an ApiError whose message is Vietnamese (the server's detail when it is Vietnamese,
 * otherwise a plain sentence for its status), never an address or English text.
 */

/** The application's root address (this file is served at <root>camunda/app/onestop/api.js). */
const ROOT = new URL('../../../', import.meta.url);

/** The address of an /api path on this server (keeps a context path, if the application has one). */
export function apiUrl(path) {
  return new URL(path.replace(/^\//, ''), ROOT).toString();
}

/** The webapps' CSRF token of this session (cookie XSRF-TOKEN), or '' before the first request. */
export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

const STATUS_TEXT = {
  400: 'Dữ liệu gửi lên không hợp lệ.',
  401: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu yêu cầu.',
  409: 'Hồ sơ đã thay đổi; vui lòng tải lại trang.',
  413: 'Tệp quá lớn.',
  415: 'Định dạng tệp không được chấp nhận.',
  422: 'Dữ liệu không đáp ứng quy định.',
  429: 'Thao tác quá nhiều lần; vui lòng thử lại sau ít phút.',
  503: 'Hệ thống tạm thời gián đoạn; vui lòng thử lại sau.'
};

/** Vietnamese letters outside ASCII: a server message with none of them is not shown to a clerk. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const ADDRESS = /\/(api|engine-rest|camunda)\//;

export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

/** A clerk-readable Vietnamese message for a refused request. */
export function vietnameseMessage(status, problem) {
  const detail = problem && (problem.detail || problem.title);
  if (detail && VIETNAMESE.test(detail) && !ADDRESS.test(detail)) {
    return detail;
  }
  return STATUS_TEXT[status] || 'Không thực hiện được thao tác (lỗi ' + status + ').';
}

/** The JSON body of a refused response (a problem detail, or the engine's {type, message}), or null. */
export async function problemOf(response) {
  try {
    return await response.json();
  } catch (e) {
    return null;
  }
}

/**
 * Calls /api with the webapp session: JSON in and out (a FormData body is sent as multipart), the CSRF token on
 * every change. Resolves to the parsed JSON (or the Response itself with {raw: true}).
 */
export async function api(path, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const headers = {Accept: 'application/json, application/problem+json', ...(options.headers || {})};
  let body = options.body;
  if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') {
    body = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD') {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  const response = await fetch(apiUrl(path), {method, headers, body, credentials: 'same-origin'});
  if (!response.ok) {
    const problem = await problemOf(response);
    throw new ApiError(response.status, vietnameseMessage(response.status, problem), problem);
  }
  if (options.raw) {
    return response;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/**
 * Sends a multipart upload with progress (fetch has none): onProgress(fraction 0..1). Same session and
 * CSRF rules as {@link api}.
 */
export function upload(path, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', apiUrl(path));
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.setRequestHeader('X-XSRF-TOKEN', csrfToken());
    request.upload.onprogress = (e) => e.lengthComputable && onProgress && onProgress(e.loaded / e.total);
    request.onload = () => {
      let json = null;
      try {
        json = JSON.parse(request.responseText);
      } catch (e) {
        json = null;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(json);
      } else {
        reject(new ApiError(request.status, vietnameseMessage(request.status, json), json));
      }
    };
    request.onerror = () => reject(new ApiError(0, 'Mất kết nối tới máy chủ; vui lòng thử lại.', null));
    request.send(formData);
  });
}
