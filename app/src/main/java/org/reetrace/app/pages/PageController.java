package org.reetrace.app.pages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller that answers web pages for people (Thymeleaf templates), not JSON. Its failures are shown as pages
 * ({@link PageAdvice}), and the layout gets the signed-in person and the language switch.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
