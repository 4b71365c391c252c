package org.reetrace.app.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout needs (who is signed in, the links of the language switch), and failures shown as pages:
 * a use case's refusal keeps its status (403 for a lot the person may not see, as the API answers) and its reason.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    @ModelAttribute("person")
    Caller person(HttpServletRequest request) {
        return (Caller) request.getAttribute(Caller.class.getName());
    }

    @ModelAttribute("languages")
    LanguageLinks languages(HttpServletRequest request) {
        return LanguageLinks.of(request);
    }

    @ExceptionHandler(ProblemException.class)
    String refused(ProblemException problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        return failure(problem.status(), problem.title(), problem.detail(), request, response, model);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    String badRequest(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        String detail = e instanceof MethodArgumentTypeMismatchException mismatch
                ? "'" + mismatch.getValue() + "' is not a valid " + mismatch.getName()
                : e.getMessage();
        return failure(HttpStatus.BAD_REQUEST, "Bad request", detail, request, response, model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.error("page failed", e);
        return failure(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The page could not be made; the error is in the server's log.", request, response, model);
    }

    /** An exception handler's model is a new one, without the model attributes above: the layout needs them too. */
    private String failure(HttpStatus status, String title, String detail, HttpServletRequest request,
                           HttpServletResponse response, Model model) {
        model.addAttribute("person", person(request));
        model.addAttribute("languages", languages(request));
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "failure";
    }

    /** The current page in English and in Bahasa Malaysia: its address with {@code lang} set, and nothing else changed. */
    record LanguageLinks(String english, String malay) {
        static LanguageLinks of(HttpServletRequest request) {
            UriComponentsBuilder here = UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(Optional.ofNullable(request.getQueryString()).orElse(""))
                    .replaceQueryParam(PageLanguages.PARAMETER);
            return new LanguageLinks(here.cloneBuilder().queryParam(PageLanguages.PARAMETER, "en").build().toUriString(),
                    here.cloneBuilder().queryParam(PageLanguages.PARAMETER, "ms").build().toUriString());
        }
    }
}
