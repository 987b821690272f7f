/*
 * The tabs beside a task's form:
 * - 历史 goes: it lists the operations on this one task (claims, date changes), so for an item with a long
 *   history it said 该任务暂无历史记录; the item's history is on its page, which the form links to (查看办件).
 * - 流程图 shows the whole process fitted to its panel (user-styles.css gives the panel the window's height),
 *   with the task highlighted; Camunda only scrolled the task into a corner of a fixed small panel.
 */
const HISTORY = 'task-detail-history';
const DIAGRAM = 'task-detail-diagram';

function fitsThePanel(controller) {
  const construct = controller[controller.length - 1];
  return [...controller.slice(0, -1), function DiagramFittedController($scope, ...rest) {
    construct.call(this, $scope, ...rest);
    $scope.highlightTask = function fitAndHighlight() {
      $scope.control.getViewer().get('canvas').zoom('fit-viewport', 'auto');
      $scope.control.highlight($scope.diagram.task.taskDefinitionKey);
    };
  }];
}

window.angular.module('cam.tasklist.custom').run(['Plugins', (Plugins) => {
  const tabs = Plugins.getAllProviders('view')['tasklist.task.detail'] || [];
  const history = tabs.findIndex((view) => view.id === HISTORY);
  if (history >= 0) {
    tabs.splice(history, 1);
  }
  const diagram = tabs.find((view) => view.id === DIAGRAM);
  if (diagram) {
    diagram.controller = fitsThePanel(diagram.controller);
  }
}]);

export default [];
