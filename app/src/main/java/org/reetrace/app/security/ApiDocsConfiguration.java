package org.reetrace.app.security;

import java.util.List;
import org.reetrace.app.apidocs.TokenPaths;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI description needs to know of authentication: where a token is asked for, and who calls. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static {
        // the Caller comes from the token, not from the request: keep it out of the documented parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** The paths {@link BearerAuthentication} guards, as {@link SecurityConfiguration} registers it. */
    @Bean
    TokenPaths tokenPaths() {
        return new TokenPaths(List.of(SecurityConfiguration.API_PATTERN, SecurityConfiguration.EPCIS_PATTERN));
    }
}
