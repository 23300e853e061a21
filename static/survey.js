// The survey form's skip conditions (templates/partials/survey_questions.html): a question with
// data-show-if is shown only while the question it names is answered with one of the values in
// data-show-values, and while that question is itself shown. A hidden question's fieldset is
// disabled too, so its answers are not sent; the server drops them anyway (CheckAnswers), and
// without this script every question shows. A script file, because the Content-Security-Policy
// allows scripts from this site only.
(() => {
  const form = document.querySelector('form[data-survey]');
  if (!form) return;
  const questions = Array.from(form.querySelectorAll('fieldset[data-key]'));
  const byKey = new Map(questions.map((q) => [q.dataset.key, q]));

  const answeredWith = (key, values) => {
    const q = byKey.get(key);
    if (!q || q.hidden) return false;
    return Array.from(q.querySelectorAll('input[data-q]'))
      .some((input) => input.checked && values.includes(input.value));
  };

  // Conditions name earlier questions only, so one pass in page order settles chains.
  const update = () => {
    for (const q of questions) {
      const on = q.dataset.showIf;
      if (!on) continue;
      const shown = answeredWith(on, (q.dataset.showValues || '').split(' '));
      q.hidden = !shown;
      q.disabled = !shown;
    }
  };

  form.addEventListener('change', update);
  update();
})();
