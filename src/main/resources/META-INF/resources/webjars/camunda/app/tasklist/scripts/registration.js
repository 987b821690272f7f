/*
 * Camunda's words for this office's acts: starting a process is registering an item (登记建议提案, zh.json), the
 * toast names the item registered (已登记：…第0044号), and standalone tasks (新建任务) are not offered: every task
 * belongs to an item's process.
 */
const angular = window.angular;
const custom = angular.module('cam.tasklist.custom');

// The start form's fields; the business key is a UUID, so the toast names the item by these.
let registered = null;

custom.run(['camAPI', 'Notifications', '$translate', 'Plugins', (camAPI, Notifications, $translate, Plugins) => {
  const navbar = Plugins.getAllProviders('view')['tasklist.navbar.action'] || [];
  const createTask = navbar.findIndex((view) => view.id === 'create-task-action');
  if (createTask >= 0) {
    navbar.splice(createTask, 1);
  }

  const processDefinition = camAPI.resource('process-definition');
  const submitForm = processDefinition.submitForm;
  processDefinition.submitForm = function rememberItem(params, ...rest) {
    const variables = (params && params.variables) || {};
    const value = (name) => (variables[name] && variables[name].value) || '';
    registered = value('number') ? { sessionName: value('sessionName'), number: value('number') } : null;
    return submitForm.call(this, params, ...rest);
  };

  const addMessage = Notifications.addMessage;
  Notifications.addMessage = function nameTheItem(notification, ...rest) {
    if (registered && notification && notification.status === $translate.instant('PROCESS_START_OK')) {
      notification.status = `${notification.status}：${registered.sessionName}第${registered.number}号`;
      registered = null;
    }
    return addMessage.call(this, notification, ...rest);
  };
}]);

export default [];
