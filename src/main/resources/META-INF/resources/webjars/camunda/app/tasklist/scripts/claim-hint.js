/*
 * A task nobody has claimed opens with its form greyed and 办理完成 disabled, and Tasklist does not say why. The
 * form gets a line at its top, 请先点击“签收”再办理, for as long as the task's 签收 button is there. Not claimed on
 * opening instead: a clerk who only looks at a task of his unit's (全部在办, a colleague's work) would take it
 * from the others, so claiming stays his own act.
 */
const HINT = '请先点击“签收”再办理';

function showHint() {
  const unclaimed = document.querySelector('[cam-tasklist-task-meta] button.claim') !== null;
  document.querySelectorAll('.disabled-form').forEach((form) => {
    const hint = form.previousElementSibling;
    const shown = hint !== null && hint.classList.contains('proposal-claim-hint');
    if (unclaimed && !shown) {
      const line = document.createElement('div');
      line.className = 'proposal-claim-hint alert alert-info';
      line.textContent = HINT;
      form.parentNode.insertBefore(line, form);
    }
  });
  // A hint whose form is no longer disabled (claimed) or whose task is claimed by another goes.
  document.querySelectorAll('.proposal-claim-hint').forEach((hint) => {
    const form = hint.nextElementSibling;
    if (!unclaimed || !form || !form.classList.contains('disabled-form')) {
      hint.remove();
    }
  });
}

new MutationObserver(showHint).observe(document.documentElement, {
  childList: true, subtree: true, attributes: true, attributeFilter: ['class']
});
showHint();

export default [];
