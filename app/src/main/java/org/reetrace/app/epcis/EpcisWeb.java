package org.reetrace.app.epcis;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The EPCIS interface lives under {@code /epcis} (the GS1 REST binding's own paths below it). Every answer
 * carries the GS1 version headers. Bearer tokens are checked as for {@code /api} (security.SecurityConfiguration
 * covers {@code /epcis/**}), which leaves the caller for the handlers' {@code Caller} arguments.
 */
@Configuration(proxyBeanMethods = false)
class EpcisWeb implements WebMvcConfigurer {
    static final String EPCIS_VERSION = "2.0.0";
    static final String CBV_VERSION = "2.0.0";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader("GS1-EPCIS-Version", EPCIS_VERSION);
                response.setHeader("GS1-CBV-Version", CBV_VERSION);
                return true;
            }
        }).addPathPatterns("/epcis", "/epcis/**");
    }
}
