/*
 * Cockpit and Admin are the administrator's tools beside the app: their header's menu gets the way back,
 * 返回工作台 (/), first of its entries. Unlike Tasklist (scripts/back-to-app.js there), they offer no plugin point
 * in the header, so the entry goes into the header's own list once Angular has drawn it. Admin loads this file
 * from here (its config.js).
 */
function addWayBack() {
  const menu = document.querySelector('nav.cam-nav.app-menu > ul');
  if (menu === null || menu.querySelector('li.back-to-workspace') !== null) {
    return;
  }
  const entry = document.createElement('li');
  entry.className = 'back-to-workspace';
  entry.innerHTML = '<a href="/" target="_self">返回工作台</a>';
  menu.insertBefore(entry, menu.firstChild);
}

new MutationObserver(addWayBack).observe(document.documentElement, { childList: true, subtree: true });
addWayBack();

export default [];
