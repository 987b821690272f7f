package org.proposalhandling.intakeimport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page controller of the assigning office's clerk (批量导入, 批量交办), whose refusals {@link PageErrors}
 * shows; by annotation, as the batch assignments' page lives in a module that depends on this one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ClerkPage {
}
