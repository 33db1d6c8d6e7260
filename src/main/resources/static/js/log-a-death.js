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
    const v = document.getElementById(id).value.trim();
    return v === '' ? null : v;
  }

  function formA() {
    const names = ['notifierName', 'notifierRole', 'notifierOrganisation', 'notifierEmail', 'notifierPhone',
      'childFirstName', 'childLastName', 'childOtherNames', 'dateOfBirth', 'sex', 'nhsNumber',
      'nhsNumberAbsentReason', 'ethnicity', 'addressLine', 'postcode', 'dateOfDeath', 'timeOfDeath',
      'placeOfDeath', 'notifiedExpected', 'circumstances', 'postMortemRequired', 'coronerInformed'];
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
    const rows = agencies.querySelectorAll('.agency-row');
    errors.forEach(error => {
      const agency = /^agencies\[(\d+)\]\.?(.*)$/.exec(error.field);
      if (agency) {
        const row = rows[Number(agency[1])];
        if (row && (showAll || touched.has('agencies'))) {
          row.querySelector('[data-agency-error]').textContent = error.rule;
        }
        return;
      }
      if (!showAll && !touched.has(error.field)) {
        return;
      }
      const p = document.querySelector('[data-error-for="' + error.field + '"]');
      if (p) {
        p.textContent = error.rule;
        const input = document.getElementById(error.field);
        if (input) {
          input.classList.add('invalid');
        }
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
      touched.add(event.target.dataset.agencyField ? 'agencies' : event.target.id);
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
