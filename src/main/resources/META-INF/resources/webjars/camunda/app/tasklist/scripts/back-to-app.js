/*
 * Tasklist and the app's pages share one login (Spring Security, container-based authentication):
 * - the header offers the way back to the app, 返回工作台 (/) and 台账 (/items), as Tasklist's own navbar actions
 *   (the plugin point of 登记建议提案); 7.24's header has no ul.nav.navbar-nav to add a link to any more;
 * - after the webapp's own logout (which ends the one session), Tasklist would show its own login form, which
 *   cannot sign anyone in here: the page goes to the one login form instead.
 */
const LINKS = [
  { id: 'back-to-workspace', href: '/', text: '返回工作台' },
  { id: 'back-to-ledger', href: '/items', text: '台账' }
];

window.angular.module('cam.tasklist.custom').config(['ViewsProvider', (ViewsProvider) => {
  // Views of higher priority come first: the way back stands left of 登记建议提案 (100) and the shortcuts (300).
  LINKS.forEach((link, index) => {
    ViewsProvider.registerDefaultView('tasklist.navbar.action', {
      id: link.id,
      priority: 1000 - index,
      template: `<a href="${link.href}" target="_self">${link.text}</a>`
    });
  });
}]);

function toOneLogin() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace('/login?logout');
  }
}

window.addEventListener('hashchange', toOneLogin);
toOneLogin();

export default [];
