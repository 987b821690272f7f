package org.proposalhandling.intakeimport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST controller of the assigning office's clerk (the imports', the batch assignments'), whose
 * refusals {@link ApiErrors} answers; by annotation, as the batch assignments' controller lives in a module
 * that depends on this one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ClerkApi {
}
