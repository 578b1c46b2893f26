/*
 * OneStop (issue 15, item 3): Vietnamese where Tasklist's libraries have English built in.
 *
 * - Camunda Forms (form-js) write their validation messages in English with the raw rule
 *   ("Field must match pattern ^[0-9]{9,13}$."); they have no translation hook, so the messages are replaced as
 *   they appear, with a plain sentence per known pattern. The select/search widgets' words too.
 * - An engine refusal shown in a notification ("Cannot submit task form <id>: <rule's message>") keeps only the
 *   rule's own Vietnamese message (process.RuleViolationException); English engine text becomes a plain sentence.
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

const WIDGET_WORDS = {Select: 'Chọn...', Search: 'Tìm kiếm', 'No results': 'Không có kết quả', 'No values': 'Không có lựa chọn'};

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

/** The rule's message from an engine refusal, without the engine's English frame, ids and codes. */
export function vietnameseRefusal(text) {
  const stripped = text.replace(/^.*?Cannot [a-z ]+ [0-9a-f-]{8,}: /i, '').replace(/ENGINE-\d{5}\s*/g, '')
    .replace(/\b(?:[a-z_]+\.){2,}[A-Za-z_$]+(Exception|Error)?:?\s*/g, '');
  if (VIETNAMESE.test(stripped)) {
    return stripped.trim();
  }
  return null;
}

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
      if (/Cannot [a-z ]+ [0-9a-f-]{8,}: /i.test(node.data) || /ENGINE-\d{5}/.test(node.data)) {
        node.data = vietnameseRefusal(node.data) || 'Không thực hiện được; vui lòng kiểm tra lại thông tin đã nhập.';
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
