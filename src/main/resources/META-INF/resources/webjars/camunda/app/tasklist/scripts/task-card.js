/*
 * A task card shows the item's title (the task's description; its name ends in the item's number), its due date
 * as a day (期限 2026-12-31) with the working days left on the server's working-day calendar (weekends,
 * holidays, 调休), and a mark: 红 once overdue, 黄 within the yellow warning's working days of the item's kind
 * (DeadlineProperties). Camunda's relative "到期 1 个月后" and "🔔 1 个月后" are hidden by user-styles.css,
 * and so is the raw priority: key items already read 【重点督办】 in their task names.
 */
// The server reads the due moment in the office's zone, on its calendar and with the item's yellow warning: the
// browser may be set to any zone, and the threshold differs per kind of item.
const DUE = `${document.querySelector('base').getAttribute('app-root')}/api/tasklistsupport/due`;
const answers = new Map();

function dueOf(task) {
  const query = `?at=${encodeURIComponent(new Date(task.due).toISOString())}&instance=${encodeURIComponent(task.processInstanceId || '')}`;
  if (!answers.has(query)) {
    answers.set(query, fetch(DUE + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .catch(() => {
        answers.delete(query);
        return null;
      }));
  }
  return answers.get(query);
}

function describe(left) {
  if (left > 0) {
    return `剩余 ${left} 个工作日`;
  }
  return left === 0 ? '今日到期' : `已超期 ${-left} 个工作日`;
}

const template = `
<div class="proposal-due" ng-if="due.day" ng-class="{overdue: due.mark === '红', soon: due.mark === '黄'}">
  <span class="proposal-due-mark" ng-if="due.mark">{{ due.mark }}</span>
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
        $scope.due = {};
        if (due) {
          const shown = $scope.due;
          dueOf($scope.task).then((answer) => {
            if (answer) {
              $scope.$evalAsync(() => Object.assign(shown, { day: answer.day, mark: answer.mark, text: describe(answer.workingDaysLeft) }));
            }
          });
        }
      });
    }]
  });
}]);

export default [];
