/*
 * Tasklist shows the engine's error text as it comes: a refusal the app maps is Chinese (engine.EngineRefusals),
 * but what the engine's REST layer answers on its own (a JSON it cannot read: "Cannot construct instance of
 * org.camunda.bpm.engine.form.CamundaFormRef …", ENGINE-xxxxx codes) reaches the clerk in Java's English. Such a
 * message becomes a Chinese one; the original stays in the browser's console for whoever investigates.
 */
const CHINESE = /[\u4e00-\u9fff]/;
const JAVA_OR_ENGINE = /\b(?:org|java|javax|jakarta|com)\.[a-z]|Exception\b|\bENGINE-\d+/;
const IN_CHINESE = '操作未能完成，请刷新页面后重试；如仍不成功，请联系系统管理员。';

export function clerksMessage(message) {
  if (typeof message !== 'string' || !message.trim()) {
    return message;
  }
  return !CHINESE.test(message) || JAVA_OR_ENGINE.test(message) ? IN_CHINESE : message;
}

window.angular.module('cam.tasklist.custom').run(['Notifications', (Notifications) => {
  const addError = Notifications.addError;
  Notifications.addError = function inChinese(notification, ...rest) {
    if (notification && typeof notification.message === 'string') {
      const message = clerksMessage(notification.message);
      if (message !== notification.message) {
        console.warn('Tasklist error shown in Chinese:', notification.message);
        notification.message = message;
      }
    }
    return addError.call(this, notification, ...rest);
  };
}]);

export default [];
