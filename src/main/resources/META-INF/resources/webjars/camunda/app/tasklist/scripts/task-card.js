/*
 * A task card shows the item's title (the task's description; its name ends in the item's number), its due date
 * as a day (期限 2026-12-31) with the working days left on the server's working-day calendar (weekends,
 * holidays, 调休), and a mark: 红 once overdue, 黄 within the yellow warning's 10 working days (the process's
 * default, DeadlineProperties). Camunda's relative "到期 1 个月后" and "🔔 1 个月后" are hidden by user-styles.css,
 * and so is the raw priority: key items already read 【重点督办】 in their task names.
 */
const WORKING_DAYS = `${document.querySelector('base').getAttribute('app-root')}/api/tasklistsupport/working-days?until=`;
// Due dates are days in Beijing time (23:59:59 of the day); the browser may be set to any time zone.
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const daysLeft = new Map();

function workingDaysLeft(day) {
  if (!daysLeft.has(day)) {
    daysLeft.set(day, fetch(WORKING_DAYS + day, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((body) => body.workingDaysLeft)
      .catch(() => {
        daysLeft.delete(day);
        return null;
      }));
  }
  return daysLeft.get(day);
}

function describe(left) {
  if (left === null || left === undefined) {
    return '';
  }
  if (left > 0) {
    return `剩余 ${left} 个工作日`;
  }
  return left === 0 ? '今日到期' : `已超期 ${-left} 个工作日`;
}

const YELLOW_WORKING_DAYS = 10;

const template = `
<div class="proposal-due" ng-if="due.day" ng-class="{overdue: due.left < 0, soon: due.left >= 0 && due.left <= ${YELLOW_WORKING_DAYS}}">
  <span class="proposal-due-mark" ng-if="due.left < 0">红</span>
  <span class="proposal-due-mark" ng-if="due.left >= 0 && due.left <= ${YELLOW_WORKING_DAYS}">黄</span>
  期限 <span class="proposal-due-day">{{ due.day }}</span>
  <span class="proposal-due-left" ng-if="due.text">（{{ due.text }}）</span>
</div>
<div class="proposal-item-title" ng-if="task.description">{{ task.description }}</div>`;

window.angular.module('cam.tasklist.custom').config(['ViewsProvider', (ViewsProvider) => {
  ViewsProvider.registerDefaultView('tasklist.card', {
    id: 'proposal-due-date',
    priority: 1000,
    template,
    // a function, not an arrow: AngularJS instantiates controllers with new
    controller: ['$scope', function DueDayController($scope) {
      $scope.due = {};
      $scope.$watch('task.due', (due) => {
        $scope.due = due ? { day: DAY.format(new Date(due)) } : {};
        if (due) {
          const shown = $scope.due;
          workingDaysLeft(shown.day).then((left) => {
            $scope.$evalAsync(() => {
              shown.left = left === null ? undefined : left;
              shown.text = describe(left);
            });
          });
        }
      });
    }]
  });
}]);

export default [];
