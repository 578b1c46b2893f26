/*
 * OneStop (issue 15, item 1): the components of a dossier with their files in the "Hồ sơ" tab
 * (onestop-dossier.js), and, in the digitisation task, the scanner's drop zone for each component: drag and
 * drop or pick several files, each checked for type and size against the procedure's rules with a Vietnamese
 * message before it is sent, sent with a progress bar; and the applicant's stored documents offered for reuse.
 */
import {api, upload} from '../../onestop/api.js';

const TYPE_NAMES = {
  'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/tiff': 'TIFF',
  'application/msword': 'Word', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word'
};

function megabytes(bytes) {
  return (bytes / (1024 * 1024)).toLocaleString('vi-VN', {maximumFractionDigits: 1}) + ' MB';
}

/** Vietnamese reason why a file cannot be a scan of this component, or null. */
export function refusal(file, component) {
  const types = component.contentTypes || [];
  if (types.length && !types.includes(file.type)) {
    const names = [...new Set(types.map((t) => TYPE_NAMES[t] || t.split('/').pop().toUpperCase()))];
    return 'Tệp "' + file.name + '" không đúng định dạng: chỉ nhận ' + names.join(', ') + '.';
  }
  if (component.maxSizeBytes && file.size > component.maxSizeBytes) {
    return 'Tệp "' + file.name + '" quá lớn (' + megabytes(file.size) + '): tối đa ' + megabytes(component.maxSizeBytes) + '.';
  }
  if (file.size === 0) {
    return 'Tệp "' + file.name + '" rỗng.';
  }
  return null;
}

async function send(files, component, ctx, status, bar) {
  const accepted = [];
  const refused = [];
  [...files].forEach((file) => {
    const reason = refusal(file, component);
    (reason ? refused : accepted).push(reason || file);
  });
  status.textContent = refused.join(' ');
  for (let i = 0; i < accepted.length; i++) {
    const form = new FormData();
    form.append('file', accepted[i], accepted[i].name);
    bar.hidden = false;
    try {
      await upload('/api/documents/dossiers/' + ctx.data.dossierId + '/components/' + encodeURIComponent(component.id), form,
        (fraction) => {
          bar.value = (i + fraction) / accepted.length;
        });
    } catch (e) {
      refused.push('Tệp "' + accepted[i].name + '": ' + e.message);
      status.textContent = refused.join(' ');
    }
  }
  bar.hidden = true;
  if (!refused.length) {
    ctx.refresh();
  } else if (accepted.length) {
    setTimeout(ctx.refresh, 4000);
  }
}

function dropZone(component, ctx) {
  const {el} = ctx;
  const status = el('p', {className: 'text-danger onestop-scan-status', role: 'alert'});
  const bar = el('progress', {max: 1, value: 0, className: 'onestop-progress', hidden: true});
  const input = el('input', {type: 'file', multiple: true, className: 'onestop-file-input',
    accept: (component.contentTypes || []).join(','), 'aria-label': 'Chọn tệp quét cho ' + component.name,
    onChange: (e) => send(e.target.files, component, ctx, status, bar)});
  const zone = el('div', {className: 'onestop-drop-zone', tabindex: 0},
    'Kéo thả tệp quét vào đây, hoặc ', el('label', {className: 'btn btn-default btn-xs'}, 'chọn tệp', input));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('onestop-drop-active');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('onestop-drop-active'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('onestop-drop-active');
    send(e.dataTransfer.files, component, ctx, status, bar);
  });
  return el('div', {}, zone, bar, status);
}

function reuseOffer(component, stored, ctx) {
  const {el} = ctx;
  const offers = stored.filter((doc) => doc.componentId === component.id);
  if (!offers.length) {
    return null;
  }
  return el('div', {className: 'onestop-reuse'}, el('small', {}, 'Giấy tờ đã lưu trong kho dữ liệu của người nộp:'),
    el('ul', {}, offers.map((doc) => {
      const note = el('span', {className: 'onestop-reuse-status'});
      return el('li', {}, (doc.title || doc.fileName) + (doc.validUntil ? ' (còn hiệu lực đến '
        + doc.validUntil.split('-').reverse().join('/') + ') ' : ' '),
      el('button', {type: 'button', className: 'btn btn-default btn-xs', onClick: async () => {
        try {
          await api('/api/documents/applicants/reuse', {method: 'POST',
            body: {documentId: doc.id, dossierId: ctx.data.dossierId, componentId: component.id}});
          ctx.refresh();
        } catch (e) {
          note.textContent = ' ' + e.message;
        }
      }}, 'Dùng lại'), note);
    })));
}

/**
 * The components with their files; drop zones when {@code editable} (digitisation); the applicant's reusable
 * documents at the check and the digitisation, read from the data store now (never kept in a process variable).
 */
export function scanDropZone(ctx) {
  const {data, editable, el, fileLink} = ctx;
  const offering = editable || (data.task && data.task.taskDefinitionKey === 'Task_CheckDossier');
  const list = el('div', {className: 'onestop-components'});
  const components = data.procedure && data.procedure.documents && data.procedure.documents.length
    ? data.procedure.documents
    : [...new Set(data.documents.filter((d) => d.kind === 'COMPONENT').map((d) => d.componentId))]
      .map((id) => ({id, name: 'Giấy tờ kèm theo', required: false}));
  const render = (stored) => list.replaceChildren(...components.map((component) => {
    const files = data.documents.filter((d) => d.kind === 'COMPONENT' && d.componentId === component.id);
    return el('div', {className: 'panel panel-default onestop-component'},
      el('div', {className: 'panel-heading'}, component.name + (component.required ? ' (bắt buộc)' : ''),
        files.length ? el('span', {className: 'label label-success pull-right'}, 'Đã có ' + files.length + ' tệp')
          : el('span', {className: 'label label-warning pull-right'}, 'Chưa có tệp')),
      el('div', {className: 'panel-body'},
        files.length ? el('ul', {className: 'onestop-files'}, files.map(fileLink)) : null,
        editable ? dropZone(component, ctx) : null,
        offering ? reuseOffer(component, stored, ctx) : null));
  }));
  render([]);
  const idNumber = data.dossier.applicantIdNumber;
  if (offering && idNumber) {
    api('/api/documents/applicants/' + encodeURIComponent(idNumber) + '/reusable').then(render).catch(() => render([]));
  }
  return list;
}
