/*
 * OneStop (issue 15, item 1): the "Hồ sơ" tab beside every task of a dossier (Tasklist plugin point
 * tasklist.task.detail; config.js lists this file in customScripts, no patched bundle).
 *
 * It shows the dossier as the clerk knows it - code, applicant, procedure by name, agencies and legs by name
 * with their deadlines, each component with its files (image thumbnails; "Xem" shows a PDF or an image in a new
 * tab, "Tải về" saves it), the slips (forms 01-05) and the electronic result to view, print or download - and lets her upload scans (onestop-scans.js),
 * reuse the applicant's stored documents, and complete the digitisation task from here. Data come from OneStop's
 * /api with the Tasklist session (../../onestop/api.js); no label shows a number that is an id, or an address.
 */
import {api, apiUrl, ApiError, csrfToken, problemOf} from '../../onestop/api.js';
import {scanDropZone} from './onestop-scans.js';

const DIGITISE_TASK = 'Task_DigitiseDossier';

/** Forms of Circular 01/2018 the desk prints, and when each exists. */
const SLIPS = [
  {form: '01', name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)', when: (d) => !!d.code},
  {form: '02', name: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)', when: (d) => d.supplementCount > 0},
  {form: '03', name: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu 03)',
    when: (d) => d.status === 'NOT_ACCEPTED' || d.status === 'REFUSED' || !!d.refusalReason},
  {form: '04', name: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)', when: (d) => !!d.apologyAt},
  {form: '05', name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 05)', when: (d) => !!d.code}
];

const STATUS = {
  ACCEPTED: 'Đã tiếp nhận', RECEIVED: 'Đã tiếp nhận', IN_PROGRESS: 'Đang giải quyết', SUPPLEMENT: 'Chờ bổ sung', FINISHED: 'Đã có kết quả',
  RETURNED: 'Đã trả kết quả', WITHDRAWN: 'Đã rút hồ sơ', STOPPED: 'Dừng giải quyết', NOT_ACCEPTED: 'Không tiếp nhận',
  REFUSED: 'Từ chối giải quyết', SUBMITTED: 'Chờ tiếp nhận'
};

const DATE_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'
});

export function when(instant) {
  return instant ? DATE_TIME.format(new Date(instant)) : '—';
}

/** Creates an element: el('p', {className: 'x'}, 'text', child...). */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) {
      return;
    }
    if (k.startsWith('on')) {
      node.addEventListener(k.substring(2).toLowerCase(), v);
    } else if (k === 'className' || k === 'textContent' || k === 'htmlFor') {
      node[k] = v;
    } else {
      node.setAttribute(k, v === true ? '' : v);
    }
  });
  children.flat().forEach((c) => c !== null && c !== undefined && node.append(c));
  return node;
}

function row(label, value) {
  return el('tr', {}, el('th', {}, label), el('td', {}, value || '—'));
}

