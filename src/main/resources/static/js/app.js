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
