/*
 * OneStop (issue 15, item 3): Vietnamese where Tasklist's libraries have English built in.
 *
 * - Camunda Forms (form-js) write their validation messages in English with the raw rule
 *   ("Field must match pattern ^[0-9]{9,13}$."); they have no translation hook, so the messages are replaced as
 *   they appear, with a plain sentence per known pattern. The select/search widgets' words too.
 * - An engine refusal ("Cannot submit task form <id>: <rule's message>", "Cannot instantiate process definition
 *   <id>: ...") keeps only the rule's own Vietnamese message (process.RuleViolationException), in the notification
 *   and beside the form field it concerns (read from the refused submission's JSON); English engine text becomes a
 *   plain sentence.
 * - Relative dates ("12 giờ tới") follow the Vietnamese moment locale once Tasklist has loaded it.
 */

/** What each pattern used in bpmn/forms/ means, for the clerk. */
const PATTERNS = {
  '^[0-9]{9,13}$': 'Chỉ gồm từ 9 đến 13 chữ số (số định danh cá nhân hoặc mã số doanh nghiệp).',
  '^[0-9+ ]{8,15}$': 'Số điện thoại gồm 8 đến 15 chữ số (có thể có dấu + và dấu cách).',
  '^[0-9]{12}$': 'Gồm đúng 12 chữ số.'
};

