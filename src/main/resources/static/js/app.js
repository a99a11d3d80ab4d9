// htmx requests carry the CSRF token that Spring Security expects on every state-changing request.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && token.content) {
    event.detail.headers[header.content] = token.content;
  }
});

// A button with data-copy-target copies the value of the field it names (used for a new API key's secret).
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy-target]');
  if (!button) {
    return;
  }
  var field = document.querySelector(button.getAttribute('data-copy-target'));
  if (field) {
    field.select();
    if (navigator.clipboard) {
      navigator.clipboard.writeText(field.value);
    }
  }
});

// An approval step row shows the role select for role approvers and the people list for named people only.
function showApproverFields(row) {
  var kind = row.querySelector('select[data-approver-kind]');
  if (!kind) {
    return;
  }
  var byPeople = kind.value === 'USERS';
  row.querySelectorAll('[data-approver-role]').forEach(function (field) { field.hidden = byPeople; });
  row.querySelectorAll('[data-approver-people]').forEach(function (field) { field.hidden = !byPeople; });
}
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.step-row').forEach(showApproverFields);
});
document.addEventListener('change', function (event) {
  if (event.target.matches('select[data-approver-kind]')) {
    showApproverFields(event.target.closest('.step-row'));
  }
});

// A form (or a submit button) with data-confirm asks the person first and submits only if they agree. The text
// comes from the message bundle through the template; the content security policy allows no inline handlers.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var submitter = event.submitter;
  var question = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// A select with data-autosubmit submits its form as soon as a choice is made (filters, the canteen selector).
document.addEventListener('change', function (event) {
  var select = event.target.closest('select[data-autosubmit]');
  if (select && select.form) {
    if (select.form.requestSubmit) {
      select.form.requestSubmit();
    } else {
      select.form.submit();
    }
  }
});

// A form with data-busy="#indicator" that takes long (the dispatch optimiser): once submitted, its buttons are
// disabled so it is not sent twice, and the indicator it names is shown, counting the seconds in [data-busy-elapsed].
document.addEventListener('submit', function (event) {
  var form = event.target;
  var selector = form.getAttribute('data-busy');
  if (selector === null || event.defaultPrevented) {
    return;
  }
  var indicator = selector ? document.querySelector(selector) : null;
  window.setTimeout(function () {
    form.querySelectorAll('button[type="submit"], button:not([type])').forEach(function (button) {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
    });
  }, 0);
  if (indicator) {
    indicator.hidden = false;
    var elapsed = indicator.querySelector('[data-busy-elapsed]');
    var started = Date.now();
    if (elapsed) {
      window.setInterval(function () {
        elapsed.textContent = String(Math.floor((Date.now() - started) / 1000));
      }, 1000);
    }
  }
});
