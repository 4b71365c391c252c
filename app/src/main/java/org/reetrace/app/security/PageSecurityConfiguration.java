package org.reetrace.app.security;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The pages' sign-in: a person signs in with an API token and gets a session cookie (HttpOnly, SameSite=Lax, see
 * application.properties); every form carries a CSRF token; an ended session leads back to sign-in and, once signed in
 * again, to the page that was asked for. Only the pages pass through this chain: the API and EPCIS keep their bearer
 * tokens without sessions or cookies ({@link SecurityConfiguration}), and public documents (API docs, scripts, the
 * transparency log, issuer keys and certificate status) need nobody.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class PageSecurityConfiguration {

    /** Paths that are not pages: each answers for itself, without a session. */
    private static final String[] NOT_PAGES = {"/api/**", "/epcis/**", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html", "/actuator/**", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
            "/log/**", "/.well-known/**", "/credentials/**"};

    /** Pages anyone may open. */
    private static final String[] PUBLIC_PAGES = {"/sign-in", "/verify", "/verify/**", "/certificates/**"};

    /**
     * Spring Security's firewall sees every request, pages or not. Its defaults refuse what standard identifiers
     * hold once percent-encoded in a path (an EPCIS eventID such as {@code ni:///sha-256;...?ver=CBV2.0} or a URI
     * with {@code ;v=1}): those are let through, as Tomcat lets them through, and the application checks them.
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedDoubleSlash(true);
        firewall.setAllowSemicolon(true);
        firewall.setAllowUrlEncodedPercent(true);
        firewall.setAllowUrlEncodedPeriod(true);
        return firewall;
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ApiTokens tokens, Clock clock) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher[] notPages = new RequestMatcher[NOT_PAGES.length];
        for (int i = 0; i < NOT_PAGES.length; i++) {
            notPages[i] = path.matcher(NOT_PAGES[i]);
        }
        http.securityMatcher(new NegatedRequestMatcher(new OrRequestMatcher(notPages)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .usernameParameter("name")
                        .passwordParameter("token")
                        .failureUrl("/sign-in?failed")
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .logoutSuccessUrl("/sign-in?signed-out"))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInFirst()))
                .addFilterAfter(new SessionTokenCheck(tokens, clock), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Sends a person who is not signed in to the sign-in page, saying whether their session ended. An htmx request
     * (a part of a page) gets the same place in {@code HX-Redirect}, so the whole page goes there, not the part.
     */
    private static AuthenticationEntryPoint signInFirst() {
        return (request, response, refusal) -> {
            boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            String target = request.getContextPath() + "/sign-in" + (ended ? "?ended" : "");
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", target);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.setHeader(HttpHeaders.LOCATION, target);
                response.setStatus(HttpServletResponse.SC_FOUND);
            }
        };
    }
}
