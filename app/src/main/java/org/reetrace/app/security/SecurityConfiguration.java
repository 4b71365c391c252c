package org.reetrace.app.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Everything under {@code /api/} and the EPCIS interface under {@code /epcis} need a bearer token; the API docs, Swagger UI and web pages do not.
 * A plain interceptor is enough here: one authentication scheme, no sessions, no CSRF-prone cookies.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    static final String API_PATTERN = "/api/**";
    static final String EPCIS_PATTERN = "/epcis/**";

    private final BearerAuthentication authentication;

    SecurityConfiguration(BearerAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authentication).addPathPatterns(API_PATTERN, EPCIS_PATTERN);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
