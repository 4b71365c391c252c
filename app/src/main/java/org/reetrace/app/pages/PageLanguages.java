package org.reetrace.app.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages speak English and Bahasa Malaysia. The switch on every page adds {@code ?lang=ms} (or {@code en}); the
 * choice is kept in a cookie for a year. Any other language asked for is ignored.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguages implements WebMvcConfigurer {

    static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.forLanguageTag("ms"));
    static final String PARAMETER = "lang";

    private final CookieLocaleResolver resolver = new CookieLocaleResolver("reetrace-lang");

    PageLanguages() {
        resolver.setDefaultLocale(Locale.ENGLISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
    }

    @Bean
    LocaleResolver localeResolver() {
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String asked = request.getParameter(PARAMETER);
                if (asked != null) {
                    SPOKEN.stream().filter(locale -> locale.getLanguage().equals(asked)).findFirst()
                            .ifPresent(locale -> resolver.setLocale(request, response, locale));
                }
                return true;
            }
        }).excludePathPatterns("/api/**", "/epcis/**");
    }
}
