/*
 * Tasklist for an English partnership (loaded by config.js customScripts).
 *
 * 1. Dates are typed and shown day first, whatever the browser's language.
 *    The Camunda Forms date field (form-js in Tasklist 7.24) turns typed text into a date with
 *    flatpickr, in the order of the browser's default locale (Intl.DateTimeFormat('default')):
 *    month first in an en-US browser, and flatpickr rolls impossible parts over, so 30/11/2026
 *    became 11 June 2028 and 03/04/2020 became 4 March 2020. The form then submits the date as
 *    yyyy-mm-dd, which the server, the API and every delegate read the same unambiguous way.
 *    So the one place a date can be misread is here, between the keyboard and the picker, and that
 *    is where it is fixed: every picker gets a parser and a formatter that know only day/month/year
 *    (or yyyy-mm-dd), refuse a month over 12 or a day the month does not have instead of rolling it
 *    over, and the date is repeated under the field in words ("3 April 2020"), so nobody has to
 *    guess which way round it was read. Plain text fields with a pattern would also have worked,
 *    but would have put dd/mm/yyyy strings into the engine and every reader of them, the API's ISO
 *    dates beside them, and lost the calendar.
 *    flatpickr takes defaults (flatpickr.setDefaults) but replaces parseDate/formatDate with the
 *    caller's (form-js gives none); its hooks are kept, so the onParseConfig hook installs ours on
 *    each picker before it reads any date.
 * 2. Form A started in Tasklist says which case it opened: Tasklist only says "The process has been
 *    started". The start's answer is the process instance, whose business key the server sets to
 *    the case's reference (or, for a possible duplicate, to the new notification's id).
 */

const DAY_FIRST = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const REJECTED = 'cdrRejectedDate';

/** A real calendar date, or null: 31/02/2026 and 11/30/2026 are not dates, not March or June. */
function dateOf(year, month, day) {
  if (month < 1 || month > 12 || day < 1) {
    return null;
  }
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

export function parseUkDate(text) {
  const typed = String(text).trim();
  let parts = DAY_FIRST.exec(typed);
  if (parts) {
    return dateOf(Number(parts[3]), Number(parts[2]), Number(parts[1]));
  }
  parts = ISO_DATE.exec(typed);
  return parts ? dateOf(Number(parts[1]), Number(parts[2]), Number(parts[3])) : null;
}

function twoDigits(n) {
  return String(n).padStart(2, '0');
}

export function formatUkDate(date) {
  return twoDigits(date.getDate()) + '/' + twoDigits(date.getMonth() + 1) + '/' + date.getFullYear();
}

export function inWords(date) {
  return date.getDate() + ' ' + MONTHS[date.getMonth()] + ' ' + date.getFullYear();
}

/** The line under a date field: the date in words, or why what was typed is not a date. */
function wordsLine(picker) {
  const field = picker.input && picker.input.closest('.fjs-datetime-subsection');
  if (!field) {
    return null;
  }
  let line = field.querySelector('.cdr-date-in-words');
  if (!line) {
    line = document.createElement('div');
    line.className = 'cdr-date-in-words';
    line.id = picker.input.id + '-in-words';
    line.setAttribute('aria-live', 'polite');
    field.appendChild(line);
    const described = picker.input.getAttribute('aria-describedby');
    picker.input.setAttribute('aria-describedby', ((described || '') + ' ' + line.id).trim());
  }
  return line;
}

function showInWords(picker) {
  const line = wordsLine(picker);
  if (!line) {
    return;
  }
  const date = picker.selectedDates[0];
  const rejected = picker[REJECTED];
  line.classList.toggle('cdr-date-rejected', !date && !!rejected);
  line.textContent = date ? inWords(date)
    : rejected ? '“' + rejected + '” is not a date: type the day, then the month, then the year, like 30/11/2026.'
      : '';
}

function dayFirstPicker() {
  const picker = this;
  picker.config.parseDate = (text) => {
    const date = parseUkDate(text);
    picker[REJECTED] = date ? null : String(text).trim();
    // An invalid Date makes flatpickr drop the text instead of guessing.
    return date || new Date(NaN);
  };
  picker.config.formatDate = (date) => formatUkDate(date);
}

function dayFirstPlaceholder(selectedDates, dateText, picker) {
  if (picker.input) {
    picker.input.placeholder = 'dd/mm/yyyy';
  }
  showInWords(picker);
}

function dateFieldsDayFirst(flatpickr) {
  flatpickr.setDefaults({
    onParseConfig: [dayFirstPicker],
    onReady: [dayFirstPlaceholder],
    onValueUpdate: [(selectedDates, dateText, picker) => showInWords(picker)]
  });
}

// deps.js sets window.flatpickr when form-js first needs it, which may be after this script runs.
if (window.flatpickr) {
  dateFieldsDayFirst(window.flatpickr);
} else {
  let flatpickr;
  Object.defineProperty(window, 'flatpickr', {
    configurable: true,
    get: () => flatpickr,
    set: (value) => {
      flatpickr = value;
      if (value && value.setDefaults) {
        dateFieldsDayFirst(value);
      }
    }
  });
}

/* 2. Which case a Form A started in Tasklist opened. */

const CASE_REFERENCE = /^\d{4}-\d{2}\/\d+$/;

function sayWhichCase(businessKey) {
  let status = document.getElementById('cdr-started-case');
  if (!status) {
    status = document.createElement('div');
    status.id = 'cdr-started-case';
    status.className = 'alert alert-success';
    status.setAttribute('role', 'status');
    document.body.appendChild(status);
  }
  status.textContent = '';
  const text = document.createElement('span');
  if (CASE_REFERENCE.test(businessKey)) {
    text.textContent = 'Form A saved: case ' + businessKey + ' is open. The Designated Doctor has been alerted, '
      + 'and its first tasks are in Tasklist, named with the reference ' + businessKey + '. ';
    status.appendChild(text);
    // Tasklist has no way back to the app: the case list, searched by the reference, opens its case page.
    const find = document.createElement('a');
    find.id = 'cdr-started-case-link';
    find.href = '/cases?reference=' + encodeURIComponent(businessKey);
    find.textContent = 'Find case ' + businessKey + ' in the case list';
    status.appendChild(find);
    status.appendChild(document.createTextNode('. '));
  } else {
    text.textContent = 'Form A saved, but it matches a case already open, so no new case was opened: ';
    const link = document.createElement('a');
    link.href = '/notifications/' + encodeURIComponent(businessKey) + '/possible-duplicate';
    link.textContent = 'decide whether it is the same death';
    status.appendChild(text);
    status.appendChild(link);
    status.appendChild(document.createTextNode('. '));
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn btn-link';
  close.textContent = 'Close this message';
  close.addEventListener('click', () => status.remove());
  status.appendChild(close);
}

const SUBMIT_START_FORM = /\/process-definition\/[^/]+\/submit-form$/;
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && SUBMIT_START_FORM.test(String(url).split('?')[0])) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        try {
          const started = JSON.parse(this.responseText);
          if (started && started.businessKey) {
            sayWhichCase(started.businessKey);
          }
        } catch (e) {
          // Not the answer we know: Tasklist's own message is all there is.
        }
      }
    });
  }
  return open.call(this, method, url, ...rest);
};
