/*
 * Tasklist and the app's pages share one login (Spring Security, container-based authentication):
 * - the header gets a link to the ledger (办件台账, /items), beside the webapps' own menu;
 * - after the webapp's own logout (which ends the one session), Tasklist would show its own login form, which
 *   cannot sign anyone in here: the page goes to the one login form instead.
 * No Camunda code is patched; the script only watches the page.
 */
(function () {
  var LEDGER = '/items';

  function addLedgerLink() {
    var nav = document.querySelector('[cam-widget-header] ul.nav.navbar-nav, [cam-widget-header] .navbar-nav');
    if (!nav || nav.querySelector('.ledger-link')) {
      return;
    }
    var item = document.createElement('li');
    item.className = 'ledger-link';
    var link = document.createElement('a');
    link.href = LEDGER;
    link.textContent = '办件台账';
    item.appendChild(link);
    nav.insertBefore(item, nav.firstChild);
  }

  function toOneLogin() {
    if (window.location.hash.indexOf('#/login') === 0) {
      window.location.replace('/login?logout');
    }
  }

  new MutationObserver(addLedgerLink).observe(document.documentElement, {childList: true, subtree: true});
  window.addEventListener('hashchange', toOneLogin);
  addLedgerLink();
  toOneLogin();
})();
