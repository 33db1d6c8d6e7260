// "Log a death": checks Form A as the SPOC types (the server's own validator, through
// /api/notifications/check), warns of a possible duplicate, and saves through /api/notifications.
(function () {
  'use strict';
  const form = document.getElementById('form-a');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  const csrfToken = document.querySelector('meta[name="_csrf"]').content;
  const agencies = document.getElementById('agencies');
  const rowTemplate = document.getElementById('agency-row');
  const duplicateWarning = document.getElementById('duplicate-warning');
  const saveError = document.getElementById('save-error');
  const errorSummary = document.getElementById('error-summary');
  const touched = new Set();
  let showAll = false;
  let timer = null;

  function value(id) {
    const element = document.getElementById(id);
    if (element.hasAttribute('data-date-field')) {
      return typedDate(element).iso;
    }
    if (id === 'timeOfDeath') {
      return typedTime(element).value;
    }
    const v = element.value.trim();
    return v === '' ? null : v;
  }

  // GOV.UK date input: day, month and year in their own boxes, so 03/04/2020 is only ever 3 April 2020.
  // Sends yyyy-mm-dd, or nothing while the date is incomplete or not real (and says which).
  function typedDate(fieldset) {
    const part = name => document.getElementById(fieldset.id + '-' + name).value.trim();
    const day = part('day');
    const month = part('month');
    const year = part('year');
    const label = fieldset.querySelector('legend').textContent.trim();
    if (day === '' && month === '' && year === '') {
      return { iso: null, problem: null };
    }
    const missing = [['day', day], ['month', month], ['year', year]].filter(p => p[1] === '').map(p => p[0]);
    if (missing.length > 0) {
      return { iso: null, problem: label + ' must include a ' + missing.join(' and ') };
    }
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d+$/.test(year)) {
      return { iso: null, problem: label + ' must be a real date' };
    }
    if (year.length !== 4) {
      return { iso: null, problem: label + ' must include a year with 4 numbers, for example 2007' };
    }
    const d = Number(day);
    const m = Number(month);
    const y = Number(year);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (m < 1 || m > 12 || d < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      return { iso: null, problem: label + ' must be a real date' };
    }
    return { iso: year + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0'), problem: null };
  }

  // A time is kept to the minute as typed (14:05 stays 14:05), on the 24-hour clock.
  function typedTime(input) {
    const typed = input.value.trim();
    if (typed === '') {
      return { value: null, problem: null };
    }
    const parts = /^(\d{1,2})[:.](\d{2})$/.exec(typed);
    if (!parts || Number(parts[1]) > 23 || Number(parts[2]) > 59) {
      return { value: null, problem: 'Time of death must be a real time on the 24-hour clock, for example 14:05' };
    }
    return { value: parts[1].padStart(2, '0') + ':' + parts[2], problem: null };
  }

  // What the browser itself can tell is wrong with a typed date or time, by field.
  function typingProblems() {
    const problems = {};
    form.querySelectorAll('[data-date-field]').forEach(fieldset => {
      const problem = typedDate(fieldset).problem;
      if (problem) {
        problems[fieldset.id] = problem;
      }
    });
    const time = typedTime(document.getElementById('timeOfDeath')).problem;
    if (time) {
      problems.timeOfDeath = time;
    }
    return problems;
  }

  function markInvalid(field) {
    const element = document.getElementById(field);
    if (!element) {
      return;
    }
    const inputs = element.hasAttribute('data-date-field') ? element.querySelectorAll('input') : [element];
    const message = document.querySelector('[data-error-for="' + field + '"]');
    if (message) {
      message.id = message.id || 'error-' + field;
    }
    inputs.forEach(input => {
      input.classList.add('invalid');
      // A screen reader tells the field is wrong and reads the message with it (WCAG 3.3.1).
      input.setAttribute('aria-invalid', 'true');
      if (message) {
        input.setAttribute('aria-describedby', message.id);
      }
    });
  }

  function formA() {
    const names = ['notifierName', 'notifierRole', 'notifierOrganisation', 'notifierEmail', 'notifierPhone',
      'childFirstName', 'childLastName', 'childOtherNames', 'dateOfBirth', 'sex', 'nhsNumber',
      'nhsNumberAbsentReason', 'ethnicity', 'addressLine', 'postcode', 'area', 'dateOfDeath', 'timeOfDeath',
      'signsOfLife', 'placeOfDeath', 'notifiedExpected', 'circumstances', 'postMortemRequired', 'coronerInformed'];
    const data = {};
    names.forEach(n => { data[n] = value(n); });
    data.agencies = Array.from(agencies.querySelectorAll('.agency-row')).map(row => {
      const agency = {};
      row.querySelectorAll('[data-agency-field]').forEach(input => {
        agency[input.dataset.agencyField] = input.value.trim() === '' ? null : input.value.trim();
      });
      return agency;
    });
    return data;
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', [csrfHeader]: csrfToken },
      body: JSON.stringify(body)
    });
  }

  function showErrors(errors) {
    document.querySelectorAll('[data-error-for]').forEach(p => { p.textContent = ''; });
    document.querySelectorAll('[data-agency-error]').forEach(p => { p.textContent = ''; });
    document.querySelectorAll('.invalid').forEach(el => el.classList.remove('invalid'));
    document.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
    const rows = agencies.querySelectorAll('.agency-row');
    errors.forEach(error => {
      const agency = /^agencies\[(\d+)\]\.?(.*)$/.exec(error.field);
      if (agency) {
        const row = rows[Number(agency[1])];
        if (row && (showAll || touched.has('agencies'))) {
          row.querySelector('[data-agency-error]').textContent = error.rule;
          row.querySelectorAll('[data-agency-field]').forEach(input => input.setAttribute('aria-invalid', 'true'));
        }
        return;
      }
      if (!showAll && !touched.has(error.field)) {
        return;
      }
      const p = document.querySelector('[data-error-for="' + error.field + '"]');
      if (p) {
        p.textContent = error.rule;
        markInvalid(error.field);
      }
    });
    // A date still being typed is reported as typed ("must include a month"), not as missing.
    Object.entries(typingProblems()).forEach(([field, problem]) => {
      if (showAll || touched.has(field)) {
        document.querySelector('[data-error-for="' + field + '"]').textContent = problem;
        markInvalid(field);
      }
    });
  }

  // The element an error is about: a field, or an agency row's input (ids given as rows are numbered).
  function target(field) {
    const agency = /^agencies\[(\d+)\]\.?(.*)$/.exec(field);
    if (agency) {
      const rows = agencies.querySelectorAll('.agency-row');
      rows.forEach((row, i) => row.querySelectorAll('[data-agency-field]').forEach(input => {
        input.id = 'agencies-' + i + '-' + input.dataset.agencyField;
      }));
      const row = rows[Number(agency[1])];
      return row ? row.querySelector('[data-agency-field="' + (agency[2] || 'agency') + '"]') : null;
    }
    return document.getElementById(field === 'agencies' ? 'add-agency' : field);
  }

  // GOV.UK error summary: every problem in the order of the form, each a link to its field.
  function showSummary(errors) {
    const list = errorSummary.querySelector('ul');
    list.textContent = '';
    errors.map(error => ({ error: error, element: target(error.field) }))
      .sort((a, b) => !a.element || !b.element ? 0
        : (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      .forEach(entry => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.textContent = entry.error.rule;
        link.href = '#' + (entry.element ? entry.element.id : entry.error.field);
        // As GOV.UK's summary does: a fragment link scrolls but does not focus, so the field is focused here.
        if (entry.element) {
          link.addEventListener('click', event => {
            event.preventDefault();
            entry.element.focus();
            entry.element.scrollIntoView({ block: 'center' });
          });
        }
        item.appendChild(link);
        list.appendChild(item);
      });
    errorSummary.hidden = errors.length === 0;
  }

  function showDuplicates(duplicates) {
    if (!duplicates || duplicates.length === 0) {
      duplicateWarning.hidden = true;
      duplicateWarning.textContent = '';
      return;
    }
    duplicateWarning.hidden = false;
    duplicateWarning.textContent = 'Possible duplicate: this matches open case '
      + duplicates.map(d => d.caseReference + ' (on ' + d.matchedOn + ')').join(', ')
      + '. If you save, you will be asked to merge it into that case or confirm a different death.';
  }

  function check() {
    post('/api/notifications/check', formA())
      .then(r => r.ok ? r.json() : Promise.reject(r))
      .then(result => { showErrors(result.errors); showDuplicates(result.possibleDuplicates); })
      .catch(() => { /* a failed check only delays feedback; saving checks again */ });
  }

  function scheduleCheck(event) {
    if (event && event.target) {
      const dateField = event.target.closest('[data-date-field]');
      touched.add(event.target.dataset.agencyField ? 'agencies' : (dateField ? dateField.id : event.target.id));
    }
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  function addAgency() {
    const row = rowTemplate.content.firstElementChild.cloneNode(true);
    row.querySelector('[data-remove-agency]').addEventListener('click', () => { row.remove(); scheduleCheck(); });
    agencies.appendChild(row);
  }

  form.addEventListener('input', scheduleCheck);
  form.addEventListener('change', scheduleCheck);
  document.getElementById('add-agency').addEventListener('click', addAgency);

  form.addEventListener('submit', event => {
    event.preventDefault();
    showAll = true;
    saveError.hidden = true;
    errorSummary.hidden = true;
    const typing = typingProblems();
    if (Object.keys(typing).length > 0) {
      // A date or time typed so that it cannot be read is not sent: the summary says what is wrong with it.
      check();
      showSummary(Object.entries(typing).map(([field, rule]) => ({ field: field, rule: rule })));
      errorSummary.focus();
      return;
    }
    post('/api/notifications', formA()).then(response => {
      if (response.status === 201) {
        return response.json().then(saved => {
          window.location.assign(saved.caseId ? '/cases/' + saved.caseId + '?saved'
            : '/notifications/' + saved.notificationId + '/possible-duplicate');
        });
      }
      return response.json().then(problem => {
        if (problem.errors) {
          showErrors(problem.errors);
          showSummary(problem.errors);
          errorSummary.focus();
          return;
        }
        saveError.textContent = 'Not saved: ' + (problem.detail || 'please try again.');
        saveError.hidden = false;
        window.scrollTo(0, 0);
      });
    }).catch(() => {
      saveError.textContent = 'Not saved: the server could not be reached. Please try again.';
      saveError.hidden = false;
    });
  });
})();
