/*
 * The console's few lines of script: a progress bar while a request is on its way (form submits
 * and PrimeFaces Ajax), and no second submit of a form while the first is being answered.
 */
var Console = (function () {
  'use strict';

  function bar() {
    return document.getElementById('busy');
  }

  function busy(on) {
    var element = bar();
    if (element) {
      element.classList.toggle('active', !!on);
    }
    document.documentElement.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter;
    // downloads answer with a file, not a page: the page stays usable
    if (submitter && submitter.classList.contains('download')) {
      return;
    }
    if (form.getAttribute('data-submitting') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitting', 'true');
    if (submitter) {
      submitter.classList.add('submitting');
      submitter.setAttribute('aria-busy', 'true');
    }
    busy(true);
  });

  // back/forward cache: a page shown again is not busy
  window.addEventListener('pageshow', function () {
    busy(false);
    var forms = document.querySelectorAll('form[data-submitting]');
    for (var i = 0; i < forms.length; i++) {
      forms[i].removeAttribute('data-submitting');
    }
    var buttons = document.querySelectorAll('.submitting');
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].classList.remove('submitting');
      buttons[j].removeAttribute('aria-busy');
    }
  });

  return { busy: busy };
})();
