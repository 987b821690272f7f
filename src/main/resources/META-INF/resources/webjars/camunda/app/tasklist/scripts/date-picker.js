/*
 * form-js's date picker is flatpickr (window.flatpickr, bundled in lib/deps.js). form-js gives it no locale, and
 * a date format derived from the browser's default locale (m/d/Y in an en-US browser) without a parser of its
 * own, so flatpickr's lenient parser read a typed 2026-11-20 as some other date. Here every picker speaks
 * Chinese (weeks from Monday), shows yyyy-MM-dd and parses strictly: a typed date is kept as typed, or refused
 * (the field is emptied and says why), never turned into another date. form-js stores the picked day itself
 * (yyyy-MM-dd), so what is submitted is the day shown.
 */
const flatpickr = window.flatpickr;

const zh = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动以切换',
  toggleTitle: '点击切换',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};

const FORMAT = 'yyyy-MM-dd';
// 2026-11-20, and the same day written 2026/11/20 or 2026年11月20日.
const TYPED_DAY = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** The day typed, or undefined when the text is no existing day (2026-02-30 is refused, not rolled over). */
export function parseDay(text) {
  const match = TYPED_DAY.exec(String(text).trim());
  if (!match) {
    return undefined;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day);
  const exists = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return exists ? date : undefined;
}

function showRefusal(picker, text) {
  const holder = picker.input.closest('.flatpickr-wrapper') || picker.input.parentElement;
  let note = holder.querySelector('.proposal-date-refused');
  if (!text) {
    if (note) {
      note.remove();
    }
    return;
  }
  if (!note) {
    note = document.createElement('div');
    note.className = 'proposal-date-refused';
    holder.appendChild(note);
  }
  note.textContent = `「${text}」不是有效日期，请按 ${FORMAT} 填写，如 2026-11-20`;
}

function isoDays(picker) {
  picker.config.dateFormat = 'Y-m-d';
  picker.config.ariaDateFormat = 'Y年n月j日';
  picker.config.parseDate = (text) => {
    const day = parseDay(text);
    showRefusal(picker, day ? null : text);
    return day;
  };
  return {
    onReady: () => {
      picker.input.placeholder = FORMAT;
    }
  };
}

if (flatpickr) {
  flatpickr.localize(zh);
  flatpickr.setDefaults({ plugins: [...(flatpickr.defaultConfig.plugins || []), isoDays] });
} else {
  console.error('date-picker.js: window.flatpickr is missing; the form date picker stays in English.');
}

export default [];
