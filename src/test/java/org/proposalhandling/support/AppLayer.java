package org.proposalhandling.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/** The app layer: the Spring Boot app (in the test JVM or a JVM of its own), spoken to over HTTP, SMTP and its beans. {@code mvn test -Papp}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("app")
public @interface AppLayer {
}
