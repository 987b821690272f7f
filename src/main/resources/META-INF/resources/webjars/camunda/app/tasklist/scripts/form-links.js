/*
 * A link in a task's form (to the item's page, its 附件) opens in a new tab: the clerk uploads the scanned
 * original or the sealed opinion there and comes back to his task, its form and what he typed as he left them.
 * Set as the click happens, in the capture phase, since the form renders its links anew on every change.
 */
document.addEventListener('click', (event) => {
  const link = event.target.closest('[cam-tasklist-form-camunda] a[href]');
  if (link) {
    link.target = '_blank';
    link.rel = 'noopener';
  }
}, true);
