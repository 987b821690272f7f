/*
 * A task's candidates and assignee may claim and complete it (TASK_WORK, application.yaml), never change its
 * due date, follow-up date or groups: those need UPDATE. Tasklist offers the controls to everybody and the
 * engine refuses them. The task's controls show only to a user the engine answers UPDATE for (the engine's
 * own authorization check, asked again for each task opened); body.proposal-task-editable opens them
 * (user-styles.css).
 */
const CHECK = `${document.querySelector('base').getAttribute('app-root')}/api/engine/engine/default/authorization/check`;
const EDITABLE = 'proposal-task-editable';
let openedTask = null;

function taskInUrl() {
  const query = window.location.hash.split('?')[1];
  return query ? new URLSearchParams(query).get('task') : null;
}

function mayUpdate(taskId) {
  const params = new URLSearchParams({ permissionName: 'UPDATE', resourceName: 'Task', resourceType: '7', resourceId: taskId });
  return fetch(`${CHECK}?${params}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : { authorized: false }))
    .then((answer) => answer.authorized === true, () => false);
}

function followTask() {
  const taskId = taskInUrl();
  if (taskId === openedTask) {
    return;
  }
  openedTask = taskId;
  document.body.classList.remove(EDITABLE);
  if (taskId) {
    mayUpdate(taskId).then((authorized) => {
      document.body.classList.toggle(EDITABLE, authorized && openedTask === taskId);
    });
  }
}

window.addEventListener('hashchange', followTask);
followTask();

export default [];
