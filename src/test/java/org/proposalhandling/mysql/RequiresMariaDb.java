package org.proposalhandling.mysql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test on a real MariaDB/MySQL server: tagged "mysql", skipped (an assumption) where none is configured. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("mysql")
@ExtendWith(MariaDbAvailable.class)
@interface RequiresMariaDb {
}
