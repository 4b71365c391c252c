package org.reetrace.app.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}: every operation needs the bearer token. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String BEARER = "bearer";

    static {
        // the Caller comes from the token, not from the request: keep it out of the documented parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI reetraceOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("reetrace API")
                        .description("Chain of custody for rare-earth material, mine to magnet. Errors are RFC 9457"
                                + " problem details; every /api request carries 'Authorization: Bearer <token>'."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A token issued with 'reetrace token'")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