const RULES = [
  [/^Field is required\.$/, () => 'Vui lòng nhập thông tin này.'],
  [/^Field must match pattern (.*)\.$/, (m) => PATTERNS[m[1]] || 'Giá trị chưa đúng định dạng quy định.'],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Field must be a valid\s+international phone number.*$/, () => 'Số điện thoại không hợp lệ.'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => 'Cần ít nhất ' + m[1] + ' ký tự.'],
  [/^Field must have maximum length of (\d+)\.$/, (m) => 'Tối đa ' + m[1] + ' ký tự.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => 'Giá trị nhỏ nhất là ' + m[1] + '.'],
  [/^Field must have maximum value of (.+)\.$/, (m) => 'Giá trị lớn nhất là ' + m[1] + '.'],
  [/^Value is not a number\.$/, () => 'Vui lòng nhập một số.'],
  [/^Value is expected to be an integer\.$/, () => 'Vui lòng nhập số nguyên.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => 'Tối đa ' + m[1] + ' chữ số thập phân.'],
  [/^Please select a valid value.*$/, () => 'Giá trị không hợp lệ.']
];

const WIDGET_WORDS = {Select: 'Chọn...', Search: 'Tìm kiếm', 'No results': 'Không có kết quả', 'No values': 'Không có lựa chọn',
  'Skip to search': 'Chuyển đến ô tìm kiếm'};

const VIETNAMESE = /[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểệịỉọỏốồổộớờởợụủứừửựỳỷỹàáèéìíòóùúýõã]/i;

export function vietnameseValidation(text) {
  for (const [pattern, message] of RULES) {
    const m = text.trim().match(pattern);
    if (m) {
      return message(m);
    }
  }
  return null;
}

/**
 * The engine's English frames around a step's own message: "Cannot submit task form <id>: ", "Cannot instantiate
 * process definition <key:version:id>: ", "ENGINE-03051 There was an exception while invoking the TaskListener.
 * Message: '...'", Java type names.
 */
const ENGINE_FRAME = /^.*?Cannot [a-z ]+? [^\s:]+(?::[^\s:]+)*: /i;

/** The rule's message from an engine refusal, without the engine's English frame, ids and codes. */
export function vietnameseRefusal(text) {
  let stripped = String(text || '').replace(ENGINE_FRAME, '').replace(/ENGINE-\d{5}\s*/g, '')
    .replace(/\b(?:[a-z_]+\.){2,}[A-Za-z_$]+(Exception|Error)?:?\s*/g, '');
  const quoted = stripped.match(/Message:\s*'([\s\S]*)'\s*$/);
  if (quoted) {
    stripped = quoted[1];
  }
  stripped = stripped.replace(/^[A-Z][A-Za-z ,.]*?(?:exception|error)[A-Za-z ,.]*?[:.]\s*/i, '');
  if (VIETNAMESE.test(stripped)) {
    return stripped.trim();
  }
  return null;
}

/** An engine refusal as the clerk reads it: the rule's message, or a plain Vietnamese sentence. */
export function refusalForClerk(text) {
  return vietnameseRefusal(text) || 'Không thực hiện được; vui lòng kiểm tra lại thông tin đã nhập.';
}

/** A rule message names the variable at fault in brackets, "(consultationQuestion)": the key, not for the clerk. */
const VARIABLE_IN_BRACKETS = /\s*\(([a-z][a-z0-9]*[A-Z][A-Za-z0-9]*|[a-z]+)\)/;

function fieldKey(field) {
  const control = field.querySelector('[id]');
  const match = control && control.id.match(/Field_([A-Za-z0-9]+)_\d+$/);
  return match ? match[1] : null;
}

function fieldLabel(field) {
  const label = field.querySelector('label');
  return label ? label.textContent.replace(/\*/g, '').trim() : '';
}

/** The form field a rule's message concerns: named by its variable in brackets, else by its label. */
export function fieldOf(fields, message) {
  const named = message.match(VARIABLE_IN_BRACKETS);
  const byKey = named && fields.find((f) => fieldKey(f) === named[1]);
  if (byKey) {
    return byKey;
  }
  return fields.filter((f) => fieldLabel(f) && message.includes(fieldLabel(f)))
    .sort((a, b) => fieldLabel(b).length - fieldLabel(a).length)[0] || null;
}

function clearRuleErrors() {
  document.querySelectorAll('.onestop-rule-error').forEach((n) => n.remove());
  document.querySelectorAll('.onestop-rule-violated').forEach((n) => n.classList.remove('onestop-rule-violated'));
}

/**
 * Shows a refused submission's message beside the field it concerns (a rule of a step, process.RuleViolation), or
 * above the form when it names no visible field. It goes away when the clerk changes that field or submits again.
 */
export function showRuleError(rawMessage) {
  const form = document.querySelector('.fjs-container');
  if (!form) {
    return;
  }
  clearRuleErrors();
  const message = refusalForClerk(rawMessage);
  const fields = Array.from(form.querySelectorAll('.fjs-form-field')).filter((f) => f.querySelector('label'));
  const field = fieldOf(fields, message);
  const text = message.replace(VARIABLE_IN_BRACKETS, '');
  const note = document.createElement('div');
  note.className = 'onestop-rule-error text-danger';
  note.setAttribute('role', 'alert');
  note.textContent = text;
  if (field) {
    field.classList.add('onestop-rule-violated');
    field.append(note);
    field.addEventListener('input', clearRuleErrors, {once: true});
    field.scrollIntoView({block: 'center'});
  } else {
    form.prepend(note);
  }
}

const SUBMIT = /\/(task|process-definition)\/[^/]+\/submit-form(\?|$)/;

/** Tasklist submits forms through its SDK (XMLHttpRequest): a refused submission is shown at its field too. */
function watchSubmissions() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function onestopOpen(method, url, ...rest) {
    this.onestopSubmit = SUBMIT.test(String(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function onestopSend(...args) {
    if (this.onestopSubmit) {
      clearRuleErrors();
      this.addEventListener('loadend', () => {
        if (this.status >= 400) {
          let problem = null;
          try {
            problem = JSON.parse(this.responseText);
          } catch (e) {
            problem = null;
          }
          showRuleError(problem && (problem.detail || problem.message) || '');
        }
      });
    }
    return send.apply(this, args);
  };
}

watchSubmissions();

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    if (!parent) {
      return;
    }
    if (parent.closest('.fjs-form-field-error')) {
      const vi = vietnameseValidation(node.data);
      if (vi && vi !== node.data) {
        node.data = vi;
      }
    } else if (parent.closest('.fjs-container') && WIDGET_WORDS[node.data.trim()]) {
      node.data = WIDGET_WORDS[node.data.trim()];
    } else if (parent.closest('.notifications, .notification, [cam-notifications]')) {
      if (ENGINE_FRAME.test(node.data) || /ENGINE-\d{5}/.test(node.data)) {
        node.data = refusalForClerk(node.data).replace(VARIABLE_IN_BRACKETS, '');
      }
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (node.matches('.fjs-container input[placeholder]') && WIDGET_WORDS[node.placeholder]) {
    node.placeholder = WIDGET_WORDS[node.placeholder];
  }
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let next = walker.nextNode();
  while (next) {
    if (next.nodeType === Node.TEXT_NODE) {
      translateNode(next);
    } else if (next.matches('.fjs-container input[placeholder]') && WIDGET_WORDS[next.placeholder]) {
      next.placeholder = WIDGET_WORDS[next.placeholder];
    }
    next = walker.nextNode();
  }
}

function momentInVietnamese() {
  const angular = window.angular;
  const root = angular && angular.element(document.body).injector && angular.element(document.body).injector();
  if (!root || !root.has('moment')) {
    return;
  }
  const moment = root.get('moment');
  const language = root.has('$translate') ? root.get('$translate').use() : 'vi';
  if (language === 'vi' && moment.locale() !== 'vi' && moment.locales().includes('vi')) {
    root.get('amMoment').changeLocale('vi');
  }
}

new MutationObserver((mutations) => {
  mutations.forEach((m) => {
    if (m.type === 'characterData') {
      translateNode(m.target);
    } else {
      m.addedNodes.forEach(translateNode);
    }
  });
  momentInVietnamese();
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

export default [];
