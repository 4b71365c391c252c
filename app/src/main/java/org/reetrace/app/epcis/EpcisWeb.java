package org.reetrace.app.epcis;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reetrace.app.security.ApiTokens;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The EPCIS interface lives under {@code /epcis} (the GS1 REST binding's own paths below it), and needs the
 * same bearer tokens as {@code /api}. Every answer carries the GS1 version headers.
 *
 * <p>The token check repeats what security.BearerAuthentication does for /api/**, because that class is
 * package-private there; adding "/epcis/**" to its path patterns would make this interceptor's check redundant
 * (it leaves the caller under the same request attribute the Caller argument resolver reads).
 */
@Configuration(proxyBeanMethods = false)
class EpcisWeb implements WebMvcConfigurer {
    static final String EPCIS_VERSION = "2.0.0";
    static final String CBV_VERSION = "2.0.0";
    private static final String CALLER_ATTRIBUTE = Caller.class.getName();
    private static final String SCHEME = "Bearer ";

    private final ApiTokens tokens;

    EpcisWeb(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader("GS1-EPCIS-Version", EPCIS_VERSION);
                response.setHeader("GS1-CBV-Version", CBV_VERSION);
                if (request.getAttribute(CALLER_ATTRIBUTE) instanceof Caller) {
                    return true;
                }
                String header = request.getHeader(HttpHeaders.AUTHORIZATION);
                if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
                    throw ProblemException.unauthorized("This request needs an 'Authorization: Bearer <token>' header");
                }
                Caller caller = tokens.resolve(header.substring(SCHEME.length()).trim())
                        .orElseThrow(() -> ProblemException.unauthorized("The bearer token is not valid"));
                request.setAttribute(CALLER_ATTRIBUTE, caller);
                return true;
            }
        }).addPathPatterns("/epcis", "/epcis/**");
    }
}
