/**
 * The one header of the app's signed-in pages (templates/fragments/header.html) and of the refusal pages
 * (templates/error.html): the product's name, the sections the user's roles open, his name and unit, 退出.
 * The sections follow the rules the pages themselves apply (see {@link org.proposalhandling.header.Section});
 * EveryPageTest opens every section each demo user is offered.
 */
package org.proposalhandling.header;
