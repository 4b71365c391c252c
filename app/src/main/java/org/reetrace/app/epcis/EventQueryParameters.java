package org.reetrace.app.epcis;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that reads a SimpleEventQuery from its query parameters (read from the request whole, so
 * that an unsupported one is refused): {@link EpcisApiDocs} describes them, from {@link EventQuery#PARAMETERS}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface EventQueryParameters {
}
