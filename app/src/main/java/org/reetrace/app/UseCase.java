package org.reetrace.app;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Service;

/**
 * One thing a user does with reetrace (book events, capture a document, trace a lot, assess, pre-check...),
 * the one place it is done. Every entry point (the REST and EPCIS controllers, the command line, the demo,
 * the pages) calls a use case; the use case decides who may do it, asks the stores and the ledger writer, and
 * answers with records. It knows nothing of HTTP: a failure is a {@link org.reetrace.app.web.ProblemException}
 * that each entry point shows its own way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Service
public @interface UseCase {
}
