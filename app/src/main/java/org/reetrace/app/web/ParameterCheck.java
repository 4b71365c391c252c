package org.reetrace.app.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reetrace.core.text.StorableText;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters and path segments are text that can be kept too (a rule pack's {@code source}, an id): the
 * same characters are refused in them as in bodies ({@link StorableText}), with a 400 naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class ParameterCheck implements WebMvcConfigurer, HandlerInterceptor {

    private static final String EPCIS_TYPE = "epcisException:QueryParameterException";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // the EPCIS interface answers with GS1's exception types, which its clients switch on
        boolean epcis = request.getRequestURI().startsWith("/epcis/");
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value), epcis));
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return true; // no endpoint takes forms; reading the parameters here would consume the body
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            // Tomcat's InvalidParameterException: a percent-escape that is not UTF-8
            throw new ProblemException(HttpStatus.BAD_REQUEST, epcis ? EPCIS_TYPE : "invalid-parameter",
                    "Invalid parameter", "the query string holds a percent-encoded byte sequence that is not UTF-8",
                    Map.of());
        }
        parameters.forEach((name, values) -> {
            check(name, name, epcis);
            for (String v : values) {
                check(name, v, epcis);
            }
        });
        return true;
    }

    private static void check(String parameter, String value, boolean epcis) {
        String why = StorableText.refusal(value);
        if (why != null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, epcis ? EPCIS_TYPE : "invalid-parameter", "Invalid parameter",
                    parameter + ": text " + why, Map.of("parameter", parameter));
        }
    }
}
