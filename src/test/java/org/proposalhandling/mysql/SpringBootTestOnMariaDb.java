package org.proposalhandling.mysql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The app on the configured MariaDB database, emptied before the context starts. Every class using the
 * database this way must carry exactly this annotation (and nothing else that changes the context), so
 * that they share one cached context: a second context would empty the database under the first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequiresMariaDb
@SpringBootTest
@ActiveProfiles(value = {"test", "mysql", "mysql-test"}, inheritProfiles = false)
@ContextConfiguration(initializers = EmptyDatabase.class)
@interface SpringBootTestOnMariaDb {
}
