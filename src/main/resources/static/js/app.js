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