async function engine(camApi, path, options = {}) {
  const headers = {Accept: 'application/json', 'Content-Type': 'application/json'};
  if (options.method && options.method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  const response = await fetch(camApi.engineApi + path, {...options, headers, credentials: 'same-origin'});
  if (!response.ok) {
    const problem = await problemOf(response);
    const text = problem && problem.message ? problem.message.replace(/^Cannot [^:]*: /, '') : '';
    throw new ApiError(response.status, /[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểệịỉọỏốồổộớờởợụủứừửựỳỷỹ]/i.test(text)
      ? text : 'Không hoàn thành được công việc; vui lòng tải lại trang.', problem);
  }
  return response.status === 204 ? null : response.json();
}

/** The task's dossier: ids stay in this closure, never on the page. */
async function load(camApi, taskId) {
  const task = await engine(camApi, '/task/' + encodeURIComponent(taskId));
  const vars = await engine(camApi, '/task/' + encodeURIComponent(taskId)
    + '/variables?deserializeValues=false&variableNames=dossierId,dossierCode,applicantName,procedureCode');
  const value = (name) => (vars[name] ? vars[name].value : null);
  if (value('dossierId') === null) {
    return {task, dossier: null};
  }
  const dossierId = value('dossierId');
  const code = value('dossierCode');
  const [view, documents, agencies] = await Promise.all([
    code ? api('/api/dossiers/' + encodeURIComponent(code)) : Promise.resolve(null),
    api('/api/documents/dossiers/' + dossierId),
    api('/api/agencies').catch(() => [])
  ]);
  const dossier = view ? view.dossier : {code: null, applicantName: value('applicantName'), procedureCode: value('procedureCode')};
  const procedure = dossier.procedureCode
    ? await api('/api/procedures/' + encodeURIComponent(dossier.procedureCode)
      + (dossier.procedureVersion ? '?version=' + encodeURIComponent(dossier.procedureVersion) : '')).catch(() => null)
    : null;
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  return {task, dossierId, dossier, legs: view ? view.legs : [], documents, procedure,
    agencyName: (id) => (id ? names.get(id) || 'Cơ quan chưa có trong danh mục' : '—')};
}

function summary(data) {
  const d = data.dossier;
  const procedure = data.procedure ? data.procedure.name : d.procedureName;
  return el('table', {className: 'table table-condensed onestop-dossier-summary'},
    el('tbody', {},
      row('Mã hồ sơ', d.code || 'Chưa cấp (cấp khi tiếp nhận)'),
      row('Người nộp', d.applicantName),
      row('Thủ tục', procedure),
      row('Cơ quan tiếp nhận', data.agencyName(d.receivingAgencyId)),
      row('Cơ quan giải quyết', d.handlingAgencyId ? data.agencyName(d.handlingAgencyId) : null),
      row('Trạng thái', STATUS[d.status] || (d.status ? 'Đang xử lý' : null)),
      row('Ngày tiếp nhận', when(d.receivedAt)),
      row('Hạn trả kết quả', when(d.dueAt))));
}

function legs(data) {
  if (!data.legs.length) {
    return null;
  }
  return el('div', {},
    el('h4', {}, 'Các bước giải quyết'),
    el('table', {className: 'table table-condensed onestop-dossier-legs'},
      el('thead', {}, el('tr', {}, el('th', {}, 'Bước'), el('th', {}, 'Cơ quan'), el('th', {}, 'Hạn xử lý'),
        el('th', {}, 'Hoàn thành'))),
      el('tbody', {}, data.legs.map((leg, i) => el('tr', {className: leg.late ? 'danger' : ''},
        el('td', {}, 'Bước ' + (i + 1)), el('td', {}, data.agencyName(leg.agencyId)), el('td', {}, when(leg.dueAt)),
        el('td', {}, leg.finishedAt ? when(leg.finishedAt) + (leg.late ? ' (trễ hạn)' : '') : 'Đang xử lý'))))));
}

/** Types the browser shows itself: the server answers them inline with ?inline=true. */
const VIEWABLE = ['application/pdf', 'image/png', 'image/jpeg'];

/**
 * "Xem" opens the file in a new tab of the browser (its PDF viewer), "Tải về" saves it; the link's own text
 * (the file's or the paper's name) downloads, as before.
 */
function viewAndDownload(href, fileName, className, text, viewable = true) {
  const separator = href.includes('?') ? '&' : '?';
  return [
    el('a', {href, target: '_blank', rel: 'noopener', download: fileName, className}, text),
    viewable ? el('span', {className: 'onestop-file-actions'}, ' (',
      el('a', {href: href + separator + 'inline=true', target: '_blank', rel: 'noopener',
        className: 'onestop-view' + (className ? ' ' + className + '-view' : ''), title: 'Xem ' + text}, 'Xem'),
      ' · ',
      el('a', {href, target: '_blank', rel: 'noopener', download: fileName, className: 'onestop-download',
        title: 'Tải về ' + text}, 'Tải về'), ')') : null
  ];
}

function fileLink(doc) {
  const href = apiUrl('/api/documents/' + doc.id + '/content');
  const image = (doc.contentType || '').startsWith('image/');
  return el('li', {className: 'onestop-file'},
    image ? el('img', {src: href, alt: doc.title || doc.fileName, className: 'onestop-thumbnail'}) : null,
    viewAndDownload(href, doc.fileName, null, doc.fileName || doc.title, VIEWABLE.includes(doc.contentType)),
    el('small', {}, ' — ' + when(doc.addedAt)));
}

function slipsAndResult(data) {
  const d = data.dossier;
  const links = SLIPS.filter((s) => data.dossierId && s.when(d)).map((s) => el('li', {},
    viewAndDownload(apiUrl('/api/documents/dossiers/' + data.dossierId + '/slips/' + s.form),
      'mau-' + s.form + '-' + (d.code || 'ho-so') + '.pdf', 'onestop-slip-' + s.form, s.name)));
  const results = data.documents.filter((doc) => doc.kind === 'RESULT').map((doc) => el('li', {},
    viewAndDownload(apiUrl('/api/documents/' + doc.id + '/content'), doc.fileName, 'onestop-result',
      'Kết quả điện tử: ' + (doc.title || doc.fileName), VIEWABLE.includes(doc.contentType))));
  return el('div', {}, el('h4', {}, 'Phiếu và kết quả'),
    links.length || results.length ? el('ul', {className: 'onestop-slips'}, links, results)
      : el('p', {}, 'Chưa có phiếu nào (phiếu tiếp nhận được in khi hồ sơ được tiếp nhận).'));
}

async function completeDigitisation(camApi, data, message) {
  message.textContent = 'Đang hoàn thành...';
  try {
    if (!data.task.assignee) {
      const me = await fetch(camApi.adminApi + '/auth/user/default', {credentials: 'same-origin'}).then((r) => r.json());
      await engine(camApi, '/task/' + data.task.id + '/claim', {method: 'POST', body: JSON.stringify({userId: me.userId})});
    }
    await engine(camApi, '/task/' + data.task.id + '/submit-form', {method: 'POST',
      body: JSON.stringify({variables: {scannedAll: {value: true, type: 'Boolean'}}})});
    message.textContent = 'Đã hoàn thành số hóa hồ sơ.';
    const params = new URLSearchParams(window.location.hash.replace(/^#\/?\??/, ''));
    params.delete('task');
    params.delete('detailsTab');
    window.location.hash = '#/?' + params.toString();
  } catch (e) {
    message.textContent = e.message;
  }
}

async function show(node, camApi, taskId) {
  node.replaceChildren(el('p', {}, 'Đang tải hồ sơ...'));
  let data;
  try {
    data = await load(camApi, taskId);
  } catch (e) {
    node.replaceChildren(el('p', {className: 'text-danger'}, e instanceof ApiError ? e.message : 'Không tải được hồ sơ.'));
    return;
  }
  if (!data.dossier) {
    node.replaceChildren(el('p', {}, 'Công việc này không gắn với một hồ sơ thủ tục hành chính.'));
    return;
  }
  const refresh = () => show(node, camApi, taskId);
  const message = el('p', {className: 'onestop-message', role: 'status'});
  const digitise = data.task.taskDefinitionKey === DIGITISE_TASK;
  node.replaceChildren(el('div', {className: 'onestop-dossier'},
    summary(data), legs(data),
    el('h4', {}, 'Thành phần hồ sơ'),
    scanDropZone({data, editable: digitise, refresh, fileLink, el}),
    slipsAndResult(data),
    digitise ? el('div', {className: 'onestop-digitise'},
      el('button', {type: 'button', className: 'btn btn-primary onestop-complete-digitisation',
        onClick: () => completeDigitisation(camApi, data, message)}, 'Hoàn tất số hóa và chuyển bước tiếp theo')) : null,
    message));
}

export default {
  id: 'onestop-dossier',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  render: (node, {taskId, api: camApi}) => {
    node.className = 'onestop-dossier-tab';
    show(node, camApi, taskId);
  },
  properties: {label: 'Hồ sơ'}
};
