/*
 * Claiming a task can fill in fields: the drafting task's assignment listener writes the handler's name and
 * phone (承办人) as task variables. Tasklist keeps the Camunda Form it loaded before the claim (it reloads the form
 * only for another task), so the handler would see himself only after opening the task again.
 *
 * Here a successful claim first loads the task's form once more, with the variables as they are after the
 * claim, and only then lets Tasklist go on (refresh the task, enable the form). So the form the user types into
 * is already the fresh one: while it loads, the old form stays on screen, disabled as before the claim, and is
 * swapped for the new one when that has rendered. A form changed before the claim is kept as it is (never
 * reloaded), and a form that does not load in time (or fails) just stays: the claim is never held up for long.
 *
 * How: Camunda Forms are drawn by Tasklist's camTasklistFormCamunda directive (one form-js instance, in a closure).
 * Its link function is run once more, for a new scope and container, through a stand-in for the parent form's
 * controller that passes nothing on (handlers, validity, "loaded") until the new form is swapped in.
 */
const angular = window.angular;
const custom = angular.module('cam.tasklist.custom');

// Longest a claim waits for the fresh form; a slower form is abandoned and the old one stays.
const RELOAD_TIMEOUT_MS = 15000;

// taskId -> reload(): returns a promise settled when the fresh form is shown (or given up).
const reloaders = new Map();

// form-js reports changes of its own right after rendering a form (Camunda then calls the form dirty), so what
// the user did is told by the events: typing, ticking, picking from a drop-down list or a calendar.
const PICKERS = '.fjs-dropdownlist, .fjs-taglist, .flatpickr-calendar';
const NOT_TYPING = ['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'Escape'];

function changesValue(event) {
  if (!event.isTrusted) {
    return false;
  }
  if (event.type === 'keydown') {
    return !NOT_TYPING.includes(event.key) && !event.ctrlKey && !event.altKey && !event.metaKey;
  }
  if (event.type === 'mousedown') {
    return Boolean(event.target.closest && event.target.closest(PICKERS));
  }
  return true;
}

function watchUserChanges(view) {
  ['input', 'change', 'keydown', 'mousedown'].forEach((type) => view.container.addEventListener(type, (event) => {
    view.dirty = view.dirty || changesValue(event);
  }, true));
}

/**
 * One rendering of the form: its own child scope and container, and a stand-in for the controller of
 * camTasklistForm. While pending, the stand-in keeps the handlers it is given and ignores the rest, so the form
 * on screen stays in charge; activate() hands them over.
 */
function rendering(link, scope, element, attrs, form, active) {
  const view = { scope: scope.$new(), container: document.createElement('div'), active, dirty: false, handlers: [] };
  let settle = null;
  view.loaded = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  const stand = Object.create(form);
  const handOver = (name) => (handler) => (view.active ? form[name](handler) : view.handlers.push([name, handler]));
  stand.registerSaveHandler = handOver('registerSaveHandler');
  stand.registerCompletionHandler = handOver('registerCompletionHandler');
  stand.notifyFormValidated = (invalid) => view.active && form.notifyFormValidated(invalid);
  stand.notifyFormDirty = (dirty) => view.active && form.notifyFormDirty(dirty);
  stand.notifyFormInitialized = () => (view.active ? form.notifyFormInitialized() : settle.resolve());
  stand.notifyFormInitializationFailed = (error) => (view.active ? form.notifyFormInitializationFailed(error) : settle.reject(error));
  view.activate = () => {
    view.active = true;
    view.handlers.forEach(([name, handler]) => form[name](handler));
    // a freshly linked form starts valid and unchanged, as on first opening
    form.notifyFormValidated(false);
    form.notifyFormDirty(false);
  };
  view.remove = () => {
    view.scope.$destroy();
    view.container.remove();
  };
  watchUserChanges(view);
  element[0].appendChild(view.container);
  link(view.scope, angular.element(view.container), attrs, stand);
  return view;
}

custom.decorator('camTasklistFormCamundaDirective', ['$delegate', ($delegate) => {
  const directive = $delegate[0];
  const link = directive.link;
  // Angular has already made compile() return the original link: replace compile, not link.
  directive.compile = () => function formFreshAfterClaim(scope, element, attrs, form) {
    let shown = rendering(link, scope, element, attrs, form, true);
    const taskId = form.getParams().taskId;
    if (!taskId) {
      return; // a start form: nothing to claim
    }
    const reload = () => {
      if (shown.dirty) {
        return Promise.resolve(); // the user's input is worth more than the fresh values
      }
      const next = rendering(link, scope, element, attrs, form, false);
      // laid out (so text areas size to their text) but unseen until swapped in
      next.container.style.cssText = `visibility: hidden; position: absolute; width: ${shown.container.offsetWidth}px`;
      let timeout = null;
      const late = new Promise((resolve, reject) => {
        timeout = setTimeout(() => reject(new Error('form reload timed out')), RELOAD_TIMEOUT_MS);
      });
      return Promise.race([next.loaded, late])
        .then(() => {
          if (scope.$$destroyed || shown.dirty) {
            next.remove();
            return;
          }
          shown.remove();
          next.container.style.cssText = '';
          next.activate();
          shown = next;
        })
        .catch(() => next.remove())
        .finally(() => clearTimeout(timeout));
    };
    reloaders.set(taskId, reload);
    scope.$on('$destroy', () => {
      if (reloaders.get(taskId) === reload) {
        reloaders.delete(taskId);
      }
    });
  };
  return $delegate;
}]);

// Tasklist claims through camAPI's task resource (claim button and its shortcut); its callback refreshes the
// task and enables the form, so it runs after the fresh form is in place.
custom.run(['camAPI', '$rootScope', (camAPI, $rootScope) => {
  const task = camAPI.resource('task');
  const claim = task.claim;
  task.claim = function claimThenReloadForm(taskId, userId, done) {
    if (typeof taskId !== 'string' || typeof done !== 'function') {
      return claim.apply(this, arguments);
    }
    return claim.call(this, taskId, userId, (error, ...rest) => {
      const reload = !error && reloaders.get(taskId);
      if (!reload) {
        done(error, ...rest);
        return;
      }
      // Tasklist's callbacks run inside a digest, as camAPI's own do
      reload().then(() => $rootScope.$evalAsync(() => done(error, ...rest)));
    });
  };
}]);

export default [];
