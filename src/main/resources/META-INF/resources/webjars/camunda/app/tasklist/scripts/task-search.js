/*
 * Tasklist's search parses every value that looks like a number into a number (0044 → 44) unless its search
 * type is marked enforceString; a "like" search then fails (TypeError: e.replace is not a function) and filters
 * nothing. Task names carry the item's number ("…｜…第0044号"), so the types searched by text keep their value
 * as typed. Variable searches keep Camunda's parsing (quote a value, '0044', to search it as text).
 */
const TEXT_TYPES = [
  'name', 'description', 'assignee', 'owner', 'candidateGroup', 'candidateUser', 'involvedUser',
  'taskDefinitionKey', 'processDefinitionKey', 'processDefinitionName', 'processInstanceBusinessKey'
];

window.angular.module('cam.tasklist.custom').config(['$provide', ($provide) => {
  $provide.decorator('camWidgetSearchDirective', ['$delegate', ($delegate) => {
    const directive = $delegate[0];
    const link = directive.link;
    directive.compile = () => function keepTextAsTyped(scope, ...rest) {
      (scope.types || []).filter((type) => TEXT_TYPES.includes(type.id.key)).forEach((type) => {
        type.enforceString = true;
      });
      return link.apply(this, [scope, ...rest]);
    };
    return $delegate;
  }]);
}]);

export default [];
