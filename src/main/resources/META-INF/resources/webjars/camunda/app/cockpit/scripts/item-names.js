/*
 * A process instance's business key is the item's id, a UUID. Wherever Cockpit shows a business key (the
 * instance's sidebar, the instance lists), the item's number and title are added beside it, read from the app
 * (GET /camunda/api/tasklistsupport/items/{key}; only items the user may read answer).
 */
const ITEMS = `${document.querySelector('base').getAttribute('app-root')}/api/tasklistsupport/items/`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const items = new Map();

function item(key) {
  if (!items.has(key)) {
    items.set(key, fetch(ITEMS + encodeURIComponent(key), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null));
  }
  return items.get(key);
}

function keyOf(element) {
  const own = Array.from(element.childNodes)
    .filter((node) => node.nodeType === Node.TEXT_NODE || (node.nodeType === Node.ELEMENT_NODE && !node.classList.contains('proposal-item')))
    .map((node) => node.textContent).join('').trim();
  return UUID.test(own) ? own : null;
}

function annotate(element) {
  const key = keyOf(element);
  const shown = element.querySelector('.proposal-item');
  if (!key || (shown && shown.dataset.key === key)) {
    return;
  }
  item(key).then((found) => {
    if (!found || keyOf(element) !== key) {
      return;
    }
    const note = element.querySelector('.proposal-item') || element.appendChild(document.createElement('div'));
    note.className = 'proposal-item';
    note.dataset.key = key;
    note.textContent = `${found.sessionName}第${found.number}号 ${found.title}`;
  });
}

function annotateAll() {
  document.querySelectorAll('.business-key').forEach(annotate);
}

new MutationObserver(annotateAll).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];
