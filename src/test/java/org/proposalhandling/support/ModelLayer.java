package org.proposalhandling.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/** The model layer: no Spring context, no server; the BPMN and form models, the calendar, parsers, the letter's layout, pure logic. {@code mvn test -Pmodel} runs it alone. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("model")
public @interface ModelLayer {
}
