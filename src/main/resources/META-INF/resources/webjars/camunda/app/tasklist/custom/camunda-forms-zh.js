/*
 * Chinese for what Camunda Forms write in English in Tasklist: validation messages, the date picker and
 * the few words of the drop-downs. Tasklist 7.24 renders forms with form-js 1.8.7, whose viewer has no translation support (its
 * Validator returns English literals; bpmn-io/form-js#77, #443), and Tasklist creates the form with
 * `new Form({ container })`, so no module can be handed to form-js. Instead this script, while the page is
 * Chinese, rewrites the messages and words where form-js shows them (.fjs-form-field-error, the drop-downs)
 * and gives every date
 * picker a Chinese locale through flatpickr's own instance API (input._flatpickr.set). A message it does not
 * know stays as form-js wrote it. The server checks every submission again, with Chinese messages.
 */
import { currentLocale } from '../../locale-choice.js';

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must match pattern (.+)\.$/, pattern => '格式不符合要求（' + pattern + '）。'],
  [/^Field must have minimum value of (.+)\.$/, min => '不能小于 ' + min + '。'],
  [/^Field must have maximum value of (.+)\.$/, max => '不能大于 ' + max + '。'],
  [/^Field must have minimum length of (\d+)\.$/, min => '至少输入 ' + min + ' 个字符。'],
  [/^Field must have maximum length of (\d+)\.$/, max => '最多输入 ' + max + ' 个字符。'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请输入有效的国际格式电话号码，例如 +862112345678。'],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址。'],
  [/^Value is not a number\.$/, () => '请输入数字。'],
  [/^Value is expected to be an integer\.$/, () => '请输入整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, digits => '最多保留 ' + digits + ' 位小数。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (lower, upper) => '请输入有效值，最接近的有效值为 ' + lower + ' 和 ' + upper + '。']
];

/** Fixed words of form-js 1.8's select, taglist and search fields, by where they are shown. */
const WORDS = [
  ['.fjs-select-placeholder', { Select: '请选择' }],
  ['.fjs-dropdownlist-empty', { 'No results': '无匹配项', 'All values selected': '已全部选择' }]
];
const PLACEHOLDERS = { Search: '搜索' };

const MONTHS = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
const DATE_PICKER_LOCALE = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: { shorthand: MONTHS, longhand: MONTHS },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};

export function translateMessage(text) {
  const message = text.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) {
      return chinese(...match.slice(1));
    }
  }
  return null;
}

function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach(item => {
    // change the text node in place: form-js (Preact) keeps it and rewrites it only when the error changes
    item.childNodes.forEach(node => {
      if (node.nodeType === Node.TEXT_NODE) {
        const chinese = translateMessage(node.data);
        if (chinese) {
          node.data = chinese;
        }
      }
    });
  });
}

function translateWords(root) {
  WORDS.forEach(([selector, words]) => root.querySelectorAll(selector).forEach(element => {
    element.childNodes.forEach(node => {
      const chinese = node.nodeType === Node.TEXT_NODE && words[node.data.trim()];
      if (chinese) {
        node.data = chinese;
      }
    });
  }));
  root.querySelectorAll('.fjs-container input[placeholder]').forEach(input => {
    const chinese = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
}

function localizeDatePickers(root) {
  root.querySelectorAll('.fjs-form-field-datetime input').forEach(input => {
    const picker = input._flatpickr;
    if (picker && picker.config.locale !== DATE_PICKER_LOCALE) {
      picker.set('locale', DATE_PICKER_LOCALE);
    }
  });
}

function localize() {
  translateErrors(document);
  translateWords(document);
  localizeDatePickers(document);
}

if (currentLocale() === 'zh') {
  // mutation callbacks run before the browser paints, so the English text is never shown
  new MutationObserver(localize).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder'] });
  localize();
}

export default [];
