/*
 * form-js (bundled in Camunda 7.24's lib/deps.js) writes its placeholders and validation messages in English
 * and has no translation hook. Each rendered form gets one MutationObserver that rewrites those strings where
 * form-js puts them: the validation messages name the field, e.g. 「联系方式」为必填项. Only the DOM text changes;
 * form-js keeps its own state, so validation and submission are untouched.
 */
const MESSAGES = [
  [/^Field is required\.$/, (label) => `「${label}」为必填项`],
  [/^Field must be a valid email\.$/, (label) => `「${label}」须为有效的电子邮件地址`],
  [/^Field must be a valid\s+international phone number\b.*$/, (label) => `「${label}」须为有效的电话号码（如 +8643188888888）`],
  [/^Field must have minimum length of (\d+)\.$/, (label, n) => `「${label}」至少需 ${n} 个字`],
  [/^Field must have maximum length of (\d+)\.$/, (label, n) => `「${label}」最多 ${n} 个字`],
  [/^Field must have minimum value of (.+)\.$/, (label, n) => `「${label}」不能小于 ${n}`],
  [/^Field must have maximum value of (.+)\.$/, (label, n) => `「${label}」不能大于 ${n}`],
  [/^Field must match pattern .+\.$/, (label) => `「${label}」的格式不正确`]
];

const TEXTS = {
  Select: '请选择',
  'No results': '没有匹配的选项',
  'All values selected': '已全部选择'
};

const PLACEHOLDERS = { Select: '请选择', Search: '输入以搜索' };

function labelOf(element) {
  const field = element.closest('.fjs-form-field');
  const label = field && field.querySelector('.fjs-form-field-label');
  return label ? label.textContent.replace(/[\s*]+$/, '').trim() : '本项';
}

function translateText(node) {
  const text = node.data.trim();
  if (!text) {
    return;
  }
  const parent = node.parentElement;
  if (parent && parent.closest('.fjs-form-field-error')) {
    for (const [pattern, message] of MESSAGES) {
      const match = pattern.exec(text);
      if (match) {
        node.data = message(labelOf(parent), ...match.slice(1));
        return;
      }
    }
  } else if (Object.prototype.hasOwnProperty.call(TEXTS, text)) {
    node.data = TEXTS[text];
  }
}

function translatePlaceholder(element) {
  const placeholder = element.getAttribute('placeholder');
  if (placeholder && Object.prototype.hasOwnProperty.call(PLACEHOLDERS, placeholder)) {
    element.setAttribute('placeholder', PLACEHOLDERS[placeholder]);
  }
}

function translateTree(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    translateText(node);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (node.hasAttribute('placeholder')) {
    translatePlaceholder(node);
  }
  node.querySelectorAll('[placeholder]').forEach(translatePlaceholder);
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    translateText(text);
  }
}

function watchForm(root) {
  translateTree(root);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        translateText(record.target);
      } else if (record.type === 'attributes') {
        translatePlaceholder(record.target);
      } else {
        record.addedNodes.forEach(translateTree);
      }
    }
  }).observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder'] });
}

// Forms come and go with the selected task and the start dialog; each new form root is watched on its own.
const watched = new WeakSet();
function watchNewForms() {
  document.querySelectorAll('.fjs-container').forEach((root) => {
    if (!watched.has(root)) {
      watched.add(root);
      watchForm(root);
    }
  });
}
new MutationObserver(watchNewForms).observe(document.documentElement, { childList: true, subtree: true });
watchNewForms();

// A form refused by its own validation reaches Tasklist's error toast without a message; say what to do.
window.angular.module('cam.tasklist.custom').run(['Notifications', '$translate', (Notifications, $translate) => {
  const addError = Notifications.addError;
  Notifications.addError = function explainRefusedForm(notification, ...rest) {
    if (notification && !notification.message && notification.status === $translate.instant('COMPLETE_ERROR')) {
      notification.message = '请按表单中标红的提示填写后再提交。';
    }
    return addError.call(this, notification, ...rest);
  };
}]);

export default [];
